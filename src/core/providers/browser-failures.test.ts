import { describe, expect, it } from 'vitest'
import { checkDiscoveredIssuer, explainNetworkFailure } from './browser-failures.ts'

describe('explainNetworkFailure', () => {
  it('a host that answered means CORS: names the page origin to allow and the client', () => {
    const f = explainNetworkFailure({
      step: 'token',
      url: 'https://idp.example/oauth2/token',
      pageOrigin: 'https://you.github.io',
      clientId: 'spa-1',
      reachable: true,
    })
    expect(f.code).toBe('cors_not_allowed')
    expect(f.explanation).toContain('add https://you.github.io to the allowed origins (CORS / web origins) of client spa-1')
    expect(f.explanation).not.toMatch(/network error/i)
  })
  it('a host that did not answer is unreachable, not CORS', () => {
    const f = explainNetworkFailure({
      step: 'discovery',
      url: 'https://idp.example/.well-known/openid-configuration',
      pageOrigin: 'https://you.github.io',
      clientId: 'spa-1',
      reachable: false,
    })
    expect(f.code).toBe('provider_unreachable')
    expect(f.explanation).toContain('idp.example')
  })
  it('public metadata without CORS asks for CORS on that document, not for a client setting', () => {
    const f = explainNetworkFailure({
      step: 'jwks',
      url: 'https://idp.example/keys',
      pageOrigin: 'https://you.github.io',
      clientId: 'spa-1',
      reachable: true,
    })
    expect(f.explanation).toContain('https://idp.example/keys')
    expect(f.explanation).not.toContain('client spa-1')
  })
})

describe('checkDiscoveredIssuer (OIDC Discovery §4.3)', () => {
  it('accepts the identical issuer, and one differing only by a trailing slash the person typed', () => {
    expect(checkDiscoveredIssuer('https://idp.example/realms/a', 'https://idp.example/realms/a')).toBeNull()
    expect(checkDiscoveredIssuer('https://idp.example/realms/a/', 'https://idp.example/realms/a')).toBeNull()
  })
  it('refuses another host spelling and says which authority to use', () => {
    const f = checkDiscoveredIssuer('https://127.0.0.1:8443', 'https://localhost:8443')
    expect(f?.code).toBe('issuer_mismatch')
    expect(f?.explanation).toContain("Set the profile's authority to https://localhost:8443 exactly")
  })
  it('refuses a document without an issuer', () => {
    expect(checkDiscoveredIssuer('https://idp.example', undefined)?.title).toMatch(/names no issuer/)
  })
})
