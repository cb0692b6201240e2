/**
 * Token minting in Entra's shapes. Claim sets and their order follow what Entra issues (see the
 * ID token and access token claims references on learn.microsoft.com and the team's
 * reference/claims.json):
 * - v2 ID token (aud = client): aud, iss, iat, nbf, exp, aio, [email], [idp], name, [nonce], oid,
 *   preferred_username, rh, sid, sub, tid, uti, ver. No at_hash by default: Entra adds it only to
 *   ID tokens returned from /authorize next to an access token, never to /token responses.
 * - v2 access token for the demo API (aud = API app ID GUID): azp/azpacr, scp, wids…
 * - v1 Microsoft Graph access token (iss sts.windows.net, appid/appidacr, unique_name/upn,
 *   xms_* …) with a JOSE header `nonce`: Graph signs the header with SHA-256(nonce) in that
 *   member and then ships the plain nonce, so a standard JWS check fails by design.
 */
import { CompactSign, SignJWT, base64url, compactVerify, type CryptoKey } from 'jose'
import type { SigningKey } from './keys.ts'
import type { DemoUserRecord } from './users.ts'
import type { RandomSource } from './types.ts'
import { DEMO_API_APP_ID } from './types.ts'
import { GRAPH_RESOURCE_ID, v1Issuer, v2Issuer } from './discovery.ts'
import type { DemoShape } from './shapes.ts'
import { loginHintClaim } from './claims-request.ts'
import { b64urlJson, decodeB64urlJson, randomB64, randomB64url, sha256, sha256B64url } from './encoding.ts'

/**
 * Entra backdates iat and nbf by five minutes to absorb relying-party clock skew (observed; see
 * openid/AppAuth-iOS#264, where a strict ±5 min iat check rejected every Entra ID token).
 */
export const BACKDATE_SEC = 300
export const ID_TOKEN_LIFETIME_SEC = 3600
/** An arbitrary constant: our demo tenant's "creation time" for Graph's xms_tcdt. */
const TENANT_CREATED = 1_700_000_000

export interface MintContext {
  key: SigningKey
  tid: string
  now: number
  /** DemoFaults.clockSkewSec: shifts iat/nbf/exp. */
  skew: number
  random: RandomSource
  clientId: string
  appDisplayName: string
  user: DemoUserRecord
  sid: string
  authTime: number
  /** The `iss` of this shape (Entra v2 by default; B2C and External ID have their own). */
  issuer?: string
  shape?: DemoShape
  /** B2C: the user flow, carried in `tfp`. */
  policy?: string
}

export type ResourceKind = 'graph' | 'api'

export interface IssuedAccessToken {
  token: string
  resource: ResourceKind
  /** What goes into the token response's `scope`. */
  scope: string
  expiresIn: number
}

function times(ctx: MintContext, lifetime: number): { iat: number; nbf: number; exp: number } {
  const iat = ctx.now - BACKDATE_SEC + ctx.skew
  return { iat, nbf: iat, exp: iat + BACKDATE_SEC + lifetime }
}

/** Opaque Entra-internal values: shapes only (they mean nothing here either). */
function aio(random: RandomSource): string {
  return randomB64(random, 72).replace(/=+$/, '')
}
function rh(random: RandomSource): string {
  return `1.A${randomB64url(random, 60)}.`
}
function uti(random: RandomSource): string {
  return randomB64url(random, 16)
}

/** Pairwise `sub`: stable per (app, user), different across apps (OIDC Core §8.1). */
export async function pairwiseSub(clientId: string, oid: string): Promise<string> {
  return base64url.encode(await sha256(`${clientId}|${oid}`))
}

async function sign(ctx: MintContext, header: Record<string, unknown>, payload: Record<string, unknown>): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ typ: 'JWT', alg: 'RS256', ...header, kid: ctx.key.kid }).sign(ctx.key.privateKey)
}

function isGuest(u: DemoUserRecord): boolean {
  return u.kind === 'guest' && u.homeTenantId !== undefined
}

export async function mintIdToken(
  ctx: MintContext,
  opts: { nonce?: string; email: boolean; accessTokenForHash?: string; /** Optional claims asked for via `claims`. */ optional?: string[] },
): Promise<string> {
  const u = ctx.user
  const t = times(ctx, ID_TOKEN_LIFETIME_SEC)
  if (ctx.shape === 'b2c') return mintB2cIdToken(ctx, opts, t)
  const payload: Record<string, unknown> = {
    aud: ctx.clientId,
    iss: ctx.issuer ?? v2Issuer(ctx.tid),
    iat: t.iat,
    nbf: t.nbf,
    exp: t.exp,
    aio: aio(ctx.random),
  }
  if (opts.accessTokenForHash !== undefined) {
    // OIDC Core §3.3.2.11: left half of SHA-256 of the ASCII access token, base64url.
    payload.at_hash = base64url.encode((await sha256(opts.accessTokenForHash)).slice(0, 16))
  }
  // Guests: Entra emits email by default and names their home IdP (same value a v1 iss would have).
  if (opts.email || isGuest(u)) payload.email = u.mail
  if (isGuest(u)) payload.idp = v1Issuer(u.homeTenantId ?? ctx.tid)
  // After exp, Entra lists claims alphabetically; optional ones slot in by name.
  if (opts.optional?.includes('login_hint') === true) payload.login_hint = loginHintClaim(u, ctx.tid)
  payload.name = u.displayName
  if (opts.nonce !== undefined) payload.nonce = opts.nonce
  payload.oid = u.id
  payload.preferred_username = u.signInName
  payload.rh = rh(ctx.random)
  payload.sid = ctx.sid
  if (opts.optional?.includes('signin_state') === true) payload.signin_state = ['kmsi']
  payload.sub = await pairwiseSub(ctx.clientId, u.id)
  payload.tid = ctx.tid
  payload.uti = uti(ctx.random)
  payload.ver = '2.0'
  return sign(ctx, {}, payload)
}

/**
 * An Azure AD B2C user-flow ID token: version 1.0 claims, `sub` is the object ID (the user
 * flow's default subject), `emails` is a list, `tfp` names the user flow that issued it, and no
 * `tid`, `aio`, `rh` or `uti` (Entra's internal claims). Guests stand in for a social account,
 * whose provider B2C names in `idp`.
 */
async function mintB2cIdToken(
  ctx: MintContext,
  opts: { nonce?: string; accessTokenForHash?: string },
  t: { iat: number; nbf: number; exp: number },
): Promise<string> {
  const u = ctx.user
  const payload: Record<string, unknown> = { exp: t.exp, nbf: t.nbf, ver: '1.0', iss: ctx.issuer, sub: u.id, aud: ctx.clientId }
  if (opts.nonce !== undefined) payload.nonce = opts.nonce
  payload.iat = t.iat
  payload.auth_time = ctx.authTime
  if (opts.accessTokenForHash !== undefined) payload.at_hash = base64url.encode((await sha256(opts.accessTokenForHash)).slice(0, 16))
  payload.oid = u.id
  payload.name = u.displayName
  payload.given_name = u.givenName
  payload.family_name = u.surname
  payload.emails = [u.mail]
  if (isGuest(u)) payload.idp = 'google.com'
  payload.tfp = ctx.policy ?? ''
  return sign(ctx, {}, payload)
}

/** Entra's v2 access tokens last 60–90 minutes (randomised); so do ours. */
function accessLifetime(random: RandomSource): number {
  const r = random(2)
  return 3600 + (((r[0] ?? 0) * 256 + (r[1] ?? 0)) % 1800)
}

export async function mintApiToken(ctx: MintContext, scopes: string[]): Promise<IssuedAccessToken> {
  const u = ctx.user
  const lifetime = accessLifetime(ctx.random)
  const t = times(ctx, lifetime)
  if (ctx.shape === 'b2c') {
    // B2C access tokens: the ID token's subject claims plus scp and azp, version 1.0, tfp.
    const b2c: Record<string, unknown> = {
      iss: ctx.issuer,
      exp: t.exp,
      nbf: t.nbf,
      aud: DEMO_API_APP_ID,
      oid: u.id,
      sub: u.id,
      name: u.displayName,
      emails: [u.mail],
      tfp: ctx.policy ?? '',
      scp: scopes.join(' '),
      azp: ctx.clientId,
      ver: '1.0',
      iat: t.iat,
    }
    return {
      token: await sign(ctx, {}, b2c),
      resource: 'api',
      scope: scopes.map((s) => `api://${DEMO_API_APP_ID}/${s}`).join(' '),
      expiresIn: lifetime - 1,
    }
  }
  const payload: Record<string, unknown> = {
    aud: DEMO_API_APP_ID,
    iss: ctx.issuer ?? v2Issuer(ctx.tid),
    iat: t.iat,
    nbf: t.nbf,
    exp: t.exp,
    aio: aio(ctx.random),
    azp: ctx.clientId,
    azpacr: '0', // public client: no client authentication
    ...(isGuest(u) ? { idp: v1Issuer(u.homeTenantId ?? ctx.tid) } : {}),
    name: u.displayName,
    oid: u.id,
    preferred_username: u.signInName,
    rh: rh(ctx.random),
    scp: scopes.join(' '),
    sid: ctx.sid,
    sub: await pairwiseSub(DEMO_API_APP_ID, u.id),
    tid: ctx.tid,
    uti: uti(ctx.random),
    ver: '2.0',
    wids: u.wids,
  }
  const token = await sign(ctx, {}, payload)
  return { token, resource: 'api', scope: scopes.map((s) => `api://${DEMO_API_APP_ID}/${s}`).join(' '), expiresIn: lifetime - 1 }
}

export async function mintGraphToken(ctx: MintContext, scp: string[]): Promise<IssuedAccessToken> {
  const u = ctx.user
  const lifetime = accessLifetime(ctx.random)
  const t = times(ctx, lifetime)
  const guest = isGuest(u)
  const payload: Record<string, unknown> = {
    aud: GRAPH_RESOURCE_ID,
    iss: v1Issuer(ctx.tid),
    iat: t.iat,
    nbf: t.nbf,
    exp: t.exp,
    acct: guest ? 1 : 0,
    acr: '1',
    acrs: ['p1'],
    aio: aio(ctx.random),
    amr: ['pwd'],
    app_displayname: ctx.appDisplayName,
    appid: ctx.clientId,
    appidacr: '0',
    family_name: u.surname,
    given_name: u.givenName,
    ...(guest ? { idp: v1Issuer(u.homeTenantId ?? ctx.tid) } : {}),
    idtyp: 'user',
    ipaddr: '203.0.113.7', // RFC 5737 documentation address: we never see the caller's real one
    name: u.displayName,
    oid: u.id,
    platf: '3',
    puid: u.puid,
    rh: rh(ctx.random),
    scp: scp.join(' '),
    sid: ctx.sid,
    signin_state: ['kmsi'],
    sub: base64url.encode(await sha256(`graph|${ctx.clientId}|${u.id}`)),
    tenant_region_scope: 'EU',
    tid: ctx.tid,
    unique_name: guest ? u.userPrincipalName : u.signInName,
    ...(guest ? {} : { upn: u.userPrincipalName }),
    uti: uti(ctx.random),
    ver: '1.0',
    wids: u.wids,
    xms_ftd: randomB64url(ctx.random, 45),
    xms_idrel: guest ? '1 4' : '1 20',
    xms_st: { sub: base64url.encode(await sha256(`st|${u.id}`)) },
    xms_tcdt: TENANT_CREATED,
    xms_tdbr: 'EU',
  }
  const plainNonce = randomB64url(ctx.random, 32)
  // Sign over the header as Graph does (nonce = SHA-256 of the plain nonce, base64url), then ship
  // the header with the plain nonce. Member order matches Graph's: typ, nonce, alg, x5t, kid.
  const signedHeader = { typ: 'JWT', nonce: await sha256B64url(plainNonce), alg: 'RS256', x5t: ctx.key.kid, kid: ctx.key.kid }
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader(signedHeader)
    .sign(ctx.key.privateKey)
  const [, body, signature] = jws.split('.')
  const sentHeader = b64urlJson({ ...signedHeader, nonce: plainNonce })
  return { token: `${sentHeader}.${body ?? ''}.${signature ?? ''}`, resource: 'graph', scope: scp.join(' '), expiresIn: lifetime - 1 }
}

/**
 * What Graph does with an incoming token: undo the nonce transform and verify. Returns the
 * payload, or a reason it is not acceptable (Graph answers 401 InvalidAuthenticationToken).
 */
export async function verifyGraphToken(
  token: string,
  publicKey: CryptoKey,
  tid: string,
  now: number,
): Promise<{ ok: true; payload: Record<string, unknown> } | { ok: false; reason: string }> {
  const parts = token.split('.')
  if (parts.length !== 3) return { ok: false, reason: 'IDX14100: JWT is not well formed.' }
  let head: Record<string, unknown>
  try {
    head = decodeB64urlJson(parts[0] ?? '') as Record<string, unknown>
  } catch {
    return { ok: false, reason: 'IDX14100: JWT is not well formed.' }
  }
  const rebuilt =
    typeof head.nonce === 'string'
      ? `${b64urlJson({ ...head, nonce: await sha256B64url(head.nonce) })}.${parts[1] ?? ''}.${parts[2] ?? ''}`
      : token
  let payload: Record<string, unknown>
  try {
    const { payload: bytes } = await compactVerify(rebuilt, publicKey, { algorithms: ['RS256'] })
    payload = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>
  } catch {
    return { ok: false, reason: 'Access token validation failure: the signature is invalid.' }
  }
  if (payload.aud !== GRAPH_RESOURCE_ID && payload.aud !== 'https://graph.microsoft.com') {
    return { ok: false, reason: 'Access token validation failure. Invalid audience.' }
  }
  if (payload.iss !== v1Issuer(tid)) return { ok: false, reason: 'Access token validation failure. Invalid issuer.' }
  // Graph tolerates five minutes of skew, like most Microsoft resource servers.
  if (typeof payload.exp !== 'number' || payload.exp + 300 < now)
    return { ok: false, reason: 'Lifetime validation failed, the token is expired.' }
  if (typeof payload.nbf === 'number' && payload.nbf - 300 > now)
    return { ok: false, reason: 'Lifetime validation failed, the token is not yet valid.' }
  return { ok: true, payload }
}
