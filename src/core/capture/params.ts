/**
 * What each protocol parameter means, in our words, and which ones MSAL adds on its own (so the
 * step-through and the exchange list can say "you did not ask for this, MSAL did").
 */

export interface ParamInfo {
  meaning: string
  /** Who puts it there: the app's request, MSAL by itself, or the identity provider. */
  addedBy?: 'msal' | 'app' | 'idp'
  spec?: string
  /** A secret or single-use value: masked on screen by default. */
  sensitive?: boolean
}

const PARAMS: Record<string, ParamInfo> = {
  client_id: { meaning: 'The application (client) ID of the app registration asking for tokens.', addedBy: 'app', spec: 'RFC 6749 §4.1.1' },
  scope: {
    meaning:
      'What the app asks to be allowed to do. MSAL always adds openid, profile and offline_access to the scopes you asked for, so it gets an ID token and a refresh token.',
    addedBy: 'app',
    spec: 'RFC 6749 §3.3, OIDC Core §3.1.2.1',
  },
  redirect_uri: {
    meaning:
      'Where the identity provider sends the browser back with the code. It must match a redirect URI of the "Single-page application" platform in the app registration exactly.',
    addedBy: 'app',
    spec: 'RFC 6749 §3.1.2',
  },
  response_type: {
    meaning: '"code": the authorization code flow. The code comes back to the redirect URI and is exchanged at /token.',
    addedBy: 'msal',
    spec: 'RFC 6749 §4.1.1',
  },
  response_mode: {
    meaning: 'How the response is returned: "fragment" puts it after # so it never reaches a server log; "query" after ?.',
    addedBy: 'msal',
    spec: 'OAuth 2.0 Multiple Response Type Encoding Practices §2.1',
  },
  state: {
    meaning:
      'A random value the app checks when the browser comes back, so a response it did not ask for is refused (CSRF protection). MSAL also packs its own request ID and the interaction type into it.',
    addedBy: 'msal',
    spec: 'RFC 6749 §10.12, RFC 9700 §4.7',
  },
  nonce: {
    meaning: 'A random value the identity provider copies into the ID token, so a replayed ID token is refused. MSAL checks it.',
    addedBy: 'msal',
    spec: 'OIDC Core §3.1.2.1, §3.1.3.7',
  },
  code_challenge: {
    meaning: 'PKCE: the SHA-256 hash of a secret verifier kept in the browser. Only someone holding the verifier can redeem the code.',
    addedBy: 'msal',
    spec: 'RFC 7636 §4.2',
  },
  code_challenge_method: {
    meaning: 'PKCE method; S256 means the challenge is the base64url SHA-256 of the verifier. "plain" must not be used.',
    addedBy: 'msal',
    spec: 'RFC 7636 §4.3, RFC 9700 §2.1.1',
  },
  code_verifier: {
    meaning:
      'PKCE: the secret the challenge was computed from. The token endpoint hashes it and compares with the code_challenge it saw at /authorize.',
    addedBy: 'msal',
    spec: 'RFC 7636 §4.5',
    sensitive: true,
  },
  client_info: {
    meaning:
      'Entra-specific: "1" asks Entra to return client_info, a base64url JSON with the user object ID (uid) and home tenant ID (utid). MSAL builds the account ID from it.',
    addedBy: 'msal',
  },
  'x-client-SKU': { meaning: 'Telemetry: the library name (MSAL.JS for the browser). Informational only.', addedBy: 'msal' },
  'x-client-VER': { meaning: 'Telemetry: the library version. Informational only.', addedBy: 'msal' },
  'x-client-OS': { meaning: 'Telemetry: the operating system, when known.', addedBy: 'msal' },
  'x-client-CPU': { meaning: 'Telemetry: the processor architecture, when known.', addedBy: 'msal' },
  'x-ms-lib-capability': { meaning: 'Tells Entra the library can handle retry-after throttling responses.', addedBy: 'msal' },
  'x-client-current-telemetry': { meaning: 'Server telemetry about the current call.', addedBy: 'msal' },
  'x-client-last-telemetry': { meaning: 'Server telemetry about earlier failed calls.', addedBy: 'msal' },
  'x-app-name': { meaning: 'Telemetry: the app name the developer configured.', addedBy: 'msal' },
  'x-app-ver': { meaning: 'Telemetry: the app version the developer configured.', addedBy: 'msal' },
  'client-request-id': { meaning: 'A correlation ID. Quote it when asking Microsoft support about a sign-in.', addedBy: 'msal' },
  'X-AnchorMailbox': {
    meaning: 'A routing hint MSAL adds (Oid:{user object ID}@{tenant ID}) so Entra sends the request to the region holding the account.',
    addedBy: 'msal',
  },
  clidata: { meaning: 'Client data MSAL sends for diagnostics (library and environment details).', addedBy: 'msal' },
  claims: {
    meaning: 'Extra claims requested as JSON. MSAL sends client capabilities (xms_cc) or a claims challenge here.',
    addedBy: 'msal',
    spec: 'OIDC Core §5.5',
  },
  pocd: { meaning: 'MSAL asserts it checks the origin of popup responses (framing protection).', addedBy: 'msal' },
  haschrome: { meaning: 'Asks Entra to render its page without its own chrome (used in embedded flows).', addedBy: 'msal' },
  prompt: {
    meaning:
      'Forces a behaviour: "login" asks for credentials again, "select_account" shows the account picker, "consent" shows the consent screen, "none" fails instead of showing anything.',
    addedBy: 'app',
    spec: 'OIDC Core §3.1.2.1',
  },
  login_hint: { meaning: 'Pre-fills the user name on the sign-in page.', addedBy: 'app', spec: 'OIDC Core §3.1.2.1' },
  domain_hint: {
    meaning: 'Entra-specific: skips home realm discovery and sends the user straight to the given organisation or "consumers".',
    addedBy: 'app',
  },
  sid: { meaning: 'An existing session ID to reuse silently.', addedBy: 'app' },
  max_age: {
    meaning: 'How old (in seconds) the sign-in may be before the user must authenticate again.',
    addedBy: 'app',
    spec: 'OIDC Core §3.1.2.1',
  },
  grant_type: {
    meaning: '"authorization_code" to redeem a code, "refresh_token" to renew tokens.',
    addedBy: 'msal',
    spec: 'RFC 6749 §4.1.3, §6',
  },
  code: {
    meaning: 'The authorization code: short-lived and single-use, redeemed at /token together with the PKCE verifier.',
    addedBy: 'idp',
    spec: 'RFC 6749 §4.1.2',
    sensitive: true,
  },
  refresh_token: {
    meaning: 'A long-lived credential that gets new access tokens without the user. In a SPA Entra limits it to 24 hours.',
    addedBy: 'msal',
    spec: 'RFC 6749 §6',
    sensitive: true,
  },
  session_state: {
    meaning: 'The identity provider session, for OIDC session management.',
    addedBy: 'idp',
    spec: 'OIDC Session Management §2',
  },
  error: { meaning: 'An OAuth error code: the request failed.', addedBy: 'idp', spec: 'RFC 6749 §4.1.2.1' },
  error_description: { meaning: 'Human-readable detail. Entra puts its AADSTS code here.', addedBy: 'idp', spec: 'RFC 6749 §4.1.2.1' },
  error_uri: { meaning: 'A page that describes the error.', addedBy: 'idp', spec: 'RFC 6749 §4.1.2.1' },
  post_logout_redirect_uri: {
    meaning: 'Where the browser goes after the sign-out at the identity provider.',
    addedBy: 'app',
    spec: 'OIDC RP-Initiated Logout §2',
  },
  id_token_hint: {
    meaning: 'The ID token of the session to end, so the identity provider knows who is signing out.',
    addedBy: 'msal',
    spec: 'OIDC RP-Initiated Logout §2',
    sensitive: true,
  },
  logout_hint: {
    meaning: 'Entra-specific: the login_hint claim of the account to sign out, so no account picker is needed.',
    addedBy: 'msal',
  },
  iss: { meaning: 'The issuer of the response (mix-up attack protection).', addedBy: 'idp', spec: 'RFC 9207 §2' },
  access_token: { meaning: 'A bearer token for the API named by its audience.', addedBy: 'idp', spec: 'RFC 6749 §5.1', sensitive: true },
  id_token: {
    meaning: 'A signed statement about who signed in, for the app itself.',
    addedBy: 'idp',
    spec: 'OIDC Core §2',
    sensitive: true,
  },
}

export function explainParam(name: string): ParamInfo | undefined {
  return PARAMS[name] ?? (name.startsWith('x-client-') ? { meaning: 'Library telemetry sent by MSAL.', addedBy: 'msal' } : undefined)
}

/** Scopes MSAL adds to every interactive request (OIDC_DEFAULT_SCOPES). */
export const MSAL_DEFAULT_SCOPES = ['openid', 'profile', 'offline_access'] as const

/** Is this parameter (or this scope) one MSAL added rather than the app? */
export function isMsalAdded(name: string): boolean {
  return explainParam(name)?.addedBy === 'msal'
}

const SENSITIVE_JSON_FIELDS = new Set([
  'access_token',
  'id_token',
  'refresh_token',
  'code',
  'code_verifier',
  'client_secret',
  'id_token_hint',
])

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_JSON_FIELDS.has(name) || explainParam(name)?.sensitive === true
}

/** Masks a secret for display: first 6 and last 4 characters, with the length. */
export function maskValue(value: string): string {
  if (value.length <= 14) return '•'.repeat(Math.max(4, value.length))
  return `${value.slice(0, 6)}…${value.slice(-4)} (${value.length} chars)`
}

/** A JWT-looking string: two or four dots, base64url segments, JSON header starting with eyJ. */
export function looksLikeJwt(value: string): boolean {
  return /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?$/.test(value.trim())
}
