/** Messages between the main thread and the HAR worker (plain data, structured-cloned). */
import type { Entry } from 'har-format'
import type { FlowAnalysis } from '../core/flows/types.ts'
import type { ResultPart } from './har-worker-parts.ts'
import type { HarProblem, MissingBody, NotHarKind, SkippedEntry } from '../core/har/types.ts'

export type HarPhase = 'reading' | 'parsing' | 'validating' | 'detecting' | 'exporting'

export type WorkerRequest =
  | { type: 'parse'; id: number; file: Blob; name: string }
  | { type: 'export'; id: number; keepTokens: boolean; flowId: string | null; toolVersion: string }
  | { type: 'clear'; id: number }

export type ImportOutcome =
  | {
      ok: true
      creator: string
      warnings: HarProblem[]
      warningCount: number
      skipped: SkippedEntry[]
      skippedCount: number
      missingBodies: MissingBody[]
      missingBodyCount: number
      /** On the wire, `flows` is empty: the 'parsed-part' messages before it carry them. */
      analysis: FlowAnalysis
      /** Only the entries that belong to a flow, by index: the rest stays in the worker (on the wire, in the parts). */
      flowEntries: Record<number, Entry>
      timings: { readMs: number; parseMs: number; detectMs: number }
    }
  | { ok: false; reason: 'not_har'; kind: NotHarKind; message: string }
  | { ok: false; reason: 'invalid'; message: string; problems: HarProblem[]; problemCount: number }
  | { ok: false; reason: 'failed'; message: string }

export type WorkerResponse =
  | { type: 'progress'; id: number; phase: HarPhase; done: number; total: number }
  /** A share of a successful result's flows and entries, posted before its 'parsed' (har-worker-parts.ts). */
  | ({ type: 'parsed-part'; id: number } & ResultPart)
  | { type: 'parsed'; id: number; outcome: ImportOutcome }
  | { type: 'exported'; id: number; text: string; redactionCount: number }
  | { type: 'error'; id: number; message: string }
