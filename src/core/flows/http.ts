/** Small readers over HAR entries: headers, URL parameters, form and JSON bodies. */
import type { Entry, Header } from 'har-format'

export type Params = Record<string, string>

export function header(headers: Header[] | undefined, name: string): string | undefined {
  if (!headers) return undefined
  const lower = name.toLowerCase()
  for (const h of headers) if (h.name.toLowerCase() === lower) return h.value
  return undefined
}

export function safeUrl(url: string, base?: string): URL | null {
  try {
    return new URL(url, base)
  } catch {
    return null
  }
}

function toParams(search: string): Params {
  const out: Params = {}
  // First occurrence wins: RFC 6749 §3.1 forbids repeated parameters, so a repeat is an error
  // the server would reject; we read what a lenient server would read.
  for (const [k, v] of new URLSearchParams(search)) if (!(k in out)) out[k] = v
  return out
}

export function queryParams(url: URL): Params {
  return url.search.length > 1 ? toParams(url.search) : {}
}

/** Parameters in a fragment: implicit and hybrid responses use the fragment (OAuth 2.0 Multiple Response Types §5). */
export function fragmentParams(url: URL): Params {
  return url.hash.length > 1 ? toParams(url.hash.slice(1)) : {}
}

/** Origin + path: the part of a URL that a registered redirect URI is compared with (RFC 9700 §4.1.3 exact match). */
export function baseOf(url: URL): string {
  return `${url.origin}${url.pathname}`
}

export function requestBody(entry: Entry): string {
  return entry.request.postData?.text ?? ''
}

export function isFormBody(entry: Entry): boolean {
  const type = entry.request.postData?.mimeType || header(entry.request.headers, 'content-type') || ''
  return /x-www-form-urlencoded/i.test(type) || (!/json|xml/i.test(type) && /^[\w.~%-]+=/.test(requestBody(entry)))
}

export function formParams(entry: Entry): Params {
  if (entry.request.method !== 'POST' || !isFormBody(entry)) return {}
  const text = requestBody(entry)
  if (text) return toParams(text)
  const params = entry.request.postData?.params ?? []
  const out: Params = {}
  for (const p of params) if (!(p.name in out)) out[p.name] = p.value ?? ''
  return out
}

/** The response body as parsed JSON, or null. Only attempted on small JSON-looking bodies. */
export function responseJson(entry: Entry, limit = 2_000_000): Record<string, unknown> | null {
  const text = entry.response.content.text
  if (!text || text.length > limit) return null
  const first = text.trimStart()[0]
  if (first !== '{') return null
  try {
    const v: unknown = JSON.parse(text)
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

export function locationOf(entry: Entry): URL | null {
  const loc = header(entry.response.headers, 'location') || entry.response.redirectURL
  if (!loc) return null
  return safeUrl(loc, entry.request.url)
}

export function bearerOf(entry: Entry): string | undefined {
  return authorizationOf(entry)?.token
}

/** The access token of an Authorization header and its scheme: Bearer (RFC 6750 §2.1) or DPoP (RFC 9449 §7.1). */
export function authorizationOf(entry: Entry): { token: string; scheme: 'Bearer' | 'DPoP' } | undefined {
  const auth = header(entry.request.headers, 'authorization')
  const m = auth ? /^(Bearer|DPoP)\s+(\S+)/i.exec(auth) : null
  if (!m?.[1] || !m[2]) return undefined
  return { token: m[2], scheme: m[1].toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer' }
}

/** Cookies a response sets: HAR's parsed list, else the Set-Cookie headers (RFC 6265 §4.1). */
export function setCookiesOf(entry: Entry): { name: string; value: string }[] {
  const listed = entry.response.cookies ?? []
  if (listed.length > 0) return listed.map((c) => ({ name: c.name, value: c.value }))
  const out: { name: string; value: string }[] = []
  for (const h of entry.response.headers) {
    if (h.name.toLowerCase() !== 'set-cookie') continue
    // Chromium joins several Set-Cookie headers with a newline in one header value.
    for (const line of h.value.split('\n')) {
      const pair = line.split(';')[0] ?? ''
      const eq = pair.indexOf('=')
      if (eq > 0) out.push({ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() })
    }
  }
  return out
}

export function timeOf(entry: Entry, index: number): number {
  const t = entry.startedDateTime ? Date.parse(entry.startedDateTime) : Number.NaN
  return Number.isNaN(t) ? index : t
}

export function looksLikeJwt(value: string): boolean {
  return /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?$/.test(value)
}

/**
 * A value our sanitiser (core/har/sanitize.ts) put in place of a secret. Numbered ones,
 * "[redacted:refresh_token:2]", stand for one value each within the file: the same secret got the
 * same placeholder everywhere, so they link steps like the value itself. Unnumbered ones,
 * "[redacted:code]" (older exports), identify nothing.
 */
export function isRedacted(value: string | undefined): boolean {
  return value !== undefined && value.startsWith('[redacted:')
}

const NUMBERED_PLACEHOLDER = /^\[redacted:[a-z0-9_]+:\d+\]$/

/** A placeholder that identifies nothing: any "[redacted:…]" without its number. */
export function isAnonymousPlaceholder(value: string | undefined): boolean {
  return isRedacted(value) && !NUMBERED_PLACEHOLDER.test(value ?? '')
}

/** The value as an identifier: missing, empty and anonymous placeholders are none; numbered placeholders are. */
export function real(value: string | undefined): string | undefined {
  return value === undefined || value === '' || isAnonymousPlaceholder(value) ? undefined : value
}
