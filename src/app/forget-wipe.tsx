/**
 * The wipe behind "Forget everything" and its confirmation's words: a lazy chunk, fetched when the
 * pointer or focus reaches the header's button (forget-everything.tsx), so the first view does
 * not carry them. It lives in app/ because it is the one place allowed to reach every store.
 */
import { forgetAllStored, storedKeys } from '../adapters/storage.ts'
import { useInspectorStore } from '../stores/inspector-store.ts'
import { BUTTON_BASE, BUTTON_SECONDARY } from '../ui/button-styles.ts'
import type { ForgetOutcome } from './forget-everything.tsx'

/** MSAL keeps its cache (tokens, accounts, the interaction in progress) under this prefix. */
const MSAL_PREFIX = 'msal.'

const WIPED = [
  ['Tokens', 'the inspector’s token and second token, the signed-in account and its ID, access and refresh tokens'],
  ['Captures', 'every captured exchange: authorization codes, code_verifier, token responses'],
  ['The MSAL cache', 'and the demo tenant’s state in this tab'],
  ['The imported HAR file', 'and its analysis'],
  ['Keys and trust', 'pasted JWKS, fetched discovery documents and keys, issuer hosts you chose to trust'],
  ['Profiles and settings', 'saved connection profiles and sign-in switches (the built-in demo stays)'],
] as const

/**
 * Empties every store in memory, then both storage areas. The other stores are loaded on demand
 * (they carry MSAL, the HAR worker and the demo tenant, which the first screen must not pay
 * for); loading one that was never used only reads what storage holds, which goes next anyway.
 * A part that fails does not stop the others, and the storage wipe always runs.
 */
export async function forgetEverything(): Promise<ForgetOutcome> {
  const failures: string[] = []
  const part = async (name: string, run: () => unknown) => {
    try {
      await run()
    } catch {
      failures.push(name)
    }
  }
  await part('the inspector', () => useInspectorStore.getState().forgetAll())
  await part('the imported file', async () => (await import('../stores/import-store.ts')).useImportStore.getState().reset())
  await part('the captures', async () => (await import('../stores/capture-store.ts')).useCaptureStore.getState().forget())
  await part('the sign-in and the MSAL cache', async () =>
    (await import('../stores/signin-store.ts')).useSignInStore.getState().forgetEverything(),
  )
  forgetAllStored([MSAL_PREFIX])
  const left = storedKeys([MSAL_PREFIX])
  return { left, failures, text: outcomeText(left, failures) }
}

function outcomeText(left: string[], failures: string[]): string {
  if (!left.length && !failures.length)
    return "Forgotten: tokens, captures, the MSAL cache, the imported file, pasted keys, trusted hosts and saved profiles; nothing of this session is left in this browser's storage."
  const parts = [
    failures.length ? `${failures.join(', ')} could not be cleared in memory (reload the page to drop it)` : '',
    left.length ? `${left.length} storage entr${left.length === 1 ? 'y' : 'ies'} could not be removed (${left.join(', ')})` : '',
  ]
  return `Forgotten, with problems: ${parts.filter(Boolean).join('; ')}.`
}

export function ConfirmBody({
  titleId,
  busy,
  onCancel,
  onConfirm,
}: {
  titleId: string
  busy: boolean
  onCancel: () => void
  onConfirm: () => void
}) {
  return (
    <>
      <h2 id={titleId} className="text-lg font-semibold text-slate-900 dark:text-white">
        Forget everything?
      </h2>
      <p className="mt-1 text-slate-600 dark:text-slate-300">
        This wipes what Token Lens holds for this tab, in memory and in this browser’s storage:
      </p>
      <dl className="mt-3 space-y-1.5">
        {WIPED.map(([what, detail]) => (
          <div key={what}>
            <dt className="inline font-medium">{what}</dt> <dd className="inline text-slate-600 dark:text-slate-300">— {detail}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-600 dark:text-slate-300">
        It cannot be undone, and nothing is sent anywhere. Your session at the identity provider itself (its cookies on its own site) is not
        ours to delete: sign out there to end it.
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className={BUTTON_SECONDARY} autoFocus disabled={busy} onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={`${BUTTON_BASE} bg-red-700 text-white shadow-sm hover:bg-red-800 dark:bg-red-600 dark:hover:bg-red-500`}
          disabled={busy}
          onClick={onConfirm}
        >
          {busy ? 'Forgetting…' : 'Forget everything'}
        </button>
      </div>
    </>
  )
}
