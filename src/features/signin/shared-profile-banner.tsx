/** A profile arriving in a link: what it would add (host, authority, client) before "Add it". */
import { KIND_LABELS, type SharedProfileReading } from '../../core/capture/profile.ts'
import { BUTTON_GHOST, BUTTON_PRIMARY } from '../../ui/button-styles.ts'

/**
 * The offer of a profile carried by a share link. The link was written by someone else, so the
 * host a sign-in would go to is the first thing said, before the "Add it" button.
 */
export function SharedProfileBanner({
  reading,
  onAdd,
  onIgnore,
}: {
  reading: SharedProfileReading
  onAdd: () => void
  onIgnore: () => void
}) {
  const box = reading.ok
    ? 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-600/60 dark:bg-amber-950/40 dark:text-amber-50'
    : 'border-red-300 bg-red-50 text-red-950 dark:border-red-700/70 dark:bg-red-950/40 dark:text-red-50'
  return (
    <div role="status" aria-labelledby="shared-profile-title" className={`mt-4 rounded-lg border px-4 py-3 text-sm ${box}`}>
      <h2 id="shared-profile-title" className="font-semibold">
        Shared connection profile
      </h2>
      {reading.ok ? (
        <>
          <p className="mt-1">
            This link came from someone else. It carries a connection profile, <strong>{reading.profile.name}</strong>; signing in with it
            sends your browser to <strong className="break-all font-mono text-base">{reading.host}</strong>.
          </p>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-xs">
            <dt className="font-medium">Sign-in host</dt>
            <dd className="break-all font-mono">{reading.host}</dd>
            <dt className="font-medium">Authority</dt>
            <dd className="break-all font-mono">{reading.authority}</dd>
            <dt className="font-medium">Client ID</dt>
            <dd className="break-all font-mono">{reading.profile.clientId}</dd>
            <dt className="font-medium">Kind</dt>
            <dd>{KIND_LABELS[reading.profile.kind]}</dd>
            <dt className="font-medium">Scopes</dt>
            <dd className="break-all font-mono">{reading.profile.scopes || '—'}</dd>
          </dl>
          <p className="mt-2 text-xs">
            Add it only if you trust whoever sent the link and expect to sign in at {reading.host}. It becomes a new profile: your saved
            profiles and the built-in demo stay as they are.
          </p>
        </>
      ) : (
        <p className="mt-1">
          This link carries a profile that could not be read, so nothing was added. <span className="font-medium">{reading.reason}</span>
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        {reading.ok ? (
          <button type="button" className={BUTTON_PRIMARY} onClick={onAdd}>
            Add it
          </button>
        ) : null}
        <button type="button" className={BUTTON_GHOST} onClick={onIgnore}>
          Ignore
        </button>
      </div>
    </div>
  )
}
