import { describe, expect, it } from 'vitest'
import { parseHar } from '../har/parse.ts'
import { sanitizeEntries } from '../har/sanitize.ts'
import { HAR_FIXTURES, toBase64 } from '../har/test-fixtures.ts'
import { mkEntry } from '../har/test-entry.ts'
import { analyzeFlows, flowEntries } from './detect.ts'
import { inspectorExpectations } from './tokens.ts'
import { inspectToken } from '../token/inspect.ts'
import { APP, authorizeUrl, IDP, jwt, kinds, stepLine, tokenCall } from './test-kit.ts'

describe('step kinds', () => {
  it('discovery, JWKS, authorize GET, redirect back with code, callback, token, userinfo, graph, api, logout', () => {
    const a = analyzeFlows([
      mkEntry({
        url: 'https://login.example.com/tenant/v2.0/.well-known/openid-configuration',
        json: { issuer: 'https://login.example.com/tenant/v2.0', token_endpoint: `${IDP}/token` },
      }),
      mkEntry({ url: 'https://login.example.com/tenant/discovery/v2.0/keys', json: { keys: [{ kty: 'RSA', kid: 'k1' }] }, at: 1 }),
      mkEntry({ url: authorizeUrl(), location: `${APP}/cb?code=C1&state=st-1`, at: 2 }),
      mkEntry({ url: `${APP}/cb?code=C1&state=st-1`, at: 3 }),
      tokenCall(
        { grant_type: 'authorization_code', client_id: 'client-1', code: 'C1', code_verifier: 'v' },
        { access_token: jwt('A'), id_token: jwt('I'), token_type: 'Bearer' },
        { at: 4 },
      ),
      mkEntry({
        url: 'https://graph.microsoft.com/oidc/userinfo',
        reqHeaders: { Authorization: `Bearer ${jwt('A')}` },
        json: { sub: 'x' },
        at: 5,
      }),
      mkEntry({ url: 'https://graph.microsoft.com/v1.0/me', reqHeaders: { Authorization: `Bearer ${jwt('A')}` }, json: {}, at: 6 }),
      mkEntry({ url: 'https://api.example/notes', reqHeaders: { authorization: `bearer ${jwt('A')}` }, json: [], at: 7 }),
      mkEntry({ url: `${IDP}/logout?post_logout_redirect_uri=${encodeURIComponent(APP)}&id_token_hint=${jwt('I')}`, location: APP, at: 8 }),
      mkEntry({ url: `${APP}/static/logo.png`, mime: 'image/png', at: 9 }),
    ])
    expect(a.flows).toHaveLength(1)
    const flow = a.flows[0]!
    expect(stepLine(flow)).toBe('discovery jwks authorize callback token userinfo graph api logout')
    expect(flow).toMatchObject({
      kind: 'authorization_code',
      clientId: 'client-1',
      redirectUri: `${APP}/cb`,
      state: 'st-1',
      nonce: 'n-1',
      issuer: 'https://login.example.com/tenant/v2.0',
    })
    expect(flow.jwks).toEqual({ keys: [{ kty: 'RSA', kid: 'k1' }] })
    expect(a.unrelatedCount).toBe(1)
    expect(flow.steps[2]).toMatchObject({ responseMode: 'query', response: { code: 'C1', state: 'st-1' } })
  })

  it('authorize POST and a form_post response page', () => {
    const html = `<form method="post" action="${APP}/cb"><input type="hidden" name="code" value="C2"/><input type="hidden" name="id_token" value="${jwt('F')}"/><input type="hidden" name="state" value="st-2"/></form>`
    const a = analyzeFlows([
      mkEntry({
        url: `${IDP}/authorize`,
        form: {
          client_id: 'c',
          redirect_uri: `${APP}/cb`,
          response_type: 'code id_token',
          response_mode: 'form_post',
          scope: 'openid',
          state: 'st-2',
          nonce: 'n2',
        },
        body: html,
        mime: 'text/html',
      }),
      mkEntry({ url: `${APP}/cb`, form: { code: 'C2', id_token: jwt('F'), state: 'st-2' }, location: `${APP}/`, at: 1 }),
    ])
    const [flow] = a.flows
    expect(flow?.kind).toBe('hybrid')
    expect(flow?.steps.map((s) => [s.kind, s.label, s.responseMode ?? ''])).toEqual([
      ['authorize', 'Authorization request (POST)', 'form_post'],
      ['callback', 'Callback at the redirect URI', 'form_post'],
      ['token', 'Token request (server-side, inferred)', ''],
    ])
    const id = flow?.tokens.find((t) => t.kind === 'id_token')
    // Hybrid: the ID token arrives with the code, so its c_hash is checked against it (OIDC Core §3.3.2.11).
    expect(id?.expected).toMatchObject({ clientId: 'c', nonce: 'n2', code: 'C2', responseType: 'code id_token', tokenType: 'id_token' })
    expect(id?.occurrences).toBe(2)
  })

  it('fragment redirect (Location) then a plain request at the redirect URI becomes the callback', () => {
    const a = analyzeFlows([
      mkEntry({
        url: authorizeUrl({ response_type: 'id_token token', code_challenge: '', redirect_uri: `${APP}/` }),
        location: `${APP}/#access_token=${jwt('T')}&id_token=${jwt('J')}&state=st-1`,
      }),
      mkEntry({ url: `${APP}/`, at: 1 }),
    ])
    const flow = a.flows[0]!
    expect(flow.kind).toBe('implicit')
    expect(stepLine(flow)).toBe('authorize callback')
    expect(flow.steps[0]?.responseMode).toBe('fragment')
    expect(flow.tokens.find((t) => t.kind === 'id_token')?.expected.accessToken).toBe(jwt('T'))
  })

  it('an error redirect through a login page (redirect_back) keeps the AADSTS code', () => {
    const a = analyzeFlows([
      mkEntry({ url: authorizeUrl(), body: '<html>login</html>' }),
      mkEntry({
        url: 'https://login.example.com/common/login',
        form: { login: 'u', passwd: 'p' },
        location: `${APP}/cb?error=access_denied&error_description=${encodeURIComponent('AADSTS65004: User declined to consent.')}&state=st-1`,
        at: 1,
      }),
    ])
    const step = a.flows[0]!.steps[1]!
    expect(step).toMatchObject({ kind: 'redirect_back', error: { error: 'access_denied', code: '65004' } })
    expect(step.redirectTo).toContain('/cb?error=')
  })

  it.each([
    [
      'client_credentials',
      { grant_type: 'client_credentials', client_id: 'svc', client_secret: 's' },
      'client_credentials',
      'Token request (client credentials)',
    ],
    [
      'on_behalf_of',
      {
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        client_id: 'mid',
        assertion: jwt('U'),
        requested_token_use: 'on_behalf_of',
        client_assertion: jwt('C'),
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      },
      'on_behalf_of',
      'Token request (on-behalf-of)',
    ],
    [
      'refresh_token',
      { grant_type: 'refresh_token', client_id: 'c', refresh_token: 'RT' },
      'refresh_token',
      'Token request (refresh token)',
    ],
    ['password', { grant_type: 'password', client_id: 'c', username: 'u', password: 'p' }, 'password', 'Token request (password)'],
  ])('token grant %s opens its own flow', (_name, form, kind, label) => {
    const a = analyzeFlows([tokenCall(form, { access_token: jwt('X'), token_type: 'Bearer' })])
    expect(a.flows[0]).toMatchObject({ kind })
    expect(a.flows[0]?.steps[0]?.label).toBe(label)
  })

  it('OBO lists the incoming assertion and the client assertion as tokens', () => {
    const a = analyzeFlows([
      tokenCall(
        {
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          client_id: 'mid',
          assertion: jwt('U'),
          requested_token_use: 'on_behalf_of',
          client_assertion: jwt('C'),
        },
        { access_token: jwt('D') },
      ),
    ])
    expect(a.flows[0]?.tokens.map((t) => t.kind)).toEqual(['client_assertion', 'assertion', 'access_token'])
    expect(a.flows[0]?.steps[0]?.clientAuth).toBe('private_key_jwt')
  })

  it('device code: authorization and every poll form one flow', () => {
    const a = analyzeFlows([
      mkEntry({
        url: `${IDP}/devicecode`,
        form: { client_id: 'tv', scope: 'openid' },
        json: { device_code: 'DC-1', user_code: 'ABCD', verification_uri: 'https://microsoft.com/devicelogin' },
      }),
      tokenCall(
        { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: 'tv', device_code: 'DC-1' },
        { error: 'authorization_pending' },
        { status: 400, at: 5 },
      ),
      tokenCall(
        { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: 'tv', device_code: 'DC-1' },
        { access_token: jwt('V') },
        { at: 10 },
      ),
    ])
    expect(a.flows).toHaveLength(1)
    expect(a.flows[0]?.kind).toBe('device_code')
    expect(stepLine(a.flows[0])).toBe('device_authorization token token')
  })

  it('SAML is recognised, named and not analysed', () => {
    const a = analyzeFlows([
      mkEntry({ url: 'https://idp.example/saml2?SAMLRequest=fZJRT&RelayState=r1' }),
      mkEntry({ url: 'https://sp.example/acs', form: { SAMLResponse: 'PHNhbWxwOlJlc3BvbnNl', RelayState: 'r1' }, at: 2 }),
    ])
    expect(a.flows).toHaveLength(1)
    expect(a.flows[0]).toMatchObject({ kind: 'saml', label: 'SAML sign-in' })
    expect(stepLine(a.flows[0])).toBe('saml saml')
    expect(a.flows[0]?.findings.map((f) => f.code)).toContain('saml_not_analysed')
  })
})

describe('grouping', () => {
  it('separates interleaved flows by state and joins each code redemption to its flow', () => {
    const a = analyzeFlows([
      mkEntry({ url: authorizeUrl({ state: 'A', client_id: 'one' }), location: `${APP}/cb?code=CA&state=A` }),
      mkEntry({ url: authorizeUrl({ state: 'B', client_id: 'two' }), location: `${APP}/cb?code=CB&state=B`, at: 1 }),
      tokenCall({ grant_type: 'authorization_code', client_id: 'one', code: 'CA' }, { access_token: jwt('1') }, { at: 2 }),
      tokenCall(
        { grant_type: 'authorization_code', client_id: 'two', code: 'CB' },
        { access_token: jwt('2'), refresh_token: 'RT-B' },
        { at: 3 },
      ),
      mkEntry({ url: 'https://api.example/x', reqHeaders: { Authorization: `Bearer ${jwt('1')}` }, at: 4 }),
      tokenCall({ grant_type: 'refresh_token', client_id: 'two', refresh_token: 'RT-B' }, { access_token: jwt('3') }, { at: 5 }),
    ])
    expect(a.flows.map((f) => [f.clientId, f.steps.map((s) => s.kind)])).toEqual([
      ['one', ['authorize', 'token', 'api']],
      ['two', ['authorize', 'token', 'refresh']],
    ])
  })

  it('a callback without state joins the flow with the same redirect URI; a PKCE page at the redirect URI infers no server redemption', () => {
    expect(kinds([mkEntry({ url: authorizeUrl({ state: '' }), body: 'login' }), mkEntry({ url: `${APP}/cb?code=Z`, at: 30 })])).toEqual([
      ['authorize', 'callback'],
    ])
    expect(
      kinds([
        mkEntry({ url: authorizeUrl({ state: '', code_challenge: '' }), body: 'login' }),
        mkEntry({ url: `${APP}/cb?code=Z`, at: 30 }),
      ]),
    ).toEqual([['authorize', 'callback', 'token*']])
  })

  it('keeps the file order stable when times are equal or missing, and respects _oauth origins', () => {
    const e1 = {
      ...mkEntry({ url: authorizeUrl(), location: `${APP}/cb?code=C1&state=st-1` }),
      startedDateTime: '',
      _oauth: { step: 'authorize', flowId: 'x', origin: 'simulated', redactions: [] },
    }
    const e2 = {
      ...tokenCall({ grant_type: 'authorization_code', client_id: 'client-1', code: 'C1' }, {}),
      startedDateTime: '',
    }
    const a = analyzeFlows([e1, e2])
    expect(a.flows[0]?.steps.map((s) => [s.kind, s.origin])).toEqual([
      ['authorize', 'simulated'],
      ['token', 'captured'],
    ])
  })

  it('flowEntries annotates steps and creates a placeholder for the inferred token call', () => {
    const entries = [
      mkEntry({ url: authorizeUrl(), location: `${APP}/cb?code=C9&state=st-1` }),
      mkEntry({ url: `${APP}/cb?code=C9&state=st-1`, location: `${APP}/`, at: 1 }),
    ]
    const a = analyzeFlows(entries)
    const annotated = flowEntries(a.flows[0]!, entries)
    expect(annotated.map((e) => [e._oauth.step, e._oauth.origin])).toEqual([
      ['authorize', 'captured'],
      ['callback', 'captured'],
      ['token', 'not_observed'],
    ])
    expect(annotated[2]?.request.url).toBe(`${IDP}/token`)
    expect(annotated[2]?.request.postData?.text).toContain('code=C9')
  })
})

describe('exporter variants give the same flow', () => {
  type Raw = {
    request: {
      postData?: { text?: string; params?: { name: string; value: string }[] }
      queryString?: unknown
      headers: { name: string; value: string }[]
    }
    response: { status: number | string; content: { text?: string; encoding?: string; mimeType: string } }
  }
  const variants: [string, (e: Raw) => void][] = [
    // Firefox: form bodies as params only, no queryString, capitalised header names.
    [
      'Firefox',
      (e) => {
        if (e.request.postData?.text) {
          e.request.postData.params = [...new URLSearchParams(e.request.postData.text)].map(([name, value]) => ({ name, value }))
          delete e.request.postData.text
        }
        delete e.request.queryString
        for (const h of e.request.headers) h.name = h.name.replace(/(^|-)([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase())
      },
    ],
    // HTTP Toolkit / Fiddler: every body base64, status as a string.
    [
      'HTTP Toolkit / Fiddler',
      (e) => {
        const c = e.response.content
        if (c.text) {
          c.text = toBase64(c.text)
          c.encoding = 'base64'
        }
        e.response.status = String(e.response.status)
      },
    ],
  ]
  it.each(variants)('%s', (_name, mutate) => {
    const har = JSON.parse(HAR_FIXTURES['leaked-secret.har'] ?? '') as { log: { entries: Raw[] } }
    const parsed = parseHar(JSON.stringify(har))
    if (!parsed.ok) throw new Error(parsed.message)
    const reference = analyzeFlows(parsed.entries)
    har.log.entries.forEach(mutate)
    const r = parseHar(JSON.stringify(har))
    if (!r.ok) throw new Error(r.message)
    const a = analyzeFlows(r.entries)
    const summary = (x: typeof a) =>
      x.flows.map((f) => ({
        steps: f.steps.map((s) => s.kind),
        tokens: f.tokens.map((t) => t.kind),
        findings: f.findings.map((x) => x.code),
      }))
    expect(summary(a)).toEqual(summary(reference))
    expect(a.flows[0]?.findings.map((x) => x.code)).toContain('client_secret_exposed')
  })
})

describe('re-importing a sanitised export', () => {
  it('unnumbered placeholders (older exports) identify nothing: grouping follows state, no placeholder is listed as a token, redacted secrets are not flagged', () => {
    const entries = [
      mkEntry({ url: authorizeUrl({ state: 'A', client_id: 'one' }), location: `${APP}/cb?code=CA&state=A` }),
      mkEntry({ url: authorizeUrl({ state: 'B', client_id: 'two' }), location: `${APP}/cb?code=CB&state=B`, at: 1 }),
      tokenCall(
        { grant_type: 'authorization_code', client_id: 'two', code: 'CB', client_secret: 'top-secret' },
        { access_token: jwt('2'), refresh_token: 'RT-B' },
        { at: 2 },
      ),
      tokenCall({ grant_type: 'authorization_code', client_id: 'one', code: 'CA' }, { access_token: jwt('1') }, { at: 3 }),
    ]
    // An export written before placeholders were numbered: "[redacted:code]" everywhere.
    const clean = sanitizeEntries(entries).entries.map(
      (e) => JSON.parse(JSON.stringify(e).replace(/(\[redacted:[a-z0-9_]+):\d+\]/g, '$1]')) as typeof e,
    )
    expect(JSON.stringify(clean)).toContain('[redacted:code]')
    const a = analyzeFlows(clean)
    expect(a.flows.map((f) => [f.clientId, f.steps.map((s) => s.kind)])).toEqual([
      ['one', ['authorize', 'token']],
      ['two', ['authorize', 'token']],
    ])
    expect(a.flows.flatMap((f) => f.tokens)).toEqual([])
    expect(a.flows.flatMap((f) => f.findings.map((x) => x.code))).not.toContain('client_secret_exposed')
    expect(a.flows.flatMap((f) => f.findings.map((x) => x.code))).not.toContain('refresh_token_exposed')
  })
})

describe('round trip', () => {
  it('an exported flow with its inferred step re-imports with exactly one not-observed token call', () => {
    const r = parseHar(HAR_FIXTURES['webapp-confidential.har'] ?? '')
    if (!r.ok) throw new Error(r.message)
    const flow = analyzeFlows(r.entries).flows[0]!
    const exported = JSON.stringify({
      log: {
        version: '1.2',
        creator: { name: 'Token Lens', version: 't' },
        entries: sanitizeEntries(flowEntries(flow, r.entries)).entries,
      },
    })
    const again = parseHar(exported)
    if (!again.ok) throw new Error(again.message)
    const steps = analyzeFlows(again.entries).flows[0]!.steps
    expect(steps.map((s) => `${s.kind}:${s.origin}`)).toEqual([
      'authorize:captured',
      'redirect_back:captured',
      'callback:captured',
      'token:not_observed',
    ])
  })
})

describe('fixtures', () => {
  const load = (name: string) => {
    const r = parseHar(HAR_FIXTURES[name] ?? '')
    if (!r.ok) throw new Error(r.message)
    return analyzeFlows(r.entries)
  }
  it('confidential web app: authorize and callback seen, token call not observed', () => {
    const a = load('webapp-confidential.har')
    expect(a.flows).toHaveLength(1)
    const f = a.flows[0]!
    expect(f.steps.map((s) => `${s.kind}:${s.origin}`)).toEqual([
      'authorize:captured',
      'redirect_back:captured',
      'callback:captured',
      'token:not_observed',
    ])
    expect(f.steps[3]?.url).toMatch(/\/oauth2\/v2\.0\/token$/)
    expect(f.tokens.find((t) => t.kind === 'id_token')?.expected.nonce).toBe(f.nonce)
  })
  it('implicit SPA: discovery, JWKS and Graph call attach to the flow', () => {
    const f = load('implicit-flow.har').flows[0]!
    expect(f.kind).toBe('implicit')
    expect(stepLine(f)).toBe('discovery authorize callback jwks graph')
    expect(f.jwks).toBeTruthy()
  })
  it("implicit SPA: its tokens verify against the captured JWKS with the flow's expectations (nonce, at_hash)", async () => {
    const f = load('implicit-flow.har').flows[0]!
    const id = f.tokens.find((t) => t.kind === 'id_token')!
    expect(id.expected.accessToken).toBeTruthy()
    for (const t of f.tokens) {
      const step = f.steps.find((s) => s.id === t.stepId)!
      const r = await inspectToken(t.value, {
        now: Math.floor(step.time / 1000),
        keys: { jwks: f.jwks },
        expected: inspectorExpectations(t),
      })
      expect(r.signature.status, t.kind).toBe('valid')
      expect(
        r.findings.filter((x) => x.severity === 'error').map((x) => x.code),
        t.kind,
      ).toEqual([])
    }
  })
  it('leaked secret: code flow with API call and refresh', () => {
    const f = load('leaked-secret.har').flows[0]!
    expect(stepLine(f)).toBe('authorize callback token api refresh')
    expect(f.steps[4]?.clientAuth).toBe('client_secret_basic')
  })
})

describe('flow labels', () => {
  const signIn = (n: number, at: number) => [
    mkEntry({ url: authorizeUrl({ state: `st-${n}`, nonce: `n-${n}` }), location: `${APP}/cb?code=C${n}&state=st-${n}`, at }),
    mkEntry({ url: `${APP}/cb?code=C${n}&state=st-${n}`, at: at + 1 }),
    tokenCall(
      { grant_type: 'authorization_code', client_id: 'client-1', code: `C${n}`, code_verifier: `v${n}` },
      { access_token: jwt(`A${n}`), id_token: jwt(`I${n}`), token_type: 'Bearer' },
      { at: at + 2 },
    ),
  ]

  it('two sign-ins alike are numbered in the order they started; a sign-out alone is named as one', () => {
    const a = analyzeFlows([
      ...signIn(1, 10),
      // The app's sign-out, with nothing of either sign-in in it (a session-only logout).
      mkEntry({ url: `${IDP}/logout?client_id=client-1&post_logout_redirect_uri=${encodeURIComponent(APP)}`, location: APP, at: 20 }),
      ...signIn(2, 30),
    ])
    expect(a.flows.map((f) => f.label)).toEqual([
      'Authorization code flow · login.example.com (1 of 2)',
      'Sign-out · login.example.com',
      'Authorization code flow · login.example.com (2 of 2)',
    ])
    expect(a.flows.map((f) => f.kind)).toEqual(['authorization_code', 'sign_out', 'authorization_code'])
  })

  it("each sign-in gets the metadata read just before it, also when two come seconds apart or one spans the other's", () => {
    const discovery = (at: number) =>
      mkEntry({
        url: 'https://login.example.com/tenant/v2.0/.well-known/openid-configuration',
        json: { issuer: 'https://login.example.com/tenant/v2.0' },
        at,
      })
    const refresh = (at: number) =>
      tokenCall(
        { grant_type: 'refresh_token', client_id: 'client-1', refresh_token: 'R1' },
        { access_token: jwt('A1b'), token_type: 'Bearer' },
        { at },
      )
    const lines = (entries: Parameters<typeof analyzeFlows>[0]) =>
      analyzeFlows(entries).flows.map((f) => f.steps.map((st) => `${st.kind}@${st.entryIndex}`).join(' '))
    // Seconds apart: the first read went to the second sign-in when "the newest flow started by
    // then, give or take a minute" was the rule.
    expect(lines([discovery(9), ...signIn(1, 10), discovery(19), ...signIn(2, 20)])).toEqual([
      'discovery@0 authorize@1 callback@2 token@3',
      'discovery@4 authorize@5 callback@6 token@7',
    ])
    // The first sign-in refreshes an hour later; a second one half-way through reads its metadata first.
    const first = signIn(1, 10)
    first[2] = tokenCall(
      { grant_type: 'authorization_code', client_id: 'client-1', code: 'C1', code_verifier: 'v1' },
      { access_token: jwt('A1'), id_token: jwt('I1'), refresh_token: 'R1', token_type: 'Bearer' },
      { at: 12 },
    )
    expect(lines([...first, discovery(1799), ...signIn(2, 1800), refresh(3600)])).toEqual([
      'authorize@0 callback@1 token@2 refresh@7',
      'discovery@3 authorize@4 callback@5 token@6',
    ])
  })

  it('a single flow keeps its label as it is', () => {
    expect(analyzeFlows(signIn(1, 10)).flows.map((f) => f.label)).toEqual(['Authorization code flow · login.example.com'])
  })
})
