/**
 * A sanitised export, imported again, reads like the capture it came from: the sanitiser gives
 * each distinct secret one numbered placeholder for the whole file (core/har/sanitize.ts), and
 * the analysis links places by those placeholders as it links them by values. Compared on every
 * fixture and on a sign-in that uses every token place (issue 10 rule 2).
 */
import { describe, expect, it } from 'vitest'
import type { Entry } from 'har-format'
import { parseHar } from '../har/parse.ts'
import { sanitizeEntries } from '../har/sanitize.ts'
import { mkEntry } from '../har/test-entry.ts'
import { HAR_FIXTURES } from '../har/test-fixtures.ts'
import { analyzeFlows } from './detect.ts'
import type { FlowAnalysis } from './types.ts'
import { stepLine } from './test-kit.ts'

/** Everything the screens show of an analysis except the secret values themselves. */
function shape(a: FlowAnalysis) {
  return {
    unrelated: a.unrelatedCount,
    flows: a.flows.map((f) => ({
      label: f.label,
      kind: f.kind,
      clientId: f.clientId,
      client: f.client,
      state: f.state,
      steps: f.steps.map((s) => `${s.kind}:${s.origin}:${s.entryIndex}:${s.label}`),
      tokens: f.tokens.map(
        (t) => `${t.id}:${t.kind}:${t.place}:${t.stepId}:${t.valueId}:${t.occurrences}:${t.label ?? ''}:${t.scheme ?? ''}:${t.name ?? ''}`,
      ),
      findings: f.findings.map((x) => `${x.code}:${x.severity}:${x.stepId ?? ''}`),
    })),
  }
}

function load(name: string): Entry[] {
  const r = parseHar(HAR_FIXTURES[name] ?? '')
  if (!r.ok) throw new Error(r.message)
  return r.entries
}

/** A file as the import reads it: the sanitised entries written out and parsed again. */
function reimport(entries: readonly Entry[], keepTokens = false): Entry[] {
  const text = JSON.stringify({
    log: { version: '1.2', creator: { name: 'Token Lens', version: 't' }, entries: sanitizeEntries(entries, { keepTokens }).entries },
  })
  const r = parseHar(text)
  if (!r.ok) throw new Error(r.message)
  return r.entries
}

const jwt = (n: string) => `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI${n}In0.c2lnbmF0dXJl${n}`
const IDP = 'https://login.example.com/t/oauth2/v2.0'
const APP = 'https://app.example'

/** One SPA sign-in that puts tokens in every place rule 2 names, then refreshes, calls APIs, revokes and signs out. */
function everyPlace(): Entry[] {
  const authorize = `${IDP}/authorize?${new URLSearchParams({ client_id: 'spa', redirect_uri: `${APP}/cb`, response_type: 'code', state: 'st', nonce: 'n', code_challenge: 'cc', code_challenge_method: 'S256' })}`
  return [
    mkEntry({ url: authorize, location: `${APP}/cb?code=CODE-1234567&state=st` }),
    mkEntry({ url: `${APP}/cb?code=CODE-1234567&state=st`, at: 1 }),
    mkEntry({
      url: `${IDP}/token`,
      form: { grant_type: 'authorization_code', client_id: 'spa', code: 'CODE-1234567', code_verifier: 'verifier-abcdefgh' },
      json: { access_token: jwt('A1'), id_token: jwt('I1'), refresh_token: 'RT-first-0123456' },
      at: 2,
    }),
    mkEntry({ url: 'https://api.example/orders', reqHeaders: { Authorization: `Bearer ${jwt('A1')}` }, json: [], at: 3 }),
    mkEntry({
      url: `${IDP}/token`,
      form: { grant_type: 'refresh_token', client_id: 'spa', refresh_token: 'RT-first-0123456', scope: 'api://x/read' },
      json: { access_token: jwt('A2'), refresh_token: 'RT-second-012345' },
      at: 4,
    }),
    mkEntry({ url: 'https://api.example/dpop', reqHeaders: { Authorization: `DPoP ${jwt('A2')}`, DPoP: jwt('P') }, json: {}, at: 5 }),
    mkEntry({ url: `${IDP}/introspect`, form: { token: jwt('A2'), client_id: 'spa' }, json: { active: true }, at: 6 }),
    mkEntry({
      url: `${IDP}/revoke`,
      form: { token: 'RT-second-012345', token_type_hint: 'refresh_token', client_id: 'spa' },
      json: {},
      at: 7,
    }),
    mkEntry({ url: `${IDP}/logout?id_token_hint=${jwt('I1')}&post_logout_redirect_uri=${encodeURIComponent(APP)}`, at: 8 }),
  ]
}

const inputs: [string, () => Entry[]][] = [
  ['every token place of one SPA sign-in', everyPlace],
  ...Object.keys(HAR_FIXTURES).map((name): [string, () => Entry[]] => [name, () => load(name)]),
]

describe('a sanitised export re-imports as the same analysis', () => {
  it.each(inputs)('%s: same flows, steps, token places and findings, everything redacted', (_name, make) => {
    const live = make()
    expect(shape(analyzeFlows(reimport(live)))).toEqual(shape(analyzeFlows(live)))
  })

  it.each(inputs)('%s: the same with access and ID tokens kept', (_name, make) => {
    const live = make()
    expect(shape(analyzeFlows(reimport(live, true)))).toEqual(shape(analyzeFlows(live)))
  })

  it('the SPA sign-in stays one flow: the refresh, API calls, introspection, revocation and sign-out join it by placeholder', () => {
    const again = analyzeFlows(reimport(everyPlace()))
    expect(again.flows).toHaveLength(1)
    const flow = again.flows[0]!
    expect(stepLine(flow)).toBe('authorize callback token api refresh api introspection revocation logout')
    // The tokens are placeholders now: listed and linked, marked redacted, never JWTs to open.
    expect(flow.tokens.every((t) => t.redacted === true && !t.jwt && /^\[redacted:[a-z_]+:\d+\]$/.test(t.value))).toBe(true)
    const refresh = flow.tokens.filter((t) => t.kind === 'refresh_token')
    expect(refresh.map((t) => [t.place, t.value])).toEqual([
      ['token_response', '[redacted:refresh_token:1]'],
      ['refresh_request', '[redacted:refresh_token:1]'],
      ['token_response', '[redacted:refresh_token:2]'],
      ['revocation', '[redacted:refresh_token:2]'],
    ])
    // No c_hash / at_hash expectation is ever a placeholder.
    expect(flow.tokens.some((t) => (t.expected.code ?? t.expected.accessToken ?? '').startsWith('[redacted:'))).toBe(false)
  })

  it('an older export with unnumbered placeholders still ties nothing by them: the refresh stands alone', () => {
    const old = reimport(everyPlace()).map((e) => JSON.parse(JSON.stringify(e).replace(/(\[redacted:[a-z0-9_]+):\d+\]/g, '$1]')) as Entry)
    const a = analyzeFlows(old)
    expect(a.flows.map((f) => f.steps.map((s) => s.kind))).toEqual([
      ['authorize', 'callback', 'token'],
      ['refresh'],
      ['introspection'],
      ['revocation'],
      ['logout'],
    ])
    expect(a.flows.flatMap((f) => f.tokens)).toEqual([])
  })
})
