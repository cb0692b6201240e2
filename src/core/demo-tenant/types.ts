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
  | { kind: 'redirect'; url: string }
