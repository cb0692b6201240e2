/**
 * One test per analysis rule of issue 10, on entries built from the specs (RFC 6749, 7009, 7662,
 * 8628, 9126, 9449, OIDC Core / RP-Initiated Logout) and the IdPs' published error shapes.
 */
import { describe, expect, it } from 'vitest'
import { mkEntry } from '../har/test-entry.ts'
import { classifyEntry, settleUserinfo } from './classify.ts'
import { analyzeFlows } from './detect.ts'
import { explainStepError } from './errors.ts'
import { APP, authorizeUrl, IDP, jwt, kinds, stepLine, tokenCall } from './test-kit.ts'

describe('rule 6: no invented flows or steps', () => {
  it('a code= and state= on a URL no authorization request points to is not a callback', () => {
    const a = analyzeFlows([
      mkEntry({ url: `${APP}/cb?code=C1&state=S1` }),
      mkEntry({ url: 'https://shop.example/login', location: `https://shop.example/return?code=X&state=Y` }),
    ])
    expect(a.flows).toEqual([])
  })
  it('a flow whose state comes back wrong stops there with the finding and gets no inferred token call', () => {
    const a = analyzeFlows([
      mkEntry({ url: authorizeUrl({ code_challenge: '' }), location: `${APP}/cb?code=C1&state=EVIL` }),
      mkEntry({ url: `${APP}/cb?code=C1&state=EVIL`, location: `${APP}/`, at: 1 }),
    ])
    expect(stepLine(a.flows[0])).toBe('authorize callback')
    expect(a.flows[0]?.findings.map((f) => f.code)).toContain('state_not_echoed')
  })
  it('infers a server-side redemption only at a server route without a browser token call', () => {
    // form_post POST at the server: inferred.
    expect(
      kinds([
        mkEntry({ url: authorizeUrl({ response_mode: 'form_post' }) }),
        mkEntry({ url: `${APP}/cb`, form: { code: 'C', state: 'st-1' }, location: `${APP}/`, at: 1 }),
      ]),
    ).toEqual([['authorize', 'callback', 'token*']])
    // A PKCE SPA's 200 page at the redirect URI and no token call: nothing inferred.
    expect(
      kinds([
        mkEntry({ url: authorizeUrl(), location: `${APP}/cb?code=C&state=st-1` }),
        mkEntry({ url: `${APP}/cb?code=C&state=st-1`, at: 1 }),
      ]),
    ).toEqual([['authorize', 'callback']])
    // A browser token call for the code: nothing inferred.
    expect(
      kinds([
        mkEntry({ url: authorizeUrl({ code_challenge: '' }), location: `${APP}/cb?code=C&state=st-1` }),
        mkEntry({ url: `${APP}/cb?code=C&state=st-1`, at: 1 }),
        tokenCall({ grant_type: 'authorization_code', code: 'C', client_id: 'client-1' }, { access_token: jwt('A') }, { at: 2 }),
      ]),
    ).toEqual([['authorize', 'callback', 'token']])
  })
  it('API calls, discovery and JWKS alone are not a flow', () => {
    const a = analyzeFlows([
      mkEntry({ url: 'https://api.example/x', reqHeaders: { Authorization: `Bearer ${jwt('Z')}` }, json: {} }),
      mkEntry({ url: 'https://login.example.com/.well-known/openid-configuration', json: { issuer: 'https://login.example.com' } }),
      mkEntry({ url: 'https://news.example/account/logout', at: 3 }),
    ])
    expect(a.flows).toEqual([])
  })
})

describe('rule 8: interleaved flows are separated by values, never by time', () => {
  it('two tabs of one app: callbacks and redemptions follow state and code', () => {
    const a = analyzeFlows([
      mkEntry({ url: authorizeUrl({ state: 'A', code_challenge: 'ca' }), location: `${APP}/cb?code=CA&state=A` }),
      mkEntry({ url: authorizeUrl({ state: 'B', code_challenge: 'cb' }), location: `${APP}/cb?code=CB&state=B`, at: 1 }),
      mkEntry({ url: `${APP}/cb?code=CB&state=B`, at: 2 }),
      mkEntry({ url: `${APP}/cb?code=CA&state=A`, at: 3 }),
      tokenCall({ grant_type: 'authorization_code', client_id: 'client-1', code: 'CB' }, { access_token: jwt('B') }, { at: 4 }),
      tokenCall({ grant_type: 'authorization_code', client_id: 'client-1', code: 'CA' }, { access_token: jwt('A') }, { at: 5 }),
    ])
    expect(a.flows.map((f) => [f.state, f.steps.map((s) => `${s.kind}:${s.request.code ?? s.response.code ?? ''}`)])).toEqual([
      ['A', ['authorize:CA', 'callback:CA', 'token:CA']],
      ['B', ['authorize:CB', 'callback:CB', 'token:CB']],
    ])
  })
  it('a retry with the same state but a new PKCE challenge is another flow', () => {
    expect(
      analyzeFlows([
        mkEntry({ url: authorizeUrl({ code_challenge: 'one' }) }),
        mkEntry({ url: authorizeUrl({ code_challenge: 'two' }), at: 1 }),
      ]).flows,
    ).toHaveLength(2)
  })
  it('a stateless callback that two pending requests could answer joins neither', () => {
    const a = analyzeFlows([
      mkEntry({ url: authorizeUrl({ state: '', code_challenge: 'x1' }) }),
      mkEntry({ url: authorizeUrl({ state: '', code_challenge: 'x2' }), at: 1 }),
      mkEntry({ url: `${APP}/cb?code=Z`, at: 2 }),
    ])
    expect(a.flows.map((f) => f.steps.map((s) => s.kind))).toEqual([['authorize'], ['authorize']])
  })
  it('an API call belongs to the flow whose token it presents, not the nearest in time', () => {
    const a = analyzeFlows([
      tokenCall({ grant_type: 'client_credentials', client_id: 'one', client_secret: 's' }, { access_token: jwt('1') }),
      tokenCall({ grant_type: 'client_credentials', client_id: 'two', client_secret: 's' }, { access_token: jwt('2') }, { at: 1 }),
      mkEntry({ url: 'https://api.example/x', reqHeaders: { Authorization: `Bearer ${jwt('1')}` }, at: 2 }),
      // A token no flow issued, right after flow two: it joins nothing.
      mkEntry({ url: 'https://api.example/y', reqHeaders: { Authorization: `Bearer ${jwt('9')}` }, at: 3 }),
    ])
    expect(a.flows.map((f) => [f.clientId, f.steps.map((s) => s.kind)])).toEqual([
      ['one', ['token', 'api']],
      ['two', ['token']],
    ])
  })
})

describe('rule 2: every place a token appears, one entry per (place, token), linked by value', () => {
  it('lists response body, Bearer and DPoP headers, fragment, refresh body, id_token_hint, revocation, introspection and callback cookies', () => {
    const a = analyzeFlows([
      mkEntry({
        url: authorizeUrl({ response_type: 'code id_token', response_mode: 'fragment' }),
        location: `${APP}/cb#code=C1&id_token=${jwt('I0')}&state=st-1`,
      }),
      mkEntry({ url: `${APP}/cb?code=C1&state=st-1`, resHeaders: { 'Set-Cookie': 'session=abc123; Path=/; HttpOnly' }, at: 1 }),
      tokenCall(
        { grant_type: 'authorization_code', client_id: 'client-1', code: 'C1' },
        { access_token: jwt('A'), id_token: jwt('I'), refresh_token: 'RT1' },
        { at: 2 },
      ),
      mkEntry({ url: 'https://api.example/a', reqHeaders: { Authorization: `Bearer ${jwt('A')}` }, at: 3 }),
      mkEntry({ url: 'https://api.example/b', reqHeaders: { Authorization: `DPoP ${jwt('A')}`, DPoP: 'proof' }, at: 4 }),
      tokenCall({ grant_type: 'refresh_token', client_id: 'client-1', refresh_token: 'RT1' }, { access_token: jwt('A2') }, { at: 5 }),
      mkEntry({ url: `${IDP}/introspect`, form: { token: jwt('A2'), token_type_hint: 'access_token' }, json: { active: true }, at: 6 }),
      mkEntry({ url: `${IDP}/revoke`, form: { token: 'RT1', token_type_hint: 'refresh_token', client_id: 'client-1' }, json: {}, at: 7 }),
      mkEntry({ url: `${IDP}/logout?id_token_hint=${jwt('I')}&post_logout_redirect_uri=${encodeURIComponent(APP)}`, at: 8 }),
    ])
    expect(a.flows).toHaveLength(1)
    const t = a.flows[0]!.tokens
    const places = t.map((x) => `${x.kind}@${x.place}${x.scheme ? `:${x.scheme}` : ''}`)
    for (const p of [
      'code@redirect_fragment',
      'id_token@redirect_fragment',
      'code@callback_query',
      'session_cookie@cookie',
      'code@token_request',
      'access_token@token_response',
      'id_token@token_response',
      'refresh_token@token_response',
      'access_token@authorization_header:Bearer',
      'access_token@authorization_header:DPoP',
      'refresh_token@refresh_request',
      'access_token@introspection',
      'refresh_token@revocation',
      'id_token_hint@id_token_hint',
    ])
      expect(places).toContain(p)
    // The same access token in the body and two headers: three entries, one value, linked.
    const at = t.filter((x) => x.value === jwt('A'))
    expect(at.map((x) => x.place)).toEqual(['token_response', 'authorization_header', 'authorization_header'])
    expect(new Set(at.map((x) => x.valueId)).size).toBe(1)
    expect(at.every((x) => x.occurrences === 3 && x.entryIndex !== null)).toBe(true)
    expect(at[1]?.entryIndex).toBe(3)
  })
})

describe('rule 3: more steps and every form of error', () => {
  it('PAR then authorize by request_uri is one flow', () => {
    expect(
      kinds([
        mkEntry({
          url: `${IDP}/par`,
          form: {
            client_id: 'c',
            response_type: 'code',
            redirect_uri: `${APP}/cb`,
            state: 's',
            code_challenge: 'x',
            code_challenge_method: 'S256',
          },
          json: { request_uri: 'urn:ietf:params:oauth:request_uri:abc', expires_in: 60 },
          status: 201,
        }),
        mkEntry({
          url: `${IDP}/authorize?client_id=c&request_uri=${encodeURIComponent('urn:ietf:params:oauth:request_uri:abc')}`,
          location: `${APP}/cb?code=C&state=s`,
          at: 1,
        }),
        tokenCall(
          { grant_type: 'authorization_code', client_id: 'c', code: 'C', code_verifier: 'v' },
          { access_token: 'opaque' },
          { at: 2 },
        ),
      ]),
    ).toEqual([['par', 'authorize', 'token']])
  })
  it('device authorization with polling (authorization_pending, then tokens) is one flow', () => {
    const poll = (at: number, json: unknown, status = 400) =>
      tokenCall({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: 'c', device_code: 'DC' }, json, { status, at })
    const a = analyzeFlows([
      mkEntry({
        url: `${IDP}/devicecode`,
        form: { client_id: 'c', scope: 'openid' },
        json: { device_code: 'DC', user_code: 'ABCD', verification_uri: 'https://microsoft.com/devicelogin', interval: 5 },
      }),
      poll(5, { error: 'authorization_pending' }),
      poll(10, { error: 'slow_down' }),
      poll(15, { access_token: jwt('D') }, 200),
    ])
    expect(a.flows).toHaveLength(1)
    expect(a.flows[0]?.kind).toBe('device_code')
    expect(a.flows[0]?.steps.map((s) => s.error?.error ?? s.kind)).toEqual([
      'device_authorization',
      'authorization_pending',
      'slow_down',
      'token',
    ])
  })
  it('reads JSON /token errors and error= on the redirect', () => {
    const a = analyzeFlows([
      mkEntry({
        url: authorizeUrl(),
        location: `${APP}/cb?error=access_denied&error_description=${encodeURIComponent('AADSTS65004: User declined to consent')}&state=st-1`,
      }),
      tokenCall(
        { grant_type: 'client_credentials', client_id: 'x', client_secret: 's' },
        {
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret provided.',
          error_codes: [7000215],
          correlation_id: '11111111-2222-3333-4444-555555555555',
        },
        { status: 401, at: 1 },
      ),
    ])
    const errors = a.flows.flatMap((f) => f.steps.filter((s) => s.error).map((s) => s.error))
    expect(errors).toEqual([
      expect.objectContaining({ error: 'access_denied', code: '65004', source: 'redirect' }),
      expect.objectContaining({
        error: 'invalid_client',
        code: '7000215',
        source: 'json',
        correlationId: '11111111-2222-3333-4444-555555555555',
      }),
    ])
  })
  it("reads Entra's 200 HTML error page (AADSTS code, correlation data) and explains it from the catalogue", async () => {
    const page = `<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body><div id="error">
      <p>Sorry, but we’re having trouble signing you in.</p>
      <p>AADSTS50011: The redirect URI 'https://app.example/wrong' specified in the request does not match the redirect URIs configured for the application.</p>
      <table><tr><td>Request Id: 9a1b2c3d-0000-4000-8000-000000000001</td></tr><tr><td>Correlation ID: 0f0e0d0c-1111-4222-8333-444455556666</td></tr><tr><td>Timestamp: 2026-01-15T09:00:02Z</td></tr></table></div></body></html>`
    const a = analyzeFlows([mkEntry({ url: authorizeUrl({ redirect_uri: `${APP}/wrong` }), body: page, mime: 'text/html; charset=utf-8' })])
    const err = a.flows[0]?.steps[0]?.error
    expect(err).toMatchObject({
      error: 'entra_error_page',
      source: 'html',
      code: '50011',
      correlationId: '0f0e0d0c-1111-4222-8333-444455556666',
      traceId: '9a1b2c3d-0000-4000-8000-000000000001',
      timestamp: '2026-01-15T09:00:02Z',
    })
    expect(err?.description).toMatch(/^The redirect URI/)
    expect(a.flows[0]?.findings.map((f) => f.code)).toContain('error_response')
    const explained = await explainStepError(err!)
    expect(explained[0]?.code).toBe('AADSTS50011')
    expect(explained[0]?.cause.length).toBeGreaterThan(10)
  })
  it('reads B2C (AADB2C) and Okta (errorCode E0000…) error pages', () => {
    const b2c = analyzeFlows([
      mkEntry({
        url: authorizeUrl(),
        method: 'GET',
        body: '<html><body><p>AADB2C90118: The user has forgotten their password.</p><p>Correlation ID: 0f0e0d0c-1111-4222-8333-444455556666</p></body></html>',
      }),
    ])
    expect(b2c.flows[0]?.steps[0]?.error).toMatchObject({ error: 'b2c_error_page', idpCode: 'AADB2C90118', source: 'html' })
    const okta = analyzeFlows([
      mkEntry({
        url: authorizeUrl(),
        body: '<html><script>var err = {"errorCode":"E0000022","errorSummary":"The endpoint does not support the provided HTTP method","errorId":"oaeXyz123"};</script></html>',
      }),
    ])
    expect(okta.flows[0]?.steps[0]?.error).toMatchObject({ error: 'okta_error_page', idpCode: 'E0000022', correlationId: 'oaeXyz123' })
  })
  it('an end-session with id_token_hint joins the flow that issued that ID token', () => {
    const a = analyzeFlows([
      tokenCall({ grant_type: 'refresh_token', client_id: 'c', refresh_token: 'R' }, { id_token: jwt('X') }),
      tokenCall({ grant_type: 'refresh_token', client_id: 'c', refresh_token: 'R2' }, { id_token: jwt('Y') }, { at: 1 }),
      mkEntry({ url: `${IDP}/logout?id_token_hint=${jwt('X')}`, at: 2 }),
    ])
    expect(a.flows.map((f) => f.steps.map((s) => s.kind))).toEqual([['refresh', 'logout'], ['refresh']])
  })
})

describe('rule 7: client type and grant per flow', () => {
  it('public: PKCE and a browser token call without client authentication', () => {
    const a = analyzeFlows([
      mkEntry({ url: authorizeUrl(), location: `${APP}/cb?code=C&state=st-1` }),
      tokenCall(
        { grant_type: 'authorization_code', client_id: 'client-1', code: 'C', code_verifier: 'v' },
        { access_token: 'x' },
        { at: 1 },
      ),
    ])
    expect(a.flows[0]?.client).toMatchObject({ type: 'public', grant: 'authorization_code' })
  })
  it('confidential: a client_assertion, a Basic secret, or a server-side redemption', () => {
    const assertion = analyzeFlows([
      tokenCall(
        {
          grant_type: 'client_credentials',
          client_id: 'c',
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: jwt('CA'),
        },
        { access_token: 'x' },
      ),
    ])
    expect(assertion.flows[0]?.client).toMatchObject({
      type: 'confidential',
      grant: 'client_credentials',
      evidence: [expect.stringMatching(/client_assertion/)],
    })
    const basic = analyzeFlows([
      tokenCall({ grant_type: 'client_credentials' }, { access_token: 'x' }, { reqHeaders: { Authorization: 'Basic Yzpz' } }),
    ])
    expect(basic.flows[0]?.client.type).toBe('confidential')
    const server = analyzeFlows([
      mkEntry({ url: authorizeUrl({ response_mode: 'form_post' }) }),
      mkEntry({ url: `${APP}/cb`, form: { code: 'C', state: 'st-1' }, location: `${APP}/`, at: 1 }),
    ])
    expect(server.flows[0]?.client).toMatchObject({ type: 'confidential', evidence: [expect.stringMatching(/server-side/)] })
  })
})

describe('userinfo: the userinfo_endpoint of the capture’s discovery document, the path as fallback', () => {
  const GOOGLE = 'https://accounts.google.com'
  const googleFlow = (userinfoUrl: string, discovery = true, extra: Parameters<typeof mkEntry>[0] = { url: userinfoUrl }) => [
    ...(discovery
      ? [
          mkEntry({
            url: `${GOOGLE}/.well-known/openid-configuration`,
            json: {
              issuer: GOOGLE,
              authorization_endpoint: `${GOOGLE}/o/oauth2/v2/auth`,
              token_endpoint: 'https://oauth2.googleapis.com/token',
              userinfo_endpoint: 'https://openidconnect.googleapis.com/v1/userinfo',
            },
          }),
        ]
      : []),
    mkEntry({
      url: `https://oauth2.googleapis.com/token`,
      form: { grant_type: 'authorization_code', client_id: 'g1', code: 'GC', code_verifier: 'v' },
      json: { access_token: 'ya29.opaque-token', id_token: jwt('G') },
      at: 1,
    }),
    mkEntry({ ...extra, reqHeaders: { Authorization: 'Bearer ya29.opaque-token', ...extra.reqHeaders }, json: { sub: '1234' }, at: 2 }),
  ]
  const userinfoSteps = (entries: ReturnType<typeof mkEntry>[]) =>
    analyzeFlows(entries).flows.flatMap((f) => f.steps.filter((s) => s.kind === 'userinfo').map((s) => `${s.label} ${s.url}`))

  it('a call at the discovery document’s userinfo_endpoint is userinfo wherever it is served (Google’s /v1/userinfo on another host)', () => {
    const a = analyzeFlows(googleFlow('https://openidconnect.googleapis.com/v1/userinfo'))
    // (The discovery document is at accounts.google.com, the token endpoint at oauth2.googleapis.com:
    // different hosts, so it joins no flow.)
    expect(a.flows.map((f) => f.steps.map((s) => s.kind))).toEqual([['token', 'userinfo']])
    expect(a.flows[0]?.steps[1]?.label).toBe('UserInfo request')
  })
  it.each([
    ['oidc-provider', 'https://op.example/me'],
    ['PingFederate', 'https://op.example/idp/userinfo.openid'],
  ])('an endpoint whose path the fallback misses (%s) is userinfo by the discovery document only', (_name, endpoint) => {
    const entries = (discovery: boolean) => [
      ...(discovery
        ? [
            mkEntry({
              url: 'https://op.example/.well-known/openid-configuration',
              json: { issuer: 'https://op.example', userinfo_endpoint: endpoint },
            }),
          ]
        : []),
      mkEntry({
        url: 'https://op.example/token',
        form: { grant_type: 'client_credentials', client_id: 'c' },
        json: { access_token: 'AT-me-123' },
        at: 1,
      }),
      mkEntry({ url: `${endpoint}?schema=openid`, reqHeaders: { Authorization: 'Bearer AT-me-123' }, json: { sub: 's' }, at: 2 }),
      // Same host, other path: still an API call.
      mkEntry({ url: `${endpoint}/photo`, reqHeaders: { Authorization: 'Bearer AT-me-123' }, json: {}, at: 3 }),
    ]
    expect(analyzeFlows(entries(true)).flows[0]?.steps.map((s) => s.kind)).toEqual(['discovery', 'token', 'userinfo', 'api'])
    expect(analyzeFlows(entries(false)).flows[0]?.steps.map((s) => s.kind)).toEqual(['token', 'api', 'api'])
  })
  it('a POST with the access token in its form body (OIDC Core §5.3.1) is userinfo, not a callback', () => {
    const entries = [
      mkEntry({
        url: 'https://op.example/.well-known/openid-configuration',
        json: { issuer: 'https://op.example', userinfo_endpoint: 'https://op.example/oauth/profile' },
      }),
      mkEntry({ url: 'https://op.example/oauth/profile', form: { access_token: 'AT-form' }, json: { sub: 's' }, at: 1 }),
    ]
    const steps = entries.map((e, i) => classifyEntry(e, i, i))
    expect(steps.map((s) => s.kind)).toEqual(['discovery', 'callback'])
    settleUserinfo(steps)
    expect(steps.map((s) => s.kind)).toEqual(['discovery', 'userinfo'])
    expect(steps[1]).not.toHaveProperty('responseMode')
    expect(steps[1]?.request).toEqual({})
  })
  it('keeps the path rule as a fallback and never matches another path, host or scheme', () => {
    expect(userinfoSteps(googleFlow('https://idp.example/oauth2/v1/userinfo', false))).toEqual([
      'UserInfo request https://idp.example/oauth2/v1/userinfo',
    ])
    for (const other of [
      'https://openidconnect.googleapis.com/v1/userinfo2',
      'https://openidconnect.googleapis.com/v1',
      'http://openidconnect.googleapis.com/v2/userinfo-x',
      'https://evil.example/v1/user',
    ]) {
      expect(userinfoSteps(googleFlow(other)), other).toEqual([])
    }
  })
})
