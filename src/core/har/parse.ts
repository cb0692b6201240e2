/** Reads a HAR file into entries we can analyse: structural errors with JSON paths, unusable entries skipped with a note. */
import type { Entry } from 'har-format'
import { describeJsonError, sniffJson, sniffText } from './detect.ts'
import { normalizeEntry, ProblemList } from './normalize.ts'
import type { HarParseResult, MissingBody, SkippedEntry } from './types.ts'

const MAX_LISTED = 50

function asWritten(value: unknown, what: string): string {
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value
  return value === undefined
    ? `(no ${what})`
    : `(${what} is ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`})`
}

export interface ParseProgress {
  (done: number, total: number): void
}

/**
 * Parses HAR text. Never throws. `onProgress` is called while entries are normalised (the JSON
 * parse itself is one native call and cannot report progress).
 */
export function parseHar(text: string, onProgress?: ParseProgress): HarParseResult {
  const sniffed = sniffText(text)
  if (sniffed) return { ok: false, reason: 'not_har', kind: sniffed.kind, message: sniffed.message }
  let json: unknown
  try {
    // Strip a UTF-8 byte order mark: Fiddler writes one and JSON.parse rejects it.
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    return { ok: false, reason: 'not_har', kind: 'not_json', message: describeJsonError(text, error) }
  }
  return parseHarValue(json, onProgress)
}

/** Same as parseHar for an already parsed JSON value. */
export function parseHarValue(json: unknown, onProgress?: ParseProgress): HarParseResult {
  const notHar = sniffJson(json)
  if (notHar) return { ok: false, reason: 'not_har', kind: notHar.kind, message: notHar.message }
  const log = (json as { log: unknown }).log
  const p = new ProblemList()
  if (typeof log !== 'object' || log === null || Array.isArray(log)) {
    p.error('log', `Must be an object, found ${Array.isArray(log) ? 'an array' : log === null ? 'null' : `a ${typeof log}`}.`)
    return invalid(p)
  }
  const l = log as Record<string, unknown>
  if (!Array.isArray(l.entries)) {
    p.error('log.entries', l.entries === undefined ? 'Missing: a HAR log must have an "entries" array.' : 'Must be an array.')
    return invalid(p)
  }
  if (typeof l.version !== 'string') p.warn('log.version', 'Missing; assumed "1.2".')
  else if (!/^1\.[12]$/.test(l.version)) p.warn('log.version', `HAR version "${l.version}" is not 1.1 or 1.2; read as 1.2.`)
  const creator = l.creator as { name?: unknown; version?: unknown } | undefined
  if (typeof creator?.name !== 'string') p.warn('log.creator.name', 'Missing; the tool that wrote this file is unknown.')
  const entries: Entry[] = []
  const skipped: SkippedEntry[] = []
  let skippedCount = 0
  const missingBodies: MissingBody[] = []
  let missingBodyCount = 0
  const total = l.entries.length
  const step = Math.max(1, Math.floor(total / 50))
  for (let i = 0; i < total; i++) {
    // Each entry is judged on its own: one bad entry is skipped with a note, never the file.
    const own = new ProblemList()
    const raw: unknown = l.entries[i]
    const entry = normalizeEntry(raw, `log.entries[${i}]`, own)
    for (const w of own.warnings) p.warn(w.path, w.message)
    p.warningCount += own.warningCount - own.warnings.length
    if (entry && own.errorCount === 0) {
      entries.push(entry)
      const body = missingBodyOf(entry)
      for (const b of body) {
        missingBodyCount++
        if (missingBodies.length < MAX_LISTED) missingBodies.push({ ...b, index: i, position: entries.length - 1 })
      }
    } else {
      skippedCount++
      for (const e of own.errors) p.error(e.path, e.message)
      if (skipped.length < MAX_LISTED) {
        const req = typeof raw === 'object' && raw !== null ? (raw as { request?: { method?: unknown; url?: unknown } }).request : undefined
        const first = own.errors[0]
        skipped.push({
          index: i,
          method: asWritten(typeof req === 'object' && req !== null ? req.method : undefined, 'method'),
          url: asWritten(typeof req === 'object' && req !== null ? req.url : undefined, 'URL'),
          reason: first ? `${first.path}: ${first.message}` : 'Not usable.',
        })
      }
    }
    if (onProgress && i % step === 0) onProgress(i, total)
  }
  onProgress?.(total, total)
  // Only a file with entries none of which can be used is structurally broken.
  if (total > 0 && entries.length === 0) return invalid(p)
  return {
    ok: true,
    entries,
    skipped,
    skippedCount,
    missingBodies,
    missingBodyCount,
    creator:
      typeof creator?.name === 'string'
        ? `${creator.name} ${typeof creator.version === 'string' ? creator.version : ''}`.trim()
        : 'unknown',
    warnings: p.warnings,
    warningCount: p.warningCount,
  }
}

/**
 * Playwright's recordHar with content "attach" (or a .zip HAR) writes bodies to separate files
 * and puts `_file` (and no `text`) in the HAR; such a body is "not in this file".
 */
function missingBodyOf(entry: Entry): Omit<MissingBody, 'index' | 'position'>[] {
  const out: Omit<MissingBody, 'index' | 'position'>[] = []
  const res = entry.response.content as { _file?: unknown; text?: unknown }
  if (typeof res._file === 'string' && res.text === undefined) out.push({ side: 'response', file: res._file })
  const req = entry.request.postData as { _file?: unknown; text?: unknown } | undefined
  if (req && typeof req._file === 'string' && (req.text === undefined || req.text === '')) out.push({ side: 'request', file: req._file })
  return out
}

function invalid(p: ProblemList): HarParseResult {
  const first = p.errors[0]
  const more = p.errorCount > 1 ? ` (and ${p.errorCount - 1} more problem${p.errorCount > 2 ? 's' : ''})` : ''
  return {
    ok: false,
    reason: 'invalid',
    message: first ? `Not a usable HAR file: ${first.path}: ${first.message}${more}` : 'Not a usable HAR file.',
    problems: p.errors,
    problemCount: p.errorCount,
  }
}
