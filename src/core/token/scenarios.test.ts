/**
 * One named fixture scenario per finding code (fixtures: scripts/gen-token-fixtures.mjs).
 * The `PRODUCERS` map is typed `Record<FindingCode, ...>`, so adding a code without a scenario
 * that produces it fails to compile.
 */
import { describe, expect, it } from 'vitest'
import { base64url } from 'jose'
import type { FindingCode, InspectionReport } from './types.ts'
import { inspectToken } from './inspect.ts'
import { codes, constants, inspectScenario, jwks, optionsFor, scenario, scenarios } from './__fixtures__/fixtures.ts'

type Producer = string | (() => Promise<InspectionReport>)

const NOW = constants.now
const PRODUCERS: Record<FindingCode, Producer> = {
  malformed: () => inspectToken('eyJhbGciOiJSUzI1NiJ9.e30', { now: NOW }),
  payload_not_object: 'payload-not-object',
  duplicate_keys: 'duplicate-keys',
  claim_type_invalid: 'claim-type-invalid',
  payload_too_large: 'payload-too-large',
  jwe_encrypted: 'jwe-encrypted',
  alg_none: 'alg-none',
  unsupported_alg: 'unsupported-alg',
  alg_mismatch: 'alg-mismatch',
  hs_with_public_key: 'hs-with-public-key',
  kid_not_found: 'kid-not-found',
  kid_ambiguous: 'kid-absent-multiple-jwks',
  suspicious_kid: 'suspicious-kid',
  key_use_mismatch: 'key-use-mismatch',
  untrusted_jku: 'untrusted-jku',
  untrusted_x5u: 'untrusted-x5u',
  embedded_jwk: 'embedded-jwk',
  crit_unsupported: 'crit-unsupported',
  graph_nonce_header: 'graph-nonce-header',
  expired: 'expired',
  not_yet_valid: 'nbf-in-future',
  iat_future: 'iat-future',
  iss_mismatch: 'invalid-iss',
  aud_mismatch: 'invalid-aud',
  azp_mismatch: 'azp-mismatch',
  nonce_mismatch: 'nonce-mismatch',
  at_hash_mismatch: 'at-hash-mismatch',
  c_hash_mismatch: 'c-hash-mismatch',
  missing_iss: 'missing-iss',
  missing_sub: 'missing-sub',
  missing_aud: 'missing-aud',
  missing_exp: 'missing-exp',
  missing_iat: 'missing-iat',
  missing_nonce: 'missing-nonce',
  missing_at_hash: 'missing-at-hash',
  missing_c_hash: 'missing-c-hash',
  logout_event_invalid: 'logout-event-invalid',
  logout_nonce_present: 'logout-nonce-present',
  groups_overage: 'groups-overage',
  opaque_token: () => inspectToken('0.AXEA' + 'x'.repeat(300), { now: NOW }),
  embedded_x5c: 'embedded-x5c',
  keys_unavailable: () =>
    inspectToken(scenario('valid-id-rs256').token, {
      now: NOW,
      keys: {
        fetchJson: () => Promise.reject(new TypeError('Failed to fetch')),
      },
    }),
  keys_refetched: () => {
    let calls = 0
    return inspectToken(scenario('valid-id-rs256').token, {
      now: NOW,
      keys: {
        fetchJson: (url) => {
          if (url.endsWith('/openid-configuration'))
            return Promise.resolve({ issuer: constants.issuer, jwks_uri: `${constants.issuer}/keys` })
          calls++
          return Promise.resolve(calls === 1 ? { keys: [jwks.twoRsa.keys[1]] } : jwks.twoRsa)
        },
      },
    })
  },
  signature_invalid: 'signature-invalid',
  // A logout token without the explicit typ "logout+jwt" (its header swapped for {alg, kid}).
  typ_unexpected: () =>
    inspectToken(scenario('valid-logout').token.replace(/^[^.]+/, 'eyJhbGciOiJSUzI1NiIsImtpZCI6InJzYS0xIn0'), optionsFor('valid-logout')),
  entra_v1_token: 'entra-v1-access',
  tenant_mismatch: 'tenant-mismatch',
  lifetime_info: 'expired-within-tolerance',
  hash_not_computable: 'at-hash-alg-none',
}

function run(p: Producer): Promise<InspectionReport> {
  return typeof p === 'string' ? inspectScenario(p) : p()
}

describe('every finding code has a scenario that produces it', () => {
  for (const [code, producer] of Object.entries(PRODUCERS)) {
    it(`${code} <- ${typeof producer === 'string' ? producer : 'inline case'}`, async () => {
      const r = await run(producer)
      const f = r.findings.find((x) => x.code === code)
      expect(f, `findings were: ${codes(r).join(', ')}`).toBeDefined()
      expect(f?.message.length).toBeGreaterThan(20)
      expect(f?.specRef.url).toMatch(/^https:\/\//)
      expect(f?.specRef.label.length).toBeGreaterThan(3)
    })
  }
})

describe('every finding in every scenario is well formed', () => {
  for (const name of Object.keys(scenarios)) {
    it(`${name}: findings have code, severity, subject, message and an https spec link`, async () => {
      const r = await inspectScenario(name)
      for (const f of r.findings) {
        expect(['error', 'warning', 'info']).toContain(f.severity)
        expect(f.subject.length).toBeGreaterThan(0)
        expect(
          f.specRef.url.startsWith('https://www.rfc-editor.org/rfc/rfc') ||
            f.specRef.url.startsWith('https://openid.net/specs/') ||
            f.specRef.url.startsWith('https://learn.microsoft.com/') ||
            f.specRef.url.startsWith('https://bitbucket.org/openid/'),
        ).toBe(true)
      }
      // Reports are plain JSON: they survive a round trip unchanged.
      expect(JSON.parse(JSON.stringify(r))).toEqual(r)
      expect(r.evaluatedAt).toBe(NOW)
    })
  }
})

describe('valid baselines verify with no errors or warnings', () => {
  const valid = [
    'valid-id-rs256',
    'valid-id-ps256',
    'valid-access-es256',
    'valid-es384',
    'valid-es512',
    'valid-eddsa',
    'valid-hs256',
    'valid-logout',
    'entra-v2-id',
    'aud-array',
    'at-hash-ok',
    'c-hash-ok-es512',
    'at-hash-eddsa',
    'entra-multitenant-issuer',
    'b2c-id',
  ]
  for (const name of valid) {
    it(name, async () => {
      const r = await inspectScenario(name)
      expect(r.decodes).toBe(true)
      expect(r.form).toBe('jws')
      expect(r.signature.status).toBe('valid')
      expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([])
      expect(r.signature.chain.selected?.kid).toBe((r.header as { kid?: string }).kid)
      expect(r.signature.chain.candidates.filter((c) => c.used)).toHaveLength(1)
    })
  }
})

describe('signature status per scenario', () => {
  const cases: [string, InspectionReport['signature']['status']][] = [
    ['alg-none', 'none'],
    ['alg-none-mixed-case', 'none'],
    ['unsupported-alg', 'unverifiable'],
    ['hs-with-public-key', 'invalid'],
    ['kid-not-found', 'unverifiable'],
    ['kid-absent-multiple-jwks', 'valid'],
    ['key-use-mismatch', 'invalid'],
    ['embedded-jwk', 'invalid'],
    ['untrusted-jku', 'valid'],
    ['crit-unsupported', 'unverifiable'],
    ['crit-b64', 'unverifiable'],
    ['crit-b64-true', 'unverifiable'],
    ['at-hash-alg-none', 'none'],
    ['signature-invalid', 'invalid'],
    ['graph-nonce-header', 'unverifiable'],
    ['jwe-encrypted', 'unverifiable'],
    ['payload-too-large', 'unverifiable'],
    ['expired', 'valid'],
    ['duplicate-keys', 'valid'],
  ]
  for (const [name, status] of cases) {
    it(`${name} -> ${status}`, async () => {
      const r = await inspectScenario(name)
      expect(r.signature.status).toBe(status)
      expect(r.signature.reason.length).toBeGreaterThan(10)
    })
  }
})

describe('scenario details', () => {
  it('alg none is reported in any letter case, with form "unsecured"', async () => {
    const r = await inspectScenario('alg-none-mixed-case')
    expect(r.form).toBe('unsecured')
    expect(r.findings.find((f) => f.code === 'alg_none')?.actual).toBe('nOnE')
  })

  it('kid_ambiguous says which key verified', async () => {
    const r = await inspectScenario('kid-absent-multiple-jwks')
    expect(r.findings.find((f) => f.code === 'kid_ambiguous')?.message).toContain('"rsa-2"')
    expect(r.signature.chain.selected?.kid).toBe('rsa-2')
    const tried = r.signature.chain.candidates.find((c) => c.key.kid === 'rsa-1')
    expect(tried?.used).toBe(false)
    expect(tried?.reason).toMatch(/does not verify/)
  })

  it('embedded jwk is ignored: the attacker key inside the header is never used', async () => {
    const r = await inspectScenario('embedded-jwk')
    expect(r.signature.status).toBe('invalid')
    expect(r.signature.chain.candidates.map((c) => c.key.kid)).toEqual(['rsa-1', 'rsa-2'])
  })

  it('hs_with_public_key marks the key confusion attack invalid without trying the key', async () => {
    const r = await inspectScenario('hs-with-public-key')
    const f = r.findings.find((x) => x.code === 'hs_with_public_key')
    expect(f?.severity).toBe('error')
    expect(f?.actual).toBe('HS256')
    expect(r.signature.chain.candidates.every((c) => !c.used)).toBe(true)
  })

  it('key_use_mismatch names the encryption key', async () => {
    const r = await inspectScenario('key-use-mismatch')
    const f = r.findings.find((x) => x.code === 'key_use_mismatch')
    expect(f?.message).toContain('enc-1')
    expect(f?.actual).toBe('enc')
  })

  it('crit b64 cites RFC 7797 §6 (and §7 in the text)', async () => {
    const r = await inspectScenario('crit-b64')
    const f = r.findings.find((x) => x.code === 'crit_unsupported')
    expect(f?.specRef).toEqual({ label: 'RFC 7797 §6', url: 'https://www.rfc-editor.org/rfc/rfc7797#section-6' })
    expect(f?.message).toContain('b64')
    expect(f?.message).toContain('RFC 7797 §6')
    expect(f?.message).toContain('§7')
  })

  it('crit ["b64"] with b64:true is never verified as if b64 were the default (issue 14)', async () => {
    // The signature IS correct over the encoded payload: verifying it would say "valid".
    const fetched: string[] = []
    const r = await inspectScenario('crit-b64-true', {
      keys: { jwks: jwks.main, fetchJson: (u) => (fetched.push(u), Promise.reject(new Error('must not fetch'))) },
    })
    expect(r.signature.status).toBe('unverifiable')
    expect(r.signature.chain.candidates.some((c) => c.used)).toBe(false)
    expect(fetched).toEqual([])
    const f = r.findings.find((x) => x.code === 'crit_unsupported')
    expect(f).toMatchObject({ severity: 'error', subject: 'header.crit', specRef: { label: 'RFC 7797 §6' } })
    expect(f?.message).toMatch(/b64 is true/)
  })

  it('a payload whose bytes are not UTF-8 is malformed (RFC 7519 §7.2 step 10), not payload_not_object', async () => {
    const r = await inspectScenario('payload-not-utf8')
    expect(r.decodes).toBe(false)
    expect(r.form).toBe('malformed')
    expect(codes(r)).toContain('malformed')
    expect(codes(r)).not.toContain('payload_not_object')
    const f = r.findings.find((x) => x.code === 'malformed')
    expect(f).toMatchObject({ severity: 'error', subject: 'payload', specRef: { label: 'RFC 7519 §7.2' } })
    expect(f?.message).toMatch(/not valid UTF-8.*RFC 7519 §7\.2 step 10/)
    expect(r.signature.status).not.toBe('valid')
  })

  it('a header whose bytes are not UTF-8 is malformed too', async () => {
    const t = scenario('valid-id-rs256').token.split('.')
    const badHeader = base64url.encode(new Uint8Array([0x7b, 0x22, 0x61, 0xff, 0x22, 0x7d]))
    const r = await inspectToken(`${badHeader}.${t[1] ?? ''}.${t[2] ?? ''}`, { now: NOW })
    expect(r.decodes).toBe(false)
    const f = r.findings.find((x) => x.code === 'malformed')
    expect(f?.subject).toBe('header')
    expect(f?.message).toMatch(/header is not valid UTF-8.*RFC 7519 §7\.2 step 4/)
  })

  it('at_hash / c_hash on an unsigned token: a note that they cannot be computed, never a mismatch', async () => {
    const r = await inspectScenario('at-hash-alg-none')
    expect(codes(r)).toContain('alg_none')
    expect(codes(r)).not.toContain('at_hash_mismatch')
    expect(codes(r)).not.toContain('c_hash_mismatch')
    const notes = r.findings.filter((x) => x.code === 'hash_not_computable')
    expect(notes.map((n) => [n.subject, n.severity])).toEqual([
      ['at_hash', 'info'],
      ['c_hash', 'info'],
    ])
    expect(notes[0]?.message).toMatch(/unsigned.*not a mismatch/)
  })

  it('Graph tokens are explained, not shown as invalid, and no keys are fetched', async () => {
    let fetched = 0
    const r = await inspectScenario('graph-nonce-header', {
      keys: {
        fetchJson: () => {
          fetched++
          return Promise.resolve({})
        },
      },
    })
    expect(r.family).toBe('entra_graph_access')
    expect(r.signature.status).toBe('unverifiable')
    expect(r.findings.find((f) => f.code === 'graph_nonce_header')?.message).toMatch(/scope of your own API/)
    expect(codes(r)).not.toContain('signature_invalid')
    expect(fetched).toBe(0)
  })

  it('expired gives expected/actual times and still verifies the signature', async () => {
    const r = await inspectScenario('expired')
    const f = r.findings.find((x) => x.code === 'expired')
    expect(f?.actual).toBe(new Date((NOW - 7200) * 1000).toISOString().replace('.000Z', 'Z'))
    expect(f?.message).toMatch(/2 h/)
  })

  it('tolerance is configurable: 0 s makes a 100 s old expiry fail, 7200 s accepts a 2 h old one', async () => {
    const a = await inspectScenario('expired-within-tolerance', { clockToleranceSec: 0 })
    expect(codes(a)).toContain('expired')
    expect(a.clockToleranceSec).toBe(0)
    const b = await inspectScenario('expired', { clockToleranceSec: 7201 })
    expect(codes(b)).not.toContain('expired')
  })

  it('expiry boundary: now == exp + tolerance is expired, one second before is not', async () => {
    const s = scenario('expired')
    const exp = NOW - 7200
    const at = await inspectToken(s.token, { now: exp + 300, keys: { jwks: jwks.main } })
    expect(codes(at)).toContain('expired')
    const before = await inspectToken(s.token, { now: exp + 299, keys: { jwks: jwks.main } })
    expect(codes(before)).not.toContain('expired')
  })

  it('nbf boundary: nbf == now + tolerance is fine, one second later is not yet valid', async () => {
    const s = scenario('nbf-in-future')
    const nbf = NOW + 3600
    expect(codes(await inspectToken(s.token, { now: nbf - 300 }))).not.toContain('not_yet_valid')
    expect(codes(await inspectToken(s.token, { now: nbf - 301 }))).toContain('not_yet_valid')
  })

  it('duplicate keys are named and the parsed payload shows the last copy', async () => {
    const r = await inspectScenario('duplicate-keys')
    expect(r.findings.find((f) => f.code === 'duplicate_keys')?.actual).toBe('aud')
    expect((r.payload as { aud: string }).aud).toBe('evil-client')
  })

  it('multi-tenant issuer template is filled from tid', async () => {
    const r = await inspectScenario('entra-multitenant-issuer')
    expect(codes(r)).not.toContain('iss_mismatch')
    const wrong = await inspectScenario('entra-multitenant-issuer', {
      expected: { issuer: 'https://login.microsoftonline.com/{tenantid}/oauth2/v2.0' },
    })
    expect(wrong.findings.find((f) => f.code === 'iss_mismatch')?.expected).toBe(
      `https://login.microsoftonline.com/${constants.tenantId}/oauth2/v2.0`,
    )
  })

  it('an issuer differing only by a trailing slash is a mismatch with a hint', async () => {
    const r = await inspectScenario('valid-id-rs256', { expected: { issuer: `${constants.issuer}/` } })
    expect(r.findings.find((f) => f.code === 'iss_mismatch')?.message).toMatch(/trailing slash/)
  })

  it('aud arrays match when they contain the audience', async () => {
    const r = await inspectScenario('aud-array', { expected: { audience: 'other' } })
    expect(codes(r)).not.toContain('aud_mismatch')
    const miss = await inspectScenario('aud-array', { expected: { audience: 'nobody' } })
    expect(codes(miss)).toContain('aud_mismatch')
  })

  it('validation never stops at the first problem: many findings at once', async () => {
    const r = await inspectScenario('expired', {
      expected: { issuer: 'https://other.example', audience: 'other', nonce: 'x', alg: 'ES256' },
    })
    expect(codes(r)).toEqual(expect.arrayContaining(['expired', 'iss_mismatch', 'aud_mismatch', 'nonce_mismatch', 'alg_mismatch']))
    expect(r.signature.status).toBe('valid')
  })

  it('findings come errors first, then warnings, then information', async () => {
    const r = await inspectScenario('expired-within-tolerance', {
      expected: { audience: 'other', alg: 'RS256' },
      keys: { jwks: jwks.twoRsa },
    })
    const order = r.findings.map((f) => ['error', 'warning', 'info'].indexOf(f.severity))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(new Set(order).size).toBe(2)
  })

  it('logout tokens: a valid one passes; missing sub and sid is logout_event_invalid', async () => {
    const ok = await inspectScenario('valid-logout')
    expect(ok.family).toBe('logout')
    expect(ok.tokenType).toBe('logout_token')
    const r = await inspectScenario('logout-no-sub-no-sid')
    expect(r.findings.find((f) => f.code === 'logout_event_invalid')?.subject).toBe('sid')
  })

  it('groups overage names the endpoint to call', async () => {
    const r = await inspectScenario('groups-overage')
    expect(r.findings.find((f) => f.code === 'groups_overage')?.message).toMatch(/getMemberObjects/)
  })

  it('claims and header parameters are annotated', async () => {
    const r = await inspectScenario('entra-v2-id')
    expect(r.claims.map((c) => c.name)).toEqual(Object.keys(r.payload as object))
    expect(r.claims.find((c) => c.name === 'tid')?.known).toBe(true)
    expect(r.headerParams.map((h) => h.name)).toEqual(['alg', 'kid', 'typ'])
  })

  it('header jku/x5u are never fetched', async () => {
    const urls: string[] = []
    const r = await inspectScenario('untrusted-jku', {
      keys: {
        fetchJson: (url) => {
          urls.push(url)
          if (url.endsWith('/openid-configuration'))
            return Promise.resolve({ issuer: constants.issuer, jwks_uri: `${constants.issuer}/keys` })
          return Promise.resolve(jwks.main)
        },
      },
    })
    expect(r.signature.status).toBe('valid')
    expect(urls).toEqual([`${constants.issuer}/.well-known/openid-configuration`, `${constants.issuer}/keys`])
    expect(urls.some((u) => u.includes('attacker'))).toBe(false)
  })
})
