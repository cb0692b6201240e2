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
  | 'empty'
  | 'jwt'
  | 'jwe'
  | 'zip'
  | 'xml'
  | 'not_json'
  | 'json_array'
  | 'jwks'
  | 'discovery'
  | 'token_response'
  | 'json_other'

export type HarParseResult =
  | {
      ok: true
      entries: Entry[]
      /** Creator of the file as it says ("WebInspector 537.36", "Firefox 128", "Playwright 1.65"). */
      creator: string
      /** Tolerated deviations from HAR 1.2 that were repaired while normalising (capped). */
      warnings: HarProblem[]
      warningCount: number
    }
  | { ok: false; reason: 'not_har'; kind: NotHarKind; message: string }
  | { ok: false; reason: 'invalid'; message: string; problems: HarProblem[]; problemCount: number }
