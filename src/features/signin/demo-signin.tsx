/** The demo tenant's sign-in page, drawn in the app: pick a user, consent, or cancel. */
import { useEffect, useRef, useState } from 'react'
import type { AuthorizePrompt, DemoUser } from '../../core/demo-tenant/types.ts'
import { Badge } from '../../ui/badge.tsx'
import { BUTTON_PRIMARY, BUTTON_SECONDARY } from '../../ui/button-styles.ts'

const KIND_TONE = { member: 'sky', admin: 'amber', guest: 'slate' } as const
const KIND_LABEL = { member: 'Member', admin: 'Administrator', guest: 'Guest' } as const

/**
 * The demo tenant's own sign-in page (what login.microsoftonline.com would show): pick one of
 * the demo users, then consent to the scopes the app asked for. Clearly labelled simulated.
 */
export function DemoSignIn({
  prompt,
  busy,
  onChoose,
  onCancel,
}: {
  prompt: AuthorizePrompt
  busy: boolean
  onChoose: (userId: string, consent: boolean) => void
  onCancel: () => void
}) {
  const [picked, setPicked] = useState<DemoUser | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [picked])
  const needsConsent = prompt.consentScopes.length > 0
  return (
    <section
      aria-labelledby="demo-signin-title"
      className="mx-auto w-full max-w-md overflow-hidden rounded-xl border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-100 bg-slate-50 px-5 py-2 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-800/60 dark:text-slate-300">
        <span className="font-mono">login.microsoftonline.com</span>
        <Badge tone="violet" title="No real identity provider is involved: the demo tenant runs inside this page">
          simulated
        </Badge>
      </div>
      <div className="p-6">
        <p className="text-sm font-semibold text-slate-500 dark:text-slate-400">Token Lens demo tenant</p>
        {!picked ? (
          <>
            <h2 id="demo-signin-title" ref={heading} tabIndex={-1} className="mt-1 text-xl font-semibold outline-none">
              Pick an account
            </h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
              to continue to the Token Lens demo app{prompt.loginHint ? ` (hint: ${prompt.loginHint})` : ''}
            </p>
            <ul className="mt-4 space-y-2">
              {prompt.users.map((u) => (
                <li key={u.id}>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => (needsConsent ? setPicked(u) : onChoose(u.id, true))}
                    className="flex w-full items-start gap-3 rounded-lg border border-slate-200 p-3 text-left hover:border-indigo-400 hover:bg-indigo-50/50 disabled:opacity-60 dark:border-slate-700 dark:hover:border-indigo-400 dark:hover:bg-indigo-500/10"
                  >
                    <Avatar name={u.displayName} />
                    <span className="min-w-0 flex-1">
                      <span className="flex flex-wrap items-center gap-2">
                        <span className="font-medium">{u.displayName}</span>
                        <Badge tone={KIND_TONE[u.kind]}>{KIND_LABEL[u.kind]}</Badge>
                      </span>
                      <span className="block truncate text-sm text-slate-600 dark:text-slate-300">{u.userPrincipalName}</span>
                      <span className="mt-0.5 block text-xs text-slate-500 dark:text-slate-400">{u.description}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" className={`${BUTTON_SECONDARY} mt-4`} onClick={onCancel} disabled={busy}>
              Cancel
            </button>
          </>
        ) : (
          <>
            <h2 id="demo-signin-title" ref={heading} tabIndex={-1} className="mt-1 text-xl font-semibold outline-none">
              Permissions requested
            </h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
              Signed in as <strong>{picked.userPrincipalName}</strong>. The app <span className="font-mono text-xs">{prompt.clientId}</span>{' '}
              would like to:
            </p>
            <ul className="mt-3 space-y-1.5 rounded-lg bg-slate-50 p-3 text-sm dark:bg-slate-800/60">
              {prompt.consentScopes.map((s) => (
                <li key={s} className="flex items-start gap-2">
                  <svg
                    width="16"
                    height="16"
                    viewBox="0 0 24 24"
                    className="mt-0.5 shrink-0 text-emerald-600"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="2.5"
                    aria-hidden="true"
                  >
                    <path d="M5 12l5 5L20 7" />
                  </svg>
                  <span>
                    <code className="font-mono text-xs">{s}</code>{' '}
                    <span className="text-slate-600 dark:text-slate-300">{scopeWords(s)}</span>
                  </span>
                </li>
              ))}
            </ul>
            <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
              Accepting records the consent in the demo tenant, as Entra does for a user. Declining sends the app an access_denied error
              (AADSTS65004).
            </p>
            <div className="mt-4 flex gap-2">
              <button type="button" className={BUTTON_PRIMARY} disabled={busy} onClick={() => onChoose(picked.id, true)}>
                Accept
              </button>
              <button type="button" className={BUTTON_SECONDARY} disabled={busy} onClick={() => onChoose(picked.id, false)}>
                Decline
              </button>
            </div>
          </>
        )}
      </div>
    </section>
  )
}

function scopeWords(scope: string): string {
  const s = scope.toLowerCase()
  if (s === 'openid') return 'Sign you in'
  if (s === 'profile') return 'View your basic profile'
  if (s === 'email') return 'View your email address'
  if (s === 'offline_access') return 'Keep access to data you gave it access to (refresh token)'
  if (s.endsWith('user.read')) return 'Read your profile in Microsoft Graph'
  if (s.endsWith('notes.read')) return 'Read your notes in the demo API'
  return ''
}

function Avatar({ name }: { name: string }) {
  const initials = name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase()
  return (
    <span
      aria-hidden="true"
      className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-sm font-semibold text-white"
    >
      {initials}
    </span>
  )
}
