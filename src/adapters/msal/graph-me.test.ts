/**
 * Graph /me after a sign-in: which scope lists count as User.Read, which reason a silent-token
 * failure gets (with MSAL's own error classes), and how Graph's answers are summarised (a real
 * demo-tenant Graph error through the capturing network client).
 */
import { describe, expect, it } from 'vitest'
import { InteractionRequiredAuthError } from '@azure/msal-browser'
import { explainSilentFailure, grantsUserRead, summarizeMe } from './graph-me.ts'
import { createCapturingNetworkClient } from './network-client.ts'
import type { CapturedEntry } from '../../core/capture/types.ts'

describe('grantsUserRead', () => {
  it('accepts User.Read however Entra writes it, and nothing broader or narrower by accident', () => {
    expect(grantsUserRead(['openid', 'User.Read'])).toBe(true)
    expect(grantsUserRead(['https://graph.microsoft.com/User.Read'])).toBe(true)
    expect(grantsUserRead(['00000003-0000-0000-c000-000000000000/user.read'])).toBe(true)
    expect(grantsUserRead(['User.ReadBasic.All', 'api://x/User.Read', 'openid'])).toBe(false)
    expect(grantsUserRead([])).toBe(false)
  })
})

describe('explainSilentFailure', () => {
  it('explains consent_required from MSAL as missing consent, keeping the AADSTS code', () => {
    const error = new InteractionRequiredAuthError(
      'invalid_grant',
      'corr-1',
      "AADSTS65001: The user or administrator has not consented to use the application with ID 'x'.",
      'consent_required',
    )
    const out = explainSilentFailure(error)
    expect(out.errorCode).toBe('AADSTS65001')
    expect(out.reason).toBe('no_consent')
    expect(out.step).toBe('token')
  })

  it('explains interaction_required as the IdP wanting the user back', () => {
    const out = explainSilentFailure(
      new InteractionRequiredAuthError('interaction_required', 'corr-2', 'AADSTS50076: multi-factor authentication required'),
    )
    expect(out.errorCode).toBe('AADSTS50076')
    expect(out.reason).toBe('interaction_required')
  })

  it('never throws on odd values', () => {
    expect(explainSilentFailure('boom').message).toBe('boom')
    expect(explainSilentFailure(null).errorCode).toBe('unknown_error')
  })
})

describe('summarizeMe', () => {
  it('takes display name, UPN and id from a 200 answer', () => {
    const me = summarizeMe(
      200,
      { displayName: 'Megan Bowen', userPrincipalName: 'megan@contoso.example', id: '4a1c0d3e-0000-4000-8000-000000000001' },
      false,
    )
    expect(me).toEqual({
      status: 'ok',
      displayName: 'Megan Bowen',
      userPrincipalName: 'megan@contoso.example',
      id: '4a1c0d3e-0000-4000-8000-000000000001',
      fromCache: false,
    })
  })

  it("reports Graph's own error shape (the demo tenant's answer to a call without a token)", async () => {
    const recorded: CapturedEntry[] = []
    const client = createCapturingNetworkClient({ demo: true, record: (e) => recorded.push(e) })
    const response = await client.sendGetRequestAsync<unknown>('https://graph.microsoft.com/v1.0/me', {
      headers: { accept: 'application/json' },
    })
    const me = summarizeMe(response.status, response.body, false)
    expect(me.status).toBe('failed')
    if (me.status !== 'failed') return
    expect(me.errorCode).toBe('InvalidAuthenticationToken')
    expect(me.step).toBe('me')
    expect(me.reason).toBe('token_refused')
    expect(me.httpStatus).toBe(401)
    expect(recorded[0]?._oauth.step).toBe('graph')
  })
})
