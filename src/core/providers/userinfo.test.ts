import { describe, expect, it } from 'vitest'
import { summarizeUserinfo } from './userinfo.ts'

const ok = (body: unknown) => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe('summarizeUserinfo', () => {
  it('lists the claims as text and checks sub against the ID token (OIDC Core §5.3.2)', () => {
    const r = summarizeUserinfo(
      'https://idp/userinfo',
      ok({ sub: 'u1', email: 'a@b', email_verified: true, address: { country: 'FR' } }),
      'u1',
    )
    expect(r.status).toBe('ok')
    if (r.status !== 'ok') return
    expect(r.subMatches).toBe(true)
    expect(r.claims).toContainEqual(['email_verified', 'true'])
    expect(r.claims).toContainEqual(['address', '{"country":"FR"}'])
  })
  it('flags a sub that differs from the ID token', () => {
    const r = summarizeUserinfo('https://idp/userinfo', ok({ sub: 'someone-else' }), 'u1')
    expect(r.status === 'ok' && r.subMatches).toBe(false)
  })
  it('reads the Bearer error from WWW-Authenticate (RFC 6750 §3)', () => {
    const r = summarizeUserinfo(
      'https://idp/userinfo',
      { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="expired"' }, body: '' },
      'u1',
    )
    expect(r).toMatchObject({ status: 'failed', errorCode: 'invalid_token', message: 'expired' })
  })
  it('says so when the answer is a signed JWT or not JSON', () => {
    expect(
      summarizeUserinfo('https://idp/userinfo', { status: 200, headers: { 'content-type': 'application/jwt' }, body: 'eyJ.x.y' }, 'u1'),
    ).toMatchObject({ errorCode: 'signed_userinfo' })
    expect(summarizeUserinfo('https://idp/userinfo', { status: 200, headers: {}, body: '<html>' }, 'u1')).toMatchObject({
      errorCode: 'not_json',
    })
    expect(summarizeUserinfo('https://idp/userinfo', ok([1, 2]), 'u1')).toMatchObject({ errorCode: 'not_an_object' })
  })
})
