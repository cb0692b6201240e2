/**
 * POST /{tenant}/oauth2/v2.0/token (RFC 6749 §4.1.3, §6; RFC 7636 §4.5–4.6) as Entra answers a
 * single-page app: authorization_code with PKCE and refresh_token grants, Entra's JSON shape
 * (token_type, scope, expires_in, ext_expires_in, refresh_token_expires_in for SPA refresh
 * tokens, client_info when asked) and Entra's error shape (errors.ts).
 */
import { base64url } from 'jose'
import type { DemoIssuedCode, DemoRefreshGrant, EdgeRequest, EdgeResponse } from './types.ts'
import { E, errorResponse, jsonResponse, type EntraError } from './errors.ts'
import {
  CODE_LIFETIME_SEC,
  SPA_REFRESH_LIFETIME_SEC,
  clientInfo,
  errorContext,
  findUser,
  issuerOf,
  own,
  sweep,
  type TenantContext,
} from './context.ts'
import { header, parseForm, randomB64url, sha256 } from './encoding.ts'
import { classifyScopes, consentKeysOf, graphScp, isEntraError, resourceKeys, type ScopeRequest } from './scopes.ts'
import { mintApiToken, mintGraphToken, mintIdToken, type IssuedAccessToken, type MintContext } from './tokens.ts'

interface Grant {
  clientId: string
  userId: string
  sid: string
  authTime: number
  /** Scopes consented for this grant (code scopes or refresh grant scopes). */
  granted: string[]
  nonce?: string
  refreshExpiresAt?: number
  idTokenClaims?: string[]
}

/**
 * A code or refresh token is good only where it was issued: the same shape's origin and, for
 * B2C, the same user flow (policies compare case-insensitively there).
 */
function issuedHere(ctx: TenantContext, g: { origin?: string; policy?: string }): boolean {
  const at = ctx.at
  const origin = at !== undefined && at.shape !== 'entra' ? at.origin : undefined
  if ((g.origin ?? undefined) !== origin) return false
  return (g.policy ?? '').toLowerCase() === (at?.policy ?? '').toLowerCase()
}

async function pkceMatches(code: DemoIssuedCode, verifier: string): Promise<boolean> {
  if (code.codeChallengeMethod === 'plain') return verifier === code.codeChallenge
  return base64url.encode(await sha256(verifier)) === code.codeChallenge
}

export async function handleToken(ctx: TenantContext, req: EdgeRequest): Promise<EdgeResponse> {
  sweep(ctx)
  // MSAL.js sends client-request-id as a query parameter of the token URL; others as a header.
  const correlationId = header(req.headers, 'client-request-id') ?? queryParam(req.url, 'client-request-id')
  const fail = (err: EntraError): EdgeResponse => errorResponse(err, errorContext(ctx, correlationId))
  if (req.method !== 'POST') return fail(E.getOnToken())
  // A body that is not form-encoded (e.g. JSON) reads as empty, which is why Entra then complains
  // that grant_type is missing (AADSTS900144).
  const type = header(req.headers, 'content-type') ?? 'application/x-www-form-urlencoded'
  const form = type.toLowerCase().startsWith('application/x-www-form-urlencoded') ? parseForm(req.body) : new Map<string, string>()
  const grantType = form.get('grant_type')
  if (grantType === undefined) return fail(E.missingParam('grant_type', 'request body'))
  const clientId = form.get('client_id')
  if (clientId === undefined) return fail(E.missingParam('client_id', 'request body'))
  if (!ctx.isKnownClient(clientId)) return fail(E.unknownClient(clientId, ctx.tid))

  let grant: Grant | EntraError
  if (grantType === 'authorization_code') grant = await redeemCode(ctx, form, clientId)
  else if (grantType === 'refresh_token') grant = redeemRefresh(ctx, form, clientId)
  else return fail(E.unsupportedGrant(grantType))
  if (isEntraError(grant)) return fail(grant)

  // Which resource: the token request's scope (MSAL always sends one), else what was consented.
  const scopeRaw = form.get('scope') ?? grant.granted.join(' ')
  if (scopeRaw.trim() === '') return fail(E.emptyScope())
  const scopes = classifyScopes(scopeRaw)
  if (isEntraError(scopes)) return fail(scopes)
  if (scopes.api.length > 0 && scopes.graph.length > 0) return fail(E.multipleResources())
  const consented = new Set([...consentKeysOf(grant.granted), ...(own(ctx.st.consents, `${grant.userId} ${clientId}`) ?? [])])
  const notConsented = resourceKeys(scopes).find((k) => !consented.has(k))
  if (notConsented !== undefined) return fail(E.scopeNotConsented(notConsented.replace(/^(graph|api):/, '')))

  const user = findUser(ctx, grant.userId)
  if (user === undefined)
    return fail({ code: 50034, error: 'invalid_grant', message: 'The user of this grant no longer exists in the demo tenant.' })
  const mint: MintContext = {
    key: ctx.key,
    tid: ctx.tid,
    now: ctx.now(),
    skew: ctx.st.faults.clockSkewSec ?? 0,
    random: ctx.random,
    clientId,
    appDisplayName: ctx.appDisplayName,
    user,
    sid: grant.sid,
    authTime: grant.authTime,
    issuer: issuerOf(ctx),
    shape: ctx.at?.shape ?? 'entra',
    ...(ctx.at?.policy !== undefined ? { policy: ctx.at.policy } : {}),
  }
  const access: IssuedAccessToken =
    scopes.api.length > 0 ? await mintApiToken(mint, scopes.api) : await mintGraphToken(mint, graphScp(scopes))
  const wantsOpenId = scopes.oidc.includes('openid') || (form.get('scope') === undefined && grant.granted.includes('openid'))
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: access.scope,
    expires_in: access.expiresIn,
    ext_expires_in: access.expiresIn,
    access_token: access.token,
  }
  if (scopes.oidc.includes('offline_access') || grant.granted.includes('offline_access')) {
    const expiresAt = grant.refreshExpiresAt ?? ctx.now() + SPA_REFRESH_LIFETIME_SEC
    const rt = issueRefresh(ctx, {
      clientId,
      userId: user.id,
      sid: grant.sid,
      authTime: grant.authTime,
      scopes: unionScopes(grant.granted, scopes),
      issuedAt: ctx.now(),
      expiresAt,
      ...(grant.idTokenClaims !== undefined ? { idTokenClaims: grant.idTokenClaims } : {}),
      ...(ctx.at !== undefined && ctx.at.shape !== 'entra' ? { origin: ctx.at.origin } : {}),
      ...(ctx.at?.policy !== undefined ? { policy: ctx.at.policy } : {}),
    })
    body.refresh_token = rt
    body.refresh_token_expires_in = Math.max(0, expiresAt - ctx.now())
  }
  if (wantsOpenId) {
    body.id_token = await mintIdToken(mint, {
      email: scopes.oidc.includes('email') || grant.granted.includes('email'),
      ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
      ...(ctx.idTokenAtHash ? { accessTokenForHash: access.token } : {}),
      optional: grant.idTokenClaims ?? [],
    })
  }
  if (form.get('client_info') === '1') body.client_info = clientInfo(user, ctx.tid, ctx.at?.policy)
  return jsonResponse(200, body, {
    'x-ms-request-id': errorContext(ctx).traceId,
    ...(correlationId !== undefined ? { 'client-request-id': correlationId } : {}),
  })
}

function queryParam(url: string, name: string): string | undefined {
  try {
    return new URL(url).searchParams.get(name) ?? undefined
  } catch {
    return undefined
  }
}

function unionScopes(granted: string[], req: ScopeRequest): string[] {
  return [...new Set([...granted, ...req.requested])]
}

function issueRefresh(ctx: TenantContext, g: DemoRefreshGrant): string {
  // Entra refresh tokens are opaque; ours too. Redeeming one returns a new one (rotation), and,
  // as at Entra, the old one stays usable until the chain's fixed SPA lifetime ends.
  const rt = `1.A${randomB64url(ctx.random, 120)}`
  ctx.st.refreshTokens[rt] = g
  return rt
}

async function redeemCode(ctx: TenantContext, form: Map<string, string>, clientId: string): Promise<Grant | EntraError> {
  const codeValue = form.get('code')
  if (codeValue === undefined) return E.missingParam('code', 'request body')
  const redirectUri = form.get('redirect_uri')
  if (redirectUri === undefined) return E.missingParam('redirect_uri', 'request body')
  const code = own(ctx.st.codes, codeValue)
  if (code === undefined || !issuedHere(ctx, code)) return E.malformedCode()
  const faults = ctx.st.faults
  if (code.redeemed || faults.codeReuse === true) {
    code.redeemed = true
    return E.codeRedeemed()
  }
  if (faults.expiredCode === true || code.issuedAt + CODE_LIFETIME_SEC < ctx.now()) return E.codeExpired()
  if (code.clientId !== clientId) return E.codeOtherClient()
  if (code.redirectUri !== redirectUri) return E.redirectMismatchAtToken(redirectUri, code.redirectUri)
  const verifier = form.get('code_verifier')
  if (code.codeChallenge === undefined) {
    if (verifier !== undefined) return E.verifierWithoutChallenge()
    return E.pkceRequired()
  }
  if (verifier === undefined) return E.missingParam('code_verifier', 'request body')
  if (faults.pkceMismatch === true || !(await pkceMatches(code, verifier))) return E.pkceMismatch()
  code.redeemed = true
  return {
    clientId,
    userId: code.userId,
    sid: code.sid,
    authTime: code.authTime,
    granted: code.scopes,
    ...(code.nonce !== undefined ? { nonce: code.nonce } : {}),
    ...(code.idTokenClaims !== undefined ? { idTokenClaims: code.idTokenClaims } : {}),
  }
}

function redeemRefresh(ctx: TenantContext, form: Map<string, string>, clientId: string): Grant | EntraError {
  const rt = form.get('refresh_token')
  if (rt === undefined) return E.missingParam('refresh_token', 'request body')
  const g = own(ctx.st.refreshTokens, rt)
  if (g === undefined || !issuedHere(ctx, g)) return E.refreshUnknown()
  if (g.clientId !== clientId) return E.refreshOtherClient()
  if (g.expiresAt <= ctx.now()) return E.refreshExpired()
  return {
    clientId,
    userId: g.userId,
    sid: g.sid,
    authTime: g.authTime,
    granted: g.scopes,
    refreshExpiresAt: g.expiresAt,
    ...(g.idTokenClaims !== undefined ? { idTokenClaims: g.idTokenClaims } : {}),
  }
}
