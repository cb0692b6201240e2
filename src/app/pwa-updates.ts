/**
 * The service worker's life, as the page sees it (README "Offline and installing"). Wraps the
 * registration function of vite-plugin-pwa's virtual module (injected, so this file has no
 * build-time dependency and can be tested with a fake) and turns its callbacks into one status:
 *
 * - 'offline-ready': the first install finished; every screen now works without a network.
 * - 'update-ready': a new version is installed and waiting. Nothing changes until the user asks:
 *   a trainer mid-demo must never see the app swap under them.
 * - 'updated-elsewhere': another tab of Token Lens applied the update; this tab still runs the
 *   old code and says so instead of reloading itself.
 * - 'reloading': the user chose "Reload"; the page reloads once the new worker is in control.
 */
import type { RegisterSWOptions } from 'vite-plugin-pwa/types'

export type PwaStatus = 'idle' | 'offline-ready' | 'update-ready' | 'updated-elsewhere' | 'reloading'

/** The shape of `registerSW` from 'virtual:pwa-register'. */
export type RegisterSW = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>

export interface PwaUpdates {
  status: () => PwaStatus
  subscribe: (listener: () => void) => () => void
  /** The user's "Reload": activate the waiting version (or just reload when another tab did). */
  reload: () => void
  dismiss: () => void
}

export interface PwaEnvironment {
  reloadPage: () => void
  /** Browsers look for a new sw.js on navigations only; a demo can stay on one page for hours. */
  setInterval: (fn: () => void, ms: number) => unknown
  setTimeout: (fn: () => void, ms: number) => unknown
  online: () => boolean
}

const UPDATE_CHECK_MS = 60 * 60 * 1000
/** If the new worker has not taken control this long after "Reload", reload anyway: the user asked. */
const RELOAD_FALLBACK_MS = 4000

const browserEnvironment = (): PwaEnvironment => ({
  reloadPage: () => window.location.reload(),
  setInterval: (fn, ms) => window.setInterval(fn, ms),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  online: () => navigator.onLine,
})

export function createPwaUpdates(registerSW: RegisterSW, env: PwaEnvironment = browserEnvironment()): PwaUpdates {
  let current: PwaStatus = 'idle'
  let userAsked = false
  const listeners = new Set<() => void>()
  const set = (next: PwaStatus) => {
    if (next === current) return
    current = next
    for (const l of listeners) l()
  }

  const applyUpdate = registerSW({
    onOfflineReady: () => {
      if (current === 'idle') set('offline-ready')
    },
    onNeedRefresh: () => set('update-ready'),
    // Called when a new worker takes control. Without this callback the plugin would reload the
    // page itself, also when the update was applied from another tab.
    onNeedReload: () => {
      if (userAsked) env.reloadPage()
      else set('updated-elsewhere')
    },
    onRegisteredSW: (_url, registration) => {
      if (!registration) return
      env.setInterval(() => {
        if (env.online()) registration.update().catch(() => undefined)
      }, UPDATE_CHECK_MS)
    },
    // No worker (private mode, blocked, unsupported): the app works as before, online only.
    onRegisterError: () => undefined,
  })

  return {
    status: () => current,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    reload() {
      if (current === 'updated-elsewhere') {
        env.reloadPage()
        return
      }
      if (current !== 'update-ready') return
      userAsked = true
      set('reloading')
      void applyUpdate(true).catch(() => env.reloadPage())
      env.setTimeout(() => env.reloadPage(), RELOAD_FALLBACK_MS)
    },
    dismiss() {
      if (current !== 'reloading') set('idle')
    },
  }
}
