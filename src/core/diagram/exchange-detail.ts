/**
 * What the side panel shows for one exchange: request and response as name/value lists, the
 * body pretty-printed, and every JWT found in it (query, fragment, form body, JSON body, the
 * Authorization header) decoded without verification, so the user can open it in the inspector.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose'
import type { CapturedEntry } from '../capture/types.ts'
import { formParams, MASK, redirectParams } from './labels.ts'
import { safeUrl } from '../flows/http.ts'

export interface NameValue {
  name: string
  value: string
}

export interface FoundToken {
  /** Where it was found: "response body: id_token", "request header: Authorization". */
  where: string
  name: string
  token: string
  header: Record<string, unknown> | null
  payload: Record<string, unknown> | null
}

export interface ExchangeDetail {
  method: string
  url: string
  query: NameValue[]
  /** Parameters in the URL fragment (the redirect back in response_mode=fragment). */
  fragment: NameValue[]
  requestHeaders: NameValue[]
  form: NameValue[]
  requestBody: string | null
  status: number
  statusText: string
  responseHeaders: NameValue[]
  responseBody: string | null
  tokens: FoundToken[]
}

const JWT_SHAPE = /^[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*$/
const SECRET_NAMES =
  /^(client_secret|code|code_verifier|refresh_token|access_token|id_token|assertion|device_code|client_assertion|password)$/i
const PERSONAL_NAMES = /^(state|nonce|login_hint|session_state|user_code|sid|authorization|cookie|set-cookie)$/i

function decode(token: string): Pick<FoundToken, 'header' | 'payload'> | null {
  if (!JWT_SHAPE.test(token)) return null
  try {
    return { header: decodeProtectedHeader(token) as Record<string, unknown>, payload: decodeJwt(token) as Record<string, unknown> }
  } catch {
    return null
  }
}

function pretty(text: string | undefined): string | null {
  if (text === undefined || text === '') return null
  try {
    return JSON.stringify(JSON.parse(text) as unknown, null, 2)
  } catch {
    return text
  }
}

function maskValue(name: string, value: string, redact: boolean): string {
  if (!redact) return value
  return SECRET_NAMES.test(name) || PERSONAL_NAMES.test(name) || JWT_SHAPE.test(value) ? MASK : value
}

/** Masks JWTs, emails and the values of secret JSON members inside a body text. */
export function redactText(text: string): string {
  return text
    .replace(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, MASK)
    .replace(
      /"(access_token|id_token|refresh_token|code|client_secret|code_verifier|assertion|device_code|user_code|displayName|name|preferred_username|userPrincipalName|mail|upn|email|given_name|family_name)"(\s*:\s*)"[^"]*"/g,
      `"$1"$2"${MASK}"`,
    )
    .replace(
      /\b((?:code|state|nonce|code_verifier|client_secret|refresh_token|assertion|device_code|login_hint|session_state)=)[^&\s"]+/g,
      `$1${MASK}`,
    )
    .replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, MASK)
}

export function exchangeDetail(entry: CapturedEntry, opts: { redact?: boolean } = {}): ExchangeDetail {
  const redact = opts.redact === true
  const url = safeUrl(entry.request.url)
  const tokens: FoundToken[] = []
  const seen = new Set<string>()
  const consider = (where: string, name: string, value: string) => {
    const v = value.replace(/^Bearer\s+/i, '')
    if (seen.has(v)) return
    const d = decode(v)
    if (!d) return
    seen.add(v)
    tokens.push({ where, name, token: v, ...d })
  }
  const query = url ? [...url.searchParams].map(([name, value]) => ({ name, value })) : []
  const fragment =
    url && url.hash.length > 1 ? [...redirectParams(new URL(`https://x/${url.hash}`))].map(([name, value]) => ({ name, value })) : []
  const form = [...formParams(entry)].map(([name, value]) => ({ name, value }))
  for (const q of query) consider('request URL', q.name, q.value)
  for (const f of fragment) consider('redirect fragment', f.name, f.value)
  for (const f of form) consider('request body', f.name, f.value)
  for (const h of entry.request.headers) if (h.name.toLowerCase() === 'authorization') consider('request header', 'Authorization', h.value)
  const body = entry.response.content.text
  if (body) {
    try {
      const json: unknown = JSON.parse(body)
      if (json && typeof json === 'object' && !Array.isArray(json)) {
        for (const [k, v] of Object.entries(json as Record<string, unknown>)) if (typeof v === 'string') consider('response body', k, v)
      }
    } catch {
      // Not JSON: nothing to look for.
    }
  }
  const nv = (list: NameValue[]) => list.map((x) => ({ name: x.name, value: maskValue(x.name, x.value, redact) }))
  const reqBody = pretty(entry.request.postData?.text)
  const resBody = pretty(body)
  return {
    method: entry.request.method,
    url: redact ? redactText(entry.request.url) : entry.request.url,
    query: nv(query),
    fragment: nv(fragment),
    requestHeaders: nv(entry.request.headers),
    form: nv(form),
    requestBody: reqBody && redact ? redactText(reqBody) : reqBody,
    status: entry.response.status,
    statusText: entry.response.statusText,
    responseHeaders: nv(entry.response.headers),
    responseBody: resBody && redact ? redactText(resBody) : resBody,
    tokens,
  }
}
