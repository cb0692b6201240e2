/**
 * The one line Token Lens shows about its service worker (README "Offline and installing"):
 * offline ready after the first visit, a new version waiting, or applied from another tab. It
 * never moves focus (a trainer may be typing) and never reloads on its own; "Reload" is the
 * user's choice. The live region is in the page before any message, so screen readers announce
 * the message when it appears.
 */
import { useEffect, useSyncExternalStore } from 'react'
import { BUTTON_GHOST, BUTTON_PRIMARY } from '../ui/button-styles.ts'
import { StrokeIcon } from '../ui/stroke-icon.tsx'
import type { PwaStatus, PwaUpdates } from './pwa-updates.ts'

/** The "works offline" note is news, not a question: it leaves by itself (it can be dismissed sooner). */
export const OFFLINE_NOTE_MS = 8000

const TEXT: Record<Exclude<PwaStatus, 'idle'>, { title: string; detail: string }> = {
  'update-ready': {
    title: 'A new version of Token Lens is ready.',
    detail: 'Reload to use it. This tab’s token and captures stay; an imported HAR file would need opening again.',
  },
  'updated-elsewhere': {
    title: 'Token Lens was updated in another tab.',
    detail: 'This tab still runs the previous version. Reload when convenient.',
  },
  reloading: { title: 'Reloading into the new version…', detail: '' },
  'offline-ready': { title: 'Token Lens now works offline.', detail: 'Every screen, the demo tenant included, is stored in this browser.' },
}

export function PwaNotice({ updates }: { updates: PwaUpdates }) {
  const status = useSyncExternalStore(updates.subscribe, updates.status, updates.status)

  useEffect(() => {
    if (status !== 'offline-ready') return
    const timer = window.setTimeout(() => updates.dismiss(), OFFLINE_NOTE_MS)
    return () => window.clearTimeout(timer)
  }, [status, updates])

  const text = status === 'idle' ? null : TEXT[status]
  const asksReload = status === 'update-ready' || status === 'updated-elsewhere'
  return (
    // No padding on the fixed frame: empty, it has no size, so a message appearing in it is not
    // counted as the page moving (layout shift measures boxes that were there and moved).
    <div className="pointer-events-none fixed inset-x-3 bottom-3 z-50 flex justify-center sm:inset-x-4 sm:bottom-4 sm:justify-end">
      <div
        role="status"
        data-pwa-status={status}
        className={
          text
            ? 'pointer-events-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-800 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100'
            : undefined
        }
      >
        {text ? (
          <div className="flex items-start gap-3">
            <StrokeIcon size={18} strokeWidth={2} className="mt-0.5 shrink-0 text-indigo-600 dark:text-indigo-400">
              {asksReload || status === 'reloading' ? <path d="M20 12a8 8 0 1 1-2.34-5.66M20 4v5h-5" /> : <path d="M5 12l4 4 10-10" />}
            </StrokeIcon>
            <div className="min-w-0 flex-1">
              <p className="font-medium">{text.title}</p>
              {text.detail ? <p className="mt-0.5 text-slate-600 dark:text-slate-300">{text.detail}</p> : null}
              {asksReload || status === 'offline-ready' ? (
                <div className="mt-2 flex gap-2">
                  {asksReload ? (
                    <button type="button" className={BUTTON_PRIMARY} onClick={() => updates.reload()}>
                      Reload
                    </button>
                  ) : null}
                  <button type="button" className={BUTTON_GHOST} onClick={() => updates.dismiss()}>
                    {asksReload ? 'Later' : 'Dismiss'}
                  </button>
                </div>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>
    </div>
  )
}
