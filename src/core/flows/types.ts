/**
 * Flow detection contract: what a HAR (or the live capture) becomes after analysis. Plain data,
 * serialisable, so the worker can post it back and the JSON report can embed it.
 */
import type { CaptureOrigin, StepKind } from '../capture/types.ts'
import type { Params } from './http.ts'

export type ResponseMode = 'query' | 'fragment' | 'form_post' | 'json'

export interface StepError {
  error: string
  description?: string
  /** Entra AADSTS number as a string ("50011"), when the description or error_codes carry one. */
  code?: string
  /** Where the error was read: a JSON body (RFC 6749 §5.2), the redirect (§4.1.2.1) or the IdP's own HTML page. */
  source?: 'json' | 'redirect' | 'html'
  /** Another IdP's own code (Azure AD B2C "AADB2C90118", Okta "E0000022"). */
  idpCode?: string
  /** Correlation data an error page shows, to quote to the IdP's support. */
  correlationId?: string
  traceId?: string
  timestamp?: string
}

export type ClientAuth = 'client_secret_post' | 'client_secret_basic' | 'private_key_jwt' | 'none'

export interface FlowStep {
  id: string
  /** Index into the analysed entries, or null for an inferred step. */
  entryIndex: number | null
  kind: StepKind
  origin: CaptureOrigin
  label: string
  method: string
  url: string
  status: number
  /** Milliseconds since the epoch (or the file position when the file has no times). */
  time: number
  grantType?: string
  clientAuth?: ClientAuth
  /** Query and form parameters of the request. */
  request: Params
  /** Parameters handed back: Location query/fragment, form_post inputs or top-level JSON fields. */
  response: Params
  responseMode?: ResponseMode
  /** Where a redirect sent the browser (the Location header), when it carried a response. */
  redirectTo?: string
  /** The bearer (or DPoP) access token of the Authorization header. */
  bearer?: string
  bearerScheme?: 'Bearer' | 'DPoP'
  /** Cookies the response set (only kept for callbacks: the session made from the tokens). */
  setCookies?: { name: string; value: string }[]
  error?: StepError
}

export type FlowKind =
  | 'authorization_code'
  | 'implicit'
  | 'hybrid'
  | 'client_credentials'
  | 'on_behalf_of'
  | 'jwt_bearer'
  | 'device_code'
  | 'refresh_token'
  | 'password'
  | 'saml'
  | 'api'
  | 'metadata'
  /** An RP-initiated sign-out (OIDC RP-Initiated Logout 1.0 §2) with no sign-in beside it. */
  | 'sign_out'
  | 'unknown'

export type FlowTokenKind =
  | 'id_token'
  | 'access_token'
  | 'refresh_token'
  | 'code'
  | 'assertion'
  | 'client_assertion'
  | 'id_token_hint'
  | 'device_code'
  /** A token presented to /revoke or /introspect (RFC 7009 §2.1, RFC 7662 §2.1), type unknown unless hinted. */
  | 'presented_token'
  /** A cookie the app's callback set: the session the app made out of the tokens. */
  | 'session_cookie'

/**
 * Every place a token can travel, so one token is listed once per place it appears.
 * token_response: JSON of /token (RFC 6749 §5.1); authorization_header: Bearer or DPoP (RFC 6750
 * §2.1, RFC 9449 §7.1); redirect_query / redirect_fragment: the authorization response in the
 * Location (RFC 6749 §4.1.2, §4.2.2); form_post: the auto-submitted form (Form Post Response
 * Mode §2) or its POST at the redirect URI; callback_query: the request at the redirect URI;
 * token_request / refresh_request: form body of /token; id_token_hint: a logout (OIDC
 * RP-Initiated Logout §2); revocation / introspection: the `token` parameter; cookie: Set-Cookie
 * of the callback's response; device_response: the device authorization answer (RFC 8628 §3.2).
 */
export type TokenPlace =
  | 'token_response'
  | 'authorization_header'
  | 'redirect_query'
  | 'redirect_fragment'
  | 'form_post'
  | 'callback_query'
  | 'token_request'
  | 'refresh_request'
  | 'id_token_hint'
  | 'revocation'
  | 'introspection'
  | 'cookie'
  | 'device_response'

/** What the inspector should check the token against (a subset of InspectOptions['expected']). */
export interface TokenExpectations {
  clientId?: string
  audience?: string
  nonce?: string
  code?: string
  accessToken?: string
  issuer?: string
  responseType?: string
  tenantId?: string
  tokenType?: 'id_token' | 'access_token' | 'jwt'
}

/** One (place, token) pair: a token seen in three places is three entries sharing one valueId. */
export interface FlowToken {
  id: string
  kind: FlowTokenKind
  value: string
  place: TokenPlace
  /** Human words for where it was seen ("fragment of the redirect · app.example/cb"). */
  where: string
  stepId: string
  /** The exchange it was seen in (index into the analysed entries); null for an inferred step. */
  entryIndex: number | null
  /** The id of the first entry with the same value: entries with equal valueId are one token. */
  valueId: string
  /** How many places in the flow carry the same value. */
  occurrences: number
  jwt: boolean
  expected: TokenExpectations
  /** For tokens a token endpoint issued: "Sign-in", "Refresh" or "Graph (silent)". */
  label?: string
  /** The granted scope of the token response that carried it (RFC 6749 §5.1). */
  scope?: string
  /** For Authorization headers: the scheme, Bearer (RFC 6750) or DPoP (RFC 9449). */
  scheme?: 'Bearer' | 'DPoP'
  /** For cookies: the cookie name. */
  name?: string
  /** The value is a numbered placeholder of a sanitised file ("[redacted:refresh_token:2]"): it links places, it is no token. */
  redacted?: boolean
}

export type FlowLintCode =
  | 'pkce_missing'
  | 'pkce_plain'
  | 'state_missing'
  | 'state_not_echoed'
  | 'nonce_missing'
  | 'implicit_flow'
  | 'hybrid_flow'
  | 'token_in_query'
  | 'client_secret_exposed'
  | 'refresh_token_exposed'
  | 'insecure_redirect_uri'
  | 'password_grant'
  | 'error_response'
  | 'token_call_not_observed'
  | 'saml_not_analysed'
  | 'body_not_in_file'

export interface FlowFinding {
  code: FlowLintCode
  severity: 'error' | 'warning' | 'info'
  message: string
  stepId?: string
  specRef: { label: string; url: string }
  /** For error_response: the OAuth error and AADSTS code to explain (see explainError). */
  error?: StepError
}

/** Public or confidential client (RFC 6749 §2.1) and the grant, from what the capture shows. */
export interface ClientType {
  type: 'public' | 'confidential' | 'unknown'
  grant?: string
  /** What it was decided from, in words. */
  evidence: string[]
}

export interface Flow {
  id: string
  client: ClientType
  /** The tenant (Entra) used to resolve a `{tenantid}` issuer template. */
  tenantId?: string
  kind: FlowKind
  label: string
  clientId?: string
  redirectUri?: string
  state?: string
  nonce?: string
  responseType?: string
  /** Host of the authorization server (authorize/token endpoints). */
  authority?: string
  steps: FlowStep[]
  tokens: FlowToken[]
  findings: FlowFinding[]
  /** The JWKS response body captured in this flow, usable as pasted keys in the inspector. */
  jwks?: unknown
  /** Issuer from a captured discovery document. */
  issuer?: string
}

export interface FlowAnalysis {
  flows: Flow[]
  entryCount: number
  /** Entries that took part in no flow (static assets, unrelated calls). */
  unrelatedCount: number
}
