/**
 * The capturing network client with the real demo tenant behind it (Node has WebCrypto, so the
 * emulator signs real RS256 tokens here): every call MSAL would make is answered and recorded
 * as a HAR entry with its step, origin and error.
 */
import { describe, expect, it } from 'vitest'
import { createCapturingNetworkClient } from './network-client.ts'
import { isDemoTenantUrl } from './demo-edge.ts'
import { DEMO_CLIENT_ID, DEMO_TENANT_ID } from '../../core/demo-tenant/types.ts'
import type { CapturedEntry } from '../../core/capture/types.ts'

const BASE = `https://login.microsoftonline.com/${DEMO_TENANT_ID}`

describe('capturing network client', () => {
  it('answers from the demo tenant and records simulated HAR entries', async () => {
    const recorded: CapturedEntry[] = []
    const client = createCapturingNetworkClient({ demo: true, record: (e) => recorded.push(e) })
    const discovery = await client.sendGetRequestAsync<{ issuer: string; jwks_uri: string }>(
      `${BASE}/v2.0/.well-known/openid-configuration`,
    )
    expect(discovery.status).toBe(200)
    expect(discovery.body.issuer).toBe(`${BASE}/v2.0`)
    const keys = await client.sendGetRequestAsync<{ keys: { kty: string }[] }>(discovery.body.jwks_uri)
    expect(keys.body.keys[0]?.kty).toBe('RSA')
    expect(recorded.map((e) => [e._oauth.step, e._oauth.origin])).toEqual([
      ['discovery', 'simulated'],
      ['jwks', 'simulated'],
    ])
    expect(recorded[0]?.response.content.text).toContain('"issuer"')
  })

  it('records a failed token request with its OAuth error and AADSTS code', async () => {
    const recorded: CapturedEntry[] = []
    const client = createCapturingNetworkClient({ demo: true, record: (e) => recorded.push(e) })
    const response = await client.sendPostRequestAsync<{ error: string }>(`${BASE}/oauth2/v2.0/token`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `client_id=${DEMO_CLIENT_ID}&grant_type=authorization_code&code=nope&code_verifier=v&redirect_uri=${encodeURIComponent('https://app.example/redirect.html')}`,
    })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.body.error).toMatch(/^invalid_/)
    const [entry] = recorded
    expect(entry?._oauth.step).toBe('token')
    expect(entry?._oauth.grantType).toBe('authorization_code')
    expect(entry?._oauth.error?.error).toBe(response.body.error)
    expect(entry?._oauth.error?.code).toMatch(/^AADSTS\d+$/)
  })

  it('holds a request until beforeSend resolves (the step-through pause before /token)', async () => {
    let release: () => void = () => undefined
    const recorded: CapturedEntry[] = []
    const client = createCapturingNetworkClient({
      demo: true,
      record: (e) => recorded.push(e),
      beforeSend: () => new Promise<void>((r) => (release = r)),
    })
    const pending = client.sendGetRequestAsync(`${BASE}/v2.0/.well-known/openid-configuration`)
    await new Promise((r) => setTimeout(r, 20))
    expect(recorded).toHaveLength(0)
    release()
    await pending
    expect(recorded).toHaveLength(1)
  })

  it('knows which URLs the demo tenant answers', () => {
    expect(isDemoTenantUrl(`${BASE}/discovery/v2.0/keys`)).toBe(true)
    expect(isDemoTenantUrl('https://login.microsoftonline.com/common/discovery/v2.0/keys')).toBe(false)
    expect(isDemoTenantUrl(`http://login.microsoftonline.com/${DEMO_TENANT_ID}/x`)).toBe(false)
  })
})
