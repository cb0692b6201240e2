/**
 * Every place a token appears in a flow, one entry per (place, token), each pointing at its
 * exchange; entries with the same value share a valueId so the screens link them. Each carries
 * what the inspector should expect: the nonce of the authorization request (OIDC Core §3.1.3.7
 * rule 11), the client ID as ID token audience (rule 3), and a code or access token handed back
 * beside an ID token for the c_hash / at_hash checks (OIDC Core §3.3.2.11, §3.2.2.9).
 */
import { isAnonymousPlaceholder, isRedacted, looksLikeJwt, safeUrl } from './http.ts'
import type { InspectOptions } from '../token/types.ts'
import { hasTenantPlaceholder, substituteTenant } from '../token/discovery-url.ts'
import type { FlowAnalysis, FlowStep, FlowToken, FlowTokenKind, TokenExpectations, TokenPlace } from './types.ts'

export interface TokenContext {
  clientId?: string
  nonce?: string
  responseType?: string
  issuer?: string
  tenantId?: string
}

function hostPath(url: string): string {
  const u = safeUrl(url)
  return u ? `${u.host}${u.pathname}` : url
}

const PLACE_WORDS: Record<TokenPlace, string> = {
  token_response: 'response body of the token request',
  authorization_header: 'Authorization header',
  redirect_query: 'query of the redirect',
  redirect_fragment: 'fragment of the redirect',
  form_post: 'form_post body',
  callback_query: 'query of the callback',
  token_request: 'form body of the token request',
  refresh_request: 'form body of the refresh request',
  id_token_hint: 'id_token_hint of the sign-out request',
  revocation: 'token parameter of the revocation request',
  introspection: 'token parameter of the introspection request',
  cookie: 'cookie set by the callback',
  device_response: 'response of the device authorization request',
}

export function placeWords(place: TokenPlace): string {
  return PLACE_WORDS[place]
}

/** Microsoft Graph's User.Read however it is written: bare, resource URI or app ID prefix. */
const GRAPH_USER_READ = /^(?:(?:https:\/\/graph\.microsoft\.com|00000003-0000-0000-c000-000000000000)\/)?User\.Read$/i

/**
 * The label of the tokens a token response carried. A refresh asking for Graph's User.Read after
 * a code redemption in the same flow is the silent Graph request an app makes right after
 * sign-in (RFC 6749 §6 `scope`): "Graph (silent)", so the list does not suggest a user action.
 */
export function tokenResponseLabel(steps: readonly FlowStep[], step: FlowStep, capturedNote?: readonly string[]): string {
  if (step.grantType !== 'refresh_token')
    return step.grantType === 'authorization_code' || step.grantType === undefined ? 'Sign-in' : step.label
  if ((capturedNote ?? []).some((t) => /\bgraph\b/i.test(t))) return 'Graph (silent)'
  const scopes = (step.request.scope ?? '').split(/\s+/)
  if (!scopes.some((s) => GRAPH_USER_READ.test(s))) return 'Refresh'
  const codeBefore = steps.some(
    (s) => s !== step && s.time <= step.time && s.grantType === 'authorization_code' && s.origin !== 'not_observed',
  )
  return codeBefore ? 'Graph (silent)' : 'Refresh'
}

export function findTokens(steps: FlowStep[], ctx: TokenContext, notes?: (step: FlowStep) => readonly string[] | undefined): FlowToken[] {
  const out: FlowToken[] = []
  const firstByValue = new Map<string, FlowToken>()
  const seen = new Set<string>()
  const put = (
    kind: FlowTokenKind,
    value: string | undefined,
    step: FlowStep,
    place: TokenPlace,
    expected: TokenExpectations,
    extra: Partial<FlowToken> = {},
  ) => {
    // A numbered placeholder of a sanitised file is still one token in its places; an
    // unnumbered one identifies nothing and is not listed.
    if (!value || isAnonymousPlaceholder(value)) return
    const key = `${step.id}|${place}|${extra.name ?? ''}|${value}`
    if (seen.has(key)) return
    seen.add(key)
    const clean: TokenExpectations = {}
    for (const [k, v] of Object.entries(expected) as [keyof TokenExpectations, string | undefined][])
      if (v !== undefined) (clean as Record<string, string>)[k] = v
    const id = `t${out.length + 1}`
    const first = firstByValue.get(value)
    const token: FlowToken = {
      id,
      kind: first && kind === 'presented_token' ? first.kind : kind,
      value,
      place,
      where: `${PLACE_WORDS[place]}${extra.name ? ` (${extra.name})` : ''} · ${hostPath(step.url)}`,
      stepId: step.id,
      entryIndex: step.entryIndex,
      valueId: first?.id ?? id,
      occurrences: 1,
      jwt: looksLikeJwt(value),
      expected: first && Object.keys(clean).length === 0 ? first.expected : clean,
      ...(isRedacted(value) ? { redacted: true } : {}),
      ...extra,
    }
    if (!first) firstByValue.set(value, token)
    out.push(token)
  }
  // Access tokens get the client ID only: their issuer and version follow the resource (a Graph
  // token is a v1 token from sts.windows.net even when the sign-in used the v2.0 endpoint).
  const base: TokenExpectations = {}
  if (ctx.clientId) base.clientId = ctx.clientId
  if (ctx.tenantId) base.tenantId = ctx.tenantId
  const idBase: TokenExpectations = { ...base }
  if (ctx.issuer) idBase.issuer = ctx.issuer

  for (const step of steps) {
    if (step.origin === 'not_observed') continue
    const res = step.response
    const front = (params: Record<string, string>, place: TokenPlace) => {
      put('code', params.code, step, place, {})
      const idExp: TokenExpectations = { ...idBase, tokenType: 'id_token' }
      if (ctx.nonce) idExp.nonce = ctx.nonce
      if (ctx.responseType) idExp.responseType = ctx.responseType
      // c_hash / at_hash are computed over the real value: a placeholder is no expectation.
      if (params.code && !isRedacted(params.code)) idExp.code = params.code
      if (params.access_token && !isRedacted(params.access_token)) idExp.accessToken = params.access_token
      put('id_token', params.id_token, step, place, idExp)
      put('access_token', params.access_token, step, place, { ...base, tokenType: 'access_token' })
    }
    if ((step.kind === 'authorize' || step.kind === 'redirect_back') && step.responseMode) {
      front(
        res,
        step.responseMode === 'fragment' ? 'redirect_fragment' : step.responseMode === 'form_post' ? 'form_post' : 'redirect_query',
      )
    }
    if (step.kind === 'callback') {
      front(step.request, step.method === 'POST' ? 'form_post' : 'callback_query')
      for (const c of step.setCookies ?? []) put('session_cookie', c.value, step, 'cookie', {}, { name: c.name })
    }
    if (step.kind === 'token' || step.kind === 'refresh') {
      const reqPlace: TokenPlace = step.kind === 'refresh' ? 'refresh_request' : 'token_request'
      put('code', step.request.code, step, reqPlace, {})
      put('refresh_token', step.request.refresh_token, step, reqPlace, {})
      put('client_assertion', step.request.client_assertion, step, reqPlace, { tokenType: 'jwt' })
      // On-behalf-of: the incoming access token the middle tier exchanges (RFC 7523 §2.1).
      put('assertion', step.request.assertion, step, reqPlace, { tokenType: 'access_token' })
      put('device_code', step.request.device_code, step, reqPlace, {})
      const idExp: TokenExpectations = { ...idBase, tokenType: 'id_token' }
      // A refresh does not repeat the nonce of the original request (OIDC Core §12.2).
      if (ctx.nonce && step.kind === 'token' && step.grantType === 'authorization_code') idExp.nonce = ctx.nonce
      if (res.access_token && !isRedacted(res.access_token)) idExp.accessToken = res.access_token
      const label = tokenResponseLabel(steps, step, notes?.(step))
      const extra: Partial<FlowToken> = { label, ...(res.scope ? { scope: res.scope } : {}) }
      put('access_token', res.access_token, step, 'token_response', { ...base, tokenType: 'access_token' }, extra)
      put('id_token', res.id_token, step, 'token_response', idExp, extra)
      put('refresh_token', res.refresh_token, step, 'token_response', {}, extra)
    }
    if (step.kind === 'device_authorization') put('device_code', res.device_code, step, 'device_response', {})
    if (step.bearer)
      put(
        'access_token',
        step.bearer,
        step,
        'authorization_header',
        { ...base, tokenType: 'access_token' },
        step.bearerScheme ? { scheme: step.bearerScheme } : {},
      )
    if (step.kind === 'logout')
      put('id_token_hint', step.request.id_token_hint, step, 'id_token_hint', { ...idBase, tokenType: 'id_token' })
    if (step.kind === 'revocation' || step.kind === 'introspection') {
      // token_type_hint (RFC 7009 §2.1) says what the client believes it is presenting.
      const hint = step.request.token_type_hint
      const kind: FlowTokenKind = hint === 'refresh_token' ? 'refresh_token' : hint === 'access_token' ? 'access_token' : 'presented_token'
      put(kind, step.request.token, step, step.kind, {})
    }
  }
  const counts = new Map<string, number>()
  for (const t of out) counts.set(t.valueId, (counts.get(t.valueId) ?? 0) + 1)
  for (const t of out) t.occurrences = counts.get(t.valueId) ?? 1
  return out
}

/**
 * A found token's expectations in the inspector's terms (InspectOptions['expected']); an ID token's
 * audience is the client (OIDC Core §3.1.3.7 rule 3).
 */
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
  if (e.tenantId) out.tenantId = e.tenantId
  if (e.tokenType) out.tokenType = e.tokenType
  return out
}

/** A token a token endpoint issued: an ID, access or refresh token of a token response. */
export type IssuedToken = FlowToken & { kind: 'id_token' | 'access_token' | 'refresh_token'; entryIndex: number; label: string }

/**
 * The tokens the token endpoint issued in a capture, oldest first: the token-response
 * occurrences of the one analysis (not a second finder), only from answers with status 200,
 * labelled "Sign-in" when the analysis gave no label. `entries` are the analysed entries.
 */
export function issuedTokens(analysis: FlowAnalysis, entries: readonly { response: { status: number } }[]): IssuedToken[] {
  const out: IssuedToken[] = []
  for (const flow of analysis.flows) {
    for (const t of flow.tokens) {
      if (t.place !== 'token_response' || t.entryIndex === null) continue
      if (t.kind !== 'id_token' && t.kind !== 'access_token' && t.kind !== 'refresh_token') continue
      if ((entries[t.entryIndex]?.response.status ?? 0) !== 200) continue
      out.push({ ...t, kind: t.kind, entryIndex: t.entryIndex, label: t.label ?? 'Sign-in' })
    }
  }
  return out.sort((a, b) => a.entryIndex - b.entryIndex)
}

/**
 * What the inspector should check an issued token against: none for a refresh token (opaque to
 * the client, RFC 6749 §1.5); otherwise the flow's expectations, with `clientId` (the app the
 * caller signed in with) when the flow did not name its client.
 */
export function issuedTokenExpectations(token: IssuedToken, clientId: string): NonNullable<InspectOptions['expected']> | undefined {
  if (token.kind === 'refresh_token') return undefined
  return inspectorExpectations(token.expected.clientId ? token : { ...token, expected: { ...token.expected, clientId } })
}

/**
 * A flow's expected issuer under the one `{tenantid}` rule (core/token/discovery-url.ts): a
 * template becomes an expectation only when the tenant is known (from the authority path or
 * client_info's utid); otherwise no issuer is expected at all, never the template itself.
 */
export function resolveIssuer(issuer: string | undefined, tenantId: string | undefined): string | undefined {
  if (!issuer) return undefined
  const filled = substituteTenant(issuer, tenantId)
  return hasTenantPlaceholder(filled) ? undefined : filled
}
