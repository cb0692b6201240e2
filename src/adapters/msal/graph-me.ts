/**
 * Microsoft Graph `/me` after a sign-in: a silent token for User.Read (real MSAL, through the
 * capturing network client, so the refresh-token POST is captured when the cache cannot answer)
 * and GET /v1.0/me with it. The sign-in itself never depends on this: every failure becomes a
 * GraphMe value with an explanation, never a thrown error.
 */
import type { MsalSession } from './msal-session.ts'

export type GraphMe =
  | { status: 'ok'; displayName: string; userPrincipalName: string; id: string; fromCache: boolean }
  | { status: 'failed'; step: 'token' | 'me'; errorCode: string; message: string; explanation: string }
  | { status: 'skipped'; explanation: string }

/** Does this scope list include Graph's User.Read, however it is written (bare, URI or GUID prefix)? */
export function grantsUserRead(scopes: readonly string[]): boolean {
  return scopes.some((s) => /^(?:(?:https:\/\/graph\.microsoft\.com|00000003-0000-0000-c000-000000000000)\/)?User\.Read$/i.test(s.trim()))
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** Why a silent User.Read token was not issued, in words a trainee can act on. */
export function explainSilentFailure(error: unknown): Extract<GraphMe, { status: 'failed' }> {
  const e = error && typeof error === 'object' ? (error as { errorCode?: unknown; subError?: unknown; errorMessage?: unknown; message?: unknown }) : {}
  const errorCode = text(e.errorCode) || 'unknown_error'
  const subError = text(e.subError)
  const message = text(e.errorMessage) || text(e.message) || String(error)
  const aadsts = /AADSTS\d+/.exec(message)?.[0]
  let explanation: string
  if (errorCode === 'consent_required' || subError === 'consent_required' || aadsts === 'AADSTS65001') {
    explanation =
      'Nobody has consented to Microsoft Graph User.Read for this app yet, so the token endpoint will not issue it silently. Add User.Read under the app registration\'s API permissions (and grant admin consent if users may not consent), or get it once with "With a redirect" below.'
  } else if (errorCode === 'interaction_required' || errorCode === 'login_required' || subError) {
    explanation = 'The identity provider wants the user back on its sign-in page (multi-factor authentication, a Conditional Access policy or an expired session) before it issues a Graph token. Use "With a redirect" below for User.Read.'
  } else if (errorCode === 'no_tokens_found' || errorCode === 'no_account' || errorCode === 'refresh_token_expired') {
    explanation = 'MSAL has no refresh token it can use for this account, so it cannot ask for a Graph token without the user. Sign in again.'
  } else {
    explanation = 'The silent request for a Graph token failed. The sign-in itself is unaffected; the captured exchange on the Flow screen shows what the token endpoint answered.'
  }
  return { status: 'failed', step: 'token', errorCode: aadsts ?? errorCode, message, explanation }
}

/** What GET /me answered: the profile on 200, Graph's own error otherwise. */
export function summarizeMe(status: number, body: unknown, fromCache: boolean): GraphMe {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  if (status === 200 && text(b.id)) {
    return { status: 'ok', displayName: text(b.displayName) || '(no display name)', userPrincipalName: text(b.userPrincipalName) || '(no UPN)', id: text(b.id), fromCache }
  }
  // Graph errors: { error: { code, message } } (not the OAuth { error, error_description } shape).
  const err = b.error && typeof b.error === 'object' ? (b.error as Record<string, unknown>) : {}
  const errorCode = text(err.code) || `HTTP ${status}`
  const message = text(err.message) || `Microsoft Graph answered HTTP ${status}.`
  const explanation =
    status === 401
      ? 'Graph refused the access token (wrong audience, expired, or altered). Graph checks its tokens itself; the app cannot.'
      : status === 403
        ? 'The token is valid but does not carry a permission /me accepts (User.Read or broader).'
        : 'Microsoft Graph did not return the profile. The sign-in itself is unaffected.'
  return { status: 'failed', step: 'me', errorCode, message, explanation }
}

/**
 * Silent User.Read token, then GET /me. Never throws: the caller shows the result next to a
 * sign-in that has already succeeded.
 */
export async function graphMeAfterSignIn(session: MsalSession): Promise<GraphMe> {
  let accessToken: string
  let fromCache: boolean
  try {
    const result = await session.acquireSilent(['User.Read'], false)
    if (!result.accessToken || !grantsUserRead(result.scopes)) {
      return { status: 'failed', step: 'token', errorCode: 'no_user_read', message: `The token endpoint answered with scopes "${result.scopes.join(' ')}".`, explanation: 'The silent token does not carry User.Read, so it was not sent to Microsoft Graph.' }
    }
    accessToken = result.accessToken
    fromCache = result.fromCache
  } catch (error) {
    return explainSilentFailure(error)
  }
  try {
    const response = await session.callGraphMe(accessToken)
    return summarizeMe(response.status, response.body, fromCache)
  } catch (error) {
    return { status: 'failed', step: 'me', errorCode: 'network_error', message: error instanceof Error ? error.message : String(error), explanation: 'Microsoft Graph could not be reached (offline, a proxy, or a browser extension blocking it). The sign-in itself is unaffected.' }
  }
}
