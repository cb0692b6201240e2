import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  annotateClaims,
  annotateHeader,
  describeApp,
  describeClaim,
  describeDirectoryRole,
  describeGraphPermissionId,
  describeHeader,
  describeScopes,
  listClaims,
} from './annotate.ts'
import type { ClaimAnnotation } from './types.ts'
import { CLAIM_NAMES } from './claim-names.ts'
import { HEADER_NAMES } from './header-registry.ts'

const NOW = 1795638285 // 2026-11-25 20:24:45 UTC
const TID = '9188040d-6c67-4c5b-b112-36a304b66dad'

/** A v1.0 Microsoft Graph delegated token as Entra issues it (values made up, shape real). */
const graphV1 = {
  aud: '00000003-0000-0000-c000-000000000000',
  iss: `https://sts.windows.net/${TID}/`,
  iat: NOW - 600,
  nbf: NOW - 600,
  exp: NOW + 52 * 60,
  acct: 0,
  acr: '1',
  amr: ['pwd', 'mfa'],
  app_displayname: 'Microsoft Azure CLI',
  appid: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  appidacr: '0',
  idp: 'live.com',
  idtyp: 'user',
  name: 'Ada Lovelace',
  oid: '11111111-2222-3333-4444-555555555555',
  scp: 'User.Read Mail.Send Directory.AccessAsUser.All openid',
  sub: 'aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA7bC9d',
  tid: TID,
  unique_name: 'ada@example.com',
  upn: 'ada@example.com',
  ver: '1.0',
  wids: ['62e90394-69f5-4237-9190-012177145e10', 'b79fbf4d-3ef9-4689-8143-76b194e85509'],
  xms_cc: ['CP1'],
  xms_idrel: '1 16',
  some_custom_thing: 42,
}

function byName(list: ClaimAnnotation[], name: string): ClaimAnnotation {
  const a = list.find((x) => x.name === name)
  if (a === undefined) throw new Error(`no annotation for ${name}`)
  return a
}

describe('annotateClaims on an Entra v1.0 Graph token', async () => {
  const list = await annotateClaims(graphV1, { now: NOW })

  it('keeps payload order and annotates every member', () => {
    expect(list.map((a) => a.name)).toEqual(Object.keys(graphV1))
  })

  it('marks unknown claims known:false and keeps their value', () => {
    const u = byName(list, 'some_custom_thing')
    expect(u.known).toBe(false)
    expect(u.value).toBe(42)
    expect(u.human).toEqual([{ raw: '42' }])
  })

  it('humanises times with absolute and relative text', () => {
    expect(byName(list, 'exp').human[0]).toMatchObject({ text: '2026-11-25 21:16:45 UTC', relative: 'in 52 min' })
    expect(byName(list, 'iat').human[0]?.relative).toBe('10 min ago')
  })

  it('names the Microsoft Graph audience and the Azure CLI client', () => {
    expect(byName(list, 'aud').human[0]).toMatchObject({ text: 'Microsoft Graph', source: 'Microsoft first-party app' })
    expect(byName(list, 'appid').human[0]?.text).toBe('Microsoft Azure CLI')
  })

  it('uses the Entra reading of aud, iss and sub, and says so', () => {
    expect(byName(list, 'aud').variant).toBe('Microsoft Entra')
    expect(byName(list, 'sub').details).toMatch(/pairwise/)
    expect(byName(list, 'iss').human[0]?.text).toBe('Entra v1.0 issuer, global cloud, Personal Microsoft accounts (consumers tenant)')
  })

  it('names directory roles in wids, including Global Administrator', () => {
    const w = byName(list, 'wids').human
    expect(w[0]?.text).toMatch(/^Global Administrator \(privileged; formerly Company Administrator\)$/)
    expect(w[0]?.source).toBe('Entra directory role')
    expect(w[1]?.text).toBe('Default member user (implicit; undocumented)')
  })

  it('splits scp into Graph delegated permissions with meanings and consent', () => {
    const s = byName(list, 'scp').human
    expect(s.map((h) => h.raw)).toEqual(['User.Read', 'Mail.Send', 'Directory.AccessAsUser.All', 'openid'])
    expect(s[0]).toMatchObject({ text: 'Sign in and read the signed-in user’s profile', source: 'Microsoft Graph delegated permission' })
    expect(s[1]?.text).toBe('Send mail as the user')
    expect(s[2]?.text).toMatch(/needs admin consent$/)
    expect(s[3]?.source).toBe('OpenID Connect scope')
  })

  it('puts amr, acr, idp, ver, appidacr, acct, idtyp, xms_cc and xms_idrel into words', () => {
    expect(byName(list, 'amr').human.map((h) => h.text)).toEqual([
      'Password (for an app: its client secret)',
      'Multi-factor authentication',
    ])
    expect(byName(list, 'acr').human[0]?.text).toMatch(/^Met basic assurance/)
    expect(byName(list, 'idp').human[0]?.text).toBe('Personal Microsoft account')
    expect(byName(list, 'ver').human[0]?.text).toBe('Entra v1.0 token format')
    expect(byName(list, 'appidacr').human[0]?.text).toMatch(/^Public client/)
    expect(byName(list, 'acct').human[0]?.text).toBe('Member of the tenant')
    expect(byName(list, 'idtyp').human[0]?.text).toBe('A user (delegated access)')
    expect(byName(list, 'xms_cc').human[0]?.text).toMatch(/claims challenges/)
    expect(byName(list, 'xms_idrel').human.map((h) => h.text)).toEqual(['Member user', 'Unknown value (ignore it)'])
  })

  it('names the consumers tenant', () => {
    expect(byName(list, 'tid').human[0]?.text).toBe('Personal Microsoft accounts (consumers tenant)')
  })

  it('flags personal claims', () => {
    for (const n of ['name', 'upn', 'unique_name', 'oid', 'sub']) expect(byName(list, n).personal, n).toBe(true)
    for (const n of ['exp', 'aud', 'scp', 'wids']) expect(byName(list, n).personal, n).toBe(false)
  })

  it('marks undocumented claims with their status', () => {
    expect(byName(list, 'app_displayname').status).toBe('observed-undocumented')
    expect(byName(list, 'scp').status).toBe('documented')
  })
})

describe('annotateClaims: other Entra shapes', () => {
  it('reads an app-only Graph token’s roles as application permissions', async () => {
    const list = await annotateClaims(
      {
        aud: 'https://graph.microsoft.com',
        iss: `https://sts.windows.net/${TID}/`,
        tid: TID,
        ver: '1.0',
        roles: ['User.Read.All', 'df021288-bdef-4463-88db-98f22de89214'],
        azpacr: '2',
      },
      { now: NOW },
    )
    const roles = byName(list, 'roles').human
    expect(roles[0]).toMatchObject({
      text: 'Read the full profile of every user, as the app itself',
      source: 'Microsoft Graph application permission',
    })
    expect(roles[1]).toMatchObject({ source: 'Microsoft Graph application permission' })
    expect(roles[1]?.text).toMatch(/^User\.Read\.All/)
    expect(byName(list, 'aud').human[0]?.text).toBe('Microsoft Graph')
    expect(byName(list, 'azpacr').human[0]?.text).toMatch(/certificate/)
  })

  it('does not call scopes Graph permissions when the token is for another API', async () => {
    const list = await annotateClaims(
      { aud: 'api://5e0b9d6a-0000-4000-8000-000000000001', tid: TID, ver: '2.0', scp: 'User.Read' },
      { now: NOW },
    )
    expect(byName(list, 'scp').human[0]?.source).toBeUndefined()
    expect(byName(list, 'aud').human[0]?.text).toBe('App ID URI of application 5e0b9d6a-0000-4000-8000-000000000001')
  })

  it('explains a groups overage', async () => {
    const list = await annotateClaims(
      {
        iss: `https://login.microsoftonline.com/${TID}/v2.0`,
        _claim_names: { groups: 'src1' },
        _claim_sources: { src1: { endpoint: 'https://graph.windows.net/x/users/y/getMemberObjects' } },
        hasgroups: true,
      },
      { now: NOW },
    )
    expect(byName(list, '_claim_names').human[0]?.text).toMatch(/Groups overage/)
    expect(byName(list, '_claim_names').title).toBe('Groups overage marker')
    expect(byName(list, '_claim_sources').human[0]?.text).toMatch(/Azure AD Graph/)
    expect(byName(list, 'hasgroups').human[0]?.text).toMatch(/Microsoft Graph/)
  })

  it('recognises a guest from another tenant and well-known tenants', async () => {
    const other = '72f988bf-86f1-41af-91ab-2d7cd011db47'
    const list = await annotateClaims(
      { iss: `https://login.microsoftonline.com/${TID}/v2.0`, tid: TID, idp: `https://sts.windows.net/${other}/` },
      { now: NOW },
    )
    expect(byName(list, 'idp').human[0]?.text).toBe(`Guest from another Entra tenant (${other})`)
    const ms = await annotateClaims({ tid: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a' }, { now: NOW, entra: true })
    expect(byName(ms, 'tid').human[0]?.text).toMatch(/Microsoft Services tenant/)
  })

  it('puts idp email OTP, Google and v2.0 ver into words', async () => {
    const list = await annotateClaims({ iss: `https://login.microsoftonline.com/${TID}/v2.0`, idp: 'mail', ver: '2.0' }, { now: NOW })
    expect(byName(list, 'idp').human[0]?.text).toMatch(/one-time passcode/)
    expect(byName(list, 'ver').human[0]?.text).toBe('Entra v2.0 token format')
    const g = await annotateClaims({ iss: `https://login.microsoftonline.com/${TID}/v2.0`, idp: 'google.com' }, { now: NOW })
    expect(byName(g, 'idp').human[0]?.text).toMatch(/Google/)
  })

  it('reads an Azure AD B2C token: tfp, newUser, emails, extension attributes, B2C version', async () => {
    const list = await annotateClaims(
      {
        iss: `https://contoso.b2clogin.com/${TID}/v2.0/`,
        ver: '1.0',
        tfp: 'B2C_1_signupsignin',
        newUser: true,
        emails: ['a@b.c'],
        extension_loyaltyId: 'L1',
      },
      { now: NOW },
    )
    expect(byName(list, 'iss').human[0]?.text).toBe('Entra v2.0 issuer, Azure AD B2C, Personal Microsoft accounts (consumers tenant)')
    expect(byName(list, 'ver').human[0]?.text).toBe('Azure AD B2C token format 1.0')
    expect(byName(list, 'tfp').known).toBe(true)
    expect(byName(list, 'emails').personal).toBe(true)
    expect(byName(list, 'extension_loyaltyId')).toMatchObject({ known: true, title: 'B2C custom attribute', variant: 'Azure AD B2C' })
    expect(byName(list, 'tfp')).toMatchObject({ variant: 'Azure AD B2C' })
    expect(byName(list, 'tfp').definedIn.map((l) => l.url)).toContain(
      'https://learn.microsoft.com/en-us/azure/active-directory-b2c/configure-tokens',
    )
    expect(byName(list, 'newUser').variant).toBe('Azure AD B2C')
  })

  it('annotates B2C claims when the token family is B2C (issue 17 item 2): acr as the policy, idp, oid/sub, iss', async () => {
    // A custom-domain B2C token: no b2clogin.com host, the policy travels in acr.
    const b2c = await annotateClaims(
      {
        iss: `https://login.contoso.example/${TID}/v2.0/`,
        ver: '1.0',
        acr: 'b2c_1a_signup_signin',
        sub: 'u1',
        oid: 'u1',
        idp: 'google.com',
        emails: ['a@b.c'],
        extension_tier: 'gold',
        tid: TID,
      },
      { now: NOW },
    )
    const acr = byName(b2c, 'acr')
    expect(acr).toMatchObject({ variant: 'Azure AD B2C', title: 'B2C policy (acr)' })
    expect(acr.human[0]?.text).toBe('Azure AD B2C custom policy')
    expect(byName(b2c, 'idp')).toMatchObject({ variant: 'Azure AD B2C' })
    expect(byName(b2c, 'idp').details).toMatch(/local accounts/)
    expect(byName(b2c, 'oid').summary).toMatch(/B2C directory/)
    expect(byName(b2c, 'sub').summary).toMatch(/not pairwise/)
    // sub === oid is the B2C default for users, not Entra's app-only signal.
    expect(byName(b2c, 'sub').human[0]?.text).toBe('Same as oid: the user’s object ID (the B2C default)')
    expect(byName(b2c, 'iss').details).toMatch(/per policy/)
    expect(byName(b2c, 'extension_tier').title).toBe('B2C custom attribute')
    // tid has no B2C reading: the Entra one applies.
    expect(byName(b2c, 'tid')).toMatchObject({ known: true, title: 'Tenant ID' })
    // The same claims in a workforce Entra token keep their Entra readings.
    const entra = await annotateClaims(
      {
        iss: `https://login.microsoftonline.com/${TID}/v2.0`,
        ver: '2.0',
        acr: '1',
        sub: 'pairwise',
        oid: 'o',
        extension_tier: 'gold',
        tid: TID,
      },
      { now: NOW },
    )
    expect(byName(entra, 'acr').variant).toBe('Microsoft Entra')
    expect(byName(entra, 'sub').variant).toBe('Microsoft Entra')
    expect(byName(entra, 'sub').summary).not.toMatch(/not pairwise/)
    expect(byName(entra, 'extension_tier').title).toBe('Directory extension attribute')
  })

  it('falls back to the Entra reading for B2C tokens where B2C has none (aud)', async () => {
    const list = await annotateClaims(
      { iss: `https://contoso.b2clogin.com/${TID}/v2.0/`, tfp: 'B2C_1_susi', aud: '6e74172b-be56-4843-9ff4-e66a39bb12e3' },
      { now: NOW },
    )
    expect(byName(list, 'aud').variant).toBe('Microsoft Entra')
  })

  it('names the common PowerShell clients and carries no "Microsoft Entra ID-" search-and-replace artefacts (issue 14)', async () => {
    expect((await describeApp('12128f48-ec9e-42f0-b203-ea49fb6af367')).text).toBe('Microsoft Teams PowerShell')
    expect((await describeApp('a0c73c16-a7e3-4564-9a95-2bdf47383716')).text).toBe('Microsoft Exchange Online Remote PowerShell')
    expect((await describeApp('b23dd4db-9142-4734-867f-3577f640ad0c')).text).toBe('Office Online Client AAD- Loki')
    const { default: table } = await import('./data/first-party-apps.json')
    const names = Object.values(table.apps as Record<string, string>)
    expect(names.length).toBeGreaterThan(1100)
    expect(names.filter((n) => /Microsoft Entra ID-/.test(n))).toEqual([])
  })

  it('knows the claims real Entra tokens carry that Microsoft does not document (issue 14), and says so', async () => {
    const list = await annotateClaims(
      {
        iss: `https://sts.windows.net/${TID}/`,
        altsecid: '1:live.com:0003BFFD',
        xms_tdbr: 'EU',
        xms_az_nwperimid: [],
        xms_spcu: 'true',
        tenant_region_sub_scope: 'GCC',
        cloud_instance_host_name: 'login.microsoftonline.com',
      },
      { now: NOW },
    )
    for (const name of ['altsecid', 'xms_tdbr', 'xms_az_nwperimid', 'xms_spcu', 'tenant_region_sub_scope', 'cloud_instance_host_name']) {
      const a = byName(list, name)
      expect(a.known, name).toBe(true)
      expect(a.status, name).toBe('observed-undocumented')
      expect(a.summary, name).toMatch(/^Seen in tokens, undocumented/)
      expect(a.definedIn.length, name).toBeGreaterThan(0)
    }
    expect(byName(list, 'altsecid').personal).toBe(true)
  })

  it('names the documented Conditional Access user actions in acrs', async () => {
    const list = await annotateClaims(
      { iss: `https://sts.windows.net/${TID}/`, acrs: ['urn:user:registersecurityinfo', 'urn:user:registerdevice', 'c1', 'p1'] },
      { now: NOW },
    )
    expect(byName(list, 'acrs').human.map((h) => h.text)).toEqual([
      'Conditional Access user action: register security information',
      'Conditional Access user action: register or join a device',
      'Authentication context c1 (defined by this tenant’s admins)',
      'Undocumented value',
    ])
    expect(byName(list, 'acrs').definedIn.map((l) => l.url)).toContain(
      'https://learn.microsoft.com/en-us/graph/api/resources/conditionalaccessapplications',
    )
  })

  it('acr "0" is worded as OIDC Core §2 words it (SHOULD NOT, monetary value); auth_time/acr cite RFC 9470 §6.1 and §3', async () => {
    const list = await annotateClaims({ iss: 'https://idp.example', acr: '0', auth_time: NOW - 60 }, { now: NOW })
    const zero = byName(list, 'acr').human[0]?.text ?? ''
    expect(zero).toMatch(/SHOULD NOT/)
    expect(zero).toMatch(/monetary value/)
    expect(zero).not.toMatch(/must not|data is at risk/i)
    for (const name of ['acr', 'auth_time']) {
      const labels = byName(list, name).definedIn.map((l) => l.label)
      expect(labels, name).toContain('RFC 9470 §6.1')
      expect(labels, name).toContain('RFC 9470 §3')
      expect(labels.indexOf('RFC 9470 §6.1'), name).toBeLessThan(labels.indexOf('RFC 9470 §3'))
    }
  })

  it('Keycloak session_state: says Keycloak 25 stopped putting it in tokens and sid replaces it', async () => {
    const list = await annotateClaims({ iss: 'https://kc.example/realms/demo', session_state: 's1', sid: 's1' }, { now: NOW })
    const a = byName(list, 'session_state')
    expect(a.details).toMatch(/Keycloak 25/)
    expect(a.watchFor).toMatch(/sid/)
    expect(a.definedIn.some((l) => l.url.startsWith('https://www.keycloak.org/docs/25.0.0/upgrading'))).toBe(true)
  })

  it('puts observed xms_* claims into words', async () => {
    const ftd = btoa(String.fromCharCode(...new Array<number>(32).fill(7), 1, ...[...'usnorth-dsms'].map((c) => c.charCodeAt(0))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')
    const list = await annotateClaims(
      { iss: `https://sts.windows.net/${TID}/`, xms_ssm: '1', xms_st: { sub: 'abc' }, xms_ftd: ftd, xms_tcdt: NOW - 86400 },
      { now: NOW },
    )
    expect(byName(list, 'xms_ssm').human[0]?.text).toMatch(/revoke/)
    expect(byName(list, 'xms_st').human[0]?.text).toBe('Earlier token’s sub: abc')
    expect(byName(list, 'xms_ftd').human[0]?.text).toBe('Opaque; carries the data-center label "usnorth-dsms"')
    expect(byName(list, 'xms_tcdt').human[0]?.relative).toBe('1 d ago')
  })

  it('reads pwd_exp in both documented forms', async () => {
    const rel = await annotateClaims({ iss: `https://sts.windows.net/${TID}/`, iat: NOW, pwd_exp: 3600 }, { now: NOW })
    expect(byName(rel, 'pwd_exp').human[0]).toMatchObject({
      raw: '3600',
      text: '2026-11-25 21:24:45 UTC (3600 s after iat)',
      relative: 'in 1 h',
    })
    const abs = await annotateClaims({ iss: `https://sts.windows.net/${TID}/`, iat: NOW, pwd_exp: NOW + 86400 }, { now: NOW })
    expect(byName(abs, 'pwd_exp').human[0]?.relative).toBe('in 1 d')
  })

  it('honours ctx.entra even without a recognisable issuer', async () => {
    const list = await annotateClaims({ aud: 'x', acr: '0' }, { now: NOW, entra: true })
    expect(byName(list, 'aud').variant).toBe('Microsoft Entra')
    expect(byName(list, 'acr').human[0]?.text).toMatch(/ISO\/IEC 29115/)
  })
})

describe('annotateClaims: standard and vendor tokens', () => {
  it('uses the standard text for a generic OIDC token', async () => {
    const list = await annotateClaims(
      { iss: 'https://idp.example.com', aud: ['a', 'b'], acr: 'urn:mace:incommon:iap:silver', amr: ['hwk', 'face', 'weird'] },
      { now: NOW },
    )
    expect(byName(list, 'aud').variant).toBeUndefined()
    expect(byName(list, 'aud').details).not.toMatch(/Entra/)
    expect(byName(list, 'aud').human.map((h) => h.raw)).toEqual(['a', 'b'])
    expect(byName(list, 'acr').human[0]?.text).toBe('InCommon Silver identity assurance')
    expect(byName(list, 'amr').human.map((h) => h.text)).toEqual([
      'Proof of a hardware-protected key',
      'Facial recognition',
      'Unregistered method name',
    ])
  })

  it('recognises Azure AD B2C policies in acr', async () => {
    const list = await annotateClaims({ acr: 'B2C_1_signupsignin' }, { now: NOW })
    expect(byName(list, 'acr').human[0]?.text).toBe('Azure AD B2C user flow')
    const custom = await annotateClaims({ acr: 'B2C_1A_signup_signin' }, { now: NOW })
    expect(byName(custom, 'acr').human[0]?.text).toBe('Azure AD B2C custom policy')
  })

  it('picks Google’s reading of sub and hd for a Google ID token', async () => {
    const list = await annotateClaims(
      { iss: 'https://accounts.google.com', sub: '1234567890', hd: 'example.com', email_verified: true },
      { now: NOW },
    )
    expect(byName(list, 'sub').variant).toBe('Google')
    expect(byName(list, 'sub').summary).toMatch(/numeric/)
    expect(byName(list, 'hd').known).toBe(true)
    expect(byName(list, 'email_verified').human[0]?.text).toBe('Verified')
  })

  it('reads Keycloak typ and acr', async () => {
    const list = await annotateClaims({ iss: 'https://kc.example.com/realms/demo', typ: 'Bearer', acr: '1' }, { now: NOW })
    expect(byName(list, 'typ').human[0]?.text).toBe('Access token')
    expect(byName(list, 'acr').human[0]?.text).toBe('Fresh interactive login')
  })

  it('reads a DPoP proof’s nonce as the server nonce', async () => {
    const list = await annotateClaims({ jti: 'x', htm: 'POST', htu: 'https://as.example/token', iat: NOW, nonce: 'n' }, { now: NOW })
    expect(byName(list, 'nonce').title).toBe('DPoP nonce')
    expect(byName(list, 'iat').human[0]?.relative).toBe('just now')
  })

  it('reports a non-number exp in words, not as a date', async () => {
    const list = await annotateClaims({ exp: '1795638285' }, { now: NOW })
    expect(byName(list, 'exp').human[0]?.text).toMatch(/not a NumericDate/)
  })

  it('guesses personal data for unknown claims with telling names', async () => {
    const list = await annotateClaims({ customer_email: 'a@b.c', build: 7 }, { now: NOW })
    expect(byName(list, 'customer_email').personal).toBe(true)
    expect(byName(list, 'build').personal).toBe(false)
  })

  it('never rejects and returns one annotation per member, whatever the values', async () => {
    // Every registered claim, plus names that are not claims and names that trip up plain objects.
    const names = fc.constantFrom(...CLAIM_NAMES, 'constructor', '__proto__', 'x')
    await fc.assert(
      fc.asyncProperty(fc.dictionary(names, fc.jsonValue()), fc.boolean(), async (payload, entra) => {
        const list = await annotateClaims(payload, { now: NOW, entra })
        expect(list).toHaveLength(Object.keys(payload).length)
        for (const a of list) expect(Array.isArray(a.human)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})

describe('annotateHeader', () => {
  it('marks jku, x5u, jwk and x5c as risky and the rest not', async () => {
    const list = await annotateHeader(
      {
        alg: 'RS256',
        kid: 'k',
        jku: 'https://evil.example/jwks',
        x5u: 'https://evil.example/c.pem',
        jwk: { kty: 'RSA' },
        x5c: ['MIIB'],
        typ: 'JWT',
      },
      { now: NOW },
    )
    expect(list.map((h) => [h.name, h.risky])).toEqual([
      ['alg', false],
      ['kid', false],
      ['jku', true],
      ['x5u', true],
      ['jwk', true],
      ['x5c', true],
      ['typ', false],
    ])
    expect(list[2]?.human[0]?.text).toMatch(/Not fetched/)
    expect(list[5]?.human[0]?.text).toBe('Chain of 1 certificate: not trusted for verification')
  })

  it('explains alg values, including none in any case', async () => {
    const list = await annotateHeader({ alg: 'nOnE' }, { now: NOW })
    expect(list[0]?.human[0]?.text).toMatch(/NO SIGNATURE/)
    const rs = await annotateHeader({ alg: 'RS256', typ: 'application/at+jwt' }, { now: NOW })
    expect(rs[0]?.human[0]?.text).toBe('RSA PKCS#1 v1.5 signature with SHA-256')
    expect(rs[1]?.human[0]?.text).toMatch(/RFC 9068/)
  })

  it('explains the Entra Graph nonce and marks unknown parameters', async () => {
    const list = await annotateHeader({ typ: 'JWT', nonce: 'abc', alg: 'RS256', x5t: 'T', kid: 'T', foo: 1 }, { now: NOW })
    const nonce = list.find((h) => h.name === 'nonce')
    expect(nonce?.human[0]?.text).toMatch(/only the target Microsoft API can verify/)
    expect(list.find((h) => h.name === 'kid')?.human[0]?.text).toMatch(/Same value as x5t/)
    expect(list.find((h) => h.name === 'foo')).toMatchObject({ known: false, risky: false })
  })

  it('never rejects on arbitrary header values', async () => {
    // Every registered header parameter, plus an unknown one and one that trips up plain objects.
    const names = fc.constantFrom(...HEADER_NAMES, 'toString', 'y')
    await fc.assert(
      fc.asyncProperty(fc.dictionary(names, fc.jsonValue()), async (header) => {
        const list = await annotateHeader(header, { now: NOW })
        expect(list.map((h) => h.name)).toEqual(Object.keys(header))
        for (const h of list) expect(h.risky).toBe(['jku', 'x5u', 'jwk', 'x5c'].includes(h.name))
      }),
      { numRuns: 300 },
    )
  })

  it('describes a JWE header', async () => {
    const list = await annotateHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', zip: 'DEF' }, { now: NOW })
    expect(list.map((h) => h.human[0]?.text)).toEqual([
      'RSA-OAEP with SHA-256 key encryption',
      'AES-256-GCM',
      'DEFLATE-compressed before encryption',
    ])
  })
})

describe('describeClaim / describeHeader', () => {
  it('returns registry entries with variants', async () => {
    expect((await describeClaim('aud', 'entra'))?.details).toMatch(/App ID URI/)
    expect(await describeClaim('nope')).toBeUndefined()
    expect((await describeHeader('jku'))?.risky).toBe(true)
  })

  it('lists every claim for a glossary', async () => {
    const all = await listClaims()
    expect(all.length).toBe(134)
    expect(all.every((c) => c.title.length > 0)).toBe(true)
  })
})

describe('look-up helpers for other screens', () => {
  it('names apps, resources, roles and Graph permission IDs', async () => {
    expect((await describeApp('1950a258-227b-4e31-a9cf-717495945fc2')).text).toBe('Microsoft Azure PowerShell')
    expect((await describeApp('https://management.azure.com/')).text).toBe('Azure Resource Manager')
    expect((await describeApp('https://contoso.sharepoint.com')).text).toBe('SharePoint Online / OneDrive')
    expect((await describeApp('6a1f5d1e-0000-4000-8000-00000000abcd')).source).toBeUndefined()
    expect(await describeDirectoryRole('62E90394-69F5-4237-9190-012177145E10')).toBe('Global Administrator')
    expect(await describeDirectoryRole('__proto__')).toBeUndefined()
    expect(await describeGraphPermissionId('e1fe6dd8-ba31-4d61-89e7-88639da4683d')).toEqual({ value: 'User.Read', type: 'delegated' })
    expect(await describeGraphPermissionId('df021288-bdef-4463-88db-98f22de89214')).toEqual({ value: 'User.Read.All', type: 'application' })
  })

  it('reads a v2 scope parameter with resource prefixes', async () => {
    const s = await describeScopes(
      'openid offline_access https://graph.microsoft.com/Mail.Read User.Read api://11111111-2222-3333-4444-555555555555/access_as_user https://management.azure.com/.default',
    )
    expect(s.map((h) => h.raw)).toEqual([
      'openid',
      'offline_access',
      'https://graph.microsoft.com/Mail.Read',
      'User.Read',
      'api://11111111-2222-3333-4444-555555555555/access_as_user',
      'https://management.azure.com/.default',
    ])
    expect(s[1]?.text).toMatch(/refresh token/)
    expect(s[2]).toMatchObject({ text: 'Read the user’s mail', source: 'Microsoft Graph delegated permission' })
    expect(s[3]?.source).toBe('Microsoft Graph delegated permission')
    expect(s[4]?.text).toBe('"access_as_user" at App ID URI of application 11111111-2222-3333-4444-555555555555')
    expect(s[5]?.text).toBe('All permissions configured for the app at Azure Resource Manager')
  })
})
