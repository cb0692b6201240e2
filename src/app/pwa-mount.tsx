/**
 * The app shell's hook for the service worker (README "Offline and installing"). Part of the
 * first view, so it is only this: after the load event and an idle moment it fetches
 * pwa-connect.tsx, which registers the worker and shows its notices. The first view's
 * JavaScript (scripts/budget.mjs) therefore carries none of Workbox.
 * TOKEN_LENS_PWA is defined by vite.config.ts for the web build only: the dev server, unit tests
 * and the browser extension (which shares this layout) drop the import entirely.
 */
import { lazy, Suspense, type ComponentType } from 'react'

/** An idle moment after the page's load event (a timeout where requestIdleCallback is missing). */
export function afterLoadIdle(): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => {
      if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => resolve(), { timeout: 4000 })
      else window.setTimeout(resolve, 1000)
    }
    if (document.readyState === 'complete') idle()
    else window.addEventListener('load', idle, { once: true })
  })
}

const Connect =
  import.meta.env.TOKEN_LENS_PWA && typeof navigator !== 'undefined' && 'serviceWorker' in navigator
    ? // A failed fetch (network gone before the worker ever installed) must not take the shell
      // down with it: the app then simply runs without offline support.
      lazy<ComponentType>(() =>
        afterLoadIdle()
          .then(() => import('./pwa-connect.tsx'))
          .catch(() => ({ default: () => null })),
      )
    : null

export function PwaStatus() {
  return Connect ? (
    <Suspense fallback={null}>
      <Connect />
    </Suspense>
  ) : null
}
