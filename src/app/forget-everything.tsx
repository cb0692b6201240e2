/**
 * "Forget everything", offered by the app shell so that it is one click away on every screen that
 * shows secrets. The button is first-view code; the wipe and the confirmation's words
 * (forget-wipe.tsx) load when the pointer or focus reaches it, or on the click at the latest.
 */
import { useId, useRef, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { BUTTON_BASE } from '../ui/button-styles.ts'
import { StrokeIcon } from '../ui/stroke-icon.tsx'
import type * as Wipe from './forget-wipe.tsx'

export interface ForgetOutcome {
  /** Storage keys still there afterwards (none, unless storage refused to delete). */
  left: string[]
  /** Parts whose in-memory state could not be cleared. */
  failures: string[]
  /** The sentence shown under the header. */
  text: string
}

let wipeModule: Promise<typeof Wipe> | null = null
function loadWipe(): Promise<typeof Wipe> {
  wipeModule ??= import('./forget-wipe.tsx').catch((e: unknown) => {
    // Offline after an update, say: the next attempt may succeed.
    wipeModule = null
    throw e
  })
  return wipeModule
}

/** The header button and its confirmation; `onDone` receives what happened. */
export function ForgetEverythingButton({ onDone }: { onDone: (outcome: ForgetOutcome) => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [busy, setBusy] = useState(false)
  const [wipe, setWipe] = useState<typeof Wipe | null>(null)
  const [loadFailed, setLoadFailed] = useState(false)
  const prepare = () => {
    void loadWipe().then(
      (m) => {
        setWipe(() => m)
        setLoadFailed(false)
      },
      () => setLoadFailed(true),
    )
  }
  // The dialog's text exists only while it is open: hidden copies of words like "code_verifier"
  // would otherwise match every search of the page's text.
  const [open, setOpen] = useState(false)
  const titleId = useId()
  const navigate = useNavigate()
  const location = useLocation()
  const confirm = async () => {
    if (!wipe) return
    setBusy(true)
    const outcome = await wipe.forgetEverything()
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
        onPointerEnter={prepare}
        onFocus={prepare}
        onClick={() => {
          prepare()
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
        {open && wipe ? (
          <wipe.ConfirmBody titleId={titleId} busy={busy} onCancel={() => dialog.current?.close()} onConfirm={() => void confirm()} />
        ) : open ? (
          <>
            <h2 id={titleId} className="text-lg font-semibold text-slate-900 dark:text-white">
              Forget everything?
            </h2>
            <p className="mt-1 text-slate-600 dark:text-slate-300" role={loadFailed ? 'alert' : undefined}>
              {loadFailed ? 'This part of Token Lens could not be loaded. Reload the page and try again.' : 'Loading…'}
            </p>
            <div className="mt-4 flex justify-end">
              <button type="button" className={BUTTON_BASE} autoFocus onClick={() => dialog.current?.close()}>
                Close
              </button>
            </div>
          </>
        ) : null}
      </dialog>
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
          <p>{outcome.text}</p>
          <button type="button" className="shrink-0 rounded px-1.5 text-xs font-medium underline hover:no-underline" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  )
}
