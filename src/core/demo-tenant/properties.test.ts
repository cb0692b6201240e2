import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { base64url } from 'jose'
import { escapeHtml, renderSignInPage, renderErrorPage } from './sign-in-page.ts'
import { classifyScopes, isEntraError, OIDC_SCOPES, splitScope } from './scopes.ts'
import { DEMO_API_APP_ID } from './types.ts'
import { codeRedemption, msalAuthorizeUrl, newTenant, clock, signIn, tokenPost } from './demo-client.test-support.ts'

const unreserved = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~'.split(''))

describe('demo tenant: properties', () => {
  it('escapeHtml leaves no markup-significant character behind', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(escapeHtml(s)).not.toMatch(/[<>"'`=]/)
      }),
    )
  })

  it('no user-controlled value can inject markup into the demo pages', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        const evil = `<x>${a}"'${b}`
        const html = renderSignInPage(
          {
            sessionId: evil,
            clientId: evil,
            redirectUri: evil,
            scopes: [evil],
            consentScopes: [evil, c],
            users: [{ id: evil, displayName: evil, userPrincipalName: evil, kind: 'member', description: evil }],
            loginHint: evil,
          },
          { action: evil, tenantName: evil, tenantId: evil, appName: evil },
        )
        expect(html).not.toContain('<x>')
        expect(renderErrorPage({ error: evil, description: evil, code: evil }, evil, evil)).not.toContain('<x>')
      }),
      { numRuns: 200 },
    )
  })

  it('scope classification never throws, keeps every OIDC scope, and gives every other scope a resource', () => {
    // Known scopes of each kind mixed with arbitrary strings, so both branches are exercised.
    const scope = fc.oneof(
      fc.constantFrom(
        'openid',
        'profile',
        'email',
        'offline_access',
        'User.Read',
        'https://graph.microsoft.com/Mail.Read',
        `api://${DEMO_API_APP_ID}/Notes.Read`,
      ),
      fc.string({ maxLength: 40 }),
    )
    fc.assert(
      fc.property(fc.array(scope, { maxLength: 6 }), (parts) => {
        const out = classifyScopes(parts.join(' '))
        if (isEntraError(out)) {
          expect([70011, 500011]).toContain(out.code)
          return
        }
        expect(out.requested).toEqual(splitScope(parts.join(' ')))
        expect(out.oidc).toEqual(out.requested.filter((s) => OIDC_SCOPES.has(s)))
        const others = out.requested.filter((s) => !OIDC_SCOPES.has(s))
        expect(out.graph.length + out.api.length > 0).toBe(others.length > 0)
      }),
    )
  })

  it('PKCE S256: every valid verifier redeems; any other verifier is refused', async () => {
    const tenant = await newTenant({ now: clock().now })
    await fc.assert(
      fc.asyncProperty(
        fc.array(unreserved, { minLength: 43, maxLength: 128 }),
        fc.array(unreserved, { minLength: 43, maxLength: 128 }),
        async (v1, v2) => {
          const verifier = v1.join('')
          const wrong = v2.join('')
          const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)))
          const challenge = base64url.encode(digest)
          const back = await signIn(tenant, { challenge })
          const code = back.get('code') ?? ''
          if (wrong !== verifier) {
            const bad = await tokenPost(tenant, codeRedemption(code, wrong))
            expect(bad.json.error_codes).toEqual([501481])
          }
          const good = await tokenPost(tenant, codeRedemption(code, verifier))
          expect(good.res.status).toBe(200)
        },
      ),
      { numRuns: 8 },
    )
    expect(msalAuthorizeUrl({})).toContain('response_mode=fragment')
  })

  it('prototype names are not codes, refresh tokens or sign-in sessions', async () => {
    const tenant = await newTenant({ now: clock().now })
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const code = await tokenPost(tenant, codeRedemption(name, 'v'.repeat(43)))
      expect(code.json.error_codes, name).toEqual([9002313])
      const rt = await tokenPost(tenant, {
        client_id: codeRedemption('', '').client_id ?? '',
        grant_type: 'refresh_token',
        refresh_token: name,
      })
      expect(rt.json.error_codes, name).toEqual([9002313])
      const done = await tenant.completeAuthorize(name, { userId: tenant.users[0]?.id ?? '', consent: true })
      expect(done.kind === 'error_page' && done.code, name).toBe('AADSTS50089')
    }
  })

  it('handle() always answers (never throws) whatever the URL, method, headers or body', async () => {
    const tenant = await newTenant({ now: clock().now })
    const path = fc.array(
      fc.oneof(
        fc.constantFrom(
          'common',
          'organizations',
          '5f0c1e7a-3b2d-4c8e-9a61-2d7e0b4f8c15',
          'oauth2',
          'v2.0',
          'token',
          'authorize',
          'logout',
          'login',
          'discovery',
          'keys',
          '.well-known',
          'openid-configuration',
          'v1.0',
          'me',
          'oidc',
          'userinfo',
          '%E0%A4%A',
          '%',
        ),
        fc.webSegment(),
      ),
      { maxLength: 6 },
    )
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('https://login.microsoftonline.com/', 'https://graph.microsoft.com/', 'https://example.org/'),
        path,
        fc.string(),
        fc.constantFrom('GET' as const, 'POST' as const),
        fc.option(fc.string(), { nil: undefined }),
        fc.dictionary(fc.constantFrom('authorization', 'content-type', 'client-request-id'), fc.string()),
        async (base, segments, query, method, body, headers) => {
          const res = await tenant.handle({
            method,
            url: `${base}${segments.join('/')}?${query}`,
            headers,
            ...(body !== undefined ? { body } : {}),
          })
          expect(res.status).toBeGreaterThanOrEqual(200)
          expect(res.status).toBeLessThan(600)
          expect(typeof res.body).toBe('string')
        },
      ),
      { numRuns: 200 },
    )
  }, 30_000)

  it('keeps its serialised state bounded however many sign-ins are started', async () => {
    const tenant = await newTenant({ now: clock().now })
    for (let i = 0; i < 120; i++) tenant.beginAuthorize(msalAuthorizeUrl({ challenge: 'c'.repeat(43) }))
    expect(Object.keys(tenant.serialize().pending).length).toBeLessThanOrEqual(51)
  })
})
