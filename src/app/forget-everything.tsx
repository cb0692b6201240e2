/**
 * "Forget everything", offered by the app shell so that it is one click away on every screen that
 * shows secrets. It lives in app/ because it is the one place allowed to reach every store.
 */
import { useId, useRef, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { forgetAllStored, storedKeys } from '../adapters/storage.ts'
import { useInspectorStore } from '../stores/inspector-store.ts'
import { BUTTON_BASE, BUTTON_SECONDARY } from '../ui/button-styles.ts'
import { StrokeIcon } from '../ui/stroke-icon.tsx'

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

export interface ForgetOutcome {
  /** Storage keys still there afterwards (none, unless storage refused to delete). */
  left: string[]
  /** Parts whose in-memory state could not be cleared. */
  failures: string[]
}

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
  return { left: storedKeys([MSAL_PREFIX]), failures }
}

export function outcomeText({ left, failures }: ForgetOutcome): string {
  if (!left.length && !failures.length)
    return "Forgotten: tokens, captures, the MSAL cache, the imported file, pasted keys, trusted hosts and saved profiles; nothing of this session is left in this browser's storage."
  const parts = [
    failures.length ? `${failures.join(', ')} could not be cleared in memory (reload the page to drop it)` : '',
    left.length ? `${left.length} storage entr${left.length === 1 ? 'y' : 'ies'} could not be removed (${left.join(', ')})` : '',
  ]
  return `Forgotten, with problems: ${parts.filter(Boolean).join('; ')}.`
}

/** The header button and its confirmation; `onDone` receives what happened. */
export function ForgetEverythingButton({ onDone }: { onDone: (outcome: ForgetOutcome) => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [busy, setBusy] = useState(false)
  // The dialog's text exists only while it is open: hidden copies of words like "code_verifier"
  // would otherwise match every search of the page's text.
  const [open, setOpen] = useState(false)
  const titleId = useId()
  const navigate = useNavigate()
  const location = useLocation()
  const confirm = async () => {
    setBusy(true)
    const outcome = await forgetEverything()
    setBusy(false)
    dialog.current?.close()
    // A token or profile may sit in the address itself (#/inspect?token=…): drop the query.
    if (location.search) void navigate({ pathname: location.pathname }, { replace: true })
    onDone(outcome)
  }
  return (
    <>
      <button
        type="button"
        className={`${BUTTON_BASE} shrink-0 border border-slate-200 text-slate-600 hover:border-red-300 hover:bg-red-50 hover:text-red-800 dark:border-slate-700 dark:text-slate-300 dark:hover:border-red-700 dark:hover:bg-red-950/50 dark:hover:text-red-100`}
        title="Forget everything this tab holds: tokens, captures, the MSAL cache, the imported file, keys and trusted hosts"
        onClick={() => {
          setOpen(true)
          dialog.current?.showModal()
        }}
      >
        <StrokeIcon size={16} strokeWidth={1.8}>
          <path d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3" />
        </StrokeIcon>
        <span className="sr-only sm:not-sr-only">Forget all…</span>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-800 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        {open ? (
          <ConfirmBody titleId={titleId} busy={busy} onCancel={() => dialog.current?.close()} onConfirm={() => void confirm()} />
        ) : null}
      </dialog>
    </>
  )
}

function ConfirmBody({
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

/**
 * What was forgotten, under the header until dismissed. The live region is always in the page,
 * so screen readers announce the sentence when it appears.
 */
export function ForgottenNotice({ outcome, onDismiss }: { outcome: ForgetOutcome | null; onDismiss: () => void }) {
  const clean = outcome !== null && !outcome.left.length && !outcome.failures.length
  const tone = clean
    ? 'border-b border-emerald-200 bg-emerald-50 text-emerald-950 dark:border-emerald-800/60 dark:bg-emerald-950/40 dark:text-emerald-50'
    : 'border-b border-red-200 bg-red-50 text-red-950 dark:border-red-800/60 dark:bg-red-950/40 dark:text-red-50'
  return (
    <div role="status" className={outcome ? `px-4 py-2 text-sm ${tone}` : undefined}>
      {outcome ? (
        <div className="mx-auto flex max-w-7xl items-start justify-between gap-3">
          <p>{outcomeText(outcome)}</p>
          <button type="button" className="shrink-0 rounded px-1.5 text-xs font-medium underline hover:no-underline" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  )
}
