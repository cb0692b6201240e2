import { describe, expect, it } from 'vitest'
import { base64url, importJWK, type CryptoKey } from 'jose'
import { corsPreflight } from './tenant.ts'
import { DEMO_TENANT_ID } from './types.ts'
import { DEMO_TENANT_DOMAIN } from './users.ts'
import { escapeHtml, renderSignInPage } from './sign-in-page.ts'
import { clock, msalAuthorizeUrl, pkcePair, newTenant } from './demo-client.test-support.ts'

const LOGIN = 'https://login.microsoftonline.com'

/** Children of the outer DER SEQUENCE: whole TLV for the first (the signed TBS), contents for the rest. */
function derChildren(der: Uint8Array): Uint8Array[] {
  const read = (at: number): { start: number; end: number; contentStart: number } => {
    let len = der[at + 1] ?? 0
    let p = at + 2
    if (len & 0x80) {
      const n = len & 0x7f
      len = 0
      for (let i = 0; i < n; i++) len = len * 256 + (der[p + i] ?? 0)
      p += n
    }
    return { start: at, end: p + len, contentStart: p }
  }
  const outer = read(0)
  const out: Uint8Array[] = []
  for (let at = outer.contentStart; at < outer.end;) {
    const c = read(at)
    out.push(out.length === 0 ? der.slice(c.start, c.end) : der.slice(c.contentStart, c.end))
    at = c.end
  }
  return out
}

async function get(url: string, headers: Record<string, string> = {}) {
  const tenant = await newTenant({ now: clock().now })
  const res = await tenant.handle({ method: 'GET', url, headers })
  return { tenant, res, json: JSON.parse(res.body) as Record<string, unknown> }
}

describe('demo tenant: discovery and keys', () => {
  it('serves an Entra v2 discovery document for its tenant ID and domain', async () => {
    for (const segment of [DEMO_TENANT_ID, DEMO_TENANT_DOMAIN]) {
      const { res, json } = await get(`${LOGIN}/${segment}/v2.0/.well-known/openid-configuration`)
      expect(res.status).toBe(200)
      expect(res.headers['access-control-allow-origin']).toBe('*')
      expect(res.headers['content-type']).toMatch(/^application\/json/)
      expect(json.issuer).toBe(`${LOGIN}/${DEMO_TENANT_ID}/v2.0`)
      expect(json.authorization_endpoint).toBe(`${LOGIN}/${segment}/oauth2/v2.0/authorize`)
      expect(json.token_endpoint).toBe(`${LOGIN}/${segment}/oauth2/v2.0/token`)
      expect(json.jwks_uri).toBe(`${LOGIN}/${segment}/discovery/v2.0/keys`)
      expect(json.end_session_endpoint).toBe(`${LOGIN}/${segment}/oauth2/v2.0/logout`)
      expect(json.userinfo_endpoint).toBe('https://graph.microsoft.com/oidc/userinfo')
      expect(json.response_modes_supported).toEqual(['query', 'fragment', 'form_post'])
      expect(json.id_token_signing_alg_values_supported).toEqual(['RS256'])
      expect(json.subject_types_supported).toEqual(['pairwise'])
      expect(json.msgraph_host).toBe('graph.microsoft.com')
    }
  })

  it('puts the {tenantid} placeholder into multi-tenant issuers (v2 and v1)', async () => {
    for (const seg of ['common', 'organizations']) {
      expect((await get(`${LOGIN}/${seg}/v2.0/.well-known/openid-configuration`)).json.issuer).toBe(`${LOGIN}/{tenantid}/v2.0`)
      expect((await get(`${LOGIN}/${seg}/.well-known/openid-configuration`)).json.issuer).toBe('https://sts.windows.net/{tenantid}/')
    }
    expect((await get(`${LOGIN}/${DEMO_TENANT_ID}/.well-known/openid-configuration`)).json.issuer).toBe(
      `https://sts.windows.net/${DEMO_TENANT_ID}/`,
    )
  })

  it('answers an unknown tenant with AADSTS90002', async () => {
    const { res, json } = await get(`${LOGIN}/contoso.example/v2.0/.well-known/openid-configuration`)
    expect(res.status).toBe(400)
    expect(json).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] })
  })

  it('publishes only the public RSA key, with Entra-style kid/x5t and per-key issuer', async () => {
    const { res, json, tenant } = await get(`${LOGIN}/${DEMO_TENANT_ID}/discovery/v2.0/keys`)
    expect(res.headers['access-control-allow-origin']).toBe('*')
    const keys = json.keys as Record<string, unknown>[]
    expect(keys).toHaveLength(1)
    const k = keys[0] ?? {}
    expect(Object.keys(k)).toEqual(['kty', 'use', 'kid', 'x5t', 'n', 'e', 'x5c', 'issuer'])
    expect(k).toMatchObject({ kty: 'RSA', use: 'sig', e: 'AQAB', issuer: `${LOGIN}/${DEMO_TENANT_ID}/v2.0` })
    expect(k.kid).toBe(k.x5t)
    expect(String(k.kid)).toMatch(/^[A-Za-z0-9_-]{27}$/)
    expect(String(k.n).length).toBe(342) // 2048-bit modulus
    expect(tenant.serialize().signingKey.kid).toBe(k.kid)
    // x5c is a real self-signed certificate: x5t is its SHA-1 thumbprint and it verifies with the key.
    const der = Uint8Array.from(atob(String((k.x5c as string[])[0])), (ch) => ch.charCodeAt(0))
    const sha1 = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', der))
    expect(base64url.encode(sha1)).toBe(k.x5t)
    const [tbs, , sig] = derChildren(der)
    const key = await importJWK({ kty: 'RSA', n: String(k.n), e: String(k.e) }, 'RS256')
    const ok = await globalThis.crypto.subtle.verify(
      'RSASSA-PKCS1-v1_5',
      key as CryptoKey,
      new Uint8Array((sig ?? new Uint8Array(1)).slice(1)),
      new Uint8Array(tbs ?? []),
    )
    expect(ok).toBe(true)
    const common = await tenant.handle({ method: 'GET', url: `${LOGIN}/common/discovery/v2.0/keys`, headers: {} })
    expect((JSON.parse(common.body) as { keys: { issuer: string }[] }).keys[0]?.issuer).toBe(`${LOGIN}/{tenantid}/v2.0`)
  })

  it('answers MSAL instance discovery and CORS preflights', async () => {
    const { json } = await get(
      `${LOGIN}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(`${LOGIN}/${DEMO_TENANT_ID}/oauth2/v2.0/authorize`)}`,
    )
    expect(json.tenant_discovery_endpoint).toBe(`${LOGIN}/${DEMO_TENANT_ID}/v2.0/.well-known/openid-configuration`)
    const pre = corsPreflight({ headers: { 'Access-Control-Request-Headers': 'content-type,client-request-id' } })
    expect(pre.status).toBe(204)
    expect(pre.headers['access-control-allow-origin']).toBe('*')
    expect(pre.headers['access-control-allow-headers']).toBe('content-type,client-request-id')
  })

  it("Graph refuses a missing or foreign bearer token in Graph's error shape", async () => {
    const { res, json } = await get('https://graph.microsoft.com/v1.0/me')
    expect(res.status).toBe(401)
    expect((json.error as Record<string, unknown>).code).toBe('InvalidAuthenticationToken')
    const forged = await get('https://graph.microsoft.com/v1.0/me', {
      authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiIwMDAwMDAwMy0wMDAwLTAwMDAtYzAwMC0wMDAwMDAwMDAwMDAifQ.',
    })
    expect(forged.res.status).toBe(401)
  })
})

describe('demo tenant: sign-in page', () => {
  it('renders an accessible form, escapes every value and ships a hash-based CSP', async () => {
    const tenant = await newTenant({ now: clock().now })
    const { challenge } = await pkcePair()
    const res = await tenant.handle({
      method: 'GET',
      url: msalAuthorizeUrl({ challenge, state: '"><script>alert(1)</script>' }),
      headers: {},
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-security-policy']).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self' https:\/\/app\.example;/,
    )
    expect(res.body).toContain('<html lang="en">')
    expect(res.body).toContain('<legend>Demo users</legend>')
    expect(res.body).not.toContain('<script')
    expect(res.body).toContain('Simulated')
    for (const u of tenant.users) expect(res.body).toContain(escapeHtml(u.userPrincipalName))
    // The style hash in the CSP is the hash of the one <style> block.
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.body)?.[1] ?? ''
    const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(style)))
    expect(res.headers['content-security-policy']).toContain(`'sha256-${btoa(String.fromCharCode(...digest))}'`)
  })

  it('posts back to the emulator, which redirects to the app with the code', async () => {
    const tenant = await newTenant({ now: clock().now })
    const { challenge } = await pkcePair()
    const page = await tenant.handle({ method: 'GET', url: msalAuthorizeUrl({ challenge, state: 's1' }), headers: {} })
    const action = /<form method="post" action="([^"]+)"/.exec(page.body)?.[1] ?? ''
    const session = /name="session" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
    expect(action).toBe(`${LOGIN}/${DEMO_TENANT_ID}/login`)
    const res = await tenant.handle({
      method: 'POST',
      url: action,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ session, user: tenant.users[1]?.id ?? '', consent: 'accept' }).toString(),
    })
    expect(res.status).toBe(302)
    const loc = new URL(res.headers.location ?? '')
    expect(`${loc.origin}${loc.pathname}`).toBe('https://app.example/token-lens/redirect.html')
    expect(new URLSearchParams(loc.hash.slice(1)).get('state')).toBe('s1')
    // The same session cannot be completed twice.
    const replay = await tenant.handle({
      method: 'POST',
      url: action,
      headers: {},
      body: new URLSearchParams({ session, user: tenant.users[1]?.id ?? '', consent: 'accept' }).toString(),
    })
    expect(replay.status).toBe(200)
    expect(replay.body).toContain('AADSTS50089')
  })

  it('Cancel without picking an account sends access_denied back to the app', async () => {
    const tenant = await newTenant({ now: clock().now })
    const { challenge } = await pkcePair()
    const page = await tenant.handle({ method: 'GET', url: msalAuthorizeUrl({ challenge, state: 's2' }), headers: {} })
    const session = /name="session" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
    const res = await tenant.handle({
      method: 'POST',
      url: `${LOGIN}/${DEMO_TENANT_ID}/login`,
      headers: {},
      body: new URLSearchParams({ session, consent: 'decline' }).toString(),
    })
    expect(res.status).toBe(302)
    const p = new URLSearchParams(new URL(res.headers.location ?? '').hash.slice(1))
    expect(p.get('error')).toBe('access_denied')
    expect(p.get('state')).toBe('s2')
  })

  it('pre-selects the login_hint user, including a guest by home address', () => {
    const users = [
      { id: 'a', displayName: 'A', userPrincipalName: 'a@t.example', kind: 'member' as const, description: '' },
      { id: 'g', displayName: 'G', userPrincipalName: 'g_home.example#EXT#@t.example', kind: 'guest' as const, description: '' },
    ]
    const html = renderSignInPage(
      {
        sessionId: 's',
        clientId: 'c',
        redirectUri: 'https://x.example/redirect.html',
        scopes: [],
        consentScopes: [],
        users,
        loginHint: 'G@home.example',
      },
      { action: 'https://login.microsoftonline.com/t/login', tenantName: 'T', appName: 'App' },
    )
    expect(html).toContain('value="g" required checked')
    expect(html).not.toContain('value="a" required checked')
  })
})
