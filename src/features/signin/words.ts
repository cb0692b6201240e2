/**
 * The sign-in screen's sentences for the facts the sign-in controller reports (notices, failed
 * actions, Graph /me reasons). The adapters say what happened; this module says it to the user.
 * Each table is a Record over a closed union, so a new kind without words does not compile.
 */
import type { UserinfoSkipReason } from '../../core/providers/userinfo.ts'
import type { FailedAction, GraphFailureReason, GraphMe, Notice, SignInError } from '../../stores/signin-store.ts'

type NoticeWords = { [K in Notice['kind']]: (notice: Extract<Notice, { kind: K }>) => string }

export const NOTICE_WORDS: NoticeWords = {
  signed_out_at_provider: (n) =>
    `Signed out at the identity provider: it ended its session and sent the browser back to ${n.returnedTo} (the post_logout_redirect_uri). MSAL had already removed the account and its tokens from this tab.`,
  cancelled_at_pause: () => 'Sign-in cancelled at a step-through pause. Nothing more was sent.',
  cancelled_on_demo_page: () => 'Sign-in cancelled on the demo sign-in page. Nothing more was sent.',
  token_acquired: (n) =>
    `Token for ${n.scopes.join(' ')} acquired ${n.fromCache ? 'from the MSAL cache (no request was needed)' : 'with the refresh token'}.`,
  // RFC 6749 §6: the refresh grant.
  refreshed: () => 'Tokens refreshed silently with the refresh token (grant_type=refresh_token).',
  signed_out: () => 'Signed out: MSAL removed the account and its tokens from its cache.',
  forgot_everything: () => 'Everything was forgotten: captures, the MSAL cache, the demo tenant and your stored profiles.',
}

export function noticeText(notice: Notice): string {
  return (NOTICE_WORDS[notice.kind] as (n: Notice) => string)(notice)
}

/** The error panel's heading for each failed action (before any browser-failure title). */
export const ACTION_TITLES: Record<FailedAction, (error: SignInError) => string> = {
  start: () => 'Signing in failed',
  complete: () => 'Signing in did not complete',
  not_started: () => 'Signing in was not started',
  redirect_refused: () => 'The redirect back was refused',
  demo_start: () => 'The demo tenant could not start the sign-in',
  demo_finish: () => 'The demo tenant could not finish the sign-in',
  acquire: (e) => `Could not get a token for ${(e.scopes ?? []).join(' ')}`,
  refresh: () => 'Silent refresh failed',
  signout: () => 'Sign-out failed',
}

/**
 * MSAL 5.30's issuer rule (OIDC Discovery §4.3), said where MSAL only reports
 * endpoints_resolution_error: the refused issuer, what MSAL accepts, and core's advice.
 */
function refusalText(r: NonNullable<SignInError['refusal']>, msalSaid: string): string {
  return (
    `MSAL refused the issuer "${r.issuer}" that the discovery document of the authority ${r.authority} names. ` +
    `MSAL 5.30 accepts a discovery document's issuer only on the authority's own host, on a Microsoft cloud host, in the form https://{tenant}.ciamlogin.com/{tenant}[/v2.0] for the authority's tenant, or on a host listed in knownAuthorities (OIDC Discovery §4.3).\n` +
    `What to change: ${r.advice}` +
    (msalSaid ? `\n\nMSAL said: ${msalSaid}` : '')
  )
}

/** What the error panel shows for a failure: heading, the text under the code, and what to change. */
export function errorWords(error: SignInError): { title: string; message: string; explanation?: string } {
  const base = ACTION_TITLES[error.action](error)
  const title = error.failure ? `${base}: ${error.failure.title}` : base
  const message =
    error.action === 'not_started'
      ? `issuer in discovery: ${error.issuer ?? ''}\nauthority in the profile: ${error.authority ?? ''}`
      : error.action === 'redirect_refused'
        ? `The response that came back to the redirect URI does not belong to a sign-in this tab started, so it was refused (its state does not match). ${error.message}`
        : error.refusal
          ? refusalText(error.refusal, error.message)
          : error.message
  return { title, message, ...(error.failure ? { explanation: error.failure.explanation } : {}) }
}

/** Why Graph /me gave no profile, in words a trainee can act on. */
export const GRAPH_REASON_WORDS: Record<GraphFailureReason | 'user_read_not_granted', string> = {
  no_consent:
    'Nobody has consented to Microsoft Graph User.Read for this app yet, so the token endpoint will not issue it silently. Add User.Read under the app registration\'s API permissions (and grant admin consent if users may not consent), or get it once with "With a redirect" below.',
  interaction_required:
    'The identity provider wants the user back on its sign-in page (multi-factor authentication, a Conditional Access policy or an expired session) before it issues a Graph token. Use "With a redirect" below for User.Read.',
  no_refresh_token:
    'MSAL has no refresh token it can use for this account, so it cannot ask for a Graph token without the user. Sign in again.',
  silent_failed:
    'The silent request for a Graph token failed. The sign-in itself is unaffected; the captured exchange on the Flow screen shows what the token endpoint answered.',
  no_user_read: 'The silent token does not carry User.Read, so it was not sent to Microsoft Graph.',
  token_refused: 'Graph refused the access token (wrong audience, expired, or altered). Graph checks its tokens itself; the app cannot.',
  forbidden: 'The token is valid but does not carry a permission /me accepts (User.Read or broader).',
  no_profile: 'Microsoft Graph did not return the profile. The sign-in itself is unaffected.',
  unreachable:
    'Microsoft Graph could not be reached (offline, a proxy, or a browser extension blocking it). The sign-in itself is unaffected.',
  user_read_not_granted:
    "Microsoft Graph /me was not called: neither the profile's scopes nor the token response grant User.Read. Add User.Read to the profile's scopes to see it.",
}

/** The verbatim line under a Graph failure; when MSAL or Graph said nothing, what happened instead. */
export function graphMessage(graph: Extract<GraphMe, { status: 'failed' }>): string {
  if (graph.message) return graph.message
  if (graph.reason === 'no_user_read') return `The token endpoint answered with scopes "${(graph.scopes ?? []).join(' ')}".`
  return `Microsoft Graph answered HTTP ${graph.httpStatus ?? 0}.`
}

/** Why the provider's userinfo endpoint was not called after the sign-in (OIDC Core §5.3). */
export const USERINFO_SKIP_WORDS: Record<UserinfoSkipReason, string> = {
  no_https_endpoint: 'userinfo was not called: the discovery document lists no https userinfo_endpoint.',
  no_access_token: 'userinfo was not called: the token response carried no access token.',
}

/** Shown where Graph left a field of the profile out. */
export const GRAPH_MISSING = { displayName: '(no display name)', userPrincipalName: '(no UPN)' } as const
