/**
 * Building HAR 1.2 entries from the two sides of an exchange. Pure: timestamps are passed in.
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): every entry needs startedDateTime,
 * time, request, response, cache and timings; sizes are -1 when unknown.
 */
import type { Header, QueryString } from 'har-format'
import type { CapturedEntry, OAuthAnnotation } from './types.ts'

export interface ExchangeInput {
  method: string
  url: string
  requestHeaders?: Record<string, string>
  requestBody?: string
  status: number
  statusText?: string
  responseHeaders?: Record<string, string>
  responseBody?: string
  /** Unix milliseconds when the request started. */
  startedAt: number
  durationMs?: number
  oauth: OAuthAnnotation
}

export function headerList(headers: Record<string, string> | undefined): Header[] {
  return Object.entries(headers ?? {}).map(([name, value]) => ({ name, value }))
}

export function queryList(url: string): QueryString[] {
  try {
    return [...new URL(url).searchParams.entries()].map(([name, value]) => ({ name, value }))
  } catch {
    return []
  }
}

/** application/x-www-form-urlencoded body -> ordered name/value pairs (WHATWG URL §5.1). */
export function parseFormBody(body: string | undefined): QueryString[] {
  if (!body) return []
  return [...new URLSearchParams(body).entries()].map(([name, value]) => ({ name, value }))
}

/** Parameters of the fragment (`#a=1&b=2`) or query of a redirect-back URL; fragment wins. */
export function responseParams(url: string): Record<string, string> {
  try {
    const u = new URL(url)
    const raw = u.hash.length > 1 ? u.hash.slice(1) : u.search.slice(1)
    return Object.fromEntries(new URLSearchParams(raw).entries())
  } catch {
    return {}
  }
}

function findHeader(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined
  const lower = name.toLowerCase()
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v
  return undefined
}

export function buildEntry(input: ExchangeInput): CapturedEntry {
  const reqMime = findHeader(input.requestHeaders, 'content-type') ?? 'application/x-www-form-urlencoded'
  const resMime = findHeader(input.responseHeaders, 'content-type') ?? (input.responseBody ? 'application/json' : '')
  const time = Math.max(0, Math.round(input.durationMs ?? 0))
  return {
    startedDateTime: new Date(input.startedAt).toISOString(),
    time,
    request: {
      method: input.method,
      url: input.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(input.requestHeaders),
      queryString: queryList(input.url),
      ...(input.requestBody !== undefined
        ? // HAR 1.2: `text` and `params` are mutually exclusive; keep the exact text, parse it for display.
          { postData: { mimeType: reqMime, text: input.requestBody } }
        : {}),
      headersSize: -1,
      bodySize: input.requestBody !== undefined ? input.requestBody.length : 0,
    },
    response: {
      status: input.status,
      statusText: input.statusText ?? statusText(input.status),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(input.responseHeaders),
      content: {
        size: input.responseBody?.length ?? 0,
        mimeType: resMime,
        ...(input.responseBody !== undefined ? { text: input.responseBody } : {}),
      },
      redirectURL: findHeader(input.responseHeaders, 'location') ?? '',
      headersSize: -1,
      bodySize: input.responseBody?.length ?? -1,
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    _oauth: input.oauth,
  }
}

/** A navigation the app saw but did not send itself (authorize redirect, redirect back, logout). */
export function buildNavigationEntry(url: string, startedAt: number, oauth: OAuthAnnotation): CapturedEntry {
  return buildEntry({ method: 'GET', url, status: 0, statusText: 'navigation', startedAt, oauth })
}

function statusText(status: number): string {
  const known: Record<number, string> = {
    0: '',
    200: 'OK',
    302: 'Found',
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    500: 'Internal Server Error',
  }
  return known[status] ?? ''
}

/** Reads an OAuth error (RFC 6749 §5.2, §4.1.2.1) plus Entra's AADSTS code out of a JSON body or redirect params. */
export function oauthErrorOf(source: string | Record<string, string> | undefined): OAuthAnnotation['error'] | undefined {
  let obj: Record<string, unknown> | undefined
  if (typeof source === 'string') {
    try {
      const parsed: unknown = JSON.parse(source)
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) obj = parsed as Record<string, unknown>
    } catch {
      return undefined
    }
  } else obj = source
  if (!obj || typeof obj.error !== 'string') return undefined
  const description = typeof obj.error_description === 'string' ? obj.error_description : undefined
  const codes = Array.isArray(obj.error_codes) ? obj.error_codes : []
  const fromList = typeof codes[0] === 'number' ? `AADSTS${codes[0]}` : undefined
  const fromText = description ? /AADSTS\d+/.exec(description)?.[0] : undefined
  const code = fromText ?? fromList
  return { error: obj.error, ...(description !== undefined ? { description } : {}), ...(code !== undefined ? { code } : {}) }
}

/** What an exchange the app made came to: an HTTP answer, or a failure before any answer (offline, CORS, DNS). */
export type ExchangeOutcome = { response: { status: number; headers: Record<string, string>; body: string } } | { failure: unknown }

/**
 * The one entry for a request the app sent itself (MSAL's network module, discovery and keys,
 * userinfo): the answer as received, or status 0 "network error" with a `network_error` whose
 * description is what the browser said. `oauth.error` is the caller's reading of an answer.
 */
export function outcomeEntry(
  request: { method: string; url: string; headers?: Record<string, string>; body?: string },
  outcome: ExchangeOutcome,
  timing: { startedAt: number; endedAt: number },
  oauth: OAuthAnnotation,
): CapturedEntry {
  const sent = {
    method: request.method,
    url: request.url,
    ...(request.headers !== undefined ? { requestHeaders: request.headers } : {}),
    ...(request.body !== undefined ? { requestBody: request.body } : {}),
    startedAt: timing.startedAt,
    durationMs: timing.endedAt - timing.startedAt,
  }
  if ('failure' in outcome) {
    const description = outcome.failure instanceof Error ? outcome.failure.message : String(outcome.failure)
    return buildEntry({
      ...sent,
      status: 0,
      statusText: 'network error',
      oauth: { ...oauth, error: { error: 'network_error', description } },
    })
  }
  const { status, headers, body } = outcome.response
  return buildEntry({ ...sent, status, responseHeaders: headers, responseBody: body, oauth })
}
