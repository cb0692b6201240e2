import { describe, expect, it } from 'vitest'
import { checkDiscoveredIssuer, explainNetworkFailure, type FailedStep } from './browser-failures.ts'

describe('explainNetworkFailure', () => {
  /** Client spa-1 on https://you.github.io failed to reach `url` at this step; `reachable`: the host answered a plain request. */
  const failure = (step: FailedStep, url: string, reachable: boolean) =>
    explainNetworkFailure({ step, url, pageOrigin: 'https://you.github.io', clientId: 'spa-1', reachable })
  it('a host that answered means CORS: names the page origin to allow and the client', () => {
    const f = failure('token', 'https://idp.example/oauth2/token', true)
    expect(f.code).toBe('cors_not_allowed')
    expect(f.explanation).toContain('add https://you.github.io to the allowed origins (CORS / web origins) of client spa-1')
    expect(f.explanation).not.toMatch(/network error/i)
  })
  it('a host that did not answer is unreachable, not CORS', () => {
    const f = failure('discovery', 'https://idp.example/.well-known/openid-configuration', false)
    expect(f.code).toBe('provider_unreachable')
    expect(f.explanation).toContain('idp.example')
  })
  it('public metadata without CORS asks for CORS on that document, not for a client setting', () => {
    const f = failure('jwks', 'https://idp.example/keys', true)
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
