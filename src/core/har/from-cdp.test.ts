/**
 * CDP Network event sequences as Chromium sends them (shapes from the DevTools Protocol's
 * Network domain: requestWillBeSent with redirectResponse on each hop, responseReceived,
 * loadingFinished / loadingFailed, getResponseBody's {body, base64Encoded}).
 */
import { describe, expect, it } from 'vitest'
import type { Entry } from 'har-format'
import { CdpHarBuilder, RelevanceFilter, toRecordedEntry, withBodies, type CdpFinished } from './from-cdp.ts'
import { analyzeFlows } from '../flows/detect.ts'

const T0 = 1_764_700_000 // wallTime, seconds since the epoch
const AUTHZ =
  'https://login.example.com/tenant/oauth2/v2.0/authorize?client_id=app-1&response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&scope=openid&state=st-1&code_challenge=abc&code_challenge_method=S256'
const TOKEN = 'https://login.example.com/tenant/oauth2/v2.0/token'

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}
const ID_TOKEN = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ iss: 'https://login.example.com/tenant/v2.0', aud: 'app-1', sub: 'u1', exp: T0 + 3600, iat: T0 })}.`

type Ev = [string, Record<string, unknown>]

function run(
  events: Ev[],
  bodies: Record<string, { body: string; base64Encoded: boolean }> = {},
  posts: Record<string, string> = {},
): { finished: CdpFinished[]; entries: Entry[] } {
  const b = new CdpHarBuilder()
  const finished = events.flatMap(([m, p]) => b.handle(m, p))
  const entries = finished.map((f) =>
    withBodies(f.entry, {
      response: f.needsBody ? (bodies[f.requestId] ?? null) : null,
      postData: f.needsPostData ? (posts[f.requestId] ?? null) : null,
    }),
  )
  return { finished, entries }
}

/** One CDP event of each kind; a test names only what differs (request id, resource type, times, URL). */
function sent(requestId: string, type: string, timestamp: number, wallTime: number, request: object, more: object = {}): Ev {
  return ['Network.requestWillBeSent', { requestId, ...more, type, timestamp, wallTime, request }]
}
function received(requestId: string, type: string, timestamp: number, response: object, more: object = {}): Ev {
  return ['Network.responseReceived', { requestId, ...more, type, timestamp, response }]
}
function finishedAt(requestId: string, timestamp: number, more: object = {}): Ev {
  return ['Network.loadingFinished', { requestId, timestamp, ...more }]
}
/** A GET answered 200 with nothing more of interest: sent at 1 s (wall time T0), answered at 1.1 s, finished at 1.2 s. */
function plainGet(
  requestId: string,
  type: string,
  request: { url: string; headers?: object; urlFragment?: string },
  mimeType: string,
): Ev[] {
  return [
    sent(requestId, type, 1, T0, { headers: {}, ...request, method: 'GET' }),
    received(requestId, type, 1.1, { url: request.url, status: 200, headers: {}, mimeType }),
    finishedAt(requestId, 1.2),
  ]
}

/** An SPA's authorization code + PKCE sign-in: navigation with redirects, then fetch to /token. */
const SPA_SIGNIN: Ev[] = [
  sent('nav-1', 'Document', 100, T0, { url: AUTHZ, method: 'GET', headers: { Accept: 'text/html' } }, { loaderId: 'L1' }),
  received(
    'nav-1',
    'Document',
    100.05,
    { url: AUTHZ, status: 200, statusText: 'OK', headers: { 'content-type': 'text/html' }, mimeType: 'text/html', protocol: 'h2' },
    { loaderId: 'L1' },
  ),
  finishedAt('nav-1', 100.08, { encodedDataLength: 900 }),
  // The sign-in form posts back to the IdP, which answers 302 to the redirect URI with the code.
  sent(
    'nav-2',
    'Document',
    101,
    T0 + 1,
    {
      url: 'https://login.example.com/tenant/login',
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      postData: 'login=alice&ctx=abc',
      hasPostData: true,
    },
    { loaderId: 'L2' },
  ),
  sent(
    'nav-2',
    'Document',
    101.2,
    T0 + 1.2,
    { url: 'https://app.example.com/cb?code=C-123&state=st-1', method: 'GET', headers: {} },
    {
      loaderId: 'L2',
      redirectHasExtraInfo: false,
      redirectResponse: {
        url: 'https://login.example.com/tenant/login',
        status: 302,
        statusText: 'Found',
        headers: { Location: 'https://app.example.com/cb?code=C-123&state=st-1' },
        mimeType: '',
      },
    },
  ),
  received(
    'nav-2',
    'Document',
    101.3,
    {
      url: 'https://app.example.com/cb?code=C-123&state=st-1',
      status: 200,
      headers: { 'content-type': 'text/html' },
      mimeType: 'text/html',
    },
    { loaderId: 'L2' },
  ),
  finishedAt('nav-2', 101.35),
  // The page's own fetch to the token endpoint (a public client: no secret, code_verifier).
  sent('77.1', 'Fetch', 102, T0 + 2, {
    url: TOKEN,
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
    hasPostData: true,
  }),
  received('77.1', 'Fetch', 102.4, {
    url: TOKEN,
    status: 200,
    statusText: '',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    mimeType: 'application/json',
  }),
  finishedAt('77.1', 102.5),
  // Site noise: a stylesheet and an analytics beacon.
  sent('77.2', 'Stylesheet', 102.6, T0 + 2.6, { url: 'https://app.example.com/site.css', method: 'GET', headers: {} }),
  received('77.2', 'Stylesheet', 102.7, { url: 'https://app.example.com/site.css', status: 200, headers: {}, mimeType: 'text/css' }),
  finishedAt('77.2', 102.7),
  sent('77.3', 'Fetch', 103, T0 + 3, {
    url: 'https://stats.example.net/beacon',
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    postData: 'x=1',
  }),
  [
    'Network.loadingFailed',
    { requestId: '77.3', timestamp: 103.1, type: 'Fetch', errorText: 'net::ERR_BLOCKED_BY_CLIENT', canceled: false },
  ],
]

const TOKEN_BODY =
  'grant_type=authorization_code&client_id=app-1&code=C-123&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&code_verifier=verifier-verifier-verifier-verifier-verifier'
const TOKEN_JSON = JSON.stringify({ token_type: 'Bearer', id_token: ID_TOKEN, access_token: 'opaque-at', expires_in: 3600 })

describe('CdpHarBuilder', () => {
  it('turns each redirect hop into an entry of its own, with the 3xx and its Location', () => {
    const { finished, entries } = run(SPA_SIGNIN, { '77.1': { body: TOKEN_JSON, base64Encoded: false } }, { '77.1': TOKEN_BODY })
    expect(finished.map((f) => f.entry.request.url.split('?')[0])).toEqual([
      'https://login.example.com/tenant/oauth2/v2.0/authorize',
      'https://login.example.com/tenant/login',
      'https://app.example.com/cb',
      TOKEN,
      'https://app.example.com/site.css',
      'https://stats.example.net/beacon',
    ])
    const hop = entries[1]!
    expect(hop.request.method).toBe('POST')
    expect(hop.request.postData?.text).toBe('login=alice&ctx=abc')
    expect(hop.response.status).toBe(302)
    expect(hop.response.redirectURL).toBe('https://app.example.com/cb?code=C-123&state=st-1')
    expect(finished[1]!.redirect).toBe(true)
    expect(finished[1]!.needsBody).toBe(false)
    expect(entries[0]!.response.httpVersion).toBe('HTTP/2')
    // startedDateTime from wallTime, durations from the monotonic timestamp.
    expect(entries[0]!.startedDateTime).toBe(new Date(T0 * 1000).toISOString())
    expect(entries[0]!.time).toBeCloseTo(80, 3)
    expect(entries[0]!.timings.wait).toBeCloseTo(50, 3)
    expect(entries[0]!.timings.receive).toBeCloseTo(30, 3)
  })

  it('asks for bodies the event did not carry and adds them (token POST and its JSON answer)', () => {
    const { finished, entries } = run(
      SPA_SIGNIN,
      { '77.1': { body: Buffer.from(TOKEN_JSON).toString('base64'), base64Encoded: true } },
      { '77.1': TOKEN_BODY },
    )
    const token = finished.find((f) => f.requestId === '77.1')!
    expect(token.needsPostData).toBe(true)
    expect(token.needsBody).toBe(true)
    const entry = entries[finished.indexOf(token)]!
    expect(entry.request.postData?.text).toContain('code_verifier=')
    expect(entry.request.postData?.mimeType).toBe('application/x-www-form-urlencoded;charset=utf-8')
    // base64 JSON is decoded to text so the analysis can read it.
    expect(entry.response.content.text).toBe(TOKEN_JSON)
    expect(entry.response.content.encoding).toBeUndefined()
    expect(finished.find((f) => f.requestId === '77.2')!.needsBody).toBe(false)
  })

  it('records a failed request with its error and no response', () => {
    const { entries } = run(SPA_SIGNIN)
    const beacon = entries.at(-1)!
    expect(beacon.response.status).toBe(0)
    expect(beacon.response.statusText).toBe('net::ERR_BLOCKED_BY_CLIENT')
  })

  it('puts the fragment CDP reports apart back on the URL (fragment-mode responses)', () => {
    const { entries } = run(plainGet('n', 'Document', { url: 'https://app.example.com/cb', urlFragment: '#code=C-9&state=s' }, 'text/html'))
    expect(entries[0]!.request.url).toBe('https://app.example.com/cb#code=C-9&state=s')
  })

  it('ignores events of requests it never saw start and malformed events', () => {
    const b = new CdpHarBuilder()
    expect(b.handle('Network.responseReceived', { requestId: 'x', response: { url: 'https://a/', status: 200 } })).toEqual([])
    expect(b.handle('Network.loadingFinished', { requestId: 'x' })).toEqual([])
    expect(b.handle('Network.requestWillBeSent', { requestId: 'y', request: { method: 'GET' } })).toEqual([])
    expect(b.handle('Network.requestWillBeSent', null)).toEqual([])
    expect(b.openCount).toBe(0)
  })
})

describe('RelevanceFilter and stamping', () => {
  it('keeps the OAuth exchanges and the IdP pages, drops the site noise, and the analysis finds the flow', () => {
    const { entries } = run(SPA_SIGNIN, { '77.1': { body: TOKEN_JSON, base64Encoded: false } }, { '77.1': TOKEN_BODY })
    const filter = new RelevanceFilter()
    const kept = entries.filter((e) => filter.keep(e))
    expect(kept.map((e) => e.request.url.split('?')[0])).toEqual([
      'https://login.example.com/tenant/oauth2/v2.0/authorize',
      'https://login.example.com/tenant/login',
      'https://app.example.com/cb',
      TOKEN,
    ])
    expect(filter.identityProviders).toEqual(['https://login.example.com'])
    const recorded = kept.map((e) => toRecordedEntry(e, 'rec-1'))
    expect(recorded.map((e) => [e._oauth.step, e._oauth.origin])).toEqual([
      ['authorize', 'observed'],
      ['redirect_back', 'observed'],
      ['callback', 'observed'],
      ['token', 'captured'],
    ])
    const analysis = analyzeFlows(recorded)
    expect(analysis.flows).toHaveLength(1)
    const flow = analysis.flows[0]!
    expect(flow.steps.some((s) => s.kind === 'token' && s.origin === 'captured' && s.request.code_verifier)).toBe(true)
    expect(flow.tokens.some((t) => t.kind === 'id_token')).toBe(true)
  })

  it('keeps an API call with a bearer token and drops one without', () => {
    const api = (auth: boolean): Entry =>
      run(
        plainGet(
          'a',
          'Fetch',
          { url: 'https://api.example.org/orders', headers: auth ? { Authorization: 'Bearer abc.def.ghi' } : {} },
          'application/json',
        ),
      ).entries[0]!
    expect(new RelevanceFilter().keep(api(true))).toBe(true)
    expect(new RelevanceFilter().keep(api(false))).toBe(false)
  })

  it('an IdP page is kept only once that IdP took part in the recording', () => {
    const page: Entry = run(plainGet('p', 'Document', { url: 'https://login.example.com/tenant/login' }, 'text/html')).entries[0]!
    const filter = new RelevanceFilter()
    expect(filter.keep(page)).toBe(false)
    const authz = run(SPA_SIGNIN.slice(0, 3)).entries[0]!
    expect(filter.keep(authz)).toBe(true)
    expect(filter.keep(page)).toBe(true)
  })

  it('a callback to a server route (confidential client) leaves the token call inferred, not observed', () => {
    const { entries } = run([
      sent('n', 'Document', 1, T0, {
        url: AUTHZ.replace('app.example.com%2Fcb', 'web.example.com%2Fsignin-oidc'),
        method: 'GET',
        headers: {},
      }),
      sent(
        'n',
        'Document',
        1.5,
        T0 + 0.5,
        { url: 'https://web.example.com/signin-oidc?code=C-7&state=st-1', method: 'GET', headers: {} },
        { redirectResponse: { url: AUTHZ, status: 302, headers: { location: 'https://web.example.com/signin-oidc?code=C-7&state=st-1' } } },
      ),
      sent(
        'n',
        'Document',
        1.8,
        T0 + 0.8,
        { url: 'https://web.example.com/', method: 'GET', headers: {} },
        {
          redirectResponse: {
            url: 'https://web.example.com/signin-oidc?code=C-7&state=st-1',
            status: 302,
            headers: { location: '/', 'set-cookie': 'session=abc; HttpOnly' },
          },
        },
      ),
      received('n', 'Document', 1.9, { url: 'https://web.example.com/', status: 200, headers: {}, mimeType: 'text/html' }),
      finishedAt('n', 2),
    ])
    const filter = new RelevanceFilter()
    const recorded = entries.filter((e) => filter.keep(e)).map((e) => toRecordedEntry(e, 'rec'))
    const flow = analyzeFlows(recorded).flows[0]!
    const token = flow.steps.find((s) => s.kind === 'token')
    expect(token?.origin).toBe('not_observed')
  })
})
