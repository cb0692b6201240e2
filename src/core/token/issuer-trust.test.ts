import { describe, expect, it } from 'vitest'
import { isWellKnownIssuerHost, issuerHost } from './issuer-trust.ts'

describe('issuerHost', () => {
  it('returns the lower-cased host of an https issuer', () => {
    expect(issuerHost('https://Login.MicrosoftOnline.com/tid/v2.0')).toBe('login.microsoftonline.com')
    expect(issuerHost('https://issuer.test.example:8443/a')).toBe('issuer.test.example:8443')
  })
  it('is null for anything that is not an https URL', () => {
    for (const iss of ['http://issuer.example', 'issuer.example', '', 42, null, undefined, 'javascript:alert(1)']) expect(issuerHost(iss)).toBeNull()
  })
})

describe('isWellKnownIssuerHost', () => {
  it('trusts the Entra and Google hosts', () => {
    for (const h of ['login.microsoftonline.com', 'login.microsoftonline.us', 'login.partner.microsoftonline.cn', 'sts.windows.net', 'login.windows.net', 'contoso.b2clogin.com', 'contoso.ciamlogin.com', 'accounts.google.com', 'STS.WINDOWS.NET']) {
      expect(isWellKnownIssuerHost(h)).toBe(true)
    }
  })
  it('does not trust look-alikes or other hosts', () => {
    for (const h of ['b2clogin.com', '.b2clogin.com', 'evilb2clogin.com', 'login.microsoftonline.com.evil.example', 'microsoftonline.com', 'issuer.test.example', 'login.microsoftonline.com:8443']) {
      expect(isWellKnownIssuerHost(h)).toBe(false)
    }
  })
})
