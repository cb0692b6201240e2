/**
 * The sign-in screen's words for the controller's facts: every notice kind, failed action and
 * Graph reason has its own non-empty sentence (the sample tables below are typed over the
 * closed unions, so a new kind must be added here too), and the composed error texts read as
 * the screen showed them before the words moved out of the adapter.
 */
import { describe, expect, it } from 'vitest'
import type { FailedAction, GraphFailureReason, Notice, SignInError } from '../../stores/signin-store.ts'
import type { UserinfoSkipReason } from '../../core/providers/userinfo.ts'
import { ACTION_TITLES, GRAPH_REASON_WORDS, USERINFO_SKIP_WORDS, errorWords, graphMessage, noticeText } from './words.ts'

const NOTICES: { [K in Notice['kind']]: Extract<Notice, { kind: K }> } = {
  signed_out_at_provider: { kind: 'signed_out_at_provider', returnedTo: 'https://app.example/redirect.html' },
  cancelled_at_pause: { kind: 'cancelled_at_pause' },
  cancelled_on_demo_page: { kind: 'cancelled_on_demo_page' },
  token_acquired: { kind: 'token_acquired', scopes: ['User.Read', 'Mail.Read'], fromCache: false },
  refreshed: { kind: 'refreshed' },
  signed_out: { kind: 'signed_out' },
  forgot_everything: { kind: 'forgot_everything' },
}

const ACTIONS: Record<FailedAction, true> = {
  start: true,
  complete: true,
  not_started: true,
  redirect_refused: true,
  demo_start: true,
  demo_finish: true,
  acquire: true,
  refresh: true,
  signout: true,
}
const REASONS: Record<GraphFailureReason | 'user_read_not_granted', true> = {
  no_consent: true,
  interaction_required: true,
  no_refresh_token: true,
  silent_failed: true,
  no_user_read: true,
  token_refused: true,
  forbidden: true,
  no_profile: true,
  unreachable: true,
  user_read_not_granted: true,
}

const USERINFO_SKIPS: Record<UserinfoSkipReason, true> = { no_https_endpoint: true, no_access_token: true }

const failure = (action: FailedAction, extra: Partial<SignInError> = {}): SignInError => ({
  action,
  errorCode: 'x',
  message: 'MSAL said so',
  ...extra,
})

describe('sign-in words', () => {
  it('has a distinct sentence for every notice kind', () => {
    const texts = Object.values(NOTICES).map(noticeText)
    for (const t of texts) expect(t.trim().length).toBeGreaterThan(10)
    expect(new Set(texts).size).toBe(texts.length)
    expect(noticeText(NOTICES.token_acquired)).toBe('Token for User.Read Mail.Read acquired with the refresh token.')
    expect(noticeText({ kind: 'token_acquired', scopes: ['User.Read'], fromCache: true })).toMatch(
      /^Token for User.Read acquired from the MSAL cache/,
    )
    expect(noticeText(NOTICES.signed_out_at_provider)).toContain(
      'sent the browser back to https://app.example/redirect.html (the post_logout_redirect_uri)',
    )
  })

  it('has a distinct heading for every failed action and a sentence for every Graph reason', () => {
    const titles = (Object.keys(ACTIONS) as FailedAction[]).map((a) => ACTION_TITLES[a](failure(a, { scopes: ['api://x/read'] })))
    for (const t of titles) expect(t.trim().length).toBeGreaterThan(5)
    expect(new Set(titles).size).toBe(titles.length)
    const reasons = (Object.keys(REASONS) as (keyof typeof REASONS)[]).map((r) => GRAPH_REASON_WORDS[r])
    for (const t of reasons) expect(t.trim().length).toBeGreaterThan(20)
    expect(new Set(reasons).size).toBe(reasons.length)
    const skips = (Object.keys(USERINFO_SKIPS) as UserinfoSkipReason[]).map((r) => USERINFO_SKIP_WORDS[r])
    expect(skips).toEqual([
      'userinfo was not called: the discovery document lists no https userinfo_endpoint.',
      'userinfo was not called: the token response carried no access token.',
    ])
  })

  it('composes the error panel: the verbatim message, a browser failure after the heading, the issuer pair', () => {
    expect(errorWords(failure('acquire', { scopes: ['User.Read'] }))).toEqual({
      title: 'Could not get a token for User.Read',
      message: 'MSAL said so',
    })
    const cors = errorWords(
      failure('start', { failure: { title: 'The token endpoint withheld its answer', explanation: 'Register the app as a SPA.' } }),
    )
    expect(cors).toEqual({
      title: 'Signing in failed: The token endpoint withheld its answer',
      message: 'MSAL said so',
      explanation: 'Register the app as a SPA.',
    })
    const mismatch = errorWords(
      failure('not_started', {
        message: '',
        issuer: 'https://a.example',
        authority: 'https://b.example',
        failure: { title: 'issuer differs', explanation: 'fix it' },
      }),
    )
    expect(mismatch.title).toBe('Signing in was not started: issuer differs')
    expect(mismatch.message).toBe('issuer in discovery: https://a.example\nauthority in the profile: https://b.example')
    const refused = errorWords(
      failure('start', {
        errorCode: 'endpoints_resolution_error',
        message: 'Endpoints cannot be resolved',
        refusal: { issuer: 'https://x.example/t/v2.0', authority: 'https://y.example/t', advice: 'Use the tenant ID.' },
      }),
    )
    expect(refused.message).toMatch(
      /^MSAL refused the issuer "https:\/\/x\.example\/t\/v2\.0" that the discovery document of the authority https:\/\/y\.example\/t names\./,
    )
    expect(refused.message).toContain('\nWhat to change: Use the tenant ID.\n\nMSAL said: Endpoints cannot be resolved')
    expect(errorWords(failure('redirect_refused', { message: 'no_token_request_cache_error' })).message).toMatch(
      /does not belong to a sign-in this tab started.*\. no_token_request_cache_error$/,
    )
  })

  it('says what happened when Graph or MSAL gave no message', () => {
    expect(graphMessage({ status: 'failed', step: 'me', errorCode: 'HTTP 500', message: '', reason: 'no_profile', httpStatus: 500 })).toBe(
      'Microsoft Graph answered HTTP 500.',
    )
    expect(
      graphMessage({
        status: 'failed',
        step: 'token',
        errorCode: 'no_user_read',
        message: '',
        reason: 'no_user_read',
        scopes: ['openid', 'profile'],
      }),
    ).toBe('The token endpoint answered with scopes "openid profile".')
    expect(
      graphMessage({
        status: 'failed',
        step: 'me',
        errorCode: 'Forbidden',
        message: 'Insufficient privileges',
        reason: 'forbidden',
        httpStatus: 403,
      }),
    ).toBe('Insufficient privileges')
  })
})
