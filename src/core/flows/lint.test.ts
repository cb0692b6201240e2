import { describe, expect, it } from 'vitest'
import { parseHar } from '../har/parse.ts'
import { HAR_FIXTURES } from '../har/test-fixtures.ts'
import { mkEntry } from '../har/test-entry.ts'
import { analyzeFlows } from './detect.ts'
import { explainStepError } from './errors.ts'
import type { FlowFinding } from './types.ts'
import { APP, authorizeUrl, tokenCall } from './test-kit.ts'

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln'
/** Client c's request, with a full-length PKCE challenge (RFC 7636 §4.2). */
const authorize = (params: Record<string, string | undefined>) =>
  authorizeUrl({ client_id: 'c', state: 'S', nonce: 'N', code_challenge: 'x'.repeat(43), ...params })

function lint(entries: ReturnType<typeof mkEntry>[]): FlowFinding[] {
  return analyzeFlows(entries).flows.flatMap((f) => f.findings)
}
const codes = (f: FlowFinding[], severity?: string) => f.filter((x) => !severity || x.severity === severity).map((x) => x.code)

function spaFlow(authParams: Record<string, string | undefined> = {}, back = 'code=C&state=S') {
  return [
    mkEntry({ url: authorize(authParams), location: `${APP}/cb?${back}` }),
    tokenCall(
      { grant_type: 'authorization_code', client_id: 'c', code: 'C', code_verifier: 'v' },
      { access_token: JWT, id_token: JWT },
      { reqHeaders: { Origin: APP }, at: 1 },
    ),
  ]
}

describe('flow lint', () => {
  it('a PKCE + state + nonce code flow of a public client is clean', () => {
    expect(codes(lint(spaFlow()))).toEqual([])
  })
  it('PKCE missing at a confidential web app (code redeemed server-side): a warning that says so, not the public-client error', () => {
    const f = lint([
      mkEntry({
        url: authorize({ code_challenge: undefined, redirect_uri: `${APP}/signin-oidc` }),
        location: `${APP}/signin-oidc?code=C&state=S`,
      }),
      mkEntry({ url: `${APP}/signin-oidc?code=C&state=S`, location: `${APP}/`, at: 1 }),
    ])
    expect(f.find((x) => x.code === 'pkce_missing')).toMatchObject({
      severity: 'warning',
      message: expect.stringMatching(/confidential clients too/),
    })
    expect(codes(f)).toContain('token_call_not_observed')
  })
  it('PKCE missing (public client: error) and plain', () => {
    const missing = lint(spaFlow({ code_challenge: undefined, code_challenge_method: undefined }))
    expect(missing.find((f) => f.code === 'pkce_missing')).toMatchObject({ severity: 'error', specRef: { label: 'RFC 9700 §2.1.1' } })
    expect(codes(lint(spaFlow({ code_challenge_method: 'plain' })))).toEqual(['pkce_plain'])
    expect(codes(lint(spaFlow({ code_challenge_method: undefined })))).toEqual(['pkce_plain'])
  })
  it('state missing, and a state that is not echoed or differs', () => {
    expect(lint(spaFlow({ state: undefined }, 'code=C')).find((f) => f.code === 'state_missing')?.severity).toBe('info')
    expect(lint(spaFlow({ state: undefined, code_challenge: undefined }, 'code=C')).find((f) => f.code === 'state_missing')?.severity).toBe(
      'warning',
    )
    expect(codes(lint(spaFlow({}, 'code=C')), 'error')).toEqual(['state_not_echoed'])
    const other = lint(spaFlow({}, 'code=C&state=OTHER')).find((f) => f.code === 'state_not_echoed')
    expect(other?.message).toMatch(/different state/)
  })
  it('nonce missing: error with front-channel ID tokens, warning without PKCE, info with PKCE', () => {
    expect(lint(spaFlow({ nonce: undefined })).find((f) => f.code === 'nonce_missing')?.severity).toBe('info')
    expect(lint(spaFlow({ nonce: undefined, code_challenge: undefined })).find((f) => f.code === 'nonce_missing')?.severity).toBe('warning')
    const implicit = lint([
      mkEntry({ url: authorize({ nonce: undefined, response_type: 'id_token' }), location: `${APP}/cb#id_token=${JWT}&state=S` }),
    ])
    expect(implicit.find((f) => f.code === 'nonce_missing')).toMatchObject({ severity: 'error', specRef: { label: 'OIDC Core §3.2.2.1' } })
    expect(codes(lint(spaFlow({ nonce: undefined, scope: 'User.Read' })))).toEqual([])
  })
  it('implicit and hybrid flows', () => {
    expect(
      lint([mkEntry({ url: authorize({ response_type: 'token' }), location: `${APP}/cb#access_token=${JWT}&state=S` })]).find(
        (f) => f.code === 'implicit_flow',
      ),
    ).toMatchObject({ severity: 'error', specRef: { label: 'RFC 9700 §2.1.2' } })
    expect(
      lint([mkEntry({ url: authorize({ response_type: 'code id_token' }), location: `${APP}/cb#code=C&id_token=${JWT}&state=S` })]).find(
        (f) => f.code === 'hybrid_flow',
      )?.severity,
    ).toBe('info')
    expect(
      lint([mkEntry({ url: authorize({ response_type: 'code token' }), location: `${APP}/cb#code=C&access_token=${JWT}&state=S` })]).find(
        (f) => f.code === 'hybrid_flow',
      )?.severity,
    ).toBe('warning')
  })
  it('tokens in a query string: redirect query and API URL', () => {
    const redirect = lint([
      mkEntry({ url: authorize({ response_type: 'token', response_mode: 'query' }), location: `${APP}/cb?access_token=${JWT}&state=S` }),
    ])
    expect(redirect.find((f) => f.code === 'token_in_query')?.message).toMatch(/access_token in the query of the redirect/)
    const api = lint([
      ...spaFlow(),
      mkEntry({ url: `https://api.example/x?access_token=${JWT}`, reqHeaders: { Authorization: `Bearer ${JWT}` }, at: 3 }),
    ])
    expect(api.find((f) => f.code === 'token_in_query')?.specRef.label).toBe('RFC 6750 §2.3')
  })
  it('client_secret and refresh tokens visible in the capture', () => {
    const f = lint([
      mkEntry({ url: authorize({}), location: `${APP}/cb?code=C&state=S` }),
      tokenCall(
        { grant_type: 'authorization_code', client_id: 'c', client_secret: 'shh', code: 'C' },
        { access_token: JWT, refresh_token: 'RT' },
        { at: 1 },
      ),
    ])
    expect(f.find((x) => x.code === 'client_secret_exposed')).toMatchObject({ severity: 'error', specRef: { label: 'RFC 8252 §8.5' } })
    expect(f.find((x) => x.code === 'refresh_token_exposed')?.severity).toBe('warning')
    const spa = lint([
      ...spaFlow().slice(0, 1),
      tokenCall(
        { grant_type: 'authorization_code', client_id: 'c', code: 'C', code_verifier: 'v' },
        { access_token: JWT, refresh_token: 'RT' },
        { at: 1 },
      ),
    ])
    expect(spa.find((x) => x.code === 'refresh_token_exposed')?.severity).toBe('info')
  })
  it('http redirect URIs other than loopback (RFC 8252 §7.3)', () => {
    expect(lint(spaFlow({ redirect_uri: 'http://app.example/cb' })).find((f) => f.code === 'insecure_redirect_uri')?.specRef.label).toBe(
      'RFC 8252 §7.3',
    )
    for (const host of ['localhost:3000', '127.0.0.1:8400', '[::1]:8080'])
      expect(codes(lint(spaFlow({ redirect_uri: `http://${host}/cb` })))).not.toContain('insecure_redirect_uri')
  })
  it('password grant', () => {
    expect(codes(lint([tokenCall({ grant_type: 'password', client_id: 'c', username: 'u', password: 'p' }, {})]))).toContain(
      'password_grant',
    )
  })
  it('error responses carry the AADSTS code and are explained from our data file', async () => {
    const f = lint([
      mkEntry({ url: authorize({}), location: `${APP}/cb?code=C&state=S` }),
      tokenCall(
        { grant_type: 'authorization_code', client_id: 'c', code: 'C', code_verifier: 'v' },
        {
          error: 'invalid_request',
          error_description: 'AADSTS9002326: Cross-origin token redemption is permitted only for the Single-Page Application client-type.',
          error_codes: [9002326],
        },
        { status: 400, at: 1 },
      ),
    ])
    const err = f.find((x) => x.code === 'error_response')
    expect(err).toMatchObject({
      severity: 'error',
      error: { error: 'invalid_request', code: '9002326' },
      specRef: { label: 'RFC 6749 §5.2' },
    })
    const why = await explainStepError(err!.error!)
    expect(why.find((e) => e.source === 'OAuth 2.0 / OpenID Connect')?.cause).toMatch(/could not make sense/)
    expect(why.find((e) => e.code === 'AADSTS9002326')?.cause).toMatch(/Single-page application/)
    // An AADSTS code with no notes still gets Microsoft's lookup; an unknown OAuth error gets nothing.
    const unknown = await explainStepError({ error: 'weird_error', code: '1' })
    expect(unknown.map((e) => e.code)).toEqual(['AADSTS1'])
    expect(unknown[0]?.links?.[0]?.url).toBe('https://login.microsoftonline.com/error?code=1')
  })
})

describe('fixture lint', () => {
  const findings = (name: string) => {
    const r = parseHar(HAR_FIXTURES[name] ?? '')
    if (!r.ok) throw new Error(r.message)
    return analyzeFlows(r.entries).flows.flatMap((f) => f.findings)
  }
  it('confidential web app: clean apart from the informational not-observed token call', () => {
    expect(codes(findings('webapp-confidential.har'))).toEqual(['token_call_not_observed'])
  })
  it('implicit flow is flagged', () => {
    expect(codes(findings('implicit-flow.har'), 'error')).toEqual(['implicit_flow'])
  })
  it('leaked secret is flagged in the body and in the Basic header', () => {
    const f = findings('leaked-secret.har')
    expect(f.filter((x) => x.code === 'client_secret_exposed').map((x) => x.message)).toEqual([
      expect.stringMatching(/client_secret parameter/),
      expect.stringMatching(/Basic/),
    ])
  })
})
