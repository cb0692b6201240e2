/** The saved and built-in connection profiles, with sign-in, edit, share and delete. */
import { useRef } from 'react'
import { KIND_LABELS, blankProfile, type ConnectionProfile } from '../../core/capture/profile.ts'
import { useSignInStore } from '../../stores/signin-store.ts'
import { BUTTON_GHOST, BUTTON_SECONDARY, INPUT } from '../../ui/button-styles.ts'
import { CopyButton } from '../../ui/copy-button.tsx'
import { Panel } from '../../ui/panel.tsx'

/** The share link's payload: the profile without its id (the reader's copy gets its own). */
function encodeProfile(p: ConnectionProfile): string {
  const bytes = new TextEncoder().encode(JSON.stringify({ ...p, id: undefined }))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

/** Choose, add, edit, import, export and share connection profiles. */
export function ProfilePicker({
  redirectUri,
  onEdit,
  message,
  setMessage,
}: {
  redirectUri: string
  onEdit: (p: ConnectionProfile) => void
  message: string | null
  setMessage: (m: string) => void
}) {
  const { profiles, activeId, selectProfile, deleteProfile, importProfiles } = useSignInStore()
  const file = useRef<HTMLInputElement>(null)
  const active = profiles.find((p) => p.id === activeId) ?? profiles[0]
  const exportJson = () => {
    const blob = new Blob(
      [
        JSON.stringify(
          profiles.filter((p) => p.kind !== 'demo'),
          null,
          2,
        ),
      ],
      { type: 'application/json' },
    )
    const a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = 'token-lens-profiles.json'
    a.click()
    setTimeout(() => URL.revokeObjectURL(a.href), 1000)
  }
  const shareLink =
    active && active.kind !== 'demo'
      ? `${window.location.origin}${window.location.pathname}#/signin?profile=${encodeProfile(active)}`
      : null
  return (
    <Panel
      id="connection"
      title="Connection"
      description="Profiles are stored in this browser only. An SPA has no secret, so there is none to store."
    >
      <div className="space-y-3">
        <label htmlFor="profile-select" className="block text-sm font-medium text-slate-700 dark:text-slate-200">
          Profile
        </label>
        <select id="profile-select" className={INPUT} value={active?.id} onChange={(e) => selectProfile(e.target.value)}>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} — {KIND_LABELS[p.kind]}
            </option>
          ))}
        </select>
        {active ? (
          <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-xs">
            <dt className="text-slate-500 dark:text-slate-400">Client ID</dt>
            <dd className="break-all font-mono">{active.clientId || '—'}</dd>
            <dt className="text-slate-500 dark:text-slate-400">{active.kind === 'oidc' ? 'Authority' : 'Tenant'}</dt>
            <dd className="break-all font-mono">{(active.kind === 'oidc' ? active.authority : active.tenant) || '—'}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Scopes</dt>
            <dd className="break-all font-mono">{active.scopes || '—'}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Redirect URI</dt>
            <dd className="break-all font-mono">{active.redirectUri}</dd>
          </dl>
        ) : null}
        <div className="flex flex-wrap gap-1.5">
          <button
            type="button"
            className={BUTTON_SECONDARY}
            onClick={() => onEdit(blankProfile(`p-${Date.now().toString(36)}`, redirectUri))}
          >
            New profile
          </button>
          {active && active.kind !== 'demo' ? (
            <>
              <button type="button" className={BUTTON_SECONDARY} onClick={() => onEdit(active)}>
                Edit
              </button>
              <button type="button" className={BUTTON_GHOST} onClick={() => deleteProfile(active.id)}>
                Delete
              </button>
            </>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-1.5 border-t border-slate-100 pt-3 dark:border-slate-800">
          <button type="button" className={BUTTON_GHOST} onClick={exportJson} disabled={profiles.length < 2}>
            Export JSON
          </button>
          <button type="button" className={BUTTON_GHOST} onClick={() => file.current?.click()}>
            Import JSON
          </button>
          <input
            ref={file}
            type="file"
            accept="application/json,.json"
            className="hidden"
            aria-label="Import profiles from a JSON file"
            onChange={(e) => {
              const f = e.target.files?.[0]
              if (f) void f.text().then((t) => setMessage(importProfiles(t)))
              e.target.value = ''
            }}
          />
          {shareLink ? <CopyButton text={shareLink} label="Copy share link" className="!border-0 !shadow-none" /> : null}
        </div>
        {message ? (
          <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
            {message}
          </p>
        ) : null}
      </div>
    </Panel>
  )
}
