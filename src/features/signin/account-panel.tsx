/** The signed-in account: who, at which issuer, with refresh and sign-out. */
import { useState } from 'react'
import { accountLine } from '../../core/providers/account-line.ts'
import { useSignInStore } from '../../stores/signin-store.ts'
import { BUTTON_SECONDARY, INPUT } from '../../ui/button-styles.ts'
import { Panel } from '../../ui/panel.tsx'
import { GraphMeResult } from './graph-me-result.tsx'
import { UserinfoResult } from './userinfo-result.tsx'

/** The signed-in account and what can be done with it: more scopes, silent refresh, sign-out. */
/** MSAL's two ways to get a token for more scopes: from its cache or refresh token, or with a new redirect. */
const ACQUIRE_WAYS = [
  { redirect: false, label: 'Acquire silently' },
  { redirect: true, label: 'With a redirect' },
] as const

export function AccountPanel() {
  const s = useSignInStore()
  // User.Read is Microsoft Graph's; another provider knows only its own scopes, so start from the profile's.
  const [scopes, setScopes] = useState(() => {
    const profile = s.profiles.find((p) => p.id === s.activeId)
    return profile?.kind === 'oidc' ? profile.scopes.trim() || 'openid' : 'User.Read'
  })
  if (!s.account) return null
  const list = scopes.split(/\s+/).filter(Boolean)
  const line = s.account.facts ? accountLine(s.account.facts) : s.account.username
  return (
    <Panel
      id="account"
      title={`Signed in as ${s.account.name}`}
      // Facts with no value are left out (an OpenID provider has no tenant; see account-line.ts).
      description={line ? <span data-testid="account-line">{line}</span> : undefined}
    >
      <div className="space-y-4">
        {s.account.scopes.length ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Last access token: <span className="font-mono text-xs">{s.account.scopes.join(' ')}</span>
            {s.account.expiresOn ? <> · expires {new Date(s.account.expiresOn).toLocaleTimeString()}</> : null}
          </p>
        ) : null}
        {s.graph ? <GraphMeResult graph={s.graph} /> : null}
        {s.userinfo ? <UserinfoResult userinfo={s.userinfo} /> : null}
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-60 flex-1">
            <label htmlFor="more-scopes" className="block text-sm font-medium text-slate-700 dark:text-slate-200">
              Get a token for more scopes
            </label>
            <input id="more-scopes" className={`${INPUT} mt-1 font-mono`} value={scopes} onChange={(e) => setScopes(e.target.value)} />
          </div>
          {ACQUIRE_WAYS.map(({ redirect, label }) => (
            <button
              key={label}
              type="button"
              className={BUTTON_SECONDARY}
              disabled={!list.length || s.busy !== null}
              onClick={() => void s.acquire(list, redirect)}
            >
              {label}
            </button>
          ))}
        </div>
        <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4 dark:border-slate-800">
          <button type="button" className={BUTTON_SECONDARY} disabled={s.busy !== null} onClick={() => void s.refresh()}>
            Refresh silently
          </button>
          <button type="button" className={BUTTON_SECONDARY} disabled={s.busy !== null} onClick={() => void s.signOut()}>
            Sign out
          </button>
        </div>
      </div>
    </Panel>
  )
}
