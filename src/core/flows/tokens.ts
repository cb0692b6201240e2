/**
 * Tokens found anywhere in a flow, with what the inspector should expect of each. The nonce
 * comes from the authorization request (OIDC Core §3.1.3.7 rule 11), the client ID is the ID
 * token audience (rule 3), and a code or access token handed back beside an ID token feeds the
 * c_hash / at_hash checks (OIDC Core §3.3.2.11, §3.2.2.9).
 */
import { isPlaceholder, looksLikeJwt } from './http.ts'
import type { InspectOptions } from '../token/types.ts'
import type { FlowStep, FlowToken, FlowTokenKind, TokenExpectations } from './types.ts'

interface Context {
  clientId?: string
  nonce?: string
  responseType?: string
  issuer?: string
}

function describe(step: FlowStep, place: string): string {
  let host = step.url
  try {
    const u = new URL(step.url)
    host = `${u.host}${u.pathname}`
  } catch {
    /* keep the raw URL */
  }
  return `${place} · ${host}`
}

export function findTokens(steps: FlowStep[], ctx: Context): FlowToken[] {
  const found = new Map<string, FlowToken>()
  const put = (kind: FlowTokenKind, value: string | undefined, step: FlowStep, place: string, expected: TokenExpectations) => {
    if (!value || isPlaceholder(value)) return
    const prior = found.get(value)
    if (prior) {
      prior.occurrences++
      return
    }
    const clean: TokenExpectations = {}
    for (const [k, v] of Object.entries(expected) as [keyof TokenExpectations, string | undefined][]) if (v !== undefined) (clean as Record<string, string>)[k] = v
    found.set(value, { id: `t${found.size + 1}`, kind, value, where: describe(step, place), stepId: step.id, occurrences: 1, jwt: looksLikeJwt(value), expected: clean })
  }
  // Access tokens get the client ID only: their issuer and version follow the resource (a Graph
  // token is a v1 token from sts.windows.net even when the sign-in used the v2.0 endpoint).
  const base: TokenExpectations = {}
  if (ctx.clientId) base.clientId = ctx.clientId
  const idBase: TokenExpectations = { ...base }
  if (ctx.issuer) idBase.issuer = ctx.issuer

  for (const step of steps) {
    if (step.origin === 'not_observed') continue
    const front = step.kind === 'authorize' || step.kind === 'redirect_back'
    const res = step.response
    const place = front ? `${step.responseMode ?? 'response'} of the redirect` : step.responseMode === 'json' ? 'response body' : 'response'
    const frontChannel = (params: Record<string, string>, where: string) => {
      put('code', params.code, step, where, {})
      const idExp: TokenExpectations = { ...idBase, tokenType: 'id_token' }
      if (ctx.nonce) idExp.nonce = ctx.nonce
      if (ctx.responseType) idExp.responseType = ctx.responseType
      if (params.code) idExp.code = params.code
      if (params.access_token) idExp.accessToken = params.access_token
      put('id_token', params.id_token, step, where, idExp)
      put('access_token', params.access_token, step, where, { ...base, tokenType: 'access_token' })
    }
    if (front) frontChannel(res, place)
    if (step.kind === 'callback') frontChannel(step.request, step.method === 'POST' ? 'form body of the callback' : 'query of the callback')
    if (step.kind === 'token' || step.kind === 'refresh') {
      put('code', step.request.code, step, 'form body of the token request', {})
      put('refresh_token', step.request.refresh_token, step, 'form body of the token request', {})
      put('client_assertion', step.request.client_assertion, step, 'form body of the token request', { tokenType: 'jwt' })
      // On-behalf-of: the incoming access token the middle tier exchanges (RFC 7523 §2.1).
      put('assertion', step.request.assertion, step, 'form body of the token request', { tokenType: 'access_token' })
      put('device_code', step.request.device_code, step, 'form body of the token request', {})
      const idExp: TokenExpectations = { ...idBase, tokenType: 'id_token' }
      // A refresh does not repeat the nonce of the original request (OIDC Core §12.2).
      if (ctx.nonce && step.kind === 'token' && step.grantType === 'authorization_code') idExp.nonce = ctx.nonce
      if (res.access_token) idExp.accessToken = res.access_token
      put('access_token', res.access_token, step, 'response body', { ...base, tokenType: 'access_token' })
      put('id_token', res.id_token, step, 'response body', idExp)
      put('refresh_token', res.refresh_token, step, 'response body', {})
    }
    if (step.bearer) put('access_token', step.bearer, step, 'Authorization header', { ...base, tokenType: 'access_token' })
    if (step.kind === 'logout') put('id_token_hint', step.request.id_token_hint, step, 'id_token_hint of the sign-out request', { ...idBase, tokenType: 'id_token' })
  }
  return [...found.values()]
}

/** A found token's expectations in the inspector's terms (InspectOptions['expected']); an ID token's audience is the client (OIDC Core §3.1.3.7 rule 3). */
export function inspectorExpectations(token: FlowToken): NonNullable<InspectOptions['expected']> {
  const e = token.expected
  const out: NonNullable<InspectOptions['expected']> = {}
  if (e.clientId) out.clientId = e.clientId
  if (e.tokenType === 'id_token' && e.clientId) out.audience = e.clientId
  if (e.audience) out.audience = e.audience
  if (e.nonce) out.nonce = e.nonce
  if (e.code) out.code = e.code
  if (e.accessToken) out.accessToken = e.accessToken
  if (e.issuer) out.issuer = e.issuer
  if (e.responseType) out.responseType = e.responseType
  if (e.tokenType) out.tokenType = e.tokenType
  return out
}
