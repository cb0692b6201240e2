/** Fetches the report view and verifier chunks at idle (and on pointer or focus of the input), never on paste. */
import { loadReportView } from './report-view-loader.ts'
import { loadInspectCore } from './use-inspection.ts'

export { loadReportView } from './report-view-loader.ts'

/**
 * The report's code and the verifier (jose, the claims registry and its humanisers) stay out of
 * the first view's JavaScript (DESIGN §9), but a person must not wait for them after pasting:
 * they are fetched while the page is idle once it has loaded, and at once when the
 * pointer or focus reaches the token field. Then warm-up.tsx (a chunk of its own) runs the page
 * once, off screen, on tokens signed in the page, so the first real paste finds the code it runs
 * compiled and warm (measured: a first paste cost twice the CPU of a paste after Clear, which
 * mounts the same report; the difference was code run for the first time).
 */

/** The claim tables, from the verifier's chunk (annotate.ts is part of it, not of the first view). */
const prefetchExplanations = () => import('../../core/claims/annotate.ts').then((m) => m.prefetchExplanations())

let started: Promise<void> | null = null
let stopWarm: (() => void) | null = null
// Bumped when the page goes away: chunks still loading then must not start a warm-up for it.
let generation = 0

/** Loads the report view and the verifier, then warms the page's paths. Safe to call often. */
export function prefetchInspector(): Promise<void> {
  const asked = generation
  // The claim explanations are asked for here too, in the same batch, rather than when the
  // warm-up first renders a report: on a busy machine that came seconds later, after the page
  // had looked idle, and a paste made meanwhile waited for them.
  started ??= Promise.all([loadReportView(), loadInspectCore(), import('./warm-up.tsx'), prefetchExplanations()])
    .then(([, , w]) => {
      stopWarm = w.stopWarmUp
      if (asked !== generation) return
      return w.warmUp()
    })
    .catch(() => {
      // Best effort: a failed prefetch is retried by the next call, and a real inspection
      // reports its own loading error.
      started = null
    })
  return started
}

/**
 * After the page has loaded (its own scripts, styles and fonts come first: on a busy machine the
 * idle callback's timeout fired before the load event and the prefetch competed with the first
 * view), when the main thread is idle (or within a second on a busy one). The returned cleanup
 * also ends an unfinished warm-up, so it never outlives the page; the next visit starts it again
 * (the chunks stay loaded).
 */
export function prefetchWhenIdle(): () => void {
  let cancelIdle: () => void = () => undefined
  const halt = () => {
    generation += 1
    stopWarm?.()
    started = null
  }
  const schedule = () => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => void prefetchInspector(), { timeout: 1000 })
      cancelIdle = () => cancelIdleCallback(id)
    } else {
      const id = setTimeout(() => void prefetchInspector(), 200)
      cancelIdle = () => clearTimeout(id)
    }
  }
  const loaded = typeof document === 'undefined' || document.readyState === 'complete'
  if (loaded) schedule()
  else window.addEventListener('load', schedule, { once: true })
  return () => {
    if (!loaded) window.removeEventListener('load', schedule)
    cancelIdle()
    halt()
  }
}
