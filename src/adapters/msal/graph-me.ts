/**
 * Microsoft Graph `/me` after a sign-in: a silent token for User.Read (real MSAL, through the
 * capturing network client, so the refresh-token POST is captured when the cache cannot answer)
 * and GET /v1.0/me with it. The sign-in itself never depends on this: every failure becomes a
 * GraphMe value with a reason (its words live in features/signin/words.ts), never a thrown error.
 */
import type { MsalSession } from './msal-session.ts'

/** Why /me gave no profile: a closed list, so the screen has words for each. */
export type GraphFailureReason =
  | 'no_consent' // consent_required / AADSTS65001
  | 'interaction_required' // MFA, Conditional Access, expired session
  | 'no_refresh_token' // MSAL cannot ask without the user
  | 'silent_failed' // any other silent-token failure
  | 'no_user_read' // the silent token came back without User.Read
  | 'token_refused' // Graph answered 401
  | 'forbidden' // Graph answered 403
  | 'no_profile' // any other Graph answer
  | 'unreachable' // the GET never got an answer

export type GraphMe =
  /** displayName and userPrincipalName are '' when Graph left them out. */
  | { status: 'ok'; displayName: string; userPrincipalName: string; id: string; fromCache: boolean }
  | {
      status: 'failed'
      step: 'token' | 'me'
      errorCode: string
      /** What MSAL or Graph said, verbatim; '' when it said nothing (then httpStatus or scopes say what happened). */
      message: string
      reason: GraphFailureReason
      httpStatus?: number
      /** no_user_read: the scopes the token endpoint granted instead. */
      scopes?: string[]
    }
  | { status: 'skipped'; reason: 'user_read_not_granted' }

/** Does this scope list include Graph's User.Read, however it is written (bare, URI or GUID prefix)? */
export function grantsUserRead(scopes: readonly string[]): boolean {
  return scopes.some((s) => /^(?:(?:https:\/\/graph\.microsoft\.com|00000003-0000-0000-c000-000000000000)\/)?User\.Read$/i.test(s.trim()))
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** Why a silent User.Read token was not issued, as a reason the screen explains. */
export function explainSilentFailure(error: unknown): Extract<GraphMe, { status: 'failed' }> {
  const e =
    error && typeof error === 'object'
      ? (error as { errorCode?: unknown; subError?: unknown; errorMessage?: unknown; message?: unknown })
      : {}
  const errorCode = text(e.errorCode) || 'unknown_error'
  const subError = text(e.subError)
  const message = text(e.errorMessage) || text(e.message) || String(error)
  const aadsts = /AADSTS\d+/.exec(message)?.[0]
  const reason: GraphFailureReason =
    errorCode === 'consent_required' || subError === 'consent_required' || aadsts === 'AADSTS65001'
      ? 'no_consent'
      : errorCode === 'interaction_required' || errorCode === 'login_required' || subError
        ? 'interaction_required'
        : errorCode === 'no_tokens_found' || errorCode === 'no_account' || errorCode === 'refresh_token_expired'
          ? 'no_refresh_token'
          : 'silent_failed'
  return { status: 'failed', step: 'token', errorCode: aadsts ?? errorCode, message, reason }
}

/** What GET /me answered: the profile on 200, Graph's own error otherwise. */
export function summarizeMe(status: number, body: unknown, fromCache: boolean): GraphMe {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  if (status === 200 && text(b.id)) {
    return { status: 'ok', displayName: text(b.displayName), userPrincipalName: text(b.userPrincipalName), id: text(b.id), fromCache }
  }
  // Graph errors: { error: { code, message } } (not the OAuth { error, error_description } shape).
  const err = b.error && typeof b.error === 'object' ? (b.error as Record<string, unknown>) : {}
  const errorCode = text(err.code) || `HTTP ${status}`
  const reason: GraphFailureReason = status === 401 ? 'token_refused' : status === 403 ? 'forbidden' : 'no_profile'
  return { status: 'failed', step: 'me', errorCode, message: text(err.message), reason, httpStatus: status }
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
      return { status: 'failed', step: 'token', errorCode: 'no_user_read', message: '', reason: 'no_user_read', scopes: result.scopes }
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
    return {
      status: 'failed',
      step: 'me',
      errorCode: 'network_error',
      message: error instanceof Error ? error.message : String(error),
      reason: 'unreachable',
    }
  }
}
