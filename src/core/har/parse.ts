import type { Entry } from 'har-format'
import { describeJsonError, sniffJson, sniffText } from './detect.ts'
import { normalizeEntry, ProblemList } from './normalize.ts'
import type { HarParseResult } from './types.ts'

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
  const total = l.entries.length
  const step = Math.max(1, Math.floor(total / 50))
  for (let i = 0; i < total; i++) {
    const entry = normalizeEntry(l.entries[i], `log.entries[${i}]`, p)
    if (entry) entries.push(entry)
    if (onProgress && i % step === 0) onProgress(i, total)
  }
  onProgress?.(total, total)
  if (p.errorCount > 0) return invalid(p)
  return {
    ok: true,
    entries,
    creator: typeof creator?.name === 'string' ? `${creator.name} ${typeof creator.version === 'string' ? creator.version : ''}`.trim() : 'unknown',
    warnings: p.warnings,
    warningCount: p.warningCount,
  }
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
