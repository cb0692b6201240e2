/**
 * The HAR worker: reads, parses, validates and analyses a HAR file off the main thread, so a
 * 50 MB file leaves the page responsive. The full entry list stays here; the page gets the
 * flows and the entries that take part in them (in parts), and asks for sanitised exports by message.
 */
import type { Entry } from 'har-format'
import { analyzeFlows, flowEntries } from '../core/flows/detect.ts'
import { parseHar } from '../core/har/parse.ts'
import { isZip, parseHarArchive } from '../core/har/archive.ts'
import { harTextFromBytes } from '../core/har/text.ts'
import { sanitizeEntries, toHar } from '../core/har/sanitize.ts'
import type { FlowAnalysis } from '../core/flows/types.ts'
import { splitResult } from './har-worker-parts.ts'
import type { ImportOutcome, WorkerRequest, WorkerResponse } from './har-worker-protocol.ts'

interface WorkerScope {
  postMessage(message: WorkerResponse): void
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void
}

const scope = self as unknown as WorkerScope
let entries: Entry[] = []
let analysis: FlowAnalysis | null = null

function post(message: WorkerResponse): void {
  scope.postMessage(message)
}

async function parse(id: number, file: Blob): Promise<ImportOutcome> {
  const t0 = performance.now()
  post({ type: 'progress', id, phase: 'reading', done: 0, total: file.size })
  // At most one progress message per 100 ms: each one re-renders the page on the main thread,
  // which a 2-core machine shares with this worker.
  let lastProgress = 0
  const progress = (done: number, total: number) => {
    const now = performance.now()
    if (now - lastProgress < 100 && done < total) return
    lastProgress = now
    post({ type: 'progress', id, phase: 'validating', done, total })
  }
  let bytes: Uint8Array | null = new Uint8Array(await file.arrayBuffer())
  let result: ReturnType<typeof parseHar>
  let t1: number
  if (isZip(bytes.subarray(0, 4))) {
    // Playwright's .zip HAR: unzipped by fflate, loaded only when a ZIP arrives (its own chunk).
    const { unzipSync } = await import('fflate')
    const files = unzipSync(bytes)
    t1 = performance.now()
    post({ type: 'progress', id, phase: 'parsing', done: 0, total: 1 })
    result = parseHarArchive(files, progress)
  } else {
    // Non-ASCII characters as JSON escapes: the text stays one byte per character (text.ts).
    const { text, escaped } = harTextFromBytes(bytes)
    // The 60 MB of bytes are not needed once decoded: free them before the parse allocates.
    bytes = null
    t1 = performance.now()
    post({ type: 'progress', id, phase: 'parsing', done: 0, total: 1 })
    result = parseHar(text, progress)
    // A JSON error is described (line, column, excerpt) in the file's own text.
    if (!result.ok && result.reason === 'not_har' && result.kind === 'not_json' && escaped) result = parseHar(await file.text())
  }
  const t2 = performance.now()
  if (!result.ok) {
    entries = []
    analysis = null
    return result
  }
  entries = result.entries
  post({ type: 'progress', id, phase: 'detecting', done: 0, total: entries.length })
  analysis = analyzeFlows(entries)
  const t3 = performance.now()
  // The flows and their entries go in messages of their own, each deserialised in its own short
  // main-thread task, and the outcome after them, in a task that only renders (har-worker-parts.ts).
  for (const part of splitResult(analysis.flows, entries)) post({ type: 'parsed-part', id, ...part })
  return {
    ok: true,
    creator: result.creator,
    warnings: result.warnings,
    warningCount: result.warningCount,
    skipped: result.skipped,
    skippedCount: result.skippedCount,
    missingBodies: result.missingBodies,
    missingBodyCount: result.missingBodyCount,
    analysis: { ...analysis, flows: [] },
    flowEntries: {},
    timings: { readMs: t1 - t0, parseMs: t2 - t1, detectMs: t3 - t2 },
  }
}

function exportHar(flowId: string | null, keepTokens: boolean, toolVersion: string): { text: string; redactionCount: number } {
  const flow = flowId && analysis ? analysis.flows.find((f) => f.id === flowId) : undefined
  // A whole file keeps every entry (annotated where it belongs to a flow); one flow exports its steps.
  const source: Entry[] = flow ? flowEntries(flow, entries) : annotateAll()
  const { entries: clean, redactionCount } = sanitizeEntries(source, { keepTokens })
  const comment = keepTokens
    ? 'Exported by Token Lens with access and ID tokens KEPT (opt-in). Other secrets are redacted.'
    : 'Exported by Token Lens: secrets replaced by [redacted:…] placeholders.'
  return { text: JSON.stringify(toHar(clean, toolVersion, comment), null, 2), redactionCount }
}

function annotateAll(): Entry[] {
  if (!analysis) return entries
  const out: Entry[] = [...entries]
  for (const flow of analysis.flows) {
    const annotated = flowEntries(flow, entries)
    flow.steps.forEach((s, i) => {
      const a = annotated[i]
      if (s.entryIndex !== null && a) out[s.entryIndex] = a
    })
  }
  return out
}

scope.addEventListener('message', (event) => {
  const msg = event.data
  if (msg.type === 'parse') {
    parse(msg.id, msg.file).then(
      (outcome) => post({ type: 'parsed', id: msg.id, outcome }),
      (error: unknown) =>
        post({
          type: 'parsed',
          id: msg.id,
          outcome: { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) },
        }),
    )
  } else if (msg.type === 'clear') {
    // Let the file's entries be garbage-collected once the page no longer shows it.
    entries = []
    analysis = null
  } else if (msg.type === 'export') {
    try {
      post({ type: 'progress', id: msg.id, phase: 'exporting', done: 0, total: entries.length })
      const { text, redactionCount } = exportHar(msg.flowId, msg.keepTokens, msg.toolVersion)
      post({ type: 'exported', id: msg.id, text, redactionCount })
    } catch (error) {
      post({ type: 'error', id: msg.id, message: error instanceof Error ? error.message : String(error) })
    }
  }
})
