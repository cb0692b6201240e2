/**
 * Azure AD B2C serves discovery and keys per policy. A B2C-shaped token (minted by the demo
 * tenant in its B2C shape, served by the same tenant) must verify through the policy's
 * discovery document named by its tfp/acr claim, with the document's issuer checked.
 */
import { describe, expect, it } from 'vitest'
import { SignJWT, decodeJwt, importJWK } from 'jose'
import { inspectToken } from './inspect.ts'
import { b2cDiscoveryUrl } from './discovery-url.ts'
import { DEMO_API_SCOPE, DEMO_TENANT_ID } from '../demo-tenant/types.ts'
import { DEMO_B2C_NAME, DEMO_B2C_POLICY } from '../demo-tenant/shapes.ts'
import {
  START,
  clock,
  codeRedemption,
  fragmentParams,
  msalAuthorizeUrl,
  newTenant,
  pkcePair,
} from '../demo-tenant/demo-client.test-support.ts'
import type { DemoTenant } from '../demo-tenant/types.ts'

const HOST = `${DEMO_B2C_NAME}.b2clogin.com`
const BASE = `https://${HOST}/${DEMO_B2C_NAME}.onmicrosoft.com/${DEMO_B2C_POLICY}`
const ISS = `https://${HOST}/${DEMO_TENANT_ID}/v2.0/`

async function b2cIdToken(tenant: DemoTenant): Promise<string> {
  const { verifier, challenge } = await pkcePair()
  const scope = `openid offline_access ${DEMO_API_SCOPE}`
  const begun = tenant.beginAuthorize(`${BASE}/oauth2/v2.0/authorize${new URL(msalAuthorizeUrl({ challenge, scope })).search}`)
  if (begun.kind !== 'prompt') throw new Error('no prompt')
  const done = await tenant.completeAuthorize(begun.prompt.sessionId, { userId: tenant.users[0]!.id, consent: true })
  if (done.kind !== 'redirect') throw new Error('no redirect')
  const res = await tenant.handle({
    method: 'POST',
    url: `${BASE}/oauth2/v2.0/token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(codeRedemption(fragmentParams(done.url).get('code')!, verifier, { scope })).toString(),
  })
  return (JSON.parse(res.body) as { id_token: string }).id_token
}

function fetcher(tenant: DemoTenant) {
  const requests: string[] = []
  return {
    requests,
    fetchJson: async (url: string) => {
      requests.push(url)
      const r = await tenant.handle({ method: 'GET', url, headers: {} })
      if (r.status !== 200) throw new Error(`HTTP ${r.status} for ${url}`)
      return JSON.parse(r.body) as unknown
    },
  }
}

describe('B2C keys per policy', () => {
  it('names the policy discovery URL from tfp, or from acr when the user flow emits that instead', () => {
    expect(b2cDiscoveryUrl(ISS, { tfp: 'B2C_1_susi' })).toBe(
      `https://${HOST}/${DEMO_TENANT_ID}/B2C_1_susi/v2.0/.well-known/openid-configuration`,
    )
    expect(b2cDiscoveryUrl(ISS, { acr: 'b2c_1a_signin' })).toBe(
      `https://${HOST}/${DEMO_TENANT_ID}/b2c_1a_signin/v2.0/.well-known/openid-configuration`,
    )
    // Entra's acr "1" is no policy; an Entra issuer is not B2C-shaped.
    expect(b2cDiscoveryUrl(ISS, { acr: '1' })).toBeNull()
    expect(b2cDiscoveryUrl(`https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0`, { acr: '1' })).toBeNull()
  })

  it('verifies a B2C user-flow ID token through its policy document, and shows that URL in the key chain', async () => {
    const tenant = await newTenant({ now: clock().now })
    const token = await b2cIdToken(tenant)
    expect(decodeJwt(token).iss).toBe(ISS)
    const idp = fetcher(tenant)
    const report = await inspectToken(token, { now: START, keys: { fetchJson: idp.fetchJson } })
    expect(report.signature.status).toBe('valid')
    const policyDoc = `https://${HOST}/${DEMO_TENANT_ID}/${DEMO_B2C_POLICY}/v2.0/.well-known/openid-configuration`
    expect(report.signature.chain.discoveryUrl).toBe(policyDoc)
    expect(idp.requests[0]).toBe(policyDoc)
    expect(report.findings.filter((f) => f.code === 'iss_mismatch')).toEqual([])
  })

  it('still checks that the policy document names the token issuer (OIDC Discovery §4.3)', async () => {
    const tenant = await newTenant({ now: clock().now })
    const token = await b2cIdToken(tenant)
    const idp = fetcher(tenant)
    // The same document, but naming another tenant's issuer: its keys do not vouch for this token.
    const other = async (url: string) => {
      const doc = (await idp.fetchJson(url)) as Record<string, unknown>
      return url.includes('openid-configuration') ? { ...doc, issuer: `https://${HOST}/11111111-2222-4333-8444-555555555555/v2.0/` } : doc
    }
    const report = await inspectToken(token, { now: START, keys: { fetchJson: other } })
    expect(report.findings.find((f) => f.code === 'iss_mismatch')).toBeDefined()
    expect(report.findings.find((f) => f.code === 'iss_mismatch')?.severity).toBe('error')
  })

  it('says why when a b2clogin.com token names no policy', async () => {
    const tenant = await newTenant({ now: clock().now })
    const real = decodeJwt(await b2cIdToken(tenant))
    const key = tenant.serialize().signingKey
    const { tfp: _tfp, ...noPolicy } = real
    const token = await new SignJWT(noPolicy)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .sign(await importJWK(key.privateJwk as never, 'RS256'))
    const report = await inspectToken(token, { now: START, keys: { fetchJson: fetcher(tenant).fetchJson } })
    expect(report.signature.status).toBe('unverifiable')
    expect(report.findings.find((f) => f.code === 'keys_unavailable')?.message).toMatch(/per policy/)
  })
})
