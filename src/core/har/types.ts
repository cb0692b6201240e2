/**
 * HAR import contract: parsing never throws; it returns either normalised entries or a list of
 * problems, each with the JSON path of the offending field so the UI can say exactly what is wrong.
 */
import type { Entry } from 'har-format'

export type HarProblemSeverity = 'error' | 'warning'

export interface HarProblem {
  /** JSON path of the offending field, e.g. "log.entries[12].request.headers[3].value". */
  path: string
  severity: HarProblemSeverity
  message: string
}

/** What a rejected input was recognised as ("not a HAR" detection). */
export type NotHarKind =
  'empty' | 'jwt' | 'jwe' | 'zip' | 'xml' | 'not_json' | 'json_array' | 'jwks' | 'discovery' | 'token_response' | 'json_other'

/** An entry left out because it cannot be used, named as the file wrote it. */
export interface SkippedEntry {
  /** Position in log.entries (0-based). */
  index: number
  /** request.method and request.url as written (shortened), or a note that they are missing. */
  method: string
  url: string
  /** The first problem, with its JSON path. */
  reason: string
}

/** An entry whose body the file does not contain (Playwright `_file` / content "attach"). */
export interface MissingBody {
  index: number
  /** Position among the parsed (kept) entries. */
  position: number
  side: 'request' | 'response'
  /** The file name the producer wrote the body to. */
  file?: string
}

export type HarParseResult =
  | {
      ok: true
      entries: Entry[]
      /** Entries left out (bad URL, missing member, impossible value); the rest is analysed. */
      skipped: SkippedEntry[]
      skippedCount: number
      /** Bodies stored outside this file: "body not in this file" (capped). */
      missingBodies: MissingBody[]
      missingBodyCount: number
      /** Creator of the file as it says ("WebInspector 537.36", "Firefox 128", "Playwright 1.65"). */
      creator: string
      /** Tolerated deviations from HAR 1.2 that were repaired while normalising (capped). */
      warnings: HarProblem[]
      warningCount: number
    }
  | { ok: false; reason: 'not_har'; kind: NotHarKind; message: string }
  | { ok: false; reason: 'invalid'; message: string; problems: HarProblem[]; problemCount: number }
