/**
 * HAR import screen state: the analysed file (or this tab's live capture), progress, failures,
 * the selected flow and the token verdicts. Parsing and analysis of files run in the HAR worker;
 * the live capture is small and analysed here.
 */
import { create } from 'zustand'
import type { Entry } from 'har-format'
import type { CapturedEntry } from '../core/capture/types.ts'
import { flowEntries } from '../core/flows/detect.ts'
import { inspectorExpectations } from '../core/flows/tokens.ts'
import { buildFlowReport, type TokenVerdict } from '../core/flows/report.ts'
import type { Flow, FlowAnalysis } from '../core/flows/types.ts'
import { sanitizeEntries, toHar } from '../core/har/sanitize.ts'
import type { HarProblem, MissingBody, SkippedEntry } from '../core/har/types.ts'
import { inspectToken } from '../core/token/inspect.ts'
import type { InspectOptions, KeyOrigin, TokenFamily } from '../core/token/types.ts'
import { summarize, type Verdict } from '../core/token/verdict.ts'
import { captureAnalysis } from '../core/flows/capture-analysis.ts'
import { clearParsedHar, exportParsedHar, parseHarFile, type Progress } from '../adapters/har-worker.ts'

export type { Progress as ImportProgressInfo } from '../adapters/har-worker.ts'

export const TOOL_VERSION = '0.1.0'

/**
 * Where the analysed exchanges came from: `file`, a HAR someone exported (trusted no more than
 * whoever made it); `capture`, this tab's own sign-ins (Token Lens was the app); `recording`,
 * another site's tab recorded by the extension (the user's own browser, but the app is that
 * site's, often with a server the browser never sees).
 */
export type ImportSource = 'file' | 'capture' | 'recording'

/** How each screen treats a source: one answer, so the list, the diagram and the inspector agree. */
export function sourceTraits(loaded: Pick<LoadedHar, 'source' | 'name'> | null): {
  /** Whose view the diagram draws: the app's own (it made the calls) or the browser's (the app is the redirect URI's host). */
  perspective: 'app' | 'browser'
  /** The issuers were contacted by this browser already, so reading their keys needs no consent. */
  own: boolean
  /** Where keys found in it came from, for the verdict's words. */
  keysLabel: string
  /** Where an opened token came from, as the inspector's banner names it. */
  openedFrom: string
  exportPrefix: string
} {
  switch (loaded?.source) {
    case 'capture':
      return {
        perspective: 'app',
        own: true,
        keysLabel: 'this tab’s live capture',
        openedFrom: 'live capture (Import screen)',
        exportPrefix: 'token-lens-capture',
      }
    case 'recording':
      return {
        perspective: 'browser',
        own: true,
        keysLabel: 'the recorded tab’s traffic',
        openedFrom: 'recorded tab (extension)',
        exportPrefix: 'token-lens-recording',
      }
    default:
      return {
        perspective: 'browser',
        own: false,
        keysLabel: `the imported file “${loaded?.name ?? 'HAR'}”`,
        openedFrom: `HAR import (${loaded?.name ?? 'file'})`,
        exportPrefix: 'token-lens-import',
      }
  }
}

export interface LoadedHar {
  source: ImportSource
  name: string
  size: number
  creator: string
  warnings: HarProblem[]
  warningCount: number
  /** Entries left out of the analysis, each named (index, method, URL as written). */
  skipped?: SkippedEntry[]
  skippedCount?: number
  /** Bodies the producer stored outside the file (Playwright "attach"). */
  missingBodies?: MissingBody[]
  missingBodyCount?: number
  analysis: FlowAnalysis
  /** Entries that take part in a flow, by index in the file. */
  entries: Record<number, Entry>
  timings?: { readMs: number; parseMs: number; detectMs: number; totalMs: number }
}

export interface ImportFailure {
  title: string
  message: string
  problems: HarProblem[]
  problemCount: number
}

/** A token's check on the Import screen: the core's one verdict, plain JSON (kept in the store). */
export interface TokenCheck {
  verdict: Verdict
  family: TokenFamily
  familyLabel: string
  /** Unix seconds the checks were evaluated at (the capture time of the step). */
  evaluatedAt: number
}

export interface ImportState {
  status: 'idle' | 'working' | 'ready' | 'error'
  progress: Progress | null
  loaded: LoadedHar | null
  failure: ImportFailure | null
  selectedFlowId: string | null
  /** Keyed by `${flowId}/${tokenId}`. */
  checks: Record<string, TokenCheck>
  importFile: (file: File) => Promise<void>
  /** Analyses this tab's capture, or (`recording`) the traffic of a tab the extension recorded. */
  analyseCapture: (entries: CapturedEntry[], source?: 'capture' | 'recording') => void
  selectFlow: (flowId: string) => void
  checkTokens: (flowId: string) => Promise<void>
  exportHar: (keepTokens: boolean, flowId: string | null) => Promise<{ text: string; redactionCount: number }>
  exportReport: (generatedAt: string) => string
  reset: () => void
}

/** What the flow already tells the inspector about a token (InspectOptions['expected']). */
export const expectationsFor = inspectorExpectations

/**
 * Where a key set found in the flow came from, for the verdict's words: the file it was in (or
 * this tab's live capture) and when the key response was recorded. The Import screen's checks and
 * the inspector opened from it name the keys the same way.
 */
export function captureKeyOrigin(flow: Flow, loaded: Pick<LoadedHar, 'source' | 'name'> | null): KeyOrigin {
  const jwksStep = flow.steps.find((s) => s.kind === 'jwks')
  const label = sourceTraits(loaded).keysLabel
  return { kind: 'capture', label, ...(jwksStep && jwksStep.time > 1e11 ? { capturedAt: jwksStep.time } : {}) }
}

/** The report's form of a check: the verdict's kind, headline, signature status and codes. */
function reportVerdict(check: TokenCheck): TokenVerdict {
  const { kind, headline, signature, errors, warnings } = check.verdict
  return { kind, headline, signature, family: check.family, errors, warnings }
}

let currentImport = 0
let captureEntries: CapturedEntry[] = []

export const useImportStore = create<ImportState>((set, get) => ({
  status: 'idle',
  progress: null,
  loaded: null,
  failure: null,
  selectedFlowId: null,
  checks: {},

  importFile: async (file) => {
    const id = ++currentImport
    set({ status: 'working', progress: { phase: 'reading', done: 0, total: file.size }, failure: null, checks: {} })
    const started = performance.now()
    try {
      const outcome = await parseHarFile(file, file.name, (p) => {
        if (id === currentImport) set({ progress: p })
      })
      if (id !== currentImport) return
      if (!outcome.ok) {
        const failure: ImportFailure =
          outcome.reason === 'invalid'
            ? {
                title: 'This HAR file has structural problems',
                message: outcome.message,
                problems: outcome.problems,
                problemCount: outcome.problemCount,
              }
            : {
                title: outcome.reason === 'not_har' ? 'This is not a HAR file' : 'The file could not be read',
                message: outcome.message,
                problems: [],
                problemCount: 0,
              }
        set({ status: 'error', failure, progress: null, loaded: null, selectedFlowId: null })
        return
      }
      set({
        status: 'ready',
        progress: null,
        loaded: {
          source: 'file',
          name: file.name,
          size: file.size,
          creator: outcome.creator,
          warnings: outcome.warnings,
          warningCount: outcome.warningCount,
          skipped: outcome.skipped,
          skippedCount: outcome.skippedCount,
          missingBodies: outcome.missingBodies,
          missingBodyCount: outcome.missingBodyCount,
          analysis: outcome.analysis,
          entries: outcome.flowEntries,
          timings: { ...outcome.timings, totalMs: performance.now() - started },
        },
        selectedFlowId: outcome.analysis.flows[0]?.id ?? null,
      })
    } catch (error) {
      if (id !== currentImport) return
      set({
        status: 'error',
        progress: null,
        loaded: null,
        failure: {
          title: 'The file could not be read',
          message: error instanceof Error ? error.message : String(error),
          problems: [],
          problemCount: 0,
        },
      })
    }
  },

  analyseCapture: (entries, source = 'capture') => {
    currentImport++
    clearParsedHar()
    captureEntries = entries
    // The same analysis object the exchanges and diagram screens read for this capture.
    const analysis = captureAnalysis(entries)
    const byIndex: Record<number, Entry> = {}
    entries.forEach((e, i) => {
      byIndex[i] = e
    })
    set({
      status: 'ready',
      progress: null,
      failure: null,
      checks: {},
      loaded: {
        source,
        name: source === 'recording' ? 'Recording of the tab' : 'Live capture of this tab',
        size: 0,
        creator: 'Token Lens',
        warnings: [],
        warningCount: 0,
        analysis,
        entries: byIndex,
      },
      selectedFlowId: analysis.flows[0]?.id ?? null,
    })
  },

  selectFlow: (flowId) => set({ selectedFlowId: flowId }),

  checkTokens: async (flowId) => {
    const flow = get().loaded?.analysis.flows.find((f) => f.id === flowId)
    if (!flow) return
    const results: Record<string, TokenCheck> = {}
    for (const token of flow.tokens) {
      if (!token.jwt) continue
      // One token seen in several places is checked once; every place shows the same verdict.
      const first = results[`${flow.id}/${token.valueId}`]
      if (first) {
        results[`${flow.id}/${token.id}`] = first
        continue
      }
      const step = flow.steps.find((s) => s.id === token.stepId)
      // Checked as of the moment it was captured: an old HAR's tokens are expired today by design.
      const now = step && step.time > 1e11 ? Math.floor(step.time / 1000) : Math.floor(Date.now() / 1000)
      const options: InspectOptions = { now, expected: expectationsFor(token) }
      // Keys found in the flow carry their origin, so the verdict says 'capture' and names the
      // file: they prove only that whoever made the file held the private key.
      if (flow.jwks) options.keys = { jwks: flow.jwks, origin: captureKeyOrigin(flow, get().loaded) }
      const report = await inspectToken(token.value, options)
      results[`${flow.id}/${token.id}`] = {
        verdict: summarize(report),
        family: report.family,
        familyLabel: report.familyLabel,
        evaluatedAt: report.evaluatedAt,
      }
    }
    set((s) => ({ checks: { ...s.checks, ...results } }))
  },

  exportHar: async (keepTokens, flowId) => {
    const loaded = get().loaded
    if (!loaded) throw new Error('Nothing to export yet.')
    if (loaded.source === 'file') return exportParsedHar(flowId, keepTokens, TOOL_VERSION)
    const flow = flowId ? loaded.analysis.flows.find((f) => f.id === flowId) : undefined
    const source: Entry[] = flow ? flowEntries(flow, captureEntries) : captureEntries
    const { entries, redactionCount } = sanitizeEntries(source, { keepTokens })
    const comment = keepTokens
      ? 'Exported by Token Lens with access and ID tokens KEPT (opt-in). Other secrets are redacted.'
      : 'Exported by Token Lens: secrets replaced by [redacted:…] placeholders.'
    return { text: JSON.stringify(toHar(entries, TOOL_VERSION, comment), null, 2), redactionCount }
  },

  exportReport: (generatedAt) => {
    const loaded = get().loaded
    if (!loaded) throw new Error('Nothing to report yet.')
    const report = buildFlowReport({
      analysis: loaded.analysis,
      source: loaded.name,
      generatedAt,
      toolVersion: TOOL_VERSION,
      verdicts: Object.fromEntries(Object.entries(get().checks).map(([key, check]) => [key, reportVerdict(check)])),
    })
    return JSON.stringify(report, null, 2)
  },

  reset: () => {
    currentImport++
    clearParsedHar()
    // The live capture analysed last holds codes and tokens too.
    captureEntries = []
    set({ status: 'idle', progress: null, loaded: null, failure: null, selectedFlowId: null, checks: {} })
  },
}))

/** The selected flow's steps as `_oauth`-annotated entries (for the diagram and step details). */
export function annotatedEntries(flow: Flow, loaded: LoadedHar): CapturedEntry[] {
  const all: Entry[] = []
  for (const [i, e] of Object.entries(loaded.entries)) all[Number(i)] = e
  return flowEntries(flow, all)
}
