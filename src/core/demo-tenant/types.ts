/**
 * The demo tenant's contract: an Entra-shaped authorization server that answers at the network
 * edge (MSAL's networkClient, onRedirectNavigate, and our fetch adapter). Pure: the clock and
 * randomness are injected, state is serialisable so it survives the redirect round trip.
 */

/** A fixed tenant ID of our own for the built-in demo tenant (not a real Entra tenant). */
export const DEMO_TENANT_ID = '5f0c1e7a-3b2d-4c8e-9a61-2d7e0b4f8c15'
/** The demo SPA's client ID and the demo API's application ID (ours, not registered anywhere). */
export const DEMO_CLIENT_ID = '3c9a4e2b-8f1d-4a6c-b5e7-0d2f9a8c1b34'
export const DEMO_API_APP_ID = '9e7d1c5a-2b4f-4e8a-a3c6-7f1b0d9e2c58'
export const DEMO_API_SCOPE = `api://${DEMO_API_APP_ID}/Notes.Read`

export interface EdgeRequest {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  body?: string
}

export interface EdgeResponse {
  status: number
  headers: Record<string, string>
  body: string
}

export interface DemoUser {
  id: string
  displayName: string
  userPrincipalName: string
  kind: 'member' | 'admin' | 'guest'
  description: string
}

/** Fault switches for trainers: each makes the tenant fail the way Entra fails. */
export interface DemoFaults {
  wrongRedirectUri?: boolean // AADSTS50011 at /authorize
  pkceMismatch?: boolean // invalid_grant AADSTS501481 at /token
  codeReuse?: boolean // the first redemption also burns a second one: a replay is refused (AADSTS54005)
  // (Implementation: the tenant treats the code as already redeemed — as after a double
  // handleRedirectPromise — so the app's own redemption gets invalid_grant AADSTS54005.)
  consentDeclined?: boolean // access_denied / AADSTS65004
  expiredCode?: boolean // AADSTS70008
  clockSkewSec?: number // tokens issued with iat/nbf shifted by this many seconds
}

/** What the demo sign-in page shows after an authorize request was accepted. */
export interface AuthorizePrompt {
  sessionId: string
  clientId: string
  redirectUri: string
  scopes: string[]
  /** Scopes needing consent (the demo consent page lists them). */
  consentScopes: string[]
  users: DemoUser[]
  loginHint?: string
  prompt?: string
}

export type AuthorizeOutcome =
  | { kind: 'prompt'; prompt: AuthorizePrompt }
  /** An error shown by the authorization server itself (no valid redirect URI to return to). */
  | { kind: 'error_page'; error: string; description: string; code?: string }
  /** Navigate here: the redirect URI with code/state or error/state in the fragment or query. */
  | {
      kind: 'redirect'
      url: string
      /**
       * Added: only for response_mode=form_post (not used by MSAL SPAs): POST these fields to `url`
       * instead of navigating to it. Absent for fragment/query, where the parameters are in `url`.
       */
      form?: Record<string, string>
    }

// ---------------------------------------------------------------------------------------------
// Added by the demo-tenant implementation (additive only; the names above keep their meaning).
// ---------------------------------------------------------------------------------------------

/** Injected randomness: `bytes` cryptographically random bytes. */
export type RandomSource = (bytes: number) => Uint8Array

export interface DemoTenantOptions {
  /** Tenant GUID the tenant answers for (default DEMO_TENANT_ID). */
  tenantId?: string
  /** Accepted client IDs (default [DEMO_CLIENT_ID]). */
  clientIds?: string[]
  /** Accept any GUID client ID (the e2e "real tenant" path, where the profile's client ID is arbitrary). */
  acceptAnyClient?: boolean
  /**
   * Registered SPA redirect URIs, matched exactly (AADSTS50011 otherwise). When omitted, any
   * https:// URI or http://localhost URI whose path ends with `redirect.html` counts as registered.
   */
  redirectUris?: string[]
  /** Clock: unix seconds. */
  now: () => number
  /** Randomness (default globalThis.crypto.getRandomValues). */
  random?: RandomSource
  /** Resume from serialize() output (after the redirect round trip). */
  state?: DemoTenantState
  faults?: DemoFaults
  /**
   * Put `at_hash` (OIDC Core §3.3.2.11) into ID tokens returned by /token. Entra does NOT do this
   * for the code flow (only ID tokens from /authorize alongside an access token carry it), so it
   * is off by default; a trainer can switch it on to show the check.
   */
  idTokenAtHash?: boolean
  /**
   * The tenant's names as an Azure AD B2C tenant ({b2cName}.b2clogin.com) and an Entra External ID
   * tenant ({ciamName}.ciamlogin.com, plus {tenantId}.ciamlogin.com). Defaults: the built-in demo's.
   */
  b2cName?: string
  ciamName?: string
}

/** JSON-safe snapshot of everything the tenant remembers (keys, sessions, codes, refresh tokens). */
export interface DemoTenantState {
  version: 1
  tenantId: string
  /** The RS256 signing key as a private JWK (demo only: it signs nothing real). */
  signingKey: { kid: string; privateJwk: Record<string, unknown>; /** Self-signed certificate, DER base64 (JWK x5c). */ x5c?: string }
  /** Authorize requests waiting for the sign-in page. */
  pending: Record<string, DemoPendingAuthorize>
  /** Issued authorization codes (kept after redemption to recognise replays). */
  codes: Record<string, DemoIssuedCode>
  refreshTokens: Record<string, DemoRefreshGrant>
  /** Consented scopes per `${userId} ${clientId}`. */
  consents: Record<string, string[]>
  /** Browser sessions at the demo IdP (the Entra `sid`), for prompt=none and logout. */
  sessions: Record<string, { userId: string; authTime: number }>
  faults: DemoFaults
}

export interface DemoPendingAuthorize {
  sessionId: string
  tenantSegment: string
  clientId: string
  redirectUri: string
  scopes: string[]
  state?: string
  nonce?: string
  codeChallenge?: string
  codeChallengeMethod?: 'S256' | 'plain'
  responseMode: 'fragment' | 'query' | 'form_post'
  prompt?: string
  loginHint?: string
  /** ID token claims asked for through the OIDC `claims` parameter (MSAL asks for login_hint, signin_state). */
  idTokenClaims?: string[]
  correlationId: string
  createdAt: number
  /** Origin the authorize request came to (shape: Entra, B2C or External ID); Entra when absent. */
  origin?: string
  /** B2C: the user flow named in the authorize URL. */
  policy?: string
}

export interface DemoIssuedCode {
  clientId: string
  redirectUri: string
  scopes: string[]
  nonce?: string
  codeChallenge?: string
  codeChallengeMethod?: 'S256' | 'plain'
  userId: string
  sid: string
  authTime: number
  issuedAt: number
  redeemed: boolean
  idTokenClaims?: string[]
  /** Origin and B2C policy of the authorize request the code answers (a code is only good there). */
  origin?: string
  policy?: string
}

export interface DemoRefreshGrant {
  clientId: string
  userId: string
  sid: string
  authTime: number
  /** Every scope consented for this grant (a refresh may switch resource, as Entra's multi-resource refresh tokens allow). */
  scopes: string[]
  issuedAt: number
  /** SPA refresh tokens live a fixed 24 h from sign-in; redeeming does not extend it (AADSTS700084). */
  expiresAt: number
  idTokenClaims?: string[]
  origin?: string
  policy?: string
}

export interface DemoTenant {
  readonly tenantId: string
  /** Every host the tenant answers for (Entra, its B2C and External ID hosts); Graph aside. */
  readonly hosts: string[]
  readonly users: DemoUser[]
  /** Every HTTP endpoint at login.microsoftonline.com and graph.microsoft.com the tenant emulates. */
  handle(req: EdgeRequest): Promise<EdgeResponse>
  /** Validate an /authorize URL exactly as Entra would. */
  beginAuthorize(url: string): AuthorizeOutcome
  /** The user picked an account (and answered the consent question) on the demo sign-in page. */
  completeAuthorize(sessionId: string, choice: { userId: string; consent: boolean }): Promise<AuthorizeOutcome>
  serialize(): DemoTenantState
  setFaults(faults: DemoFaults): void
  /** The public JWKS (what /discovery/v2.0/keys serves). */
  jwks(): { keys: Record<string, unknown>[] }
}
