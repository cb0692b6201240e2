/**
 * Flow detection: entries in, flows out (steps, inferred server-side steps, tokens, lint
 * findings and `_oauth`-annotated entries for the diagram). Pure and synchronous; large files
 * run it in a worker.
 */
import type { Entry } from 'har-format'
import type { CapturedEntry, OAuthAnnotation } from '../capture/types.ts'
import { classifyEntry, shortGrant } from './classify.ts'
import { groupSteps, type Draft } from './group.ts'
import { real, responseJson, safeUrl, timeOf } from './http.ts'
import { lintFlow } from './lint.ts'
import { unansweredResponse } from '../har/normalize.ts'
import { decodeClientInfo } from '../capture/classify.ts'
import { findTokens, resolveIssuer, type TokenContext } from './tokens.ts'
import type { ClientType, Flow, FlowAnalysis, FlowKind, FlowStep } from './types.ts'

export interface AnalyzeOptions {
  /** The tenant the app signed in to, when the caller knows it (the sign-in profile). */
  tenantId?: string
}

export function analyzeFlows(entries: readonly Entry[], options: AnalyzeOptions = {}): FlowAnalysis {
  const steps: FlowStep[] = []
  entries.forEach((entry, i) => {
    const step = classifyEntry(entry, i, timeOf(entry, i))
    const own = (entry as Partial<CapturedEntry>)._oauth
    if (own && typeof own === 'object') {
      // Entries from our own capture or export keep what the capture knew for certain.
      step.origin = own.origin
      if (step.kind === 'other' && own.step !== 'other') step.kind = own.step
    }
    steps.push(step)
  })
  // Stable sort by time: HAR files are usually in order, but merged captures are not.
  const ordered = steps
    .map((s, i) => [s, i] as const)
    .sort((a, b) => a[0].time - b[0].time || a[1] - b[1])
    .map(([s]) => s)
  // Listed in the order they started (a sign-out on its own is grouped after the sign-ins around
  // it, but happened between them).
  const drafts = groupSteps(ordered)
    .filter(hasEvidence)
    .map((d, i) => [d, i, d.steps.reduce((t, s) => Math.min(t, s.time), Infinity)] as const)
    .sort((a, b) => a[2] - b[2] || a[1] - b[1])
    .map(([d]) => d)
  const flows = drafts.map((d, i) => buildFlow(d, i, entries, options))
  flows.forEach((f, i) => renumber(f, i))
  numberRepeatedLabels(flows)
  const used = new Set<number>()
  for (const f of flows) for (const s of f.steps) if (s.entryIndex !== null) used.add(s.entryIndex)
  return { flows, entryCount: entries.length, unrelatedCount: entries.length - used.size }
}

/**
 * Two sign-ins to one tenant read alike ("Authorization code flow · login.microsoftonline.com"),
 * and a picker offering both twice under one name leaves the user guessing: such labels get
 * "(1 of 2)", "(2 of 2)" in the order the flows started.
 */
function numberRepeatedLabels(flows: Flow[]): void {
  const byLabel = new Map<string, Flow[]>()
  for (const f of flows) {
    const same = byLabel.get(f.label)
    if (same) same.push(f)
    else byLabel.set(f.label, [f])
  }
  for (const same of byLabel.values()) {
    if (same.length < 2) continue
    same.forEach((f, i) => {
      f.label = `${f.label} (${i + 1} of ${same.length})`
    })
  }
}

/**
 * A flow needs protocol evidence of its own: an authorization request, a token, device, PAR,
 * revocation or introspection call, SAML, an identity provider's error page, or a sign-out that
 * names a client or session. Metadata fetches and API calls with tokens from no flow in the file
 * are ordinary traffic, not flows.
 */
function hasEvidence(d: Draft): boolean {
  if (d.origin === 'api' || d.origin === 'metadata') return false
  return d.steps.some((s) => {
    switch (s.kind) {
      case 'authorize':
      case 'par':
      case 'token':
      case 'refresh':
      case 'device_authorization':
      case 'revocation':
      case 'introspection':
      case 'saml':
        return true
      case 'logout':
        return Boolean(s.request.id_token_hint || s.request.client_id || s.request.post_logout_redirect_uri)
      case 'other':
        return s.error !== undefined
      default:
        return false
    }
  })
}

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The flow's tenant: the caller's, else the authority path's GUID, else client_info's utid (Entra). */
function tenantOf(d: Draft, options: AnalyzeOptions): string | undefined {
  if (options.tenantId) return options.tenantId
  for (const s of d.steps) {
    if (s.kind !== 'authorize' && s.kind !== 'token' && s.kind !== 'par') continue
    const first = safeUrl(s.url)?.pathname.split('/')[1]
    if (first && GUID_RE.test(first)) return first
  }
  for (const s of d.steps) {
    const info = s.response.client_info ?? (s.kind === 'callback' ? s.request.client_info : undefined)
    if (info) {
      const utid = decodeClientInfo(info).utid
      if (utid) return utid
    }
  }
  return undefined
}

/**
 * Public or confidential (RFC 6749 §2.1), from what the capture shows: a client secret, a
 * client_assertion (RFC 7523 §2.2) or Basic authentication make it confidential, as does a
 * code redeemed server-side; PKCE with a browser token call that authenticates nothing is a
 * public client.
 */
function clientTypeOf(steps: FlowStep[], grant: string | undefined, codeChallenge: boolean): ClientType {
  const evidence: string[] = []
  const backChannel = steps.filter(
    (s) =>
      (s.kind === 'token' || s.kind === 'refresh' || s.kind === 'par' || s.kind === 'revocation' || s.kind === 'introspection') &&
      s.origin !== 'not_observed',
  )
  const auth = backChannel.find((s) => s.clientAuth && s.clientAuth !== 'none')?.clientAuth
  if (auth)
    evidence.push(
      auth === 'private_key_jwt'
        ? 'client_assertion sent (private_key_jwt)'
        : auth === 'client_secret_basic'
          ? 'client secret in a Basic Authorization header'
          : 'client_secret in the form body',
    )
  const inferred = steps.some((s) => s.origin === 'not_observed' && s.grantType === 'authorization_code')
  if (inferred) evidence.push('code redeemed server-side (inferred)')
  const out = (type: ClientType['type']): ClientType => ({ type, evidence, ...(grant ? { grant } : {}) })
  if (auth || inferred) return out('confidential')
  const browserCall = backChannel.some((s) => s.kind === 'token' || s.kind === 'refresh')
  if (codeChallenge) evidence.push('PKCE code_challenge')
  if (browserCall) evidence.push('token request without client authentication seen in the capture')
  if (browserCall && (codeChallenge || grant !== 'authorization_code')) return out('public')
  return out('unknown')
}

function kindOf(d: Draft, responseType: string | undefined): FlowKind {
  if (d.origin === 'saml') return 'saml'
  if (responseType) {
    const rt = new Set(responseType.split(/\s+/))
    if (rt.has('code')) return rt.size > 1 ? 'hybrid' : 'authorization_code'
    return 'implicit'
  }
  const grant = d.steps.find((s) => s.grantType)?.grantType
  if (d.origin === 'device' || (grant && /device_code/.test(grant))) return 'device_code'
  if (grant === 'client_credentials') return 'client_credentials'
  if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
    return d.steps.some((s) => s.request.requested_token_use === 'on_behalf_of') ? 'on_behalf_of' : 'jwt_bearer'
  }
  if (grant === 'refresh_token') return 'refresh_token'
  if (grant === 'password') return 'password'
  if (grant === 'authorization_code') return 'authorization_code'
  if (d.origin === 'api') return 'api'
  if (d.steps.every((s) => s.kind === 'discovery' || s.kind === 'jwks')) return 'metadata'
  if (d.steps.some((s) => s.kind === 'logout')) return 'sign_out'
  return 'unknown'
}

const FLOW_LABEL: Record<FlowKind, string> = {
  authorization_code: 'Authorization code flow',
  implicit: 'Implicit flow',
  hybrid: 'Hybrid flow',
  client_credentials: 'Client credentials',
  on_behalf_of: 'On-behalf-of (jwt-bearer)',
  jwt_bearer: 'JWT bearer grant',
  device_code: 'Device code flow',
  refresh_token: 'Token refresh',
  password: 'Password grant (ROPC)',
  saml: 'SAML sign-in',
  api: 'API calls',
  metadata: 'Metadata only',
  sign_out: 'Sign-out',
  unknown: 'Other traffic',
}

/** Where the token endpoint most likely is, for the inferred server-side step. */
function tokenEndpointGuess(d: Draft, authorize: FlowStep | undefined): string {
  for (const s of d.steps) if (s.kind === 'discovery' && s.response.token_endpoint) return s.response.token_endpoint
  const u = authorize ? safeUrl(authorize.url) : null
  if (!u) return 'https://authorization-server.invalid/token'
  return `${u.origin}${u.pathname.replace(/\/authorize$/i, '/token')}`
}

function buildFlow(d: Draft, index: number, entries: readonly Entry[], options: AnalyzeOptions): Flow {
  d.steps.sort((a, b) => a.time - b.time)
  const authorize = d.steps.find((s) => s.kind === 'authorize')
  const responseType = authorize?.request.response_type
  const kind = kindOf(d, responseType)
  const steps = [...d.steps]

  // RFC 6749 §4.1.3: a confidential web app redeems its code on its server, out of the browser's
  // sight. Inferred only where the evidence says so: the code reached a server route, no token
  // call for it is in the capture, and the state came back right (a wrong state stops the flow,
  // RFC 6749 §10.12). A server route is a form_post POST (a page's script cannot read a POST body)
  // or a callback answered with a redirect or a cookie; a plain 200 page at the redirect URI
  // counts only without PKCE (with PKCE it is a public client that would redeem in the browser).
  const callback = steps.filter((s) => s.kind === 'callback' && real(s.request.code) !== undefined && s.entryIndex !== null).at(-1)
  const redeemed = steps.some((s) => s.grantType === 'authorization_code')
  const pkce = Boolean(d.codeChallenge)
  const serverRoute =
    callback !== undefined &&
    (callback.method === 'POST' ||
      (callback.status >= 300 && callback.status < 400) ||
      (callback.setCookies?.length ?? 0) > 0 ||
      (!pkce && callback.status !== 0))
  if (callback && serverRoute && !redeemed && !d.stateMismatch && !callback.error) {
    const code = callback.request.code
    const inferred: FlowStep = {
      id: `inferred-${index}`,
      entryIndex: null,
      kind: 'token',
      origin: 'not_observed',
      label: 'Token request (server-side, inferred)',
      method: 'POST',
      url: tokenEndpointGuess(d, authorize),
      status: 0,
      time: callback.time,
      grantType: 'authorization_code',
      request: { grant_type: 'authorization_code', ...(code ? { code } : {}), ...(d.clientId ? { client_id: d.clientId } : {}) },
      response: {},
    }
    steps.splice(steps.indexOf(callback) + 1, 0, inferred)
  }

  const discovery = steps.find((s) => s.kind === 'discovery' && s.response.issuer)
  // The first JWKS response with keys (a capture may also hold an empty or cached one).
  let jwks: Record<string, unknown> | null = null
  for (const s of steps) {
    if (s.kind !== 'jwks' || s.entryIndex === null || jwks) continue
    const json = responseJson(entries[s.entryIndex] as Entry)
    if (json && Array.isArray(json.keys) && json.keys.length > 0) jwks = json
  }
  const ctx: TokenContext = {}
  if (d.clientId) ctx.clientId = d.clientId
  if (authorize?.request.nonce) ctx.nonce = authorize.request.nonce
  if (responseType) ctx.responseType = responseType
  const tenantId = tenantOf(d, options)
  const issuer = resolveIssuer(discovery?.response.issuer, tenantId)
  if (issuer) ctx.issuer = issuer
  if (tenantId) ctx.tenantId = tenantId

  const grant = steps.find((s) => s.grantType && s.origin !== 'not_observed')?.grantType
  // A sign-out on its own has no authorization request to name its server: its end-session URL does.
  const logout = kind === 'sign_out' ? steps.find((s) => s.kind === 'logout') : undefined
  const authority = d.authority ?? (logout ? safeUrl(logout.url)?.host : undefined)
  const host = authority ? ` · ${authority}` : ''
  const flow: Flow = {
    id: `flow-${index + 1}`,
    kind,
    label: `${FLOW_LABEL[kind]}${kind === 'unknown' && grant ? ` (${shortGrant(grant)})` : ''}${host}`,
    steps,
    tokens: [],
    findings: [],
    client: clientTypeOf(steps, grant ?? (kind === 'authorization_code' || kind === 'hybrid' ? 'authorization_code' : undefined), pkce),
  }
  if (d.clientId) flow.clientId = d.clientId
  if (authorize?.request.redirect_uri) flow.redirectUri = authorize.request.redirect_uri
  if (d.state) flow.state = d.state
  if (ctx.nonce) flow.nonce = ctx.nonce
  if (responseType) flow.responseType = responseType
  if (d.authority) flow.authority = d.authority
  if (ctx.issuer) flow.issuer = ctx.issuer
  if (jwks && Array.isArray(jwks.keys)) flow.jwks = jwks
  if (tenantId) flow.tenantId = tenantId
  flow.tokens = findTokens(steps, ctx, (s) =>
    s.entryIndex !== null ? (entries[s.entryIndex] as Partial<CapturedEntry> | undefined)?._oauth?.notes : undefined,
  )
  flow.findings = lintFlow(flow, entries)
  return flow
}

function renumber(flow: Flow, index: number): void {
  flow.id = `flow-${index + 1}`
}

/** The flow's steps as `_oauth`-annotated HAR entries (inferred steps get a placeholder entry). */
export function flowEntries(flow: Flow, entries: readonly Entry[]): CapturedEntry[] {
  return flow.steps.map((s) => {
    const annotation: OAuthAnnotation = { step: s.kind, flowId: flow.id, origin: s.origin, redactions: [], label: s.label }
    if (s.grantType) annotation.grantType = s.grantType
    if (s.error) annotation.error = { ...s.error }
    const base = s.entryIndex !== null ? entries[s.entryIndex] : undefined
    if (base) {
      const prior = (base as Partial<CapturedEntry>)._oauth
      if (prior?.redactions) annotation.redactions = [...prior.redactions]
      if (prior?.notes) annotation.notes = [...prior.notes]
      return { ...base, _oauth: annotation }
    }
    annotation.notes = [
      'Inferred: the code reached a server route of the app and no browser token call redeemed it, so the app redeemed it server-side; the browser never saw this request.',
    ]
    const started = Number.isFinite(s.time) && s.time > 1e11 ? new Date(s.time).toISOString() : ''
    return {
      startedDateTime: started,
      time: 0,
      request: {
        method: s.method,
        url: s.url,
        httpVersion: '',
        cookies: [],
        headers: [],
        queryString: [],
        postData: { mimeType: 'application/x-www-form-urlencoded', text: new URLSearchParams(s.request).toString() },
        headersSize: -1,
        bodySize: -1,
      },
      response: unansweredResponse('not observed'),
      cache: {},
      timings: { send: -1, wait: -1, receive: -1 },
      _oauth: annotation,
    }
  })
}
