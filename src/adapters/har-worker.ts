/**
 * Main-thread client of the HAR worker. One worker per page; calls are matched by id. Parsing
 * a new file replaces the worker's entries, so exports always refer to the last parsed file. A
 * result comes in parts (har-worker-parts.ts) and is handed on whole.
 */
import { joinParts, type ResultPart } from './har-worker-parts.ts'
import type { HarPhase, ImportOutcome, WorkerRequest, WorkerResponse } from './har-worker-protocol.ts'

export type { HarPhase, ImportOutcome } from './har-worker-protocol.ts'

export interface Progress {
  phase: HarPhase
  done: number
  total: number
}

type Pending = {
  onProgress?: (p: Progress) => void
  /** The 'parsed-part' messages received so far, joined when the 'parsed' message arrives. */
  parts: ResultPart[]
  resolve: (value: WorkerResponse) => void
  reject: (error: Error) => void
}

let worker: Worker | null = null
let nextId = 1
const pending = new Map<number, Pending>()

function getWorker(): Worker {
  if (worker) return worker
  const w = new Worker(new URL('./har-worker-entry.ts', import.meta.url), { type: 'module', name: 'har-import' })
  w.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
    const msg = event.data
    const p = pending.get(msg.id)
    if (!p) return
    if (msg.type === 'progress') {
      p.onProgress?.({ phase: msg.phase, done: msg.done, total: msg.total })
      return
    }
    if (msg.type === 'parsed-part') {
      p.parts.push({ flows: msg.flows, flowEntries: msg.flowEntries })
      return
    }
    pending.delete(msg.id)
    if (msg.type === 'error') p.reject(new Error(msg.message))
    else if (msg.type === 'parsed' && msg.outcome.ok && p.parts.length) {
      const { flows, flowEntries } = joinParts([...p.parts, { flows: msg.outcome.analysis.flows, flowEntries: msg.outcome.flowEntries }])
      p.resolve({ ...msg, outcome: { ...msg.outcome, analysis: { ...msg.outcome.analysis, flows }, flowEntries } })
    } else p.resolve(msg)
  })
  w.addEventListener('error', (event) => {
    // A worker that fails to load or crashes: fail every call instead of hanging.
    for (const [id, p] of pending) {
      p.reject(new Error(event.message || 'The HAR worker stopped unexpectedly.'))
      pending.delete(id)
    }
    worker = null
  })
  worker = w
  return w
}

function call(request: WorkerRequest, onProgress?: (p: Progress) => void): Promise<WorkerResponse> {
  return new Promise((resolve, reject) => {
    pending.set(request.id, { resolve, reject, parts: [], ...(onProgress ? { onProgress } : {}) })
    getWorker().postMessage(request)
  })
}

export async function parseHarFile(file: Blob, name: string, onProgress?: (p: Progress) => void): Promise<ImportOutcome> {
  const res = await call({ type: 'parse', id: nextId++, file, name }, onProgress)
  if (res.type !== 'parsed') throw new Error('Unexpected answer from the HAR worker.')
  return res.outcome
}

/** A sanitised HAR of the last parsed file (or of one of its flows), as JSON text. */
export async function exportParsedHar(
  flowId: string | null,
  keepTokens: boolean,
  toolVersion: string,
): Promise<{ text: string; redactionCount: number }> {
  const res = await call({ type: 'export', id: nextId++, keepTokens, flowId, toolVersion })
  if (res.type !== 'exported') throw new Error('Unexpected answer from the HAR worker.')
  return { text: res.text, redactionCount: res.redactionCount }
}

/** Drops the last parsed file from the worker's memory (no answer expected). */
export function clearParsedHar(): void {
  worker?.postMessage({ type: 'clear', id: nextId++ } satisfies WorkerRequest)
}
