import { describe, expect, it } from 'vitest'
import { DEMO_CLIENT_ID, DEMO_TENANT_ID } from './types.ts'
import { REDIRECT, clock, msalAuthorizeUrl, pkcePair, signInAndRedeem, tokenPost, newTenant } from './demo-client.test-support.ts'

describe('demo tenant: response modes, logout and refresh edge cases', () => {
  it("returns the code in the query for response_mode=query (Entra's default for code)", async () => {
    const tenant = await newTenant({ now: clock().now })
    const { challenge } = await pkcePair()
    const begun = tenant.beginAuthorize(
      msalAuthorizeUrl({ challenge, redirectUri: `${REDIRECT}?from=app`, extra: { response_mode: 'query' } }),
    )
    if (begun.kind !== 'prompt') throw new Error('prompt expected')
    const done = await tenant.completeAuthorize(begun.prompt.sessionId, { userId: tenant.users[0]?.id ?? '', consent: true })
    if (done.kind !== 'redirect') throw new Error('redirect expected')
    const url = new URL(done.url)
    expect(url.hash).toBe('')
    expect(url.searchParams.get('from')).toBe('app')
    expect(url.searchParams.get('code')).toMatch(/^1\.A/)
  })

  it('describes a form_post answer as fields to post, and handle() renders it as a form page', async () => {
    const tenant = await newTenant({ now: clock().now })
    const { challenge } = await pkcePair()
    const begun = tenant.beginAuthorize(msalAuthorizeUrl({ challenge, state: 's<&>', extra: { response_mode: 'form_post' } }))
    if (begun.kind !== 'prompt') throw new Error('prompt expected')
    const done = await tenant.completeAuthorize(begun.prompt.sessionId, { userId: tenant.users[0]?.id ?? '', consent: true })
    expect(done.kind === 'redirect' && done.url).toBe(REDIRECT)
    expect(done.kind === 'redirect' && Object.keys(done.form ?? {})).toEqual(['code', 'client_info', 'state', 'session_state'])
    const page = await tenant.handle({
      method: 'GET',
      url: msalAuthorizeUrl({ challenge, extra: { response_mode: 'form_post' } }),
      headers: {},
    })
    const session = /name="session" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
    const posted = await tenant.handle({
      method: 'POST',
      url: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/login`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ session, user: tenant.users[0]?.id ?? '', consent: 'accept' }).toString(),
    })
    expect(posted.status).toBe(200)
    expect(posted.body).toContain(`<form method="post" action="${REDIRECT}">`)
    expect(posted.body).toContain('name="code"')
  })

  it('logout to an unregistered URI shows the signed-out page instead of redirecting', async () => {
    const tenant = await newTenant({ now: clock().now, redirectUris: [REDIRECT] })
    const res = await tenant.handle({
      method: 'GET',
      url: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('https://evil.example/')}`,
      headers: {},
    })
    expect(res.status).toBe(200)
    expect(res.headers.location).toBeUndefined()
    expect(res.body).toContain('Signed out of the demo tenant')
  })

  it('keeps a used refresh token valid (Entra does not revoke on use) and refuses one from another client', async () => {
    const tenant = await newTenant({ now: clock().now, clientIds: [DEMO_CLIENT_ID, '22222222-3333-4444-8555-666666666666'] })
    const first = await signInAndRedeem(tenant)
    const rt = String(first.json.refresh_token)
    const body = { client_id: DEMO_CLIENT_ID, grant_type: 'refresh_token', refresh_token: rt, scope: 'openid profile offline_access' }
    expect((await tokenPost(tenant, body)).res.status).toBe(200)
    expect((await tokenPost(tenant, body)).res.status).toBe(200)
    const other = await tokenPost(tenant, { ...body, client_id: '22222222-3333-4444-8555-666666666666' })
    expect(other.json).toMatchObject({ error: 'invalid_grant', error_codes: [70000] })
    const junk = await tokenPost(tenant, { ...body, refresh_token: 'not-a-token' })
    expect(junk.json).toMatchObject({ error: 'invalid_request', error_codes: [9002313] })
  })

  it('userinfo returns email only when the Graph token carries the email scope, and rejects expired tokens', async () => {
    const c = clock()
    const tenant = await newTenant({ now: c.now })
    const { json } = await signInAndRedeem(tenant)
    const auth = { authorization: `Bearer ${String(json.access_token)}` }
    const ui = await tenant.handle({ method: 'GET', url: 'https://graph.microsoft.com/oidc/userinfo', headers: auth })
    expect(JSON.parse(ui.body)).toMatchObject({ name: 'Nora Lindqvist', email: 'nora@tokenlensdemo.onmicrosoft.com' })
    c.advance(6 * 3600)
    const late = await tenant.handle({ method: 'GET', url: 'https://graph.microsoft.com/v1.0/me', headers: auth })
    expect(late.status).toBe(401)
    expect(late.body).toContain('expired')
  })
})
