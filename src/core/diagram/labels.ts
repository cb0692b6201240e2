/**
 * Arrow labels: the method and path, then only the parameters that matter for understanding the
 * step (response_type, code_challenge_method, scope, state, grant_type...). Secrets and tokens
 * are shortened so they never dominate a slide, and masked entirely in redaction mode.
 */
import type { CapturedEntry } from '../capture/types.ts'
import { safeUrl } from '../flows/http.ts'

export interface LabelOptions {
  /** Mask personal values and every token, code, secret and state value. */
  redact: boolean
}

/** Parameters worth showing on the arrow, per step, in display order. */
const AUTHORIZE_PARAMS = ['response_type', 'response_mode', 'scope', 'code_challenge_method', 'state', 'nonce', 'prompt', 'login_hint']
const TOKEN_PARAMS = [
  'grant_type',
  'scope',
  'code',
  'code_verifier',
  'client_secret',
  'client_assertion_type',
  'refresh_token',
  'assertion',
  'requested_token_use',
  'device_code',
]
const REDIRECT_PARAMS = ['code', 'state', 'error', 'error_subcode', 'session_state']
const DEVICE_PARAMS = ['client_id', 'scope']

/** Values that are credentials or one-time secrets: always shortened, masked when redacting. */
const SECRET_PARAMS = new Set([
  'code',
  'code_verifier',
  'client_secret',
  'refresh_token',
  'assertion',
  'device_code',
  'access_token',
  'id_token',
  'client_assertion',
])
/** Values that identify a person or a session: masked when redacting. */
const PERSONAL_PARAMS = new Set(['state', 'nonce', 'login_hint', 'session_state', 'user_code', 'domain_hint', 'sid'])

export const MASK = '•••'

function abbreviate(value: string, keep = 10): string {
  return value.length > keep + 2 ? `${value.slice(0, keep)}…` : value
}

const GRANT_URN = 'urn:ietf:params:oauth:grant-type:'
const GUID_VALUE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function showParam(name: string, value: string, opts: LabelOptions): string {
  if (name === 'grant_type' && value.startsWith(GRANT_URN)) return `${name}=urn:…:${value.slice(GRANT_URN.length)}`
  if (GUID_VALUE.test(value)) return `${name}=${value.slice(0, 8)}…`
  if (name === 'client_secret') return `${name}=${MASK}`
  if (SECRET_PARAMS.has(name)) return `${name}=${opts.redact ? MASK : abbreviate(value)}`
  if (PERSONAL_PARAMS.has(name) && opts.redact) return `${name}=${MASK}`
  if (name === 'scope')
    return `${name}=${abbreviate(
      value.replace(GUID, (g) => `${g.slice(0, 8)}…`),
      60,
    )}`
  return `${name}=${abbreviate(value, 40)}`
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi

/** Entra-style tenant path segments: a GUID, a domain name, or the multi-tenant aliases. */
const TENANT_SEGMENT =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}|common|organizations|consumers)$/i

/**
 * A path short enough for an arrow. The tenant segment of an identity-provider path is dropped
 * (the full URL is one click away in the side panel), other GUIDs are shortened, and long paths
 * keep their last three segments.
 */
export function shortPath(url: URL | null, raw: string): string {
  if (!url) return abbreviate(raw, 40)
  let parts = url.pathname.split('/').filter(Boolean)
  const tenantFirst = parts.length > 1 && TENANT_SEGMENT.test(parts[0] ?? '')
  if (tenantFirst) parts = parts.slice(1)
  parts = parts.map((p) => p.replace(GUID, (g) => `${g.slice(0, 8)}…`))
  if (parts.length > 4) return `/…/${parts.slice(-3).join('/')}`
  return `${tenantFirst ? '/…/' : '/'}${parts.join('/')}`
}

function headerValue(headers: { name: string; value: string }[], name: string): string | undefined {
  const lower = name.toLowerCase()
  return headers.find((h) => h.name.toLowerCase() === lower)?.value
}

/** Form body parameters: HAR `postData.params` when present, else parsed from the text. */
export function formParams(entry: CapturedEntry): Map<string, string> {
  const out = new Map<string, string>()
  const post = entry.request.postData
  if (!post) return out
  if (post.params && post.params.length > 0) {
    for (const p of post.params) out.set(p.name, p.value ?? '')
    return out
  }
  if (post.text && !post.text.trimStart().startsWith('{')) {
    for (const [k, v] of new URLSearchParams(post.text)) out.set(k, v)
  }
  return out
}

/** Fragment parameters win over query parameters (response_mode=fragment, OAuth 2.0 Multiple Response Types §5). */
export function redirectParams(url: URL | null): Map<string, string> {
  const out = new Map<string, string>()
  if (!url) return out
  const raw = url.hash.length > 1 ? url.hash.slice(1) : url.search.slice(1)
  for (const [k, v] of new URLSearchParams(raw)) out.set(k, v)
  return out
}

function pick(params: Map<string, string>, names: string[], opts: LabelOptions): string[] {
  const out: string[] = []
  for (const n of names) {
    const v = params.get(n)
    if (v !== undefined) out.push(showParam(n, v, opts))
  }
  return out
}

/** Two parameters per line keeps arrows compact yet readable. */
function pairUp(items: string[], maxLines = 3): string[] {
  const lines: string[] = []
  for (let i = 0; i < items.length; i += 2) lines.push(items.slice(i, i + 2).join('  ·  '))
  return lines.slice(0, maxLines)
}

export function requestDetails(entry: CapturedEntry, opts: LabelOptions): string[] {
  const url = safeUrl(entry.request.url)
  const step = entry._oauth.step
  const query = new Map<string, string>((entry.request.queryString ?? []).map((q) => [q.name, q.value]))
  if (query.size === 0 && url) for (const [k, v] of url.searchParams) query.set(k, v)
  switch (step) {
    case 'authorize':
      return pairUp(pick(query, AUTHORIZE_PARAMS, opts))
    case 'token':
    case 'refresh': {
      const form = formParams(entry)
      const shown = pick(form, TOKEN_PARAMS, opts)
      if (form.has('client_assertion')) shown.push('client_assertion=(signed JWT)')
      return pairUp(shown)
    }
    case 'device_authorization':
      return pairUp(pick(formParams(entry), DEVICE_PARAMS, opts))
    case 'redirect_back':
    case 'callback': {
      // response_mode=form_post carries the response in the POST body (OAuth 2.0 Form Post Response Mode §2).
      const inUrl = pick(redirectParams(url), REDIRECT_PARAMS, opts)
      return pairUp(inUrl.length > 0 ? inUrl : pick(formParams(entry), REDIRECT_PARAMS, opts))
    }
    case 'graph':
    case 'api':
    case 'userinfo': {
      const auth = headerValue(entry.request.headers, 'authorization')
      if (!auth) return []
      const [scheme] = auth.split(' ')
      return [`Authorization: ${scheme ?? 'Bearer'} ${opts.redact ? MASK : '<access token>'}`]
    }
    default:
      return []
  }
}

function parseJsonObject(text: string | undefined): Record<string, unknown> | null {
  if (!text) return null
  try {
    const v: unknown = JSON.parse(text)
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

export function responseBodyJson(entry: CapturedEntry): Record<string, unknown> | null {
  return parseJsonObject(entry.response.content.text)
}

export function responseLabel(entry: CapturedEntry): string {
  const { status, statusText } = entry.response
  const err = entry._oauth.error
  if (err) return `${status > 0 ? `${status} ` : ''}${err.error}`
  const bodyError = status >= 400 ? responseBodyJson(entry)?.error : undefined
  if (typeof bodyError === 'string') return `${status} ${bodyError}`
  return `${status}${statusText ? ` ${statusText}` : ''}`
}

export function responseDetails(entry: CapturedEntry, opts: LabelOptions): string[] {
  const err = entry._oauth.error
  if (err) return [err.code, err.description ? abbreviate(err.description, 70) : undefined].filter((x): x is string => !!x).slice(0, 2)
  const locationHeader = entry.response.redirectURL || headerValue(entry.response.headers, 'location')
  if (entry.response.status >= 300 && entry.response.status < 400 && locationHeader) {
    const u = safeUrl(locationHeader)
    return [
      `Location: ${u ? `${u.host}${shortPath(u, locationHeader)}` : abbreviate(locationHeader, 40)}`,
      ...pairUp(pick(redirectParams(u), REDIRECT_PARAMS, opts), 1),
    ]
  }
  const body = responseBodyJson(entry)
  if (!body) return []
  switch (entry._oauth.step) {
    case 'token':
    case 'refresh': {
      const tokens = ['access_token', 'id_token', 'refresh_token'].filter((k) => typeof body[k] === 'string')
      const extra = [
        typeof body.token_type === 'string' ? `token_type=${body.token_type}` : null,
        typeof body.expires_in === 'number' || typeof body.expires_in === 'string' ? `expires_in=${String(body.expires_in)}` : null,
      ].filter((x): x is string => !!x)
      return [tokens.join(', '), extra.join('  ·  ')].filter((x) => x.length > 0)
    }
    case 'jwks': {
      const keys = Array.isArray(body.keys) ? body.keys : []
      return [`${keys.length} signing key${keys.length === 1 ? '' : 's'}`]
    }
    case 'discovery': {
      const shown = ['issuer', 'jwks_uri'].filter((k) => typeof body[k] === 'string')
      return shown.length ? [`${shown.join(', ')}, endpoints…`] : []
    }
    case 'device_authorization':
      return pairUp(
        [
          typeof body.user_code === 'string' ? showParam('user_code', body.user_code, opts) : '',
          typeof body.verification_uri === 'string' ? `verification_uri=${abbreviate(body.verification_uri, 40)}` : '',
        ].filter(Boolean),
      )
    case 'graph':
    case 'userinfo': {
      const who = typeof body.displayName === 'string' ? body.displayName : typeof body.name === 'string' ? body.name : null
      return who ? [opts.redact ? `profile of ${MASK}` : `profile of ${abbreviate(who, 30)}`] : []
    }
    default:
      return []
  }
}
