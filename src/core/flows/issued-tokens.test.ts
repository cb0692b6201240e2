import { describe, expect, it } from 'vitest'
import { buildEntry, buildNavigationEntry } from '../capture/har.ts'
import type { CapturedEntry, OAuthAnnotation } from '../capture/types.ts'
import { DEMO_CLIENT_ID } from '../demo-tenant/types.ts'
import { analyzeFlows } from './detect.ts'
import { stampEntry } from './stamp.ts'
import { issuedTokenExpectations, issuedTokens } from './tokens.ts'

const oauth = (step: OAuthAnnotation['step']): OAuthAnnotation => ({ step, flowId: 'f1', origin: 'captured', redactions: [] })

/** What the sign-in screen's token list shows: each issued token with the inspector's expectations. */
function issued(entries: CapturedEntry[], tenantId?: string) {
  return issuedTokens(analyzeFlows(entries, tenantId ? { tenantId } : {}), entries).map((t) => ({
    ...t,
    expected: issuedTokenExpectations(t, DEMO_CLIENT_ID),
  }))
}

describe('tokens a captured sign-in was issued (issuedTokens over the one analysis)', () => {
  it('pairs each token with expectations: aud, issuer from discovery with {tenantid} filled, nonce, at_hash', () => {
    const discovery = buildEntry({
      method: 'GET',
      url: 'https://idp/.well-known/openid-configuration',
      status: 200,
      responseBody: JSON.stringify({ issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0' }),
      startedAt: 0,
      oauth: oauth('discovery'),
    })
    const authorize = buildNavigationEntry('https://idp/authorize?client_id=c1&response_type=code&nonce=N1&state=S', 1, oauth('authorize'))
    const back = buildNavigationEntry('https://app/redirect.html#code=C1&state=S', 2, oauth('redirect_back'))
    const token = buildEntry({
      method: 'POST',
      url: 'https://idp/token',
      requestBody: 'grant_type=authorization_code&code=C1',
      status: 200,
      responseBody: JSON.stringify({ id_token: 'ID', access_token: 'AT', refresh_token: 'RT', scope: 's' }),
      startedAt: 3,
      oauth: oauth('token'),
    })
    const list = issued([discovery, authorize, back, token].map(stampEntry), 'TID')
    expect(list.map((t) => t.kind)).toEqual(['access_token', 'id_token', 'refresh_token'])
    expect(list[1]?.expected).toMatchObject({
      audience: 'c1',
      issuer: 'https://login.microsoftonline.com/TID/v2.0',
      nonce: 'N1',
      accessToken: 'AT',
      tokenType: 'id_token',
      tenantId: 'TID',
    })
    expect(list[2]?.expected).toBeUndefined()
    // Without a tenant the template is never an expectation.
    expect(issued([discovery, authorize, back, token].map(stampEntry))[1]?.expected?.issuer).toBeUndefined()
  })

  it('falls back to the signed-in app as client when the flow names none; lists only answers with status 200', () => {
    const ok = buildEntry({
      method: 'POST',
      url: 'https://idp/token',
      requestBody: 'grant_type=authorization_code&code=C2',
      status: 200,
      responseBody: JSON.stringify({ id_token: 'ID2' }),
      startedAt: 1,
      oauth: oauth('token'),
    })
    const failed = buildEntry({
      method: 'POST',
      url: 'https://idp/token',
      requestBody: 'grant_type=refresh_token&refresh_token=RTX',
      status: 400,
      responseBody: JSON.stringify({ error: 'invalid_grant', access_token: 'NOPE' }),
      startedAt: 2,
      oauth: oauth('refresh'),
    })
    const list = issued([ok, failed].map(stampEntry))
    expect(list.map((t) => [t.kind, t.value, t.label])).toEqual([['id_token', 'ID2', 'Sign-in']])
    expect(list[0]?.expected).toMatchObject({ clientId: DEMO_CLIENT_ID, audience: DEMO_CLIENT_ID, tokenType: 'id_token' })
  })

  describe('the silent Graph User.Read step after a sign-in', () => {
    const flow = (flowId: string, step: OAuthAnnotation['step'], extra: Partial<OAuthAnnotation> = {}): OAuthAnnotation => ({
      ...oauth(step),
      flowId,
      ...extra,
    })
    const code = (flowId: string) =>
      buildEntry({
        method: 'POST',
        url: 'https://idp/token',
        requestBody: 'grant_type=authorization_code&code=C1&scope=openid%20profile%20offline_access',
        status: 200,
        responseBody: JSON.stringify({ id_token: 'ID', access_token: 'AT', refresh_token: 'RT' }),
        startedAt: 1,
        oauth: flow(flowId, 'token'),
      })
    const refresh = (flowId: string, scope: string, extra: Partial<OAuthAnnotation> = {}, rt = 'RT') =>
      buildEntry({
        method: 'POST',
        url: 'https://idp/token',
        requestBody: `grant_type=refresh_token&refresh_token=${rt}&scope=${encodeURIComponent(scope)}`,
        status: 200,
        responseBody: JSON.stringify({ access_token: 'GAT', refresh_token: 'RT2', scope: 'User.Read' }),
        startedAt: 2,
        oauth: flow(flowId, 'refresh', extra),
      })
    const labels = (entries: ReturnType<typeof code>[], index: number) =>
      issued(entries)
        .filter((t) => t.entryIndex === index)
        .map((t) => t.label)

    it('labels a User.Read refresh with the refresh token of a code redemption "Graph (silent)"', () => {
      const entries = [code('f1'), refresh('f1', 'User.Read openid profile offline_access')]
      expect(labels(entries, 1)).toEqual(['Graph (silent)', 'Graph (silent)'])
      expect(labels(entries, 0).every((t) => t === 'Sign-in')).toBe(true)
    })

    it('recognises the resource-URI form of the scope', () => {
      expect(labels([code('f1'), refresh('f1', 'https://graph.microsoft.com/User.Read offline_access')], 1)[0]).toBe('Graph (silent)')
    })

    it('keeps "Refresh" for a refresh token of another flow, of other scopes, or with no sign-in before it', () => {
      expect(labels([code('f1'), refresh('f2', 'User.Read', {}, 'OTHER')], 1)).toEqual(['Refresh', 'Refresh'])
      expect(labels([code('f1'), refresh('f1', 'api://x/read offline_access')], 1)[0]).toBe('Refresh')
      expect(labels([refresh('f1', 'User.Read')], 0)[0]).toBe('Refresh')
      expect(labels([code('f1'), refresh('f1', 'User.ReadWrite')], 1)[0]).toBe('Refresh')
    })

    it('trusts an _oauth note that names Graph', () => {
      expect(labels([refresh('f9', 'openid', { notes: ['Silent Microsoft Graph token after sign-in.'] })], 0)[0]).toBe('Graph (silent)')
    })
  })
})
