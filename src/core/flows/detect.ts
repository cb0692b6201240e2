/**
 * Flow detection: entries in, flows out (steps, inferred server-side steps, tokens, lint
 * findings and `_oauth`-annotated entries for the diagram). Pure and synchronous; large files
 * run it in a worker.
 */
import type { Entry } from 'har-format'
import type { CapturedEntry, OAuthAnnotation } from '../capture/types.ts'
import { classifyEntry, shortGrant } from './classify.ts'
import { groupSteps, type Draft } from './group.ts'
import { responseJson, safeUrl, timeOf } from './http.ts'
import { lintFlow } from './lint.ts'
import { findTokens } from './tokens.ts'
import type { Flow, FlowAnalysis, FlowKind, FlowStep } from './types.ts'

export function analyzeFlows(entries: readonly Entry[]): FlowAnalysis {
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
  const ordered = steps.map((s, i) => [s, i] as const).sort((a, b) => a[0].time - b[0].time || a[1] - b[1]).map(([s]) => s)
  const drafts = groupSteps(ordered)
  const flows = drafts.map((d, i) => buildFlow(d, i, entries)).filter((f) => f.steps.some((s) => s.kind !== 'discovery' && s.kind !== 'jwks') || f.kind === 'metadata')
  flows.forEach((f, i) => renumber(f, i))
  const used = new Set<number>()
  for (const f of flows) for (const s of f.steps) if (s.entryIndex !== null) used.add(s.entryIndex)
  return { flows, entryCount: entries.length, unrelatedCount: entries.length - used.size }
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
  unknown: 'Other traffic',
}

/** Where the token endpoint most likely is, for the inferred server-side step. */
function tokenEndpointGuess(d: Draft, authorize: FlowStep | undefined): string {
  for (const s of d.steps) if (s.kind === 'discovery' && s.response.token_endpoint) return s.response.token_endpoint
  const u = authorize ? safeUrl(authorize.url) : null
  if (!u) return 'https://authorization-server.invalid/token'
  return `${u.origin}${u.pathname.replace(/\/authorize$/i, '/token')}`
}

function buildFlow(d: Draft, index: number, entries: readonly Entry[]): Flow {
  d.steps.sort((a, b) => a.time - b.time)
  const authorize = d.steps.find((s) => s.kind === 'authorize')
  const responseType = authorize?.request.response_type
  const kind = kindOf(d, responseType)
  const steps = [...d.steps]

  // A code that reached the app but was never redeemed in the capture: a confidential client
  // redeemed it server-side (RFC 6749 §4.1.3). Show that step as "not observed".
  const codeStep = steps.find((s) => (s.kind === 'callback' && s.request.code) || ((s.kind === 'redirect_back' || s.kind === 'authorize') && s.response.code))
  // An inferred step already in the file (our own export, re-imported) counts as the redemption.
  const redeemed = steps.some((s) => s.grantType === 'authorization_code')
  if (codeStep && !redeemed) {
    const after = steps.filter((s) => s.kind === 'callback').at(-1) ?? codeStep
    const code = after.kind === 'callback' ? (after.request.code ?? codeStep.response.code) : codeStep.response.code
    const inferred: FlowStep = {
      id: `inferred-${index}`,
      entryIndex: null,
      kind: 'token',
      origin: 'not_observed',
      label: 'Token request (server-side, not observed)',
      method: 'POST',
      url: tokenEndpointGuess(d, authorize),
      status: 0,
      time: after.time,
      grantType: 'authorization_code',
      request: { grant_type: 'authorization_code', ...(code ? { code } : {}), ...(d.clientId ? { client_id: d.clientId } : {}) },
      response: {},
    }
    steps.splice(steps.indexOf(after) + 1, 0, inferred)
  }

  const discovery = steps.find((s) => s.kind === 'discovery' && s.response.issuer)
  // The first JWKS response with keys (a capture may also hold an empty or cached one).
  let jwks: Record<string, unknown> | null = null
  for (const s of steps) {
    if (s.kind !== 'jwks' || s.entryIndex === null || jwks) continue
    const json = responseJson(entries[s.entryIndex] as Entry)
    if (json && Array.isArray(json.keys) && json.keys.length > 0) jwks = json
  }
  const ctx: { clientId?: string; nonce?: string; responseType?: string; issuer?: string } = {}
  if (d.clientId) ctx.clientId = d.clientId
  if (authorize?.request.nonce) ctx.nonce = authorize.request.nonce
  if (responseType) ctx.responseType = responseType
  if (discovery?.response.issuer && !discovery.response.issuer.includes('{tenantid}')) ctx.issuer = discovery.response.issuer

  const grant = steps.find((s) => s.grantType && s.origin !== 'not_observed')?.grantType
  const host = d.authority ? ` · ${d.authority}` : ''
  const flow: Flow = {
    id: `flow-${index + 1}`,
    kind,
    label: `${FLOW_LABEL[kind]}${kind === 'unknown' && grant ? ` (${shortGrant(grant)})` : ''}${host}`,
    steps,
    tokens: [],
    findings: [],
  }
  if (d.clientId) flow.clientId = d.clientId
  if (authorize?.request.redirect_uri) flow.redirectUri = authorize.request.redirect_uri
  if (d.state) flow.state = d.state
  if (ctx.nonce) flow.nonce = ctx.nonce
  if (responseType) flow.responseType = responseType
  if (d.authority) flow.authority = d.authority
  if (ctx.issuer) flow.issuer = ctx.issuer
  if (jwks && Array.isArray(jwks.keys)) flow.jwks = jwks
  flow.tokens = findTokens(steps, ctx)
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
    annotation.notes = ['Inferred: the code reached the app, which redeemed it server-side; the browser never saw this request.']
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
      response: { status: 0, statusText: 'not observed', httpVersion: '', cookies: [], headers: [], content: { size: 0, mimeType: '' }, redirectURL: '', headersSize: -1, bodySize: -1 },
      cache: {},
      timings: { send: -1, wait: -1, receive: -1 },
      _oauth: annotation,
    }
  })
}
