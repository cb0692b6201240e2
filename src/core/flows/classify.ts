/**
 * Classifies one HAR entry into a protocol step by what the request and response carry, not by
 * host names, so Entra, B2C, Keycloak, Okta, Auth0 and Google traffic all read the same way.
 */
import type { Entry } from 'har-format'
import type { StepKind } from '../capture/types.ts'
import { base64ToText } from '../har/base64.ts'
import {
  authorizationOf,
  setCookiesOf,
  formParams,
  fragmentParams,
  header,
  locationOf,
  queryParams,
  responseJson,
  safeUrl,
  baseOf,
  isRedacted,
  type Params,
} from './http.ts'
import type { ClientAuth, FlowStep, ResponseMode, StepError } from './types.ts'

/** Parameters that make a redirect or a callback an authorization response (RFC 6749 §4.1.2, §4.2.2, OIDC Core §3.2.2.5). */
const RESPONSE_KEYS = ['code', 'id_token', 'access_token', 'error'] as const

const JWKS_PATH = /(\/discovery(\/v2\.0)?\/keys|\/jwks(\.json)?|\/certs|\/keys)$/i
const LOGOUT_PATH = /(\/logout|\/end_?session|\/signout|\/sign_out|\/oauth2\/(v2\.0\/)?logout)$/i
const DEVICE_PATH = /(\/devicecode|\/device_authorization|\/device\/code|\/device\/authorize)$/i
/**
 * RFC 9126 §5 names the metadata, not the path; these are the paths IdPs publish (Okta /v1/par,
 * Keycloak /par/request, Auth0 /oauth/par).
 */
const PAR_PATH = /(\/par|\/par\/request|\/oauth2?\/par|\/push)$/i
const REVOKE_PATH = /(\/revoke|\/revocation|\/token\/revoke|\/oauth2?\/revoke)$/i
const INTROSPECT_PATH = /(\/introspect|\/introspection|\/token\/introspect(ion)?)$/i
const GRAPH_HOSTS = /^(graph\.microsoft\.(com|us)|dod-graph\.microsoft\.us|microsoftgraph\.chinacloudapi\.cn)$/i

function hasResponseParams(p: Params): boolean {
  return RESPONSE_KEYS.some((k) => k in p)
}

/** Hidden inputs of a form_post response page (OAuth 2.0 Form Post Response Mode §2). */
function formPostInputs(entry: Entry): Params {
  const type = entry.response.content.mimeType
  const text = entry.response.content.text
  if (!text || !/html/i.test(type) || text.length > 500_000) return {}
  if (!/name=["']?(code|id_token|access_token|error|SAMLResponse)["'\s>]/.test(text)) return {}
  const out: Params = {}
  const input = /<input\b[^>]*>/gi
  for (const m of text.matchAll(input)) {
    const tag = m[0]
    const name = /\bname=["']?([^"'\s>]+)/i.exec(tag)?.[1]
    const value = /\bvalue=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag)
    if (name && value && !(name in out)) out[name] = decodeHtml(value[1] ?? value[2] ?? value[3] ?? '')
  }
  return out
}

function decodeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

function flatten(json: Record<string, unknown>): Params {
  const out: Params = {}
  for (const [k, v] of Object.entries(json)) {
    if (typeof v === 'string') out[k] = v
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v)
    else if (k === 'error_codes' && Array.isArray(v)) out[k] = v.join(',')
  }
  return out
}

export function errorOf(p: Params, source: StepError['source'] = 'redirect'): StepError | undefined {
  if (!p.error) return undefined
  const aadsts = /AADSTS(\d{4,8})/.exec(p.error_description ?? '')?.[1] ?? p.error_codes?.split(',')[0]
  const out: StepError = { error: p.error, source }
  const b2c = /AADB2C\d{4,8}/.exec(p.error_description ?? '')?.[0]
  if (b2c) out.idpCode = b2c
  if (p.correlation_id) out.correlationId = p.correlation_id
  if (p.trace_id) out.traceId = p.trace_id
  if (p.timestamp) out.timestamp = p.timestamp
  if (p.error_description) out.description = p.error_description
  if (aadsts) out.code = aadsts
  return out
}

function clientAuthOf(entry: Entry, form: Params): ClientAuth {
  if (form.client_assertion) return 'private_key_jwt'
  if (form.client_secret) return 'client_secret_post'
  if (/^Basic\s/i.test(header(entry.request.headers, 'authorization') ?? '')) return 'client_secret_basic'
  return 'none'
}

/** The client secret of an HTTP Basic Authorization header (RFC 6749 §2.3.1), if any. */
export function basicSecret(entry: Entry): { clientId: string; secret: string } | null {
  const m = /^Basic\s+(\S+)/i.exec(header(entry.request.headers, 'authorization') ?? '')
  if (!m?.[1]) return null
  // A sanitised file keeps the header with the secret's placeholder ("Basic [redacted:client_secret:1]").
  if (isRedacted(m[1])) return { clientId: '', secret: m[1] }
  try {
    const decoded = base64ToText(m[1])
    const colon = decoded.indexOf(':')
    if (colon < 0) return null
    // The client ID and secret are form-urlencoded before Basic encoding (RFC 6749 §2.3.1).
    return { clientId: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) }
  } catch {
    return null
  }
}

const KIND_LABEL: Record<StepKind, string> = {
  discovery: 'Discovery document',
  jwks: 'Signing keys (JWKS)',
  authorize: 'Authorization request',
  redirect_back: 'Redirect back to the app',
  callback: 'Callback at the redirect URI',
  token: 'Token request',
  refresh: 'Token refresh',
  userinfo: 'UserInfo request',
  graph: 'Microsoft Graph call',
  api: 'API call with a bearer token',
  logout: 'Sign-out',
  device_authorization: 'Device authorization request',
  par: 'Pushed authorization request (PAR)',
  revocation: 'Token revocation',
  introspection: 'Token introspection',
  saml: 'SAML message (recognised, not analysed)',
  other: 'Other request',
}

/** The one label of each step kind, for the live capture, the import and the diagram alike. */
export function kindLabel(kind: StepKind): string {
  return KIND_LABEL[kind]
}

export const stepLabel = kindLabel

/**
 * Cheap pre-filter: a GET without redirect, bearer header or any protocol word in its URL (most
 * of a real HAR: scripts, images, styles, API pages) cannot be a protocol step, so it skips URL
 * and body parsing. Keeps a 5,000-entry file well inside the 2 s import budget.
 */
const PROTOCOL_HINT =
  /[?&#;](client_id|code|state|id_token|access_token|error|samlrequest|samlresponse|response_type|post_logout_redirect_uri|id_token_hint|request_uri)=|well-known|keys|jwks|certs|logout|end_?session|sign_?out|userinfo|device|token|authorize|revoke|introspect|\/par\b/i
const FORM_POST_HINT = /name=["']?(code|id_token|access_token|error|SAMLResponse)["'\s>]/

function maybeProtocol(entry: Entry): boolean {
  if (entry.request.method !== 'GET') return true
  const status = entry.response.status
  if (status >= 300 && status < 400) return true
  if (PROTOCOL_HINT.test(entry.request.url)) return true
  if (/^https:\/\/(graph\.microsoft\.|dod-graph\.microsoft\.|microsoftgraph\.chinacloudapi\.)/i.test(entry.request.url)) return true
  for (const h of entry.request.headers) if (h.name.length === 13 && h.name.toLowerCase() === 'authorization') return true
  const text = entry.response.content.text
  return (
    text !== undefined &&
    text.length < 500_000 &&
    /html/i.test(entry.response.content.mimeType) &&
    (FORM_POST_HINT.test(text) || IDP_ERROR_HINT.test(text))
  )
}

const IDP_ERROR_HINT = /AADSTS\d{4,8}|AADB2C\d{4,8}|"errorCode"\s*:\s*"E\d{7}"/

function stripTags(html: string): string {
  return decodeHtml(html.replace(/<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>/g, ' ')).replace(
    /\s+/g,
    ' ',
  )
}

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

/**
 * An identity provider's own HTML error page. Entra answers many sign-in errors with a 200 page
 * carrying "AADSTS<n>: <message>" and its Request/Correlation IDs and timestamp instead of an
 * error redirect (RFC 6749 §4.1.2.1 only applies once the redirect URI is trusted); Azure AD B2C
 * uses AADB2C<n> codes; Okta embeds its API error object (errorCode E0000nnn, errorSummary, errorId).
 */
export function htmlErrorOf(entry: Entry): StepError | undefined {
  const text = entry.response.content.text
  if (!text || text.length > 500_000 || !/html/i.test(entry.response.content.mimeType) || !IDP_ERROR_HINT.test(text)) return undefined
  const plain = stripTags(text)
  const entra = /\b(AADSTS|AADB2C)(\d{4,8})\b:?\s*([^]{0,300}?)(?=\s*(?:Trace ID|Request Id|Correlation ID|Timestamp|$))/i.exec(plain)
  if (entra) {
    const out: StepError = { error: entra[1]?.toUpperCase() === 'AADB2C' ? 'b2c_error_page' : 'entra_error_page', source: 'html' }
    if (entra[1]?.toUpperCase() === 'AADSTS') out.code = entra[2] ?? ''
    else out.idpCode = `AADB2C${entra[2] ?? ''}`
    const message = (entra[3] ?? '').trim()
    if (message) out.description = message.slice(0, 300)
    const corr = new RegExp(`Correlation ID:?\\s*(${GUID})`, 'i').exec(plain)?.[1]
    const trace = new RegExp(`(?:Trace|Request) ID:?\\s*(${GUID})`, 'i').exec(plain)?.[1]
    const when = /Timestamp:?\s*(\d{4}-\d{2}-\d{2}[T ][\d:.]+Z?)/i.exec(plain)?.[1]
    if (corr) out.correlationId = corr
    if (trace) out.traceId = trace
    if (when) out.timestamp = when
    return out
  }
  const okta = /"errorCode"\s*:\s*"(E\d{7})"/.exec(text)
  if (okta?.[1]) {
    const summary = /"errorSummary"\s*:\s*"([^"]{0,300})"/.exec(text)?.[1]
    const id = /"errorId"\s*:\s*"([^"]{1,80})"/.exec(text)?.[1]
    return {
      error: 'okta_error_page',
      source: 'html',
      idpCode: okta[1],
      ...(summary ? { description: summary } : {}),
      ...(id ? { correlationId: id } : {}),
    }
  }
  return undefined
}

/** Classifies one entry. Entries of kind 'other' may still become a callback during grouping. */
export function classifyEntry(entry: Entry, index: number, time: number): FlowStep {
  if (!maybeProtocol(entry)) {
    return {
      id: `s${index}`,
      entryIndex: index,
      kind: 'other',
      origin: 'captured',
      label: KIND_LABEL.other,
      method: entry.request.method,
      url: entry.request.url,
      status: entry.response.status,
      time,
      request: {},
      response: {},
    }
  }
  const url = safeUrl(entry.request.url)
  const query = url ? queryParams(url) : {}
  const form = formParams(entry)
  const request: Params = { ...query, ...form }
  const path = url?.pathname ?? ''
  const base: Omit<FlowStep, 'kind' | 'label'> = {
    id: `s${index}`,
    entryIndex: index,
    origin: 'captured',
    method: entry.request.method,
    url: entry.request.url,
    status: entry.response.status,
    time,
    request,
    response: {},
  }
  const step = (kind: StepKind, extra: Partial<FlowStep> = {}): FlowStep => ({ ...base, kind, label: KIND_LABEL[kind], ...extra })

  // Response side: a redirect whose Location carries an authorization response, or a form_post page.
  let response: Params = {}
  let responseMode: ResponseMode | undefined
  const auth = authorizationOf(entry)
  const bearer = auth?.token
  if (auth) {
    base.bearer = auth.token
    base.bearerScheme = auth.scheme
  }
  const redirectLoc = entry.response.status >= 300 && entry.response.status < 400 ? locationOf(entry) : null
  if (redirectLoc) {
    const q = queryParams(redirectLoc)
    const f = fragmentParams(redirectLoc)
    if (hasResponseParams(f)) {
      response = f
      responseMode = 'fragment'
    } else if (hasResponseParams(q)) {
      response = q
      responseMode = 'query'
    }
    if (responseMode) base.redirectTo = redirectLoc.href
  }
  if (!responseMode) {
    const inputs = formPostInputs(entry)
    if (hasResponseParams(inputs) || 'SAMLResponse' in inputs) {
      response = inputs
      responseMode = 'form_post'
    }
  }

  if ('SAMLRequest' in request || 'SAMLResponse' in request || 'SAMLResponse' in response) return step('saml', { response })
  if (/\/\.well-known\/(openid-configuration|oauth-authorization-server)$/.test(path)) {
    return step('discovery', { response: flatten(responseJson(entry) ?? {}), responseMode: 'json' })
  }
  if (JWKS_PATH.test(path) && entry.request.method === 'GET') {
    const json = responseJson(entry)
    if (json && Array.isArray(json.keys)) return step('jwks', { responseMode: 'json' })
    if (/keys|jwks|certs/i.test(path) && /json/i.test(entry.response.content.mimeType)) return step('jwks', { responseMode: 'json' })
  }
  if (entry.request.method === 'POST' && form.grant_type) {
    const json = flatten(responseJson(entry) ?? {})
    const grantType = form.grant_type
    const kind: StepKind = grantType === 'refresh_token' ? 'refresh' : 'token'
    const label =
      grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer' && form.requested_token_use === 'on_behalf_of'
        ? 'Token request (on-behalf-of)'
        : `Token request (${shortGrant(grantType)})`
    const err = errorOf(json, 'json')
    return step(kind, {
      grantType,
      clientAuth: clientAuthOf(entry, form),
      response: json,
      responseMode: 'json',
      label,
      ...(err ? { error: err } : {}),
    })
  }
  if (entry.request.method === 'POST' && DEVICE_PATH.test(path) && request.client_id) {
    const json = flatten(responseJson(entry) ?? {})
    const err = errorOf(json, 'json')
    return step('device_authorization', { response: json, responseMode: 'json', ...(err ? { error: err } : {}) })
  }
  if (entry.request.method === 'POST' && PAR_PATH.test(path) && request.client_id) {
    // RFC 9126 §2.1: the authorization request parameters are POSTed; §2.2: the answer is a
    // request_uri the browser then presents at /authorize.
    const json = flatten(responseJson(entry) ?? {})
    const err = errorOf(json, 'json')
    return step('par', { clientAuth: clientAuthOf(entry, form), response: json, responseMode: 'json', ...(err ? { error: err } : {}) })
  }
  if (entry.request.method === 'POST' && form.token && (REVOKE_PATH.test(path) || INTROSPECT_PATH.test(path))) {
    // RFC 7009 §2.1 and RFC 7662 §2.1: the token travels in the form body as `token`.
    const json = flatten(responseJson(entry) ?? {})
    const err = errorOf(json, 'json')
    return step(REVOKE_PATH.test(path) ? 'revocation' : 'introspection', {
      clientAuth: clientAuthOf(entry, form),
      response: json,
      responseMode: 'json',
      ...(err ? { error: err } : {}),
    })
  }
  if (request.client_id && (request.response_type || request.request_uri || /\/authorize$/i.test(path))) {
    const err = errorOf(response) ?? htmlErrorOf(entry)
    return step('authorize', {
      label: entry.request.method === 'POST' ? 'Authorization request (POST)' : KIND_LABEL.authorize,
      response,
      ...(responseMode ? { responseMode } : {}),
      ...(err ? { error: err } : {}),
    })
  }
  if (
    LOGOUT_PATH.test(path) ||
    (('post_logout_redirect_uri' in request || 'id_token_hint' in request) && /logout|session|signout/i.test(path))
  ) {
    return step('logout')
  }
  if (/\/userinfo$/i.test(path)) {
    const json = responseJson(entry)
    return step('userinfo', { response: json ? flatten(json) : {}, responseMode: 'json' })
  }
  if (!bearer && GRAPH_HOSTS.test(url?.hostname ?? '') && !hasResponseParams(request)) {
    // A call to Microsoft Graph is a Graph call even when it carries no token (Graph answers 401).
    return step('graph', { label: `Graph ${entry.request.method} ${path}` })
  }
  if (bearer) {
    const host = url?.hostname ?? ''
    return step(GRAPH_HOSTS.test(host) ? 'graph' : 'api', {
      label: `${GRAPH_HOSTS.test(host) ? 'Graph' : 'API'} ${entry.request.method} ${path}`,
    })
  }
  if (hasResponseParams(request) && !request.grant_type && !request.response_type) {
    // A request at the redirect URI carrying the authorization response (query or form_post).
    const err = errorOf(request)
    const cookies = setCookiesOf(entry)
    return step('callback', {
      responseMode: entry.request.method === 'POST' ? 'form_post' : 'query',
      ...(cookies.length ? { setCookies: cookies } : {}),
      ...(err ? { error: err } : {}),
    })
  }
  if (responseMode) {
    const err = errorOf(response)
    return step('redirect_back', { response, responseMode, ...(err ? { error: err } : {}) })
  }
  // The page the browser landed on, fragment included: only our own capture records it (a
  // fragment never reaches the network), and it carries the response of a fragment-mode
  // authorization request (OAuth 2.0 Multiple Response Types §2.1).
  const landed = url ? fragmentParams(url) : {}
  if (hasResponseParams(landed)) {
    const err = errorOf(landed)
    return step('redirect_back', {
      response: landed,
      responseMode: 'fragment',
      redirectTo: entry.request.url,
      ...(err ? { error: err } : {}),
    })
  }
  const page = htmlErrorOf(entry)
  return page ? step('other', { error: page, label: 'Error page of the identity provider' }) : step('other')
}

/** Step kinds a call at a userinfo endpoint may have been given by its own URL and headers alone. */
const USERINFO_CANDIDATES: ReadonlySet<StepKind> = new Set(['api', 'graph', 'other', 'callback'])

/**
 * Userinfo by the capture's own metadata: a call whose URL (origin and path, RFC 3986 §6.2.1
 * simple comparison) equals the `userinfo_endpoint` of a discovery document in the same capture
 * (OIDC Discovery §3) is a userinfo step, wherever the provider serves it (Google's
 * openidconnect.googleapis.com/v1/userinfo, oidc-provider's /me, an Okta custom authorization
 * server). The path rule in classifyEntry (…/userinfo) stays for captures without discovery.
 * A POST carrying access_token in its form body (OIDC Core §5.3.1 allows it) would otherwise read
 * as a callback. Settles the steps in place; call before grouping.
 */
export function settleUserinfo(steps: FlowStep[]): void {
  const endpoints = new Set<string>()
  for (const s of steps) {
    const endpoint = s.kind === 'discovery' ? s.response.userinfo_endpoint : undefined
    const u = endpoint ? safeUrl(endpoint) : null
    if (u) endpoints.add(baseOf(u))
  }
  if (endpoints.size === 0) return
  const prefixes = [...endpoints]
  steps.forEach((s, i) => {
    if (!USERINFO_CANDIDATES.has(s.kind) || s.error) return
    // Prefix test first: most entries of a real file are assets at other URLs.
    if (!prefixes.some((p) => s.url.startsWith(p))) return
    const u = safeUrl(s.url)
    if (!u || !endpoints.has(baseOf(u))) return
    const { setCookies: _cookies, responseMode: _mode, ...rest } = s
    steps[i] = { ...rest, kind: 'userinfo', label: KIND_LABEL.userinfo, request: s.kind === 'callback' ? {} : s.request }
  })
}

export function shortGrant(grantType: string): string {
  switch (grantType) {
    case 'urn:ietf:params:oauth:grant-type:jwt-bearer':
      return 'jwt-bearer'
    case 'urn:ietf:params:oauth:grant-type:device_code':
    case 'device_code':
      return 'device code'
    case 'urn:ietf:params:oauth:grant-type:token-exchange':
      return 'token exchange'
    case 'urn:ietf:params:oauth:grant-type:saml2-bearer':
      return 'SAML bearer'
    default:
      return grantType.replace(/_/g, ' ')
  }
}
