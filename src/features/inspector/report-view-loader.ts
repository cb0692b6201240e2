/** Loads the report view chunk once and tells components when it is there. */
import { useSyncExternalStore } from 'react'
import type * as ReportViewModule from './report-view.tsx'

/**
 * The report's code (the annotated tables, findings, keys panel) stays out of the first view's
 * JavaScript (DESIGN §9): it is loaded once, and the page draws it as soon as it is there.
 */

let reportModule: typeof ReportViewModule | null = null
let reportPromise: Promise<typeof ReportViewModule> | null = null
const listeners = new Set<() => void>()

export function loadReportView(): Promise<typeof ReportViewModule> {
  reportPromise ??= import('./report-view.tsx').then(
    (m) => {
      reportModule = m
      for (const l of listeners) l()
      return m
    },
    (e: unknown) => {
      // Offline after an update, say: the next attempt may succeed, and the page keeps showing
      // the decoded token from the first view's own code meanwhile.
      reportPromise = null
      throw e
    },
  )
  return reportPromise
}

const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => {
    listeners.delete(l)
  }
}

/** The report view's module once it has loaded (null before): rendered without a Suspense gap. */
export function useReportView(): typeof ReportViewModule | null {
  return useSyncExternalStore(
    subscribe,
    () => reportModule,
    () => reportModule,
  )
}
