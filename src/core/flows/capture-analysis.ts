/**
 * The one analysis of a live capture list, computed once per list (the store hands out a new
 * array on every change) and shared by the Flow (exchanges), Import and Diagram screens, so all
 * three read the same result of the same analyzeFlows the HAR import runs.
 */
import type { CapturedEntry } from '../capture/types.ts'
import { analyzeFlows } from './detect.ts'
import type { Flow, FlowAnalysis } from './types.ts'

const analyses = new WeakMap<readonly CapturedEntry[], FlowAnalysis>()

export function captureAnalysis(entries: readonly CapturedEntry[]): FlowAnalysis {
  let a = analyses.get(entries)
  if (!a) {
    a = analyzeFlows(entries)
    analyses.set(entries, a)
  }
  return a
}

/**
 * The flows of a capture a screen offers to draw alone: none unless there are two or more (two
 * sign-ins, a sign-in and a sign-out); with one, the whole capture is that flow.
 */
export function separableFlows(entries: readonly CapturedEntry[]): Flow[] {
  const flows = entries.length > 0 ? captureAnalysis(entries).flows : []
  return flows.length > 1 ? flows : []
}
