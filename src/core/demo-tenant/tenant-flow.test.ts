import { describe, expect, it } from 'vitest'
import { base64url, compactVerify, createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose'
import { createDemoTenant } from './tenant.ts'
import { DEMO_API_APP_ID, DEMO_API_SCOPE, DEMO_CLIENT_ID, DEMO_TENANT_ID } from './types.ts'
import { ROLE_GLOBAL_ADMINISTRATOR, ROLE_DEFAULT_MEMBER, DEMO_PARTNER_TENANT_ID } from './users.ts'
import {
  REDIRECT,
  clock,
  codeRedemption,
  freshRedemption,
  msalAuthorizeUrl,
  pkcePair,
  signIn,
  signInAndRedeem,
  tokenPost,
  newTenant,
} from './demo-client.test-support.ts'

const ISS = `https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0`

async function jwksOf(tenant: Awaited<ReturnType<typeof createDemoTenant>>) {
  const res = await tenant.handle({
    method: 'GET',
    url: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/discovery/v2.0/keys`,
    headers: {},
  })
  return createLocalJWKSet(JSON.parse(res.body) as { keys: never[] })
}

describe('demo tenant: authorization code flow with PKCE', () => {
  it('signs in, redeems the code and issues tokens that verify against its JWKS', async () => {
    const c = clock()
    const tenant = await newTenant({ now: c.now })
    const { verifier, challenge } = await pkcePair()
    const back = await signIn(tenant, { challenge, state: 'st-1', nonce: 'n-1' })
    expect([...back.keys()]).toEqual(['code', 'client_info', 'state', 'session_state'])
    expect(back.get('state')).toBe('st-1')
    const code = back.get('code') ?? ''
    const clientInfo = JSON.parse(new TextDecoder().decode(base64url.decode(back.get('client_info') ?? ''))) as Record<string, string>
    expect(clientInfo).toEqual({ uid: tenant.users[0]?.id, utid: DEMO_TENANT_ID })

    c.advance(5)
    const { res, json } = await tokenPost(tenant, codeRedemption(code, verifier))
    expect(res.status).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(json.token_type).toBe('Bearer')
    expect(json.scope).toBe('openid profile User.Read email')
    expect(typeof json.expires_in).toBe('number')
    expect(json.ext_expires_in).toBe(json.expires_in)
    expect(json.refresh_token_expires_in).toBe(86_400)
    expect(typeof json.refresh_token).toBe('string')
    expect(json.client_info).toBe(back.get('client_info'))

    const jwks = await jwksOf(tenant)
    const id = await jwtVerify(String(json.id_token), jwks, {
      issuer: ISS,
      audience: DEMO_CLIENT_ID,
      currentDate: new Date(c.now() * 1000),
    })
    // MSAL asks for login_hint and signin_state through `claims`; the rest is Entra's default set.
    expect(Object.keys(id.payload)).toEqual([
      'aud',
      'iss',
      'iat',
      'nbf',
      'exp',
      'aio',
      'login_hint',
      'name',
      'nonce',
      'oid',
      'preferred_username',
      'rh',
      'sid',
      'signin_state',
      'sub',
      'tid',
      'uti',
      'ver',
    ])
    expect(id.payload.nonce).toBe('n-1')
    expect(id.payload.ver).toBe('2.0')
    expect(id.payload.tid).toBe(DEMO_TENANT_ID)
    expect(id.payload.sid).toBe(back.get('session_state'))
    expect(id.payload.at_hash).toBeUndefined()
    expect(id.protectedHeader).toEqual({ typ: 'JWT', alg: 'RS256', kid: expect.stringMatching(/^[A-Za-z0-9_-]{27}$/) as unknown })
    expect(id.payload.iat).toBe(c.now() - 300)
    expect(id.payload.exp).toBe(c.now() + 3600)

    // The Graph token: header nonce, does not verify as sent, but Graph accepts it.
    const graph = String(json.access_token)
    const gh = decodeProtectedHeader(graph)
    expect(Object.keys(gh)).toEqual(['typ', 'nonce', 'alg', 'x5t', 'kid'])
    await expect(compactVerify(graph, jwks)).rejects.toThrow()
    const gp = decodeJwt(graph)
    expect(gp.aud).toBe('00000003-0000-0000-c000-000000000000')
    expect(gp.iss).toBe(`https://sts.windows.net/${DEMO_TENANT_ID}/`)
    expect(gp.ver).toBe('1.0')
    expect(gp.appid).toBe(DEMO_CLIENT_ID)
    expect(gp.scp).toBe('openid profile User.Read email')
    expect(gp.wids).toEqual([ROLE_DEFAULT_MEMBER])
    // Undo Graph's transform (hash the nonce) and the signature verifies: it really is ours.
    const [h, p, s] = graph.split('.')
    const hashed = base64url.encode(
      new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(String(gh.nonce)))),
    )
    const fixed = `${base64url.encode(JSON.stringify({ ...gh, nonce: hashed }))}.${p ?? ''}.${s ?? ''}`
    expect(h).not.toBe(fixed.split('.')[0])
    await expect(compactVerify(fixed, jwks)).resolves.toBeDefined()

    const me = await tenant.handle({
      method: 'GET',
      url: 'https://graph.microsoft.com/v1.0/me',
      headers: { authorization: `Bearer ${graph}` },
    })
    expect(me.status).toBe(200)
    const meJson = JSON.parse(me.body) as Record<string, unknown>
    expect(meJson['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#users/$entity')
    expect(meJson.id).toBe(tenant.users[0]?.id)
    const ui = await tenant.handle({
      method: 'GET',
      url: 'https://graph.microsoft.com/oidc/userinfo',
      headers: { authorization: `Bearer ${graph}` },
    })
    expect((JSON.parse(ui.body) as Record<string, unknown>).sub).toBe(id.payload.sub)
  })

  it('issues a verifiable demo-API token (wids for the administrator) and a pairwise sub', async () => {
    const c = clock()
    const tenant = await newTenant({ now: c.now })
    const { verifier, challenge } = await pkcePair()
    const scope = `${DEMO_API_SCOPE} openid profile offline_access`
    const admin = tenant.users.findIndex((u) => u.kind === 'admin')
    const back = await signIn(tenant, { challenge, scope }, admin)
    const { res, json } = await tokenPost(tenant, codeRedemption(back.get('code') ?? '', verifier, { scope }))
    expect(res.status).toBe(200)
    expect(json.scope).toBe(DEMO_API_SCOPE)
    const jwks = await jwksOf(tenant)
    const at = await jwtVerify(String(json.access_token), jwks, {
      issuer: ISS,
      audience: DEMO_API_APP_ID,
      currentDate: new Date(c.now() * 1000),
    })
    expect(at.payload.scp).toBe('Notes.Read')
    expect(at.payload.azp).toBe(DEMO_CLIENT_ID)
    expect(at.payload.azpacr).toBe('0')
    expect(at.payload.ver).toBe('2.0')
    expect(at.payload.wids).toEqual([ROLE_GLOBAL_ADMINISTRATOR, ROLE_DEFAULT_MEMBER])
    const id = decodeJwt(String(json.id_token))
    expect(at.payload.oid).toBe(id.oid)
    expect(at.payload.sub).not.toBe(id.sub) // pairwise: different app, different sub
    // A demo-API token is not a Graph token.
    const me = await tenant.handle({
      method: 'GET',
      url: 'https://graph.microsoft.com/v1.0/me',
      headers: { authorization: `Bearer ${String(json.access_token)}` },
    })
    expect(me.status).toBe(401)
    expect(me.body).toContain('InvalidAuthenticationToken')
  })

  it('optionally adds at_hash over the returned access token', async () => {
    const tenant = await newTenant({ now: clock().now, idTokenAtHash: true })
    const { json } = await signInAndRedeem(tenant)
    const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(String(json.access_token))))
    expect(decodeJwt(String(json.id_token)).at_hash).toBe(base64url.encode(digest.slice(0, 16)))
  })

  it('gives a B2B guest an idp claim, email and home-tenant client_info', async () => {
    const tenant = await newTenant({ now: clock().now })
    const { verifier, challenge } = await pkcePair()
    const guest = tenant.users.findIndex((u) => u.kind === 'guest')
    const back = await signIn(tenant, { challenge }, guest)
    const info = JSON.parse(new TextDecoder().decode(base64url.decode(back.get('client_info') ?? ''))) as Record<string, string>
    expect(info.utid).toBe(DEMO_PARTNER_TENANT_ID)
    const { json } = await tokenPost(tenant, codeRedemption(back.get('code') ?? '', verifier))
    const id = decodeJwt(String(json.id_token))
    expect(id.idp).toBe(`https://sts.windows.net/${DEMO_PARTNER_TENANT_ID}/`)
    expect(id.iss).toBe(ISS)
    expect(id.email).toBe('priya@partner.example')
    expect(decodeJwt(String(json.access_token)).acct).toBe(1)
  })

  it('rotates refresh tokens, switches resource on refresh, and stops at the SPA 24-hour limit', async () => {
    const c = clock()
    const tenant = await newTenant({ now: c.now })
    const { verifier, challenge } = await pkcePair()
    const back = await signIn(tenant, { challenge, scope: `openid profile offline_access User.Read ${DEMO_API_SCOPE}` })
    const first = await tokenPost(
      tenant,
      codeRedemption(back.get('code') ?? '', verifier, { scope: 'openid profile offline_access User.Read' }),
    )
    expect(first.res.status).toBe(200)
    c.advance(3600)
    const refresh = (rt: string, scope: string) =>
      tokenPost(tenant, { client_id: DEMO_CLIENT_ID, scope, grant_type: 'refresh_token', refresh_token: rt, client_info: '1' })
    const second = await refresh(String(first.json.refresh_token), `${DEMO_API_SCOPE} openid profile offline_access`)
    expect(second.res.status).toBe(200)
    expect(second.json.refresh_token).not.toBe(first.json.refresh_token)
    expect(decodeJwt(String(second.json.access_token)).aud).toBe(DEMO_API_APP_ID)
    expect(second.json.refresh_token_expires_in).toBe(86_400 - 3600)
    expect(decodeJwt(String(second.json.id_token)).nonce).toBeUndefined()
    c.advance(86_400)
    const late = await refresh(String(second.json.refresh_token), 'openid profile offline_access')
    expect(late.res.status).toBe(400)
    expect(late.json.error).toBe('invalid_grant')
    expect(late.json.error_codes).toEqual([700084])
  })

  it('refuses a refresh for a resource the user never consented to (AADSTS65001 consent_required)', async () => {
    const tenant = await newTenant({ now: clock().now })
    const first = await signInAndRedeem(tenant)
    const r = await tokenPost(tenant, {
      client_id: DEMO_CLIENT_ID,
      scope: `${DEMO_API_SCOPE} offline_access`,
      grant_type: 'refresh_token',
      refresh_token: String(first.json.refresh_token),
    })
    expect(r.json.error).toBe('invalid_grant')
    expect(r.json.suberror).toBe('consent_required')
    expect(r.json.error_codes).toEqual([65001])
  })

  it('survives the redirect round trip: serialise, then resume in a new instance', async () => {
    const c = clock()
    const a = await createDemoTenant({ now: c.now })
    const { verifier, challenge } = await pkcePair()
    const begun = a.beginAuthorize(msalAuthorizeUrl({ challenge }))
    if (begun.kind !== 'prompt') throw new Error('prompt expected')
    const saved = JSON.parse(JSON.stringify(a.serialize())) as ReturnType<typeof a.serialize>
    expect(saved.signingKey.privateJwk.d).toEqual(expect.any(String))
    expect(Object.keys(saved.pending)).toEqual([begun.prompt.sessionId])
    const b = await createDemoTenant({ now: c.now, state: saved })
    const done = await b.completeAuthorize(begun.prompt.sessionId, { userId: b.users[1]?.id ?? '', consent: true })
    if (done.kind !== 'redirect') throw new Error('redirect expected')
    const code = new URLSearchParams(new URL(done.url).hash.slice(1)).get('code') ?? ''
    const c2 = await createDemoTenant({ now: c.now, state: b.serialize() })
    const { res, json } = await tokenPost(c2, codeRedemption(code, verifier))
    expect(res.status).toBe(200)
    // Same key across instances: the first instance's JWKS verifies the resumed one's tokens.
    await expect(jwtVerify(String(json.id_token), await jwksOf(a), { currentDate: new Date(c.now() * 1000) })).resolves.toBeDefined()
    expect(a.jwks()).toEqual(c2.jwks())
  })

  it('accepts the authorize URL exactly as MSAL.js 5 builds it and echoes state', async () => {
    const tenant = await newTenant({ now: clock().now })
    const { challenge } = await pkcePair()
    const url = msalAuthorizeUrl({
      challenge,
      extra: { login_hint: 'nora@tokenlensdemo.onmicrosoft.com', clidata: 'x', pocd: '1', 'x-app-name': 'Token Lens' },
    })
    const out = tenant.beginAuthorize(url)
    expect(out.kind).toBe('prompt')
    if (out.kind !== 'prompt') return
    expect(out.prompt.clientId).toBe(DEMO_CLIENT_ID)
    expect(out.prompt.redirectUri).toBe(REDIRECT)
    expect(out.prompt.prompt).toBe('select_account')
    expect(out.prompt.loginHint).toBe('nora@tokenlensdemo.onmicrosoft.com')
    expect(out.prompt.consentScopes).toEqual(['User.Read', 'profile', 'offline_access'])
    expect(out.prompt.users.map((u) => u.kind)).toEqual(['member', 'admin', 'guest'])
  })

  it('supports common/organizations authorities and reports the real tid in tokens', async () => {
    const tenant = await newTenant({ now: clock().now })
    const { json } = await tokenPost(tenant, await freshRedemption(tenant, { tenant: 'organizations' }), { tenantSegment: 'organizations' })
    expect(decodeJwt(String(json.id_token)).iss).toBe(ISS)
  })

  it('issues an opaque login_hint claim that works as login_hint for a silent sign-in', async () => {
    const tenant = await newTenant({ now: clock().now })
    const { verifier, challenge } = await pkcePair()
    await signIn(tenant, { challenge }, 0)
    const back = await signIn(tenant, { challenge }, 1)
    const { json } = await tokenPost(tenant, codeRedemption(back.get('code') ?? '', verifier))
    const hint = String(decodeJwt(String(json.id_token)).login_hint)
    expect(hint).toMatch(/^O\./)
    // Two sessions: without a hint prompt=none cannot choose; with the claim's value it can.
    const ambiguous = tenant.beginAuthorize(msalAuthorizeUrl({ challenge, extra: { prompt: 'none' } }))
    expect(ambiguous.kind === 'redirect' && new URLSearchParams(new URL(ambiguous.url).hash.slice(1)).get('error')).toBe(
      'interaction_required',
    )
    const silent = tenant.beginAuthorize(msalAuthorizeUrl({ challenge, extra: { prompt: 'none', login_hint: hint } }))
    expect(silent.kind === 'redirect' && new URL(silent.url).hash).toContain('code=')
    const shown = tenant.beginAuthorize(msalAuthorizeUrl({ challenge, extra: { login_hint: hint } }))
    expect(shown.kind === 'prompt' && shown.prompt.loginHint).toBe(tenant.users[1]?.userPrincipalName)
    // logout_hint ends only that user's session: the other user can still sign in silently.
    await tenant.handle({
      method: 'GET',
      url: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/oauth2/v2.0/logout?logout_hint=${encodeURIComponent(hint)}`,
      headers: {},
    })
    const after = tenant.beginAuthorize(msalAuthorizeUrl({ challenge, extra: { prompt: 'none' } }))
    expect(after.kind === 'redirect' && new URL(after.url).hash).toContain('code=')
    expect(Object.values(tenant.serialize().sessions).map((x) => x.userId)).toEqual([tenant.users[0]?.id])
  })

  it('answers prompt=none from the existing session and logout ends it', async () => {
    const tenant = await newTenant({ now: clock().now })
    const { challenge } = await pkcePair()
    await signIn(tenant, { challenge })
    const silent = tenant.beginAuthorize(msalAuthorizeUrl({ challenge, extra: { prompt: 'none' } }))
    expect(silent.kind).toBe('redirect')
    if (silent.kind === 'redirect') expect(new URL(silent.url).hash).toContain('code=')
    const out = await tenant.handle({
      method: 'GET',
      url: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('https://app.example/token-lens/')}&state=s9`,
      headers: {},
    })
    expect(out.status).toBe(302)
    expect(out.headers.location).toBe('https://app.example/token-lens/?state=s9')
    const again = tenant.beginAuthorize(msalAuthorizeUrl({ challenge, extra: { prompt: 'none' } }))
    expect(again.kind).toBe('redirect')
    if (again.kind === 'redirect') expect(new URLSearchParams(new URL(again.url).hash.slice(1)).get('error')).toBe('login_required')
  })
})
