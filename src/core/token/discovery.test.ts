/**
 * Key discovery through the API's injection point: `fetchJson` is given a real in-memory
 * "issuer" that serves real discovery and JWKS documents (no library is mocked).
 */
import { base64url } from 'jose'
import { describe, expect, it } from 'vitest'
import type { InspectOptions } from './types.ts'
import { inspectToken } from './inspect.ts'
import { hasTenantPlaceholder, substituteTenant } from './discovery-url.ts'
import { resolveIssuer } from '../flows/tokens.ts'
import { codes, constants, jwks, scenario } from './__fixtures__/fixtures.ts'

type Docs = Record<string, unknown | (() => unknown)>

/** A tiny issuer: serves the given documents by URL, records every request, 404s the rest. */
function issuer(docs: Docs): { fetchJson: (url: string) => Promise<unknown>; requests: string[] } {
  const requests: string[] = []
  return {
    requests,
    fetchJson: async (url: string) => {
      requests.push(url)
      const d = docs[url]
      if (d === undefined) throw new Error(`HTTP 404 for ${url}`)
      return typeof d === 'function' ? (d as () => unknown)() : structuredClone(d)
    },
  }
}

const ISS = constants.issuer
const DISCOVERY = `${ISS}/.well-known/openid-configuration`
const JWKS_URI = `${ISS}/protocol/openid-connect/certs`
const NOW = constants.now

function opts(fetchJson: (url: string) => Promise<unknown>, expected?: InspectOptions['expected']): InspectOptions {
  const o: InspectOptions = { now: NOW, keys: { fetchJson } }
  if (expected) o.expected = expected
  return o
}

describe('discovery: iss -> openid-configuration -> jwks_uri -> kid', () => {
  it('verifies with keys found through the issuer, recording every fetch', async () => {
    const idp = issuer({ [DISCOVERY]: { issuer: ISS, jwks_uri: JWKS_URI }, [JWKS_URI]: jwks.main })
    const r = await inspectToken(scenario('valid-id-rs256').token, opts(idp.fetchJson))
    expect(r.signature.status).toBe('valid')
    expect(idp.requests).toEqual([DISCOVERY, JWKS_URI])
    const chain = r.signature.chain
    expect(chain.source).toBe('issuer')
    expect(chain.issuer).toBe(ISS)
    expect(chain.discoveryUrl).toBe(DISCOVERY)
    expect(chain.jwksUri).toBe(JWKS_URI)
    expect(chain.fetches.map((f) => [f.purpose, f.ok])).toEqual([
      ['discovery', true],
      ['jwks', true],
    ])
    expect(chain.fetches[1]?.document).toEqual(jwks.main)
    expect(chain.selected?.issuer).toBe(ISS)
    expect(chain.refetched).toBe(false)
  })

  it('an issuer with a trailing slash does not produce a double slash', async () => {
    const iss = 'https://idp.example/realms/a/'
    const idp = issuer({})
    const payload = base64url.encode(JSON.stringify({ iss, sub: 'x' }))
    await inspectToken(`${base64url.encode('{"alg":"RS256"}')}.${payload}.c2ln`, opts(idp.fetchJson))
    expect(idp.requests).toEqual(['https://idp.example/realms/a/.well-known/openid-configuration'])
  })

  it('Entra v1 issuers (sts.windows.net) are discovered at login.microsoftonline.com and checked against the v1 issuer', async () => {
    const v1 = constants.entraV1Issuer // https://sts.windows.net/{tid}/
    const url = `https://login.microsoftonline.com/${constants.tenantId}/.well-known/openid-configuration`
    const idp = issuer({
      [url]: { issuer: v1, jwks_uri: 'https://login.microsoftonline.com/common/discovery/keys' },
      'https://login.microsoftonline.com/common/discovery/keys': jwks.entra,
    })
    const r = await inspectToken(scenario('entra-v1-access').token, opts(idp.fetchJson))
    expect(idp.requests[0]).toBe(url)
    expect(r.signature.status).toBe('valid')
    expect(codes(r)).not.toContain('iss_mismatch')
  })

  it('refetches once when the kid is unknown (rotation) and then verifies', async () => {
    let served = 0
    const idp = issuer({
      [DISCOVERY]: { issuer: ISS, jwks_uri: JWKS_URI },
      [JWKS_URI]: () => (++served === 1 ? { keys: [jwks.main.keys[1]] } : jwks.main),
    })
    const r = await inspectToken(scenario('valid-id-rs256').token, opts(idp.fetchJson))
    expect(idp.requests).toEqual([DISCOVERY, JWKS_URI, JWKS_URI])
    expect(r.signature.status).toBe('valid')
    expect(r.signature.chain.refetched).toBe(true)
    expect(r.signature.chain.fetches.map((f) => f.purpose)).toEqual(['discovery', 'jwks', 'jwks_refetch'])
    expect(r.findings.find((f) => f.code === 'keys_refetched')?.message).toMatch(/second fetch/)
  })

  it('refetches only once: an unknown kid after the refetch is kid_not_found with likely causes', async () => {
    const idp = issuer({ [DISCOVERY]: { issuer: ISS, jwks_uri: JWKS_URI }, [JWKS_URI]: jwks.main })
    const r = await inspectToken(scenario('kid-not-found').token, opts(idp.fetchJson))
    expect(idp.requests).toEqual([DISCOVERY, JWKS_URI, JWKS_URI])
    expect(r.signature.status).toBe('unverifiable')
    const f = r.findings.find((x) => x.code === 'kid_not_found')
    expect(f?.message).toMatch(/fetched twice/)
    expect(f?.message).toMatch(/another tenant or environment/)
    expect(f?.message).toMatch(/appid/)
  })

  it('does not refetch when the kid is already known', async () => {
    const idp = issuer({ [DISCOVERY]: { issuer: ISS, jwks_uri: JWKS_URI }, [JWKS_URI]: jwks.main })
    await inspectToken(scenario('valid-es384').token, opts(idp.fetchJson))
    expect(idp.requests).toHaveLength(2)
  })
})

describe('Entra app-specific signing keys (jwks_uri?appid=)', () => {
  const V2 = constants.entraV2Issuer
  const ENTRA_DISCOVERY = `${V2}/.well-known/openid-configuration`
  const ENTRA_KEYS = `https://login.microsoftonline.com/${constants.tenantId}/discovery/v2.0/keys`
  const entraIdp = () =>
    issuer({
      [ENTRA_DISCOVERY]: { issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0', jwks_uri: ENTRA_KEYS },
      [ENTRA_KEYS]: jwks.entra,
      [`${ENTRA_KEYS}?appid=${constants.entraClient}`]: jwks.entraApp,
    })

  it('finds the key at ?appid=<client id> after the tenant keys and a refetch miss', async () => {
    const idp = entraIdp()
    const r = await inspectToken(scenario('entra-v2-access-app-key').token, opts(idp.fetchJson, { clientId: constants.entraClient }))
    expect(idp.requests).toEqual([ENTRA_DISCOVERY, ENTRA_KEYS, ENTRA_KEYS, `${ENTRA_KEYS}?appid=${constants.entraClient}`])
    expect(r.signature.status).toBe('valid')
    expect(r.signature.chain.fetches.map((f) => f.purpose)).toEqual(['discovery', 'jwks', 'jwks_refetch', 'jwks_appid'])
    expect(r.findings.find((f) => f.code === 'keys_refetched' && /app-specific/.test(f.message))).toBeDefined()
    // The multi-tenant discovery issuer ({tenantid}) matches the token's issuer after substitution.
    expect(codes(r)).not.toContain('iss_mismatch')
  })

  it('uses the expected audience (api://GUID form too) when no client ID is given', async () => {
    const idp = entraIdp()
    const r = await inspectToken(
      scenario('entra-v2-access-app-key').token,
      opts(idp.fetchJson, { audience: `api://${constants.entraClient}` }),
    )
    expect(r.signature.status).toBe('valid')
  })

  it('without a client ID the app keys cannot be looked up: kid_not_found', async () => {
    const idp = entraIdp()
    const r = await inspectToken(scenario('entra-v2-access-app-key').token, opts(idp.fetchJson))
    expect(idp.requests).toHaveLength(3)
    expect(codes(r)).toContain('kid_not_found')
  })

  it('never tries ?appid= for non-Entra issuers', async () => {
    const idp = issuer({ [DISCOVERY]: { issuer: ISS, jwks_uri: JWKS_URI }, [JWKS_URI]: jwks.main })
    await inspectToken(scenario('kid-not-found').token, opts(idp.fetchJson, { clientId: constants.entraClient }))
    expect(idp.requests.some((u) => u.includes('appid'))).toBe(false)
  })
})

describe('discovery failures become keys_unavailable, never an exception', () => {
  it('offline / CORS: a clear message and an unverifiable signature; claims are still checked', async () => {
    const r = await inspectToken(
      scenario('expired').token,
      opts(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    expect(r.signature.status).toBe('unverifiable')
    const f = r.findings.find((x) => x.code === 'keys_unavailable')
    expect(f?.message).toMatch(/Failed to fetch/)
    expect(f?.message).toMatch(/CORS/)
    expect(f?.message).toMatch(/paste/i)
    expect(codes(r)).toContain('expired')
    expect(r.signature.chain.fetches[0]).toMatchObject({ purpose: 'discovery', ok: false, error: 'Failed to fetch' })
  })

  it('a fetchJson that throws synchronously is handled too', async () => {
    const r = await inspectToken(
      scenario('valid-id-rs256').token,
      opts(() => {
        throw new Error('boom')
      }),
    )
    expect(r.signature.status).toBe('unverifiable')
    expect(codes(r)).toContain('keys_unavailable')
  })

  it.each([
    ['discovery is not an object', { [DISCOVERY]: ['not', 'an', 'object'] }, /not a JSON object/],
    ['no jwks_uri', { [DISCOVERY]: { issuer: ISS } }, /jwks_uri/],
    ['http jwks_uri', { [DISCOVERY]: { issuer: ISS, jwks_uri: 'http://evil.example/keys' } }, /jwks_uri/],
    ['JWKS fetch fails', { [DISCOVERY]: { issuer: ISS, jwks_uri: JWKS_URI } }, /Could not fetch the key set/],
    ['JWKS without keys', { [DISCOVERY]: { issuer: ISS, jwks_uri: JWKS_URI }, [JWKS_URI]: { keys: [] } }, /no keys/],
  ])('%s', async (_label, docs, message) => {
    const r = await inspectToken(scenario('valid-id-rs256').token, opts(issuer(docs).fetchJson))
    expect(r.signature.status).toBe('unverifiable')
    expect(r.findings.find((f) => f.code === 'keys_unavailable')?.message).toMatch(message)
  })

  it('a discovery document naming another issuer is iss_mismatch (OIDC Discovery §4.3)', async () => {
    const idp = issuer({ [DISCOVERY]: { issuer: 'https://impostor.example', jwks_uri: JWKS_URI }, [JWKS_URI]: jwks.main })
    const r = await inspectToken(scenario('valid-id-rs256').token, opts(idp.fetchJson))
    const f = r.findings.find((x) => x.code === 'iss_mismatch')
    expect(f?.specRef.label).toBe('OIDC Discovery 1.0 §4.3')
    expect(f?.expected).toBe('https://impostor.example')
  })

  it('a token without iss cannot discover keys', async () => {
    const idp = issuer({})
    const r = await inspectToken(scenario('missing-iss').token, opts(idp.fetchJson))
    expect(idp.requests).toEqual([])
    expect(r.findings.find((f) => f.code === 'keys_unavailable')?.message).toMatch(/no "iss"/)
  })

  it('a non-https issuer is not fetched', async () => {
    const idp = issuer({})
    const payload = base64url.encode(JSON.stringify({ iss: 'ftp://issuer.example', sub: 'x' }))
    const t = `${base64url.encode('{"alg":"RS256"}')}.${payload}.c2ln`
    const r = await inspectToken(t, opts(idp.fetchJson))
    expect(idp.requests).toEqual([])
    expect(r.findings.find((f) => f.code === 'keys_unavailable')?.message).toMatch(/not an https URL/)
  })

  it('http:// issuers, even on localhost, are not fetched: the one fetch policy (and the page CSP) allow https only', async () => {
    const local = 'http://localhost:8080/realms/dev'
    const idp = issuer({
      [`${local}/.well-known/openid-configuration`]: { issuer: local, jwks_uri: `${local}/certs` },
      [`${local}/certs`]: jwks.main,
    })
    const payload = base64url.encode(JSON.stringify({ iss: local, sub: 'x' }))
    const r = await inspectToken(`${base64url.encode('{"alg":"RS256","kid":"rsa-1"}')}.${payload}.c2ln`, opts(idp.fetchJson))
    expect(idp.requests).toEqual([])
    expect(r.findings.find((f) => f.code === 'keys_unavailable')?.message).toMatch(/not an https URL.*Paste the JWKS/)
  })

  it('an https issuer whose discovery names an http jwks_uri gets no key request', async () => {
    const iss = 'https://issuer.example'
    const idp = issuer({ [`${iss}/.well-known/openid-configuration`]: { issuer: iss, jwks_uri: 'http://issuer.example/keys' } })
    const payload = base64url.encode(JSON.stringify({ iss, sub: 'x' }))
    const r = await inspectToken(`${base64url.encode('{"alg":"RS256","kid":"rsa-1"}')}.${payload}.c2ln`, opts(idp.fetchJson))
    expect(idp.requests).toEqual([`${iss}/.well-known/openid-configuration`])
    expect(r.signature.status).toBe('unverifiable')
  })
})

describe('pasted keys', () => {
  const token = scenario('valid-id-rs256').token
  it.each([
    ['a JWK Set', jwks.main],
    ['a single JWK', jwks.main.keys[0]],
    ['an array of JWKs', jwks.main.keys],
    ['JWK Set JSON text', JSON.stringify(jwks.main)],
  ])('accepts %s', async (_label, set) => {
    const r = await inspectToken(token, { now: NOW, keys: { jwks: set } })
    expect(r.signature.status).toBe('valid')
    expect(r.signature.chain.source).toBe('pasted')
    expect(r.signature.chain.fetches).toEqual([])
  })

  it.each([
    ['not JSON', '{keys:'],
    ['an empty set', { keys: [] }],
    ['a number', 42],
  ])('rejects %s with keys_unavailable', async (_label, set) => {
    const r = await inspectToken(token, { now: NOW, keys: { jwks: set } })
    expect(r.signature.status).toBe('unverifiable')
    expect(codes(r)).toContain('keys_unavailable')
  })

  it('no keys at all: unverifiable with a hint, and no finding noise', async () => {
    const r = await inspectToken(token, { now: NOW })
    expect(r.signature.status).toBe('unverifiable')
    expect(r.signature.reason).toMatch(/paste/)
    expect(r.signature.chain.source).toBe('none')
    expect(r.findings).toEqual([])
  })
})

describe('the one {tenantid} rule', () => {
  const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47'
  it('fills the placeholder in any case, and leaves a template without a tenant as it is', () => {
    expect(substituteTenant('https://login.microsoftonline.com/{tenantid}/v2.0', TID)).toBe(`https://login.microsoftonline.com/${TID}/v2.0`)
    expect(substituteTenant('https://login.microsoftonline.com/{TenantId}/v2.0', TID)).toBe(`https://login.microsoftonline.com/${TID}/v2.0`)
    expect(substituteTenant('https://login.microsoftonline.com/{tenantid}/v2.0', undefined)).toBe(
      'https://login.microsoftonline.com/{tenantid}/v2.0',
    )
    expect(substituteTenant('https://login.microsoftonline.com/{tenantid}/v2.0', '')).toBe(
      'https://login.microsoftonline.com/{tenantid}/v2.0',
    )
    expect(hasTenantPlaceholder('https://sts.windows.net/{TENANTID}/')).toBe(true)
    expect(hasTenantPlaceholder(`https://sts.windows.net/${TID}/`)).toBe(false)
  })

  it('the validator and the capture analysis read a template the same way', () => {
    for (const template of ['https://login.microsoftonline.com/{tenantid}/v2.0', 'https://login.microsoftonline.com/{TenantID}/v2.0']) {
      expect(resolveIssuer(template, TID)).toBe(substituteTenant(template, TID))
      expect(resolveIssuer(template, undefined)).toBeUndefined()
    }
  })
})
