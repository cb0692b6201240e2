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

/** What the inspector should check the token against (a subset of InspectOptions['expected']). */
export interface TokenExpectations {
  clientId?: string
  audience?: string
  nonce?: string
  code?: string
  accessToken?: string
  issuer?: string
  responseType?: string
  tokenType?: 'id_token' | 'access_token' | 'jwt'
}

export interface FlowToken {
  id: string
  kind: FlowTokenKind
  value: string
  /** Human words for where it was seen ("fragment of the redirect to https://app/cb"). */
  where: string
  stepId: string
  /** How many places in the flow carry the same value. */
  occurrences: number
  jwt: boolean
  expected: TokenExpectations
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

export interface FlowFinding {
  code: FlowLintCode
  severity: 'error' | 'warning' | 'info'
  message: string
  stepId?: string
  specRef: { label: string; url: string }
  /** For error_response: the OAuth error and AADSTS code to explain (see explainError). */
  error?: StepError
}

export interface Flow {
  id: string
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
