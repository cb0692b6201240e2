import { describe, expect, it } from 'vitest'
import { decodeJwt } from 'jose'
import { DEMO_API_SCOPE, DEMO_TENANT_ID } from './types.ts'
import { DEMO_B2C_NAME, DEMO_B2C_POLICY, DEMO_CIAM_NAME } from './shapes.ts'
import { REDIRECT, clock, codeRedemption, fragmentParams, msalAuthorizeUrl, newTenant, pkcePair } from './demo-client.test-support.ts'
import type { DemoTenant } from './types.ts'

const B2C_BASE = `https://${DEMO_B2C_NAME}.b2clogin.com/${DEMO_B2C_NAME}.onmicrosoft.com/${DEMO_B2C_POLICY}`
const CIAM_NAME_BASE = `https://${DEMO_CIAM_NAME}.ciamlogin.com/${DEMO_CIAM_NAME}.onmicrosoft.com`
const CIAM_ID_BASE = `https://${DEMO_TENANT_ID}.ciamlogin.com/${DEMO_TENANT_ID}`

async function get(tenant: DemoTenant, url: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await tenant.handle({ method: 'GET', url, headers: {} })
  return { status: res.status, json: JSON.parse(res.body) as Record<string, unknown> }
}

/** The authorize URL MSAL builds, moved to another shape's base. */
function authorizeAt(base: string, params: Parameters<typeof msalAuthorizeUrl>[0]): string {
  const entra = new URL(msalAuthorizeUrl(params))
  return `${base}/oauth2/v2.0/authorize${entra.search}`
}

async function signInAt(tenant: DemoTenant, base: string, scope: string) {
  const { verifier, challenge } = await pkcePair()
  const begun = tenant.beginAuthorize(authorizeAt(base, { challenge, scope }))
  if (begun.kind !== 'prompt') throw new Error(JSON.stringify(begun))
  const done = await tenant.completeAuthorize(begun.prompt.sessionId, { userId: tenant.users[0]!.id, consent: true })
  if (done.kind !== 'redirect') throw new Error(JSON.stringify(done))
  const code = fragmentParams(done.url).get('code')!
  const post = async (tokenBase: string) => {
    const res = await tenant.handle({
      method: 'POST',
      url: `${tokenBase}/oauth2/v2.0/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(codeRedemption(code, verifier, { scope })).toString(),
    })
    return { status: res.status, json: JSON.parse(res.body) as Record<string, unknown> }
  }
  return { clientInfo: fragmentParams(done.url).get('client_info')!, post }
}

describe('demo tenant shapes', () => {
  it('answers as an Azure AD B2C user flow: per-policy discovery, B2C issuer, tfp and a policy-suffixed client_info', async () => {
    const tenant = await newTenant({ now: clock().now })
    expect(tenant.hosts).toContain(`${DEMO_B2C_NAME}.b2clogin.com`)
    const disc = await get(tenant, `${B2C_BASE}/v2.0/.well-known/openid-configuration`)
    expect(disc.status).toBe(200)
    const issuer = `https://${DEMO_B2C_NAME}.b2clogin.com/${DEMO_TENANT_ID}/v2.0/`
    expect(disc.json.issuer).toBe(issuer)
    expect(disc.json.jwks_uri).toBe(`${B2C_BASE}/discovery/v2.0/keys`)
    expect(disc.json.token_endpoint).toBe(`${B2C_BASE}/oauth2/v2.0/token`)
    // The older ?p= form serves the same document; without a policy there is none.
    expect(
      (
        await get(
          tenant,
          `https://${DEMO_B2C_NAME}.b2clogin.com/${DEMO_B2C_NAME}.onmicrosoft.com/v2.0/.well-known/openid-configuration?p=${DEMO_B2C_POLICY}`,
        )
      ).json.issuer,
    ).toBe(issuer)
    expect(
      (await get(tenant, `https://${DEMO_B2C_NAME}.b2clogin.com/${DEMO_B2C_NAME}.onmicrosoft.com/v2.0/.well-known/openid-configuration`))
        .status,
    ).toBe(400)
    const keys = await get(tenant, `${B2C_BASE}/discovery/v2.0/keys`)
    expect((keys.json.keys as unknown[]).length).toBe(1)

    const flow = await signInAt(tenant, B2C_BASE, `openid offline_access ${DEMO_API_SCOPE}`)
    const ci = JSON.parse(Buffer.from(flow.clientInfo, 'base64url').toString()) as { uid: string; utid: string }
    expect(ci.uid).toBe(`${tenant.users[0]!.id}-${DEMO_B2C_POLICY.toLowerCase()}`)
    expect(ci.utid).toBe(DEMO_TENANT_ID)
    // A code from the B2C user flow is not redeemable at the Entra endpoint of the same tenant.
    expect((await flow.post(`https://login.microsoftonline.com/${DEMO_TENANT_ID}`)).status).toBe(400)
    const { status, json } = await flow.post(B2C_BASE)
    expect(status).toBe(200)
    const id = decodeJwt(json.id_token as string)
    expect(id).toMatchObject({ iss: issuer, ver: '1.0', tfp: DEMO_B2C_POLICY, sub: tenant.users[0]!.id, emails: [expect.any(String)] })
    expect(id.tid).toBeUndefined()
    expect(decodeJwt(json.access_token as string)).toMatchObject({ iss: issuer, tfp: DEMO_B2C_POLICY, scp: 'Notes.Read' })
  })

  it('refuses in B2C words: an unregistered redirect URI is AADB2C90006, not AADSTS50011', async () => {
    const tenant = await newTenant({ now: clock().now, redirectUris: [REDIRECT] })
    const out = tenant.beginAuthorize(
      authorizeAt(B2C_BASE, { redirectUri: 'https://app.example/other/redirect.html', challenge: 'x'.repeat(43) }),
    )
    expect(out.kind).toBe('error_page')
    if (out.kind !== 'error_page') return
    expect(out.code).toBe('AADB2C90006')
    expect(out.description).toMatch(/^AADB2C90006: .*\r\nCorrelation ID: /)
    // The same mistake at the Entra shape keeps Entra's number.
    const entra = tenant.beginAuthorize(msalAuthorizeUrl({ redirectUri: 'https://app.example/other/redirect.html' }))
    expect(entra.kind === 'error_page' && entra.code).toBe('AADSTS50011')
  })

  it('answers as Entra External ID by name and by ID, always with the GUID-based ciamlogin.com issuer', async () => {
    const tenant = await newTenant({ now: clock().now })
    const issuer = `https://${DEMO_TENANT_ID}.ciamlogin.com/${DEMO_TENANT_ID}/v2.0`
    for (const base of [CIAM_NAME_BASE, CIAM_ID_BASE]) {
      const disc = await get(tenant, `${base}/v2.0/.well-known/openid-configuration`)
      expect(disc.json.issuer).toBe(issuer)
      expect(disc.json.authorization_endpoint).toBe(`${base}/oauth2/v2.0/authorize`)
      const flow = await signInAt(tenant, base, 'openid profile offline_access User.Read')
      const { status, json } = await flow.post(base)
      expect(status).toBe(200)
      expect(decodeJwt(json.id_token as string)).toMatchObject({ iss: issuer, tid: DEMO_TENANT_ID, ver: '2.0' })
    }
    // External ID has no common/organizations, and another tenant's name is not ours.
    expect((await get(tenant, `https://${DEMO_CIAM_NAME}.ciamlogin.com/common/v2.0/.well-known/openid-configuration`)).status).toBe(400)
    expect(
      (await get(tenant, `https://${DEMO_CIAM_NAME}.ciamlogin.com/other.onmicrosoft.com/v2.0/.well-known/openid-configuration`)).status,
    ).toBe(400)
  })

  it('matches B2C policy names case-insensitively (MSAL lower-cases the authority) and reports the registered spelling in tfp', async () => {
    const tenant = await newTenant({ now: clock().now })
    const lower = `https://${DEMO_B2C_NAME}.b2clogin.com/${DEMO_B2C_NAME}.onmicrosoft.com/${DEMO_B2C_POLICY.toLowerCase()}`
    const flow = await signInAt(tenant, lower, `openid offline_access ${DEMO_API_SCOPE}`)
    const { json } = await flow.post(lower)
    expect(decodeJwt(json.id_token as string).tfp).toBe(DEMO_B2C_POLICY)
  })

  it('leaves other hosts alone', async () => {
    const tenant = await newTenant({ now: clock().now })
    expect(
      (
        await get(
          tenant,
          `https://someone-else.b2clogin.com/someone-else.onmicrosoft.com/${DEMO_B2C_POLICY}/v2.0/.well-known/openid-configuration`,
        )
      ).status,
    ).toBe(404)
  })
})
