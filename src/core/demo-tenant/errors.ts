/**
 * Entra-shaped errors. The AADSTS numbers and OAuth `error` values are Entra's (see
 * /work/shared/reference/errors/aadsts.json for provenance); the sentences are ours, written in
 * Entra's style ("AADSTSnnnnn: <what>. Trace ID: … Correlation ID: … Timestamp: …").
 * Token endpoint errors follow RFC 6749 §5.2 plus Entra's extra members (error_codes, timestamp,
 * trace_id, correlation_id, error_uri).
 */
import type { EdgeResponse } from './types.ts'
import { entraTimestamp } from './encoding.ts'

export interface EntraError {
  /** AADSTS number, e.g. 50011. */
  code: number
  /** OAuth error (RFC 6749 §4.1.2.1 / §5.2). */
  error: string
  /** Our sentence, without the AADSTS prefix and trace suffix. */
  message: string
  suberror?: string
  status?: number
}

export function aadsts(code: number, error: string, message: string, extra: Partial<EntraError> = {}): EntraError {
  return { code, error, message, ...extra }
}

export interface ErrorContext {
  now: number
  traceId: string
  correlationId: string
  /** Answering as an Azure AD B2C user flow: AADB2C numbers, B2C's shorter error bodies. */
  b2c?: boolean
}

/**
 * The B2C number for the Entra errors the demo can raise in its B2C shape (B2C's own error code
 * list). Cases not listed keep Entra's number: we do not invent B2C codes we cannot vouch for.
 */
const B2C_CODES: Partial<Record<number, number>> = {
  50011: 90006, // redirect URI not registered for the client
  700016: 90018, // client ID not registered in the tenant
  501481: 90183, // code_verifier does not match
  70008: 90080, // grant expired
  54005: 90080, // a redeemed code counts as spent (expired) at B2C
  65004: 90091, // the user cancelled
  50058: 90077, // prompt=none without a session
  70011: 90117, // scope not supported
}

/** "AADSTS50011" or, in the B2C shape, "AADB2C90006". */
export function errorCodeLabel(err: EntraError, ctx: Pick<ErrorContext, 'b2c'>): string {
  const b2c = ctx.b2c === true ? B2C_CODES[err.code] : undefined
  return b2c !== undefined ? `AADB2C${b2c}` : `AADSTS${err.code}`
}

export function describe(err: EntraError, ctx: ErrorContext): string {
  // B2C's descriptions end with the correlation ID and timestamp on their own lines, no trace ID.
  if (ctx.b2c === true)
    return `${errorCodeLabel(err, ctx)}: ${err.message}\r\nCorrelation ID: ${ctx.correlationId}\r\nTimestamp: ${entraTimestamp(ctx.now).replace(/Z$/, '')}`
  return `AADSTS${err.code}: ${err.message} Trace ID: ${ctx.traceId} Correlation ID: ${ctx.correlationId} Timestamp: ${entraTimestamp(ctx.now)}`
}

export function errorUri(code: number): string {
  return `https://login.microsoftonline.com/error?code=${code}`
}

export function errorBody(err: EntraError, ctx: ErrorContext): Record<string, unknown> {
  // B2C's token endpoint answers with the two RFC 6749 §5.2 members only.
  if (ctx.b2c === true) return { error: err.error, error_description: describe(err, ctx) }
  return {
    error: err.error,
    error_description: describe(err, ctx),
    error_codes: [err.code],
    timestamp: entraTimestamp(ctx.now),
    trace_id: ctx.traceId,
    correlation_id: ctx.correlationId,
    error_uri: errorUri(err.code),
    ...(err.suberror !== undefined ? { suberror: err.suberror } : {}),
  }
}

/** Headers Entra sends on JSON answers that browsers may read cross-origin (token, discovery, keys). */
export function jsonHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store, no-cache',
    pragma: 'no-cache',
    'access-control-allow-origin': '*',
    ...extra,
  }
}

export function jsonResponse(status: number, body: unknown, extra: Record<string, string> = {}): EdgeResponse {
  return { status, headers: jsonHeaders(extra), body: JSON.stringify(body) }
}

export function errorResponse(err: EntraError, ctx: ErrorContext): EdgeResponse {
  return jsonResponse(err.status ?? 400, errorBody(err, ctx), { 'x-ms-request-id': ctx.traceId })
}

/** The errors the tenant emits, in one place so tests and the UI can name them. */
export const E = {
  tenantNotFound: (t: string) =>
    aadsts(
      90002,
      'invalid_tenant',
      `Tenant '${t}' was not found. Check the tenant ID or domain in the authority; this demo tenant answers only for its own ID and domain, 'common' and 'organizations'.`,
    ),
  missingParam: (name: string, where: 'request body' | 'request') =>
    aadsts(900144, 'invalid_request', `The ${where} must contain the parameter '${name}'.`),
  unknownClient: (clientId: string, tenant: string) =>
    aadsts(
      700016,
      'unauthorized_client',
      `No application with identifier '${clientId}' exists in the directory '${tenant}'. The client ID may be wrong, or the app is registered in another tenant.`,
      { status: 400 },
    ),
  noRedirectUri: () => aadsts(900971, 'invalid_request', 'No reply address was provided.'),
  badRedirectUri: (uri: string) => aadsts(90102, 'invalid_request', `The 'redirect_uri' value '${uri}' is not a valid absolute URI.`),
  redirectMismatch: (uri: string, clientId: string) =>
    aadsts(
      50011,
      'invalid_request',
      `The redirect URI '${uri}' in the request is not one of the redirect URIs registered for the application '${clientId}'. It must match a registered URI exactly (scheme, host, port, path and trailing slash).`,
    ),
  redirectMismatchAtToken: (sent: string, original: string) =>
    aadsts(
      50011,
      'invalid_grant',
      `The redirect URI '${sent}' does not match the redirect URI '${original}' that was used to obtain the authorization code.`,
    ),
  responseTypeToken: () =>
    aadsts(
      700051,
      'unsupported_response_type',
      "response_type 'token' is not enabled for the application. Single-page apps should use the authorization code flow with PKCE.",
    ),
  responseTypeIdToken: () => aadsts(700054, 'unsupported_response_type', "response_type 'id_token' is not enabled for the application."),
  responseTypeUnsupported: (rt: string) => aadsts(70005, 'unsupported_response_type', `The response_type '${rt}' is not supported.`),
  badResponseMode: (mode: string) =>
    aadsts(90023, 'invalid_request', `The response_mode '${mode}' is not supported. Use 'query', 'fragment' or 'form_post'.`),
  badPrompt: (p: string) => aadsts(90023, 'invalid_request', `The prompt value '${p}' is not supported.`),
  missingChallenge: () =>
    aadsts(50147, 'invalid_request', 'The code_challenge parameter is missing or empty although a code_challenge_method was given.'),
  badChallengeSize: () =>
    aadsts(501491, 'invalid_request', 'The code_challenge must be between 43 and 128 characters long (RFC 7636 §4.2).'),
  badChallengeMethod: (m: string) => aadsts(50149, 'invalid_request', `The code_challenge_method '${m}' is not supported. Use 'S256'.`),
  invalidScope: (scope: string) =>
    aadsts(
      70011,
      'invalid_scope',
      `The scope '${scope}' is not valid. The demo API only exposes 'Notes.Read'; Microsoft Graph scopes are written without a prefix (for example 'User.Read').`,
    ),
  unknownResource: (resource: string) =>
    aadsts(
      500011,
      'invalid_resource',
      `The resource principal named '${resource}' was not found in the tenant. Check the App ID URI in the scope.`,
    ),
  multipleResources: () =>
    aadsts(28000, 'invalid_scope', 'The scope contains permissions for more than one resource. Request tokens for one API at a time.'),
  loginRequired: () =>
    aadsts(
      50058,
      'login_required',
      'A silent sign-in was requested (prompt=none) but no user is signed in to the demo tenant in this browser session.',
    ),
  consentDeclined: () => aadsts(65004, 'access_denied', 'The user declined to consent to the permissions the application requested.'),
  flowExpired: () =>
    aadsts(50089, 'invalid_request', 'The sign-in flow has expired or is unknown. Start the sign-in again from the application.'),
  unknownUser: (id: string) => aadsts(50034, 'invalid_request', `The user account '${id}' does not exist in the demo tenant.`),
  getOnToken: () => aadsts(900561, 'invalid_request', 'The endpoint only accepts POST and OPTIONS requests.'),
  unsupportedGrant: (g: string) => aadsts(70003, 'unsupported_grant_type', `The grant type '${g}' is not supported by this client.`),
  malformedCode: () => aadsts(9002313, 'invalid_request', 'The authorization code is malformed or was not issued by this tenant.'),
  codeRedeemed: () =>
    aadsts(
      54005,
      'invalid_grant',
      'The authorization code was already redeemed. Codes are single use: start a new sign-in, or use the refresh token you received.',
    ),
  codeExpired: () => aadsts(70008, 'invalid_grant', 'The authorization code has expired. Codes live about ten minutes: sign in again.'),
  codeOtherClient: () => aadsts(70000, 'invalid_grant', 'The authorization code was issued to a different client.'),
  pkceMismatch: () =>
    aadsts(
      501481,
      'invalid_grant',
      'The code_verifier does not match the code_challenge supplied in the authorization request (RFC 7636 §4.6).',
    ),
  pkceRequired: () =>
    aadsts(
      9002325,
      'invalid_request',
      'Proof Key for Code Exchange is required for cross-origin authorization code redemption: the authorization request had no code_challenge and the redemption no code_verifier.',
    ),
  verifierWithoutChallenge: () =>
    aadsts(501481, 'invalid_grant', 'A code_verifier was sent but the authorization request carried no code_challenge.'),
  refreshUnknown: () => aadsts(9002313, 'invalid_request', 'The refresh token is malformed or was not issued by this tenant.'),
  refreshOtherClient: () => aadsts(70000, 'invalid_grant', 'The refresh token was issued to a different client.'),
  refreshExpired: () =>
    aadsts(
      700084,
      'invalid_grant',
      'The refresh token was issued to a single-page application and has passed its fixed 24-hour lifetime. Sign in again.',
    ),
  scopeNotConsented: (scope: string) =>
    aadsts(
      65001,
      'invalid_grant',
      `The user has not consented to the permission '${scope}' for this application. Send an interactive authorization request for it.`,
      { suberror: 'consent_required' },
    ),
  emptyScope: () => aadsts(28003, 'invalid_request', 'The scope parameter must contain at least one valid scope.'),
} as const
