/**
 * Our restatement of MSAL's issuer check (core/capture/profile.ts msalIssuerRule) against the
 * real thing: msal-common's Authority.validateIssuer, the code MSAL 5.30 runs on a discovery
 * document it fetched. Every case must get the same verdict from both.
 */
import { describe, expect, it } from 'vitest'
import { Authority, Logger, ProtocolMode } from '@azure/msal-common/node'
import { authorityOf, demoProfiles, knownAuthoritiesFor, msalIssuerRule, type ConnectionProfile } from '../../core/capture/profile.ts'

const TID = '0b6c4f2e-5a1d-4c3b-9e8f-7a6d5c4b3a21'

function msalAccepts(authority: string, issuer: string, knownAuthorities: string[]): boolean {
  // createDiscoveredInstance adds {name}.onmicrosoft.com to a bare {name}.ciamlogin.com authority first.
  const a = new Authority(
    Authority.transformCIAMAuthority(`${authority.replace(/\/+$/, '')}/`, 'test'),
    {} as never,
    {} as never,
    { protocolMode: ProtocolMode.AAD, knownAuthorities, cloudDiscoveryMetadata: '', authorityMetadata: '' },
    new Logger({}),
    'test',
    {} as never,
  )
  // validateIssuer is private in the typings; it is the method MSAL runs on fetched metadata.
  const validate = (a as unknown as { validateIssuer: (issuer: string) => void }).validateIssuer.bind(a)
  try {
    validate(issuer)
    return true
  } catch {
    return false
  }
}

const CASES: [string, string, string[]][] = [
  // External ID by name: the GUID host is refused unless listed.
  ['https://contoso.ciamlogin.com/contoso.onmicrosoft.com', `https://${TID}.ciamlogin.com/${TID}/v2.0`, ['contoso.ciamlogin.com']],
  [
    'https://contoso.ciamlogin.com/contoso.onmicrosoft.com',
    `https://${TID}.ciamlogin.com/${TID}/v2.0`,
    ['contoso.ciamlogin.com', `${TID}.ciamlogin.com`],
  ],
  ['https://contoso.ciamlogin.com/contoso.onmicrosoft.com', 'https://contoso.ciamlogin.com/contoso.onmicrosoft.com/v2.0', []],
  ['https://contoso.ciamlogin.com', 'https://contoso.ciamlogin.com/contoso/v2.0', []],
  // By ID: same host.
  [`https://${TID}.ciamlogin.com/${TID}`, `https://${TID}.ciamlogin.com/${TID}/v2.0`, []],
  // Custom URL domain by tenant ID: the ciamlogin pattern from the path.
  [`https://login.contoso.com/${TID}`, `https://${TID}.ciamlogin.com/${TID}/v2.0`, ['login.contoso.com']],
  ['https://login.contoso.com/contoso.onmicrosoft.com', `https://${TID}.ciamlogin.com/${TID}/v2.0`, ['login.contoso.com']],
  // B2C: the issuer is on the authority's host.
  [
    'https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_signupsignin',
    `https://contoso.b2clogin.com/${TID}/v2.0/`,
    ['contoso.b2clogin.com'],
  ],
  ['https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_signupsignin', `https://login.microsoftonline.com/${TID}/v2.0`, []],
  ['https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_signupsignin', `https://westus2.login.microsoft.com/${TID}/v2.0`, []],
  ['https://accounts.example.com', 'https://evil.example.net', ['accounts.example.com']],
  ['https://accounts.example.com', 'http://accounts.example.com', []],
]

describe('msalIssuerRule agrees with MSAL 5.30 (msal-common Authority.validateIssuer)', () => {
  it.each(CASES)('%s with issuer %s (known %j)', (authority, issuer, known) => {
    expect(msalIssuerRule(authority, issuer, known) !== null).toBe(msalAccepts(authority, issuer, known))
  })
})

function external(tenant: string): ConnectionProfile {
  return { ...demoProfiles('https://app.example/redirect.html')[0]!, id: 'x', kind: 'external', tenant, clientId: TID }
}

describe('knownAuthoritiesFor', () => {
  it('adds the GUID-based *.ciamlogin.com issuer host of an External ID authority by name, says so, and MSAL then accepts it', () => {
    const p = external('contoso')
    const issuer = `https://${TID}.ciamlogin.com/${TID}/v2.0`
    const known = knownAuthoritiesFor(p, { issuer })
    expect(known.hosts).toEqual(['contoso.ciamlogin.com', `${TID}.ciamlogin.com`])
    expect(known.notes.join(' ')).toContain(`added ${TID}.ciamlogin.com to knownAuthorities`)
    expect(known.refusal).toBeUndefined()
    expect(msalAccepts(authorityOf(p), issuer, known.hosts)).toBe(true)
    expect(msalAccepts(authorityOf(p), issuer, ['contoso.ciamlogin.com'])).toBe(false)
  })

  it('adds nothing by tenant ID or for a custom URL domain by ID (MSAL accepts those already)', () => {
    const issuer = `https://${TID}.ciamlogin.com/${TID}/v2.0`
    expect(knownAuthoritiesFor(external(TID), { issuer })).toEqual({ hosts: [`${TID}.ciamlogin.com`], notes: [] })
    expect(knownAuthoritiesFor(external(`https://login.contoso.com/${TID}`), { issuer })).toEqual({
      hosts: ['login.contoso.com'],
      notes: [],
    })
  })

  it('never adds a host that is not a same-tenant *.ciamlogin.com issuer, and explains the refusal', () => {
    for (const issuer of [
      'https://evil.example/contoso/v2.0',
      `https://${TID}.ciamlogin.com/11111111-2222-4333-8444-555555555555/v2.0`,
      `https://${TID}.ciamlogin.evil.com/${TID}/v2.0`,
    ]) {
      const known = knownAuthoritiesFor(external('contoso'), { issuer })
      expect(known.hosts).toEqual(['contoso.ciamlogin.com'])
      expect(known.refusal).toMatchObject({ issuer, authority: 'https://contoso.ciamlogin.com/contoso.onmicrosoft.com' })
      expect(known.refusal?.advice).toContain('tenant ID')
    }
  })

  it('the demo External ID profile gets its tenant-ID host; the Entra demo gets no known authorities', () => {
    const [entra, , ext] = demoProfiles('https://app.example/redirect.html')
    expect(knownAuthoritiesFor(ext!, { issuer: `https://${TID}.ciamlogin.com/${TID}/v2.0` }).hosts).toContain(`${TID}.ciamlogin.com`)
    expect(knownAuthoritiesFor(entra!, { issuer: `https://login.microsoftonline.com/${TID}/v2.0` }).hosts).toEqual([])
  })
})
