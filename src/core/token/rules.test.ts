/** Header rules, claim rules, family detection and hash helpers, on hand-built tokens. */
import { describe, expect, it } from 'vitest'
import { base64url } from 'jose'
import type { InspectOptions } from './types.ts'
import { inspectToken } from './inspect.ts'
import { detectFamily } from './family.ts'
import { hashForAlg, oidcHash } from './hashes.ts'
import { codes } from './__fixtures__/fixtures.ts'

const NOW = 1764100000
const enc = (v: unknown): string => base64url.encode(JSON.stringify(v))
/** An unsigned-but-shaped token: rules that need no keys can be checked on it. */
const tok = (header: Record<string, unknown>, payload: unknown): string => `${enc(header)}.${enc(payload)}.c2lnbmF0dXJl`
const inspect = (header: Record<string, unknown>, payload: unknown, o: Partial<InspectOptions> = {}) =>
  inspectToken(tok(header, payload), { now: NOW, ...o })
const idClaims = { iss: 'https://idp.example', sub: 's', aud: 'c', exp: NOW + 600, iat: NOW, nonce: 'n' }

describe('suspicious kid', () => {
  it.each([
    ['../../../../etc/passwd'],
    ['..\\..\\windows\\win.ini'],
    ['/dev/null'],
    ["key' OR '1'='1"],
    ['1; DROP TABLE keys'],
    ['x UNION SELECT password FROM users'],
    ['https://attacker.example/key.pem'],
    ['file:///etc/passwd'],
    ['$(curl attacker.example)'],
    ['a|b'],
    ['key\u0000'],
    ['key\u007f'],
    ['line\nbreak'],
    ['k'.repeat(300)],
  ])('%s is flagged', async (kid) => {
    const r = await inspect({ alg: 'RS256', kid }, idClaims)
    expect(codes(r)).toContain('suspicious_kid')
  })

  it.each([
    ['nOo3ZDrODXEK1jKWhXslHR_KXEg'],
    ['abcdEXAMPLE1234567890/abc+def='],
    ['2011-04-29'],
    ['bilbo.baggins@hobbiton.example'],
    ['018c0ae5-4d9b-471b-bfd6-eef314bc7037'],
    ['rsa--key--1'],
    ['MTIz/NDU2'],
  ])('%s is not flagged', async (kid) => {
    const r = await inspect({ alg: 'RS256', kid }, idClaims)
    expect(codes(r)).not.toContain('suspicious_kid')
  })

  it('a non-string kid is a type problem', async () => {
    const r = await inspect({ alg: 'RS256', kid: 42 }, idClaims)
    expect(r.findings.find((f) => f.subject === 'header.kid')?.code).toBe('claim_type_invalid')
  })
})

describe('header rules', () => {
  it('missing alg is malformed and unverifiable', async () => {
    const r = await inspect({ typ: 'JWT' }, idClaims)
    expect(r.findings.find((f) => f.subject === 'header.alg')?.code).toBe('malformed')
    expect(r.signature.status).toBe('unverifiable')
  })

  it.each(['none', 'NONE', 'None'])('alg %s -> signature none', async (alg) => {
    const r = await inspect({ alg }, idClaims)
    expect(r.signature.status).toBe('none')
    expect(codes(r)).toContain('alg_none')
  })

  it.each(['ES256K', 'HS1', 'RSA-OAEP', 'foo'])('unsupported alg %s', async (alg) => {
    const r = await inspect({ alg }, idClaims)
    expect(r.signature.status).toBe('unverifiable')
    expect(codes(r)).toContain('unsupported_alg')
  })

  it.each([[[]], ['b64'], [[1]]])('malformed crit %j', async (crit) => {
    const r = await inspect({ alg: 'RS256', crit }, idClaims)
    expect(codes(r)).toContain('crit_unsupported')
    expect(r.signature.status).toBe('unverifiable')
  })

  it('b64 without crit is flagged too', async () => {
    const r = await inspect({ alg: 'RS256', b64: false }, idClaims)
    expect(r.findings.find((f) => f.subject === 'header.b64')?.code).toBe('crit_unsupported')
  })

  it('jku, x5u, jwk and x5c are all reported together, never fetched', async () => {
    const fetched: string[] = []
    const r = await inspect(
      { alg: 'RS256', jku: 'https://a.example/j', x5u: 'https://a.example/c', jwk: { kty: 'EC' }, x5c: ['MII'] },
      idClaims,
      {
        keys: { fetchJson: (u) => (fetched.push(u), Promise.reject(new Error('offline'))) },
      },
    )
    expect(codes(r)).toEqual(expect.arrayContaining(['untrusted_jku', 'untrusted_x5u', 'embedded_jwk', 'embedded_x5c']))
    expect(fetched).toEqual(['https://idp.example/.well-known/openid-configuration'])
  })

  it('an at+jwt accepted as an ID token is typ_unexpected', async () => {
    const r = await inspect({ alg: 'RS256', typ: 'at+jwt' }, idClaims, { expected: { tokenType: 'id_token' } })
    expect(r.findings.find((f) => f.code === 'typ_unexpected')?.severity).toBe('warning')
  })
})

describe('claim rules', () => {
  it.each([
    ['exp', '1700000000'],
    ['nbf', null],
    ['iat', true],
    ['iss', 42],
    ['aud', [1, 2]],
    ['sub', 7],
  ])('%s = %j is claim_type_invalid', async (claim, value) => {
    const r = await inspect({ alg: 'RS256' }, { ...idClaims, [claim]: value })
    expect(r.findings.find((f) => f.code === 'claim_type_invalid' && f.subject === claim)).toBeDefined()
  })

  it('exp before iat is reported', async () => {
    const r = await inspect({ alg: 'RS256' }, { ...idClaims, iat: NOW, exp: NOW - 10 })
    expect(r.findings.find((f) => f.code === 'claim_type_invalid' && f.subject === 'exp')?.message).toMatch(/never valid/)
  })

  it('fractional NumericDates are accepted', async () => {
    const r = await inspect({ alg: 'RS256' }, { ...idClaims, exp: NOW + 0.5, iat: NOW - 0.25 })
    expect(codes(r)).not.toContain('claim_type_invalid')
  })

  it('missing aud against an expected audience', async () => {
    const { aud: _a, ...noAud } = idClaims
    const r = await inspect({ alg: 'RS256' }, noAud, { expected: { audience: 'c' } })
    expect(r.findings.filter((f) => f.code === 'missing_aud')).toHaveLength(1)
  })

  it('an api:// audience gets a hint when the client ID was expected', async () => {
    const r = await inspect(
      { alg: 'RS256' },
      { ...idClaims, aud: 'api://6e74172b-be56-4843-9ff4-e66a39bb12e3' },
      { expected: { audience: '6e74172b-be56-4843-9ff4-e66a39bb12e3' } },
    )
    expect(r.findings.find((f) => f.code === 'aud_mismatch')?.message).toMatch(/application ID URI/)
  })

  it('azp is compared with clientId when given (not audience)', async () => {
    const r = await inspect(
      { alg: 'RS256' },
      { ...idClaims, aud: ['c', 'api'], azp: 'c' },
      { expected: { audience: 'api', clientId: 'c' } },
    )
    expect(codes(r)).not.toContain('azp_mismatch')
  })

  it('an issuer template without tid is a mismatch with an explanation', async () => {
    const r = await inspect({ alg: 'RS256' }, idClaims, { expected: { issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0' } })
    expect(r.findings.find((f) => f.code === 'iss_mismatch')?.message).toMatch(/no "tid"/)
  })

  it('access tokens without exp get a warning, JWT access tokens (RFC 9068) need the full set', async () => {
    const a = await inspect({ alg: 'RS256' }, { iss: 'https://idp.example', scope: 'read', sub: 's' })
    expect(a.tokenType).toBe('access_token')
    expect(a.findings.find((f) => f.code === 'missing_exp')?.severity).toBe('warning')
    const b = await inspect({ alg: 'RS256', typ: 'at+jwt' }, { iss: 'https://idp.example', client_id: 'c' })
    expect(codes(b)).toEqual(expect.arrayContaining(['missing_sub', 'missing_aud', 'missing_exp', 'missing_iat']))
  })

  it('logout token rules: events value must be an object, jti/sid shapes pass', async () => {
    const base = { iss: 'https://idp.example', aud: 'c', iat: NOW, exp: NOW + 60, jti: 'j', sid: 's' }
    const bad = await inspect(
      { alg: 'RS256', typ: 'logout+jwt' },
      { ...base, events: { 'http://schemas.openid.net/event/backchannel-logout': 'yes' } },
    )
    expect(bad.findings.find((f) => f.code === 'logout_event_invalid')?.message).toMatch(/must be a JSON object/)
    const none = await inspect({ alg: 'RS256', typ: 'logout+jwt' }, base)
    expect(none.findings.find((f) => f.code === 'logout_event_invalid')?.message).toMatch(/has none/)
    const ok = await inspect(
      { alg: 'RS256', typ: 'logout+jwt' },
      { ...base, events: { 'http://schemas.openid.net/event/backchannel-logout': {} } },
    )
    expect(ok.findings).toEqual([])
  })

  it('hasgroups: true (implicit flow) is groups overage as well', async () => {
    const r = await inspect({ alg: 'RS256' }, { ...idClaims, hasgroups: true })
    expect(r.findings.find((f) => f.code === 'groups_overage')?.message).toMatch(/hasgroups/)
  })

  it('a Graph-style header nonce on a non-Entra token is not the Graph rule', async () => {
    const r = await inspect({ alg: 'RS256', nonce: 'x' }, { iss: 'https://idp.example', scope: 'a', exp: NOW + 60 })
    expect(codes(r)).not.toContain('graph_nonce_header')
  })

  it('an unexpected internal shape still yields a report (payload null)', async () => {
    const r = await inspectToken(`${enc({ alg: 'RS256' })}.${enc(null)}.c2ln`, { now: NOW })
    expect(r.decodes).toBe(true)
    expect(codes(r)).toEqual(['payload_not_object'])
    expect(r.claims).toEqual([])
  })
})

describe('reports for things that are not JWS', () => {
  it('opaque token: family unknown, label says so, info finding', async () => {
    const r = await inspectToken(`EwBwA${'A'.repeat(300)}`, { now: NOW })
    expect(r.form).toBe('opaque')
    expect(r.familyLabel).toBe('Opaque token (not a JWT)')
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['opaque_token', 'info']])
    expect(r.signature.status).toBe('unverifiable')
  })

  it('malformed input: one malformed finding that names the segment', async () => {
    const r = await inspectToken(`${enc({ alg: 'RS256' })}.@@@.sig`, { now: NOW })
    expect(r.findings).toEqual([expect.objectContaining({ code: 'malformed', subject: 'payload' })])
  })

  it('JWE: header annotated, signature unverifiable, encrypted finding', async () => {
    const r = await inspectToken(`${enc({ alg: 'dir', enc: 'A128GCM' })}..aXY.Y3Q.dGFn`, { now: NOW })
    expect(r.form).toBe('jwe')
    expect(r.familyLabel).toMatch(/JWE/)
    expect(r.headerParams.map((h) => h.name)).toEqual(['alg', 'enc'])
    expect(codes(r)).toEqual(['jwe_encrypted'])
  })

  it('empty input', async () => {
    const r = await inspectToken('', { now: NOW })
    expect(r.decodes).toBe(false)
    expect(codes(r)).toEqual(['malformed'])
  })
})

describe('family detection', () => {
  const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47'
  it.each([
    [
      'Entra v2 ID token',
      { iss: `https://login.microsoftonline.com/${TID}/v2.0`, tid: TID, ver: '2.0', aud: 'c', nonce: 'n' },
      'entra_v2_id',
      'id_token',
    ],
    [
      'Entra v1 ID token',
      { iss: `https://sts.windows.net/${TID}/`, tid: TID, ver: '1.0', aud: 'c', unique_name: 'u' },
      'entra_v1_id',
      'id_token',
    ],
    [
      'Entra v2 access token',
      { iss: `https://login.microsoftonline.com/${TID}/v2.0`, tid: TID, ver: '2.0', scp: 'x', azp: 'c' },
      'entra_v2_access',
      'access_token',
    ],
    [
      'Entra v1 access token (app)',
      { iss: `https://sts.windows.net/${TID}/`, tid: TID, roles: ['r'], appid: 'c', appidacr: '1' },
      'entra_v1_access',
      'access_token',
    ],
    [
      'Graph by app ID',
      { iss: `https://sts.windows.net/${TID}/`, aud: '00000003-0000-0000-c000-000000000000', tid: TID },
      'entra_graph_access',
      'access_token',
    ],
    [
      'Graph by URL',
      { iss: `https://login.microsoftonline.com/${TID}/v2.0`, aud: 'https://graph.microsoft.com/', tid: TID },
      'entra_graph_access',
      'access_token',
    ],
    ['External ID (ciamlogin)', { iss: `https://${TID}.ciamlogin.com/${TID}/v2.0`, aud: 'c', tid: TID }, 'entra_v2_id', 'id_token'],
    ['B2C by host', { iss: 'https://contoso.b2clogin.com/x/v2.0/', aud: 'c' }, 'b2c', 'id_token'],
    ['B2C by acr policy', { iss: 'https://login.contoso.com/x/', acr: 'b2c_1_susi', aud: 'c' }, 'b2c', 'id_token'],
    ['B2C access token', { iss: 'https://contoso.b2clogin.com/x/v2.0/', scp: 'read', aud: 'api' }, 'b2c', 'access_token'],
    [
      'logout by events',
      { iss: 'https://i', events: { 'http://schemas.openid.net/event/backchannel-logout': {} } },
      'logout',
      'logout_token',
    ],
    ['generic OIDC by nonce', { iss: 'https://i', nonce: 'n' }, 'oidc_id', 'id_token'],
    ['generic OIDC by iss+sub+aud', { iss: 'https://i', sub: 's', aud: 'c' }, 'oidc_id', 'id_token'],
    ['OAuth access by scope', { iss: 'https://i', sub: 's', aud: 'api', scope: 'read' }, 'oauth_access_jwt', 'access_token'],
    ['plain JWT', { foo: 'bar' }, 'jwt', 'jwt'],
  ])('%s', (_label, payload, family, tokenType) => {
    const r = detectFamily({ alg: 'RS256' }, payload, undefined)
    expect(r.family).toBe(family)
    expect(r.tokenType).toBe(tokenType)
    expect(r.label.length).toBeGreaterThan(5)
  })

  it('typ at+jwt is an access token whatever the claims', () => {
    expect(detectFamily({ alg: 'ES256', typ: 'application/at+jwt' }, { iss: 'https://i', sub: 's', aud: 'c' }, undefined).family).toBe(
      'oauth_access_jwt',
    )
  })

  it('typ logout+jwt is a logout token', () => {
    expect(detectFamily({ alg: 'ES256', typ: 'logout+jwt' }, { iss: 'https://i' }, undefined).tokenType).toBe('logout_token')
  })

  it('expected.tokenType overrides the guess', () => {
    expect(detectFamily({ alg: 'RS256' }, { foo: 1 }, { tokenType: 'id_token' }).tokenType).toBe('id_token')
  })

  it('Entra version comes from ver, else from the issuer', () => {
    expect(detectFamily({ alg: 'RS256' }, { iss: `https://sts.windows.net/${TID}/`, tid: TID, aud: 'c' }, undefined).version).toBe('1.0')
  })
})

describe('OIDC _hash helpers', () => {
  it.each([
    ['RS256', 'SHA-256'],
    ['PS384', 'SHA-384'],
    ['ES512', 'SHA-512'],
    ['HS384', 'SHA-384'],
    ['EdDSA', 'SHA-512'],
    ['Ed25519', 'SHA-512'],
    ['ES256K', 'SHA-256'],
    ['none', undefined],
  ])('%s uses %s', (alg, hash) => {
    expect(hashForAlg(alg)).toBe(hash)
  })

  it('Ed448 has no WebCrypto hash (SHAKE256), so it is not guessed', () => {
    expect(hashForAlg('EdDSA', 'Ed448')).toBeUndefined()
  })

  it('lengths: half of the digest', async () => {
    expect(base64url.decode((await oidcHash('x', 'RS256')) ?? '')).toHaveLength(16)
    expect(base64url.decode((await oidcHash('x', 'ES384')) ?? '')).toHaveLength(24)
    expect(base64url.decode((await oidcHash('x', 'EdDSA')) ?? '')).toHaveLength(32)
  })

  it('an at_hash that cannot be computed for the alg is reported, not silently passed', async () => {
    const r = await inspect({ alg: 'foo' }, { ...idClaims, at_hash: 'abc' }, { expected: { accessToken: 'at' } })
    expect(r.findings.find((f) => f.subject === 'at_hash')?.message).toMatch(/cannot be computed/)
  })
})
