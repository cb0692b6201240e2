/**
 * HAR 1.2 entries from Chrome DevTools Protocol Network events (the browser extension's
 * recorder). Pure: the caller feeds events in the order the browser sent them and fetches bodies
 * itself (Network.getResponseBody, Network.getRequestPostData) when an output asks for them.
 *
 * CDP Network domain, the events used:
 * - requestWillBeSent {requestId, request, timestamp, wallTime, type?, redirectResponse?}: one
 *   per hop; a redirect re-uses the requestId and carries the previous hop's response in
 *   redirectResponse, so each hop becomes its own entry (HAR 1.2 `response.redirectURL`).
 * - responseReceived {requestId, timestamp, type, response}: status, headers, mime type.
 * - loadingFinished {requestId, timestamp} / loadingFailed {requestId, errorText, canceled?}.
 * `timestamp` is a monotonic clock in seconds; `wallTime` (seconds since the epoch) is only on
 * requestWillBeSent, so startedDateTime comes from it and durations from `timestamp`.
 */
import type { Entry, Header } from 'har-format'
import type { CaptureOrigin, CapturedEntry } from '../capture/types.ts'
import { classifyEntry } from '../flows/classify.ts'
import { stampEntry } from '../flows/stamp.ts'
import { base64ToText } from './base64.ts'

export interface CdpRequest {
  url: string
  urlFragment?: string
  method: string
  headers?: Record<string, string>
  postData?: string
  hasPostData?: boolean
}

export interface CdpResponse {
  url: string
  status: number
  statusText?: string
  headers?: Record<string, string>
  mimeType?: string
  protocol?: string
}

interface Pending {
  requestId: string
  request: CdpRequest
  type: string
  wallMs: number
  monoStart: number
  response?: CdpResponse
  monoResponse?: number
}

/** A finished exchange. `needsBody`/`needsPostData`: ask the browser for them before use. */
export interface CdpFinished {
  requestId: string
  entry: Entry
  /** CDP ResourceType: Document, XHR, Fetch, Script, Image... */
  resourceType: string
  /** A redirect hop: its body is gone once the next hop starts. */
  redirect: boolean
  needsBody: boolean
  needsPostData: boolean
}

function rec(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}
function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}
function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}
function headersOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(rec(value))) if (typeof v === 'string') out[k] = v
  return out
}

function parseRequest(value: unknown): CdpRequest | null {
  const r = rec(value)
  const url = str(r.url)
  const method = str(r.method)
  if (!url || !method) return null
  const out: CdpRequest = { url, method, headers: headersOf(r.headers) }
  const fragment = str(r.urlFragment)
  if (fragment) out.urlFragment = fragment
  const postData = str(r.postData)
  if (postData !== undefined) out.postData = postData
  if (r.hasPostData === true) out.hasPostData = true
  return out
}

function parseResponse(value: unknown): CdpResponse | null {
  const r = rec(value)
  const url = str(r.url)
  const status = num(r.status)
  if (url === undefined || status === undefined) return null
  const out: CdpResponse = { url, status, headers: headersOf(r.headers) }
  const statusText = str(r.statusText)
  if (statusText !== undefined) out.statusText = statusText
  const mimeType = str(r.mimeType)
  if (mimeType !== undefined) out.mimeType = mimeType
  const protocol = str(r.protocol)
  if (protocol !== undefined) out.protocol = protocol
  return out
}

function headerList(headers: Record<string, string> | undefined): Header[] {
  // Several Set-Cookie values arrive joined by "\n" in one CDP header (one HAR header each).
  return Object.entries(headers ?? {}).flatMap(([name, value]) => value.split('\n').map((v) => ({ name, value: v })))
}

function findHeader(headers: Record<string, string> | undefined, name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() === lower) return v
  return undefined
}

function httpVersion(protocol: string | undefined): string {
  if (!protocol) return 'HTTP/1.1'
  if (protocol === 'h2') return 'HTTP/2'
  if (protocol === 'h3') return 'HTTP/3'
  return protocol.toUpperCase()
}

/** The request URL with its fragment (CDP reports it apart; a fragment-mode response lives there). */
function fullUrl(request: CdpRequest): string {
  return request.urlFragment && !request.url.includes('#') ? `${request.url}${request.urlFragment}` : request.url
}

function toEntry(p: Pending, response: CdpResponse | undefined, monoEnd: number | undefined, failure?: string): Entry {
  const url = fullUrl(p.request)
  const query = (() => {
    try {
      return [...new URL(p.request.url).searchParams.entries()].map(([name, value]) => ({ name, value }))
    } catch {
      return []
    }
  })()
  const wait = response && p.monoResponse !== undefined ? Math.max(0, (p.monoResponse - p.monoStart) * 1000) : 0
  const total = monoEnd !== undefined ? Math.max(0, (monoEnd - p.monoStart) * 1000) : wait
  const receive = Math.max(0, total - wait)
  const body = p.request.postData
  const reqMime = findHeader(p.request.headers, 'content-type') ?? ''
  const locationHeader = findHeader(response?.headers, 'location')
  return {
    startedDateTime: new Date(p.wallMs).toISOString(),
    time: Math.round(total * 1000) / 1000,
    request: {
      method: p.request.method,
      url,
      httpVersion: httpVersion(response?.protocol),
      cookies: [],
      headers: headerList(p.request.headers),
      queryString: query,
      ...(body !== undefined ? { postData: { mimeType: reqMime, text: body } } : {}),
      headersSize: -1,
      bodySize: body !== undefined ? body.length : 0,
    },
    response: {
      status: response?.status ?? 0,
      statusText: response ? (response.statusText ?? '') : (failure ?? ''),
      httpVersion: httpVersion(response?.protocol),
      cookies: [],
      headers: headerList(response?.headers),
      content: { size: -1, mimeType: response?.mimeType ?? findHeader(response?.headers, 'content-type') ?? '' },
      redirectURL: locationHeader ?? '',
      headersSize: -1,
      bodySize: -1,
      ...(failure ? { _error: failure } : {}),
    },
    cache: {},
    // HAR 1.2: send, wait and receive are required; -1 marks the phases CDP did not tell apart.
    timings: {
      blocked: -1,
      dns: -1,
      connect: -1,
      ssl: -1,
      send: 0,
      wait: Math.round(wait * 1000) / 1000,
      receive: Math.round(receive * 1000) / 1000,
    },
    _resourceType: p.type,
  } as Entry
}

/** Resource types whose bodies can matter to an OAuth flow (pages, form posts, API calls). */
const BODY_TYPES = new Set(['Document', 'XHR', 'Fetch', 'Other'])

/**
 * Turns the Network event stream of one tab into HAR entries. Keep one per recorded tab.
 */
export class CdpHarBuilder {
  private readonly pending = new Map<string, Pending>()

  /** Requests still open (for tests and for the recorder's stop). */
  get openCount(): number {
    return this.pending.size
  }

  handle(method: string, params: unknown): CdpFinished[] {
    const p = rec(params)
    const requestId = str(p.requestId)
    if (!requestId) return []
    switch (method) {
      case 'Network.requestWillBeSent': {
        const request = parseRequest(p.request)
        if (!request) return []
        const out: CdpFinished[] = []
        const previous = this.pending.get(requestId)
        const redirectResponse = parseResponse(p.redirectResponse)
        if (previous && redirectResponse) {
          // The previous hop ended with a 3xx: it is an entry of its own (no body: RFC 9110 §15.4).
          previous.monoResponse = num(p.timestamp) ?? previous.monoStart
          out.push(this.finish(previous, redirectResponse, previous.monoResponse, true))
        }
        const wall = num(p.wallTime)
        const mono = num(p.timestamp) ?? 0
        this.pending.set(requestId, {
          requestId,
          request,
          type: str(p.type) ?? previous?.type ?? 'Other',
          // wallTime is seconds since the epoch; a hop without it (never seen) keeps its predecessor's.
          wallMs: wall !== undefined ? wall * 1000 : (previous?.wallMs ?? 0),
          monoStart: mono,
        })
        return out
      }
      case 'Network.responseReceived': {
        const pending = this.pending.get(requestId)
        const response = parseResponse(p.response)
        if (!pending || !response) return []
        pending.response = response
        pending.monoResponse = num(p.timestamp) ?? pending.monoStart
        const type = str(p.type)
        if (type) pending.type = type
        return []
      }
      case 'Network.loadingFinished': {
        const pending = this.pending.get(requestId)
        if (!pending) return []
        this.pending.delete(requestId)
        return [this.finish(pending, pending.response, num(p.timestamp), false)]
      }
      case 'Network.loadingFailed': {
        const pending = this.pending.get(requestId)
        if (!pending) return []
        this.pending.delete(requestId)
        const text = str(p.errorText) ?? 'failed'
        const entry = toEntry(pending, pending.response, num(p.timestamp), p.canceled === true ? `${text} (canceled)` : text)
        return [
          {
            requestId,
            entry,
            resourceType: pending.type,
            redirect: false,
            needsBody: false,
            needsPostData: pending.request.hasPostData === true && pending.request.postData === undefined,
          },
        ]
      }
      default:
        return []
    }
  }

  private finish(p: Pending, response: CdpResponse | undefined, monoEnd: number | undefined, redirect: boolean): CdpFinished {
    const entry = toEntry(p, response, monoEnd)
    const status = response?.status ?? 0
    const hasBody = !redirect && status !== 204 && status !== 304 && BODY_TYPES.has(p.type)
    return {
      requestId: p.requestId,
      entry,
      resourceType: p.type,
      redirect,
      needsBody: hasBody,
      // Large bodies are left out of requestWillBeSent (hasPostData without postData).
      needsPostData: p.request.hasPostData === true && p.request.postData === undefined && !redirect,
    }
  }
}

/** The answer of Network.getResponseBody. */
export interface CdpBody {
  body: string
  base64Encoded: boolean
}

/** Bodies above this are left out (the analysis reads JSON, forms and small pages only). */
export const MAX_BODY_CHARS = 2_000_000

/** Adds the bodies the browser gave back; a body it refused stays absent (HAR: size -1). */
export function withBodies(entry: Entry, bodies: { response?: CdpBody | null; postData?: string | null }): Entry {
  const out: Entry = { ...entry, request: { ...entry.request }, response: { ...entry.response, content: { ...entry.response.content } } }
  if (typeof bodies.postData === 'string') {
    const mime = entry.request.postData?.mimeType ?? entry.request.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? ''
    out.request.postData = { mimeType: mime, text: bodies.postData }
    out.request.bodySize = bodies.postData.length
  }
  const body = bodies.response
  if (body && body.body.length <= MAX_BODY_CHARS) {
    // Text bodies are kept as text; others keep HAR 1.2's `encoding: "base64"`.
    const textual = /json|text|html|xml|javascript|x-www-form-urlencoded/i.test(entry.response.content.mimeType)
    if (body.base64Encoded && textual) {
      try {
        out.response.content.text = base64ToText(body.body)
      } catch {
        out.response.content.text = body.body
        out.response.content.encoding = 'base64'
      }
    } else {
      out.response.content.text = body.body
      if (body.base64Encoded) out.response.content.encoding = 'base64'
    }
    out.response.content.size = out.response.content.text.length
    out.response.bodySize = out.response.content.text.length
  }
  return out
}

/**
 * What the recorder keeps by default: exchanges that take part in OAuth / OpenID Connect
 * (anything the one classifier names: authorize, token, discovery, JWKS, userinfo, logout,
 * callbacks, redirects carrying a response, IdP error pages) and API calls that carry a bearer
 * token; plus the pages of an identity provider already seen in this recording (the sign-in
 * pages between /authorize and the redirect back). Everything else is the site's own traffic.
 */
export class RelevanceFilter {
  private readonly idpOrigins = new Set<string>()

  keep(entry: Entry): boolean {
    const step = classifyEntry(entry, 0, 0)
    const origin = originOf(entry.request.url)
    if (step.kind !== 'other' || step.error || step.bearer) {
      if (
        origin &&
        (step.kind === 'authorize' ||
          step.kind === 'token' ||
          step.kind === 'discovery' ||
          step.kind === 'jwks' ||
          step.kind === 'par' ||
          step.kind === 'device_authorization')
      )
        this.idpOrigins.add(origin)
      return true
    }
    // A redirect into the callback or an IdP page's own form posts: the hop before a kept one.
    return origin !== null && this.idpOrigins.has(origin) && isDocumentLike(entry)
  }

  /** Origins the filter treats as identity providers so far. */
  get identityProviders(): string[] {
    return [...this.idpOrigins]
  }
}

function isDocumentLike(entry: Entry): boolean {
  const type = (entry as { _resourceType?: unknown })._resourceType
  return type === 'Document' || entry.request.method === 'POST' || entry.response.status >= 300
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

/**
 * The `_oauth` stamp of a recorded exchange, from the same classifier as every capture.
 * origin: a top-level navigation is something the browser was sent through (observed); the
 * page's own fetch/XHR calls were recorded with both bodies (captured).
 */
export function toRecordedEntry(entry: Entry, flowId: string): CapturedEntry {
  const type = (entry as { _resourceType?: unknown })._resourceType
  const origin: CaptureOrigin = type === 'Document' ? 'observed' : 'captured'
  return stampEntry({ ...entry, _oauth: { step: 'other', flowId, origin, redactions: [] } })
}
