import { describe, expect, it } from 'vitest'
import { distinctName, readSharedProfile, SHARE_LINK_MAX_CHARS } from './profile.ts'

const redirectUri = 'https://app.test.example/redirect.html'
const link = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const entra = {
  name: 'Contoso',
  kind: 'entra',
  tenant: 'contoso.onmicrosoft.com',
  clientId: '11111111-2222-3333-4444-555555555555',
  scopes: 'User.Read',
}

describe('readSharedProfile', () => {
  it('reads a profile, drops any id and names the host sign-in goes to', () => {
    const r = readSharedProfile(link({ ...entra, id: 'demo', extra: 1 }), { redirectUri })
    expect(r).toMatchObject({
      ok: true,
      host: 'login.microsoftonline.com',
      authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
    })
    if (!r.ok) return
    expect(r.profile).not.toHaveProperty('id')
    expect(r.profile).not.toHaveProperty('extra')
    expect(r.profile.redirectUri).toBe(redirectUri)
    expect(r.profile.cloud).toBe('public')
  })

  it('reads non-ASCII text and shows an internationalised host in its punycode form', () => {
    const r = readSharedProfile(link({ name: 'Café', kind: 'oidc', authority: 'https://lоgin.test.example/', clientId: 'c' }), {
      redirectUri,
    })
    expect(r.ok && r.profile.name).toBe('Café')
    expect(r.ok && r.host).toMatch(/^xn--/)
  })

  it.each([
    ['the demo kind', link({ ...entra, kind: 'demo' }), /built-in demo/],
    ['an unknown kind', link({ ...entra, kind: 'saml' }), /"kind"/],
    ['a list', link([entra]), /JSON object/],
    ['a number where text belongs', link({ ...entra, clientId: 7 }), /"clientId" must be text, not number/],
    ['an object where text belongs', link({ ...entra, name: { a: 1 } }), /"name" must be text/],
    ['an over-long field', link({ ...entra, scopes: 's'.repeat(3000) }), /"scopes" is 3000 characters/],
    ['a control character', link({ ...entra, name: 'a\u202eb' }), /"name" contains control/],
    ['a missing client id', link({ ...entra, clientId: ' ' }), /"clientId" is missing/],
    ['an http authority', link({ ...entra, kind: 'oidc', authority: 'http://idp.test.example' }), /https/],
    ['a javascript: authority', link({ ...entra, kind: 'oidc', authority: 'javascript:alert(1)' }), /https/],
    [
      'credentials in the authority',
      link({ ...entra, kind: 'oidc', authority: 'https://login.microsoftonline.com@evil.test.example' }),
      /user name/,
    ],
    [
      'a B2C tenant that changes the host',
      link({ ...entra, kind: 'b2c', tenant: 'evil.test.example/x', policy: 'B2C_1_a' }),
      /would change the sign-in host/,
    ],
    ['an Entra tenant that is no tenant', link({ ...entra, tenant: 'a/b' }), /neither a tenant ID/],
    ['an unknown cloud', link({ ...entra, cloud: 'mars' }), /"cloud"/],
    ['damaged base64', '%%%', /not base64url/],
    ['base64 of something that is not JSON', Buffer.from('hello').toString('base64url'), /not JSON/],
    ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url'), /UTF-8/],
    ['an over-long link', 'A'.repeat(SHARE_LINK_MAX_CHARS + 1), /characters long/],
  ])('refuses %s, saying why', (_label, encoded, why) => {
    const r = readSharedProfile(encoded, { redirectUri })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.reason).toMatch(why)
  })
})

describe('distinctName', () => {
  it('keeps a new name and marks one already taken', () => {
    expect(distinctName('Mine', ['Demo tenant'])).toBe('Mine')
    expect(distinctName('Demo tenant', ['demo tenant'])).toBe('Demo tenant (shared)')
    expect(distinctName('A', ['A', 'A (shared)'])).toBe('A (shared 2)')
  })
})
