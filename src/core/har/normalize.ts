/**
 * Structural validation and normalisation of HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/)
 * in one pass. Exporters disagree on details, so the rule is: reject only what makes an entry
 * meaningless (no request URL or method, a wrong type where we must read a value) with the JSON
 * path of the field, and repair the rest with a warning:
 * - Chromium/Edge: base64 `content.encoding` for binary bodies, HTTP/2 pseudo headers (`:path`).
 * - Firefox: `postData.params` alongside or instead of `text`, missing `content.text` for bodies
 *   it did not keep.
 * - HTTP Toolkit / Fiddler: base64 bodies, `-1` sizes and timings, status as a string.
 * - Playwright recordHar: `content._file` when bodies were stored next to the HAR.
 */
import type { Content, Entry, Header, PostData, QueryString, Request, Response } from 'har-format'
import { base64ToBytes, base64ToText } from './base64.ts'
import type { HarProblem } from './types.ts'

const MAX_REPORTED = 50

export class ProblemList {
  readonly errors: HarProblem[] = []
  readonly warnings: HarProblem[] = []
  errorCount = 0
  warningCount = 0
  error(path: string, message: string): void {
    this.errorCount++
    if (this.errors.length < MAX_REPORTED) this.errors.push({ path, severity: 'error', message })
  }
  warn(path: string, message: string): void {
    this.warningCount++
    if (this.warnings.length < MAX_REPORTED) this.warnings.push({ path, severity: 'warning', message })
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function nameValues(value: unknown, path: string, p: ProblemList, what: string): { name: string; value: string }[] {
  if (value === undefined || value === null) {
    p.warn(path, `Missing ${what} list; treated as empty.`)
    return []
  }
  if (!Array.isArray(value)) {
    p.error(path, `Must be an array of {name, value} objects, found ${typeName(value)}.`)
    return []
  }
  const out: { name: string; value: string }[] = []
  value.forEach((item, i) => {
    if (!isObject(item)) {
      p.error(`${path}[${i}]`, `Must be an object with "name" and "value", found ${typeName(item)}.`)
      return
    }
    if (typeof item.name !== 'string') {
      p.error(`${path}[${i}].name`, `Must be a string, found ${typeName(item.name)}.`)
      return
    }
    let v = item.value
    // Already a {name, value} of strings (nearly every header of a 60 MB file): kept as is, not
    // copied; nothing downstream changes a header object in place.
    if (typeof v === 'string') {
      out.push(item as { name: string; value: string })
      return
    }
    if (v === undefined || v === null) v = ''
    else if (typeof v === 'number' || typeof v === 'boolean') v = String(v)
    if (typeof v !== 'string') {
      p.error(`${path}[${i}].value`, `Must be a string, found ${typeName(v)}.`)
      return
    }
    out.push({ ...item, name: item.name, value: v })
  })
  return out
}

function num(value: unknown, path: string, p: ProblemList, fallback: number): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  if (value !== undefined && value !== null) p.warn(path, `Expected a number, found ${typeName(value)}; using ${fallback}.`)
  return fallback
}

const TEXTUAL = /json|text|xml|javascript|x-www-form-urlencoded|html|jwt|jose/i

function normalizePostData(raw: unknown, path: string, p: ProblemList): PostData | undefined {
  if (raw === undefined || raw === null) return undefined
  if (!isObject(raw)) {
    p.error(path, `Must be an object, found ${typeName(raw)}.`)
    return undefined
  }
  const mimeType = typeof raw.mimeType === 'string' ? raw.mimeType : ''
  let text = typeof raw.text === 'string' ? raw.text : undefined
  // Some tools (HTTP Toolkit, Fiddler extensions) mark base64 request bodies; decode textual ones.
  const enc = raw.encoding ?? raw._encoding
  if (text !== undefined && enc === 'base64') {
    try {
      text = base64ToText(text)
    } catch {
      p.warn(`${path}.text`, 'Marked as base64 but does not decode; kept as is.')
    }
  }
  const params = raw.params === undefined ? [] : nameValues(raw.params, `${path}.params`, p, 'params')
  if (text === undefined && params.length > 0) {
    // Firefox may keep only the parsed form; rebuild the urlencoded body (HTML form encoding).
    text = new URLSearchParams(params.map((x) => [x.name, x.value])).toString()
    p.warn(`${path}.text`, 'Missing; rebuilt from postData.params.')
  }
  // Playwright's `_file` (body stored next to the HAR) is kept so the import can say the body is not in this file.
  const out: PostData = {
    ...(typeof raw._file === 'string' ? { _file: raw._file } : {}),
    mimeType,
    text: text ?? '',
    params: params.map((x) => ({ name: x.name, value: x.value })),
  } as unknown as PostData
  return out
}

/** The first few decoded bytes are printable ASCII or whitespace: worth a full strict decode. */
function startsLikeText(b64: string): boolean {
  try {
    const head = base64ToBytes(b64.slice(0, 16).replace(/=+$/, ''))
    for (const byte of head) if (!(byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte < 127))) return false
    return head.length > 0
  } catch {
    return false
  }
}

function normalizeContent(raw: unknown, path: string, p: ProblemList): Content {
  if (!isObject(raw)) {
    if (raw !== undefined) p.warn(path, `Expected an object, found ${typeName(raw)}; treated as empty.`)
    return { size: 0, mimeType: '' }
  }
  const mimeType = typeof raw.mimeType === 'string' ? raw.mimeType : ''
  const content: Content = { ...raw, size: num(raw.size, `${path}.size`, p, 0), mimeType }
  if (raw.text !== undefined && typeof raw.text !== 'string') {
    p.error(`${path}.text`, `Must be a string, found ${typeName(raw.text)}.`)
    delete content.text
  }
  if (typeof raw.text === 'string' && raw.encoding === 'base64') {
    if (TEXTUAL.test(mimeType) || mimeType === '') {
      try {
        content.text = base64ToText(raw.text)
        delete content.encoding
      } catch {
        p.warn(`${path}.text`, 'Marked as base64 but does not decode; kept as is.')
      }
    } else if (startsLikeText(raw.text)) {
      // Whatever the MIME type says (a token response served as application/octet-stream, a
      // JWKS as binary/octet-stream): base64 that decodes to valid UTF-8 is read as text.
      // Images and other binary bodies fail the first bytes or the strict decoder and stay as they are.
      try {
        content.text = new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(raw.text))
        delete content.encoding
      } catch {
        /* binary: kept base64 */
      }
    }
  }
  return content
}

function normalizeRequest(raw: unknown, path: string, p: ProblemList): Request | null {
  if (!isObject(raw)) {
    p.error(path, raw === undefined ? 'Missing: every entry needs a request object.' : `Must be an object, found ${typeName(raw)}.`)
    return null
  }
  if (typeof raw.method !== 'string' || raw.method === '') {
    p.error(
      `${path}.method`,
      raw.method === undefined ? 'Missing: every request needs a method.' : `Must be a non-empty string, found ${typeName(raw.method)}.`,
    )
    return null
  }
  if (typeof raw.url !== 'string') {
    p.error(`${path}.url`, raw.url === undefined ? 'Missing: every request needs a URL.' : `Must be a string, found ${typeName(raw.url)}.`)
    return null
  }
  if (!URL.canParse(raw.url)) {
    p.error(`${path}.url`, `Not an absolute URL: "${raw.url.slice(0, 80)}".`)
    return null
  }
  const headers = nameValues(raw.headers, `${path}.headers`, p, 'headers') as Header[]
  const queryString =
    raw.queryString === undefined
      ? [...new URL(raw.url).searchParams].map(([name, value]) => ({ name, value }))
      : (nameValues(raw.queryString, `${path}.queryString`, p, 'queryString') as QueryString[])
  const request: Request = {
    ...raw,
    method: raw.method.toUpperCase(),
    url: raw.url,
    httpVersion: typeof raw.httpVersion === 'string' ? raw.httpVersion : '',
    cookies: raw.cookies === undefined ? [] : (nameValues(raw.cookies, `${path}.cookies`, p, 'cookies') as Request['cookies']),
    headers,
    queryString,
    headersSize: num(raw.headersSize, `${path}.headersSize`, p, -1),
    bodySize: num(raw.bodySize, `${path}.bodySize`, p, -1),
  }
  const postData = normalizePostData(raw.postData, `${path}.postData`, p)
  if (postData) request.postData = postData
  else delete request.postData
  return request
}

/** The response of a request no answer was seen for: status 0, nothing else (HAR 1.2 keeps the fields, sizes -1). */
export function unansweredResponse(statusText: string): Response {
  return {
    status: 0,
    statusText,
    httpVersion: '',
    cookies: [],
    headers: [],
    content: { size: 0, mimeType: '' },
    redirectURL: '',
    headersSize: -1,
    bodySize: -1,
  }
}

function normalizeResponse(raw: unknown, path: string, p: ProblemList): Response {
  if (!isObject(raw)) {
    // Requests that never got an answer (blocked, cancelled) are kept with status 0, as Chromium does.
    if (raw !== undefined) p.error(path, `Must be an object, found ${typeName(raw)}.`)
    else p.warn(path, 'Missing; treated as a request without a response (status 0).')
    return unansweredResponse('')
  }
  const status = num(raw.status, `${path}.status`, p, 0)
  if (raw.status === undefined) p.warn(`${path}.status`, 'Missing; treated as 0.')
  return {
    ...raw,
    status,
    statusText: typeof raw.statusText === 'string' ? raw.statusText : '',
    httpVersion: typeof raw.httpVersion === 'string' ? raw.httpVersion : '',
    cookies: raw.cookies === undefined ? [] : (nameValues(raw.cookies, `${path}.cookies`, p, 'cookies') as Response['cookies']),
    headers: nameValues(raw.headers, `${path}.headers`, p, 'headers') as Header[],
    content: normalizeContent(raw.content, `${path}.content`, p),
    redirectURL: typeof raw.redirectURL === 'string' ? raw.redirectURL : '',
    headersSize: num(raw.headersSize, `${path}.headersSize`, p, -1),
    bodySize: num(raw.bodySize, `${path}.bodySize`, p, -1),
  }
}

/** Validates and normalises one entry; null when the entry cannot be used (errors recorded). */
export function normalizeEntry(raw: unknown, path: string, p: ProblemList): Entry | null {
  if (!isObject(raw)) {
    p.error(path, `Must be an object, found ${typeName(raw)}.`)
    return null
  }
  const request = normalizeRequest(raw.request, `${path}.request`, p)
  const response = normalizeResponse(raw.response, `${path}.response`, p)
  if (!request) return null
  let startedDateTime = typeof raw.startedDateTime === 'string' ? raw.startedDateTime : ''
  if (startedDateTime === '' || Number.isNaN(Date.parse(startedDateTime))) {
    p.warn(
      `${path}.startedDateTime`,
      raw.startedDateTime === undefined
        ? 'Missing; the file order is used instead.'
        : `Not an ISO 8601 date: "${String(raw.startedDateTime).slice(0, 40)}"; the file order is used instead.`,
    )
    startedDateTime = ''
  }
  return {
    ...raw,
    startedDateTime,
    time: num(raw.time, `${path}.time`, p, 0),
    request,
    response,
    cache: isObject(raw.cache) ? raw.cache : {},
    timings: isObject(raw.timings) ? (raw.timings as unknown as Entry['timings']) : { send: -1, wait: -1, receive: -1 },
  } as Entry
}
