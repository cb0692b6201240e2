import { describe, expect, it } from 'vitest'
import { decodeJwt } from 'jose'
import { DEMO_TENANT_ID } from './types.ts'
import {
  REDIRECT,
  clock,
  codeRedemption,
  fragmentParams,
  freshRedemption,
  msalAuthorizeUrl,
  pkcePair,
  signIn,
  tokenPost,
  newTenant,
} from './demo-client.test-support.ts'

const TRACE = / Trace ID: [0-9a-f-]{36} Correlation ID: [0-9a-f-]{36} Timestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/

describe('demo tenant: failures the way Entra fails', () => {
  it("refuses a wrong PKCE verifier (AADSTS501481 invalid_grant) in Entra's error shape", async () => {
    const tenant = await newTenant({ now: clock().now })
    const { challenge } = await pkcePair()
    const other = await pkcePair()
    const back = await signIn(tenant, { challenge })
    const { res, json } = await tokenPost(tenant, codeRedemption(back.get('code') ?? '', other.verifier), {
      headers: { 'client-request-id': '11111111-2222-4333-8444-555555555555' },
    })
    expect(res.status).toBe(400)
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(Object.keys(json)).toEqual(['error', 'error_description', 'error_codes', 'timestamp', 'trace_id', 'correlation_id', 'error_uri'])
    expect(json.error).toBe('invalid_grant')
    expect(json.error_codes).toEqual([501481])
    expect(json.correlation_id).toBe('11111111-2222-4333-8444-555555555555')
    // MSAL.js puts client-request-id in the token URL's query instead.
    const viaQuery = await tenant.handle({
      method: 'POST',
      url: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/oauth2/v2.0/token?client-request-id=66666666-7777-4888-9999-aaaaaaaaaaaa`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(codeRedemption(back.get('code') ?? '', other.verifier)).toString(),
    })
    expect((JSON.parse(viaQuery.body) as Record<string, unknown>).correlation_id).toBe('66666666-7777-4888-9999-aaaaaaaaaaaa')
    expect(String(json.error_description)).toMatch(/^AADSTS501481: /)
    expect(String(json.error_description)).toMatch(TRACE)
    expect(json.error_uri).toBe('https://login.microsoftonline.com/error?code=501481')
  })

  it('refuses the second redemption of a code (AADSTS54005)', async () => {
    const tenant = await newTenant({ now: clock().now })
    const body = await freshRedemption(tenant)
    expect((await tokenPost(tenant, body)).res.status).toBe(200)
    const again = await tokenPost(tenant, body)
    expect(again.json.error).toBe('invalid_grant')
    expect(again.json.error_codes).toEqual([54005])
  })

  it('refuses an expired code after ten minutes (AADSTS70008)', async () => {
    const c = clock()
    const tenant = await newTenant({ now: c.now })
    const body = await freshRedemption(tenant)
    c.advance(601)
    const { json } = await tokenPost(tenant, body)
    expect(json.error_codes).toEqual([70008])
    expect(json.error).toBe('invalid_grant')
  })

  it('shows an error page, not a redirect, for an unregistered redirect URI (AADSTS50011)', async () => {
    const tenant = await newTenant({ now: clock().now, redirectUris: [REDIRECT] })
    const { challenge } = await pkcePair()
    const out = tenant.beginAuthorize(msalAuthorizeUrl({ challenge, redirectUri: `${REDIRECT}/` }))
    expect(out.kind).toBe('error_page')
    if (out.kind !== 'error_page') return
    expect(out.code).toBe('AADSTS50011')
    expect(out.error).toBe('invalid_request')
    expect(out.description).toMatch(/^AADSTS50011: /)
    // Exact match: the registered URI itself is accepted.
    expect(tenant.beginAuthorize(msalAuthorizeUrl({ challenge })).kind).toBe('prompt')
    // Served as an HTML page by handle(), with our CSP and every value escaped.
    const page = await tenant.handle({
      method: 'GET',
      url: msalAuthorizeUrl({ challenge, redirectUri: 'https://evil.example/<b>redirect.html' }),
      headers: {},
    })
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    expect(page.body).toContain('AADSTS50011')
    expect(page.body).not.toContain('<b>')
  })

  it('accepts any https …/redirect.html by default but nothing else', async () => {
    const tenant = await newTenant({ now: clock().now })
    const { challenge } = await pkcePair()
    expect(tenant.beginAuthorize(msalAuthorizeUrl({ challenge, redirectUri: 'http://localhost:5173/redirect.html' })).kind).toBe('prompt')
    expect(tenant.beginAuthorize(msalAuthorizeUrl({ challenge, redirectUri: 'http://app.example/redirect.html' })).kind).toBe('error_page')
    expect(tenant.beginAuthorize(msalAuthorizeUrl({ challenge, redirectUri: 'https://app.example/callback' })).kind).toBe('error_page')
  })

  it('switches: wrongRedirectUri, pkceMismatch, codeReuse, expiredCode', async () => {
    const tenant = await newTenant({ now: clock().now })
    const { verifier, challenge } = await pkcePair()
    tenant.setFaults({ wrongRedirectUri: true })
    const page = tenant.beginAuthorize(msalAuthorizeUrl({ challenge }))
    expect(page.kind === 'error_page' && page.code).toBe('AADSTS50011')
    for (const [fault, code] of [
      ['pkceMismatch', 501481],
      ['codeReuse', 54005],
      ['expiredCode', 70008],
    ] as const) {
      tenant.setFaults({})
      const back = await signIn(tenant, { challenge })
      tenant.setFaults({ [fault]: true })
      const { json } = await tokenPost(tenant, codeRedemption(back.get('code') ?? '', verifier))
      expect(json.error_codes, fault).toEqual([code])
      expect(json.error, fault).toBe('invalid_grant')
    }
    expect(tenant.serialize().faults).toEqual({ expiredCode: true })
  })

  it('returns access_denied (AADSTS65004) when consent is declined, by the user or by the fault switch', async () => {
    const tenant = await newTenant({ now: clock().now })
    const { challenge } = await pkcePair()
    for (const faulted of [false, true]) {
      tenant.setFaults(faulted ? { consentDeclined: true } : {})
      const begun = tenant.beginAuthorize(msalAuthorizeUrl({ challenge, state: 'keep-me' }))
      if (begun.kind !== 'prompt') throw new Error('prompt expected')
      const out = await tenant.completeAuthorize(begun.prompt.sessionId, {
        userId: tenant.users[0]?.id ?? '',
        consent: !faulted ? false : true,
      })
      expect(out.kind).toBe('redirect')
      if (out.kind !== 'redirect') return
      const p = fragmentParams(out.url)
      expect(p.get('error')).toBe('access_denied')
      expect(p.get('error_description')).toMatch(/^AADSTS65004: /)
      expect(p.get('state')).toBe('keep-me')
      expect(p.get('code')).toBeNull()
    }
  })

  it('shifts iat/nbf/exp by the clock-skew fault', async () => {
    const c = clock()
    const tenant = await newTenant({ now: c.now, faults: { clockSkewSec: 900 } })
    const { json } = await tokenPost(tenant, await freshRedemption(tenant))
    const id = decodeJwt(String(json.id_token))
    expect(id.iat).toBe(c.now() - 300 + 900)
    expect(id.nbf).toBe(id.iat)
    expect(id.exp).toBe(c.now() + 900 + 3600)
    expect(decodeJwt(String(json.access_token)).nbf).toBeGreaterThan(c.now())
  })

  it('requires PKCE for the browser redemption when the request had no challenge (AADSTS9002325)', async () => {
    const tenant = await newTenant({ now: clock().now })
    const back = await signIn(tenant, { challenge: null })
    const { json } = await tokenPost(tenant, { ...codeRedemption(back.get('code') ?? '', 'x'), code_verifier: '' })
    expect(json.error_codes).toEqual([501481])
    const back2 = await signIn(tenant, { challenge: null })
    const body = codeRedemption(back2.get('code') ?? '', 'x')
    delete body.code_verifier
    const r2 = await tokenPost(tenant, body)
    expect(r2.json.error_codes).toEqual([9002325])
    expect(r2.json.error).toBe('invalid_request')
  })

  it('validates the authorize request: client, PKCE shape, response_type, scope, tenant', async () => {
    const tenant = await newTenant({ now: clock().now })
    const { challenge } = await pkcePair()
    const page = (u: string) => tenant.beginAuthorize(u)
    const errOf = (u: string) => {
      const o = page(u)
      if (o.kind === 'error_page') return o.code
      return o.kind === 'redirect' ? /^AADSTS\d+/.exec(fragmentParams(o.url).get('error_description') ?? '')?.[0] : 'prompt'
    }
    expect(errOf(msalAuthorizeUrl({ challenge, clientId: '00000000-1111-4222-8333-444444444444' }))).toBe('AADSTS700016')
    expect(errOf(msalAuthorizeUrl({ challenge, tenant: 'contoso.example' }))).toBe('AADSTS90002')
    expect(errOf(msalAuthorizeUrl({ challenge: 'short' }))).toBe('AADSTS501491')
    expect(errOf(msalAuthorizeUrl({ challenge, extra: { code_challenge_method: 'S512' } }))).toBe('AADSTS50149')
    expect(errOf(msalAuthorizeUrl({ challenge, extra: { response_type: 'token' } }))).toBe('AADSTS700051')
    expect(errOf(msalAuthorizeUrl({ challenge, scope: 'openid api://unknown-api/Read' }))).toBe('AADSTS500011')
    expect(errOf(msalAuthorizeUrl({ challenge, scope: 'openid api://9e7d1c5a-2b4f-4e8a-a3c6-7f1b0d9e2c58/Notes.Write' }))).toBe(
      'AADSTS70011',
    )
    // Any GUID client is accepted on the e2e "real tenant" path.
    const anyClient = await newTenant({ now: clock().now, acceptAnyClient: true, tenantId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' })
    const o = anyClient.beginAuthorize(
      msalAuthorizeUrl({ challenge, clientId: '00000000-1111-4222-8333-444444444444', tenant: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }),
    )
    expect(o.kind).toBe('prompt')
  })

  it('token endpoint: GET refused, JSON body reads as missing grant_type, unknown client, multi-resource scope', async () => {
    const tenant = await newTenant({ now: clock().now })
    const url = `https://login.microsoftonline.com/${DEMO_TENANT_ID}/oauth2/v2.0/token`
    const get = await tenant.handle({ method: 'GET', url, headers: {} })
    expect((JSON.parse(get.body) as { error_codes: number[] }).error_codes).toEqual([900561])
    const json = await tenant.handle({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code' }),
    })
    expect(JSON.parse(json.body)).toMatchObject({ error: 'invalid_request', error_codes: [900144] })
    const unknown = await tokenPost(tenant, {
      grant_type: 'refresh_token',
      client_id: '00000000-1111-4222-8333-444444444444',
      refresh_token: 'x',
    })
    expect(unknown.json).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] })
    const { verifier, challenge } = await pkcePair()
    const back = await signIn(tenant, { challenge, scope: 'openid User.Read api://9e7d1c5a-2b4f-4e8a-a3c6-7f1b0d9e2c58/Notes.Read' })
    const multi = await tokenPost(
      tenant,
      codeRedemption(back.get('code') ?? '', verifier, { scope: 'openid User.Read api://9e7d1c5a-2b4f-4e8a-a3c6-7f1b0d9e2c58/Notes.Read' }),
    )
    expect(multi.json).toMatchObject({ error: 'invalid_scope', error_codes: [28000] })
  })
})
