import { describe, expect, it } from 'vitest'
import { FetchNotAllowedError, fetchPolicy, isWellKnownIssuerHost, issuerHost, networkScope } from './fetch-policy.ts'

describe('issuerHost', () => {
  it('returns the lower-cased host of an https issuer', () => {
    expect(issuerHost('https://Login.MicrosoftOnline.com/tid/v2.0')).toBe('login.microsoftonline.com')
    expect(issuerHost('https://issuer.test.example:8443/a')).toBe('issuer.test.example:8443')
  })
  it('is null for anything that is not an https URL', () => {
    for (const iss of ['http://issuer.example', 'issuer.example', '', 42, null, undefined, 'javascript:alert(1)'])
      expect(issuerHost(iss)).toBeNull()
  })
})

describe('isWellKnownIssuerHost', () => {
  it('trusts the Entra and Google hosts, not look-alikes or other hosts', () => {
    const expected: Record<string, boolean> = {
      'login.microsoftonline.com': true,
      'login.microsoftonline.us': true,
      'login.partner.microsoftonline.cn': true,
      'sts.windows.net': true,
      'login.windows.net': true,
      'contoso.b2clogin.com': true,
      'contoso.ciamlogin.com': true,
      'accounts.google.com': true,
      'STS.WINDOWS.NET': true,
      'b2clogin.com': false,
      '.b2clogin.com': false,
      'evilb2clogin.com': false,
      'login.microsoftonline.com.evil.example': false,
      'microsoftonline.com': false,
      'issuer.test.example': false,
      'login.microsoftonline.com:8443': false,
    }
    const actual = Object.fromEntries(Object.keys(expected).map((host) => [host, isWellKnownIssuerHost(host)]))
    expect(actual).toEqual(expected)
  })
})

describe('networkScope', () => {
  const scope = (url: string) => networkScope(new URL(url).hostname)
  it('finds loopback, link-local and private addresses in every spelling the URL parser accepts', () => {
    expect(scope('https://localhost/')).toBe('loopback')
    expect(scope('https://127.0.0.1/')).toBe('loopback')
    expect(scope('https://0x7f.1/')).toBe('loopback')
    expect(scope('https://2130706433/')).toBe('loopback')
    expect(scope('https://[::1]/')).toBe('loopback')
    expect(scope('https://[::ffff:127.0.0.1]/')).toBe('loopback')
    expect(scope('https://169.254.169.254/')).toBe('link-local')
    expect(scope('https://[fe80::1]/')).toBe('link-local')
    expect(scope('https://metadata.google.internal/')).toBe('link-local')
    expect(scope('https://10.1.2.3/')).toBe('private')
    expect(scope('https://172.16.0.1/')).toBe('private')
    expect(scope('https://172.31.255.1/')).toBe('private')
    expect(scope('https://192.168.1.1/')).toBe('private')
    expect(scope('https://[fd00::1]/')).toBe('private')
    expect(scope('https://printer.local/')).toBe('local-name')
    expect(scope('https://idp.corp.internal/')).toBe('local-name')
    expect(scope('https://intranet/')).toBe('local-name')
    expect(scope('https://app.localhost/')).toBe('local-name')
  })
  it('keeps public names and addresses public', () => {
    for (const u of [
      'https://login.microsoftonline.com/',
      'https://172.32.0.1/',
      'https://8.8.8.8/',
      'https://[2001:db8::1]/',
      'https://issuer.test.example/',
      'https://local.example.com/',
    ]) {
      expect(scope(u)).toBe('public')
    }
  })
})

describe('fetchPolicy', () => {
  const none = { trustedHosts: [] as string[] }
  it('fetches Entra and Google without asking', () => {
    expect(fetchPolicy('https://login.microsoftonline.com/common/discovery/v2.0/keys', none).verdict).toBe('auto')
    expect(fetchPolicy('https://www.googleapis.com/oauth2/v3/certs', none).verdict).toBe('auto')
    expect(fetchPolicy('https://contoso.b2clogin.com/x/v2.0/.well-known/openid-configuration', none).verdict).toBe('auto')
  })
  it('asks for any other host until the user trusts that very host', () => {
    expect(fetchPolicy('https://issuer.test.example/.well-known/openid-configuration', none)).toMatchObject({
      verdict: 'ask',
      host: 'issuer.test.example',
    })
    const ctx = { trustedHosts: ['issuer.test.example'] }
    expect(fetchPolicy('https://issuer.test.example/jwks', ctx).verdict).toBe('auto')
    // Consent for the issuer does not cover the key set's host, nor another port.
    expect(fetchPolicy('https://keys.elsewhere.example/jwks', ctx)).toMatchObject({ verdict: 'ask', host: 'keys.elsewhere.example' })
    expect(fetchPolicy('https://issuer.test.example:8443/jwks', ctx)).toMatchObject({ verdict: 'ask', host: 'issuer.test.example:8443' })
  })
  it('refuses anything but https, and URLs with credentials', () => {
    for (const u of [
      'http://issuer.test.example/',
      'http://localhost:8080/realms/x',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:application/json,{}',
      'not a url',
    ]) {
      expect(fetchPolicy(u, { trustedHosts: ['issuer.test.example', 'localhost:8080'] }).verdict).toBe('refuse')
    }
    expect(fetchPolicy('https://user:pw@issuer.test.example/', { trustedHosts: ['issuer.test.example'] }).verdict).toBe('refuse')
  })
  it('never fetches inside a private network without consent, and says why', () => {
    for (const u of [
      'https://localhost:8443/',
      'https://169.254.169.254/latest/meta-data/',
      'https://10.0.0.1/',
      'https://router.local/',
      'https://metadata.google.internal/',
    ]) {
      const d = fetchPolicy(u, none)
      expect(d.verdict).toBe('ask')
      expect(d.reason).toMatch(/your own network/)
      expect(d.scope).not.toBe('public')
    }
    expect(fetchPolicy('https://localhost:8443/jwks', { trustedHosts: ['localhost:8443'] }).verdict).toBe('auto')
  })
  it('has an error type that carries the decision', () => {
    const d = fetchPolicy('https://issuer.test.example/', none)
    const e = new FetchNotAllowedError('https://issuer.test.example/', d)
    expect(e.message).toContain('issuer.test.example needs your consent')
    expect(e.decision).toBe(d)
  })
})
