/**
 * The token core contract (issue 3). Plain JSON data only: reports are stored, compared,
 * exported and rendered, so nothing here may hold a class instance, a function or a CryptoKey.
 */
import type { ClaimAnnotation, HeaderAnnotation } from '../claims/types.ts'
import type { SpecLink } from '../spec-links.ts'
import type { OpaqueKind } from './opaque.ts'

export type FindingCode =
  | 'malformed'
  | 'payload_not_object'
  | 'duplicate_keys'
  | 'claim_type_invalid'
  | 'payload_too_large'
  | 'jwe_encrypted'
  | 'alg_none'
  | 'unsupported_alg'
  | 'alg_mismatch'
  | 'hs_with_public_key'
  | 'kid_not_found'
  | 'kid_ambiguous'
  | 'suspicious_kid'
  | 'key_use_mismatch'
  | 'untrusted_jku'
  | 'untrusted_x5u'
  | 'embedded_jwk'
  | 'crit_unsupported'
  | 'graph_nonce_header'
  | 'expired'
  | 'not_yet_valid'
  | 'iat_future'
  | 'iss_mismatch'
  | 'aud_mismatch'
  | 'azp_mismatch'
  | 'nonce_mismatch'
  | 'at_hash_mismatch'
  | 'c_hash_mismatch'
  | 'missing_iss'
  | 'missing_sub'
  | 'missing_aud'
  | 'missing_exp'
  | 'missing_iat'
  | 'missing_nonce'
  | 'missing_at_hash'
  | 'missing_c_hash'
  | 'logout_event_invalid'
  | 'logout_nonce_present'
  | 'groups_overage'
  // Informational codes of our own (never reuse the fixed names above for other meanings).
  | 'opaque_token'
  | 'embedded_x5c'
  | 'keys_unavailable'
  | 'keys_refetched'
  | 'signature_invalid'
  | 'typ_unexpected'
  | 'entra_v1_token'
  | 'tenant_mismatch'
  | 'lifetime_info'
  | 'hash_not_computable'

export type Severity = 'error' | 'warning' | 'info'

export interface Finding {
  code: FindingCode
  severity: Severity
  /** What the finding is about: a claim name (`exp`), `header.<param>`, `signature`, `key`, `token`. */
  subject: string
  message: string
  expected?: string
  actual?: string
  /** A citation such as "RFC 7519 §4.1.4", with an https link where one exists. */
  specRef: SpecLink
}

/**
 * What a JWT is for, as the family detection reads it: an ID token (OIDC Core §2), an access token
 * (RFC 9068 or a vendor's own shape), a logout token (OIDC Back-Channel Logout §2.4), some other
 * JWT, or unknown. The one vocabulary for the inspector, expectations and flow analysis.
 */
export type TokenType = 'id_token' | 'access_token' | 'logout_token' | 'jwt' | 'unknown'

/** What a caller may say it expects (an expectation of "unknown" would check nothing). */
export type ExpectedTokenType = Exclude<TokenType, 'unknown'>

export type TokenForm = 'jws' | 'jwe' | 'unsecured' | 'opaque' | 'malformed'

export type SegmentName = 'header' | 'payload' | 'signature' | 'encrypted_key' | 'iv' | 'ciphertext' | 'tag' | 'token'

/**
 * Why a token did not decode, as a stable code: the segment layout (RFC 7515 §7.1, RFC 7516 §7.1),
 * base64url (RFC 7515 §2, no padding), UTF-8 and JSON (RFC 7519 §7.2 steps 4 and 10), an object
 * for the claims set, the input limit, whitespace inside the token, or a recognised opaque
 * credential (`opaque:<kind>`). `internal` is a decoder bug turned into a problem, never a throw.
 */
export type DecodeProblemReason =
  | 'segment_count'
  | 'base64url_alphabet'
  | 'base64url_padding'
  | 'base64url_length'
  | 'utf8'
  | 'json'
  | 'not_object'
  | 'empty'
  | 'too_large'
  | 'whitespace'
  | 'internal'
  | `opaque:${OpaqueKind}`

export interface DecodeProblem {
  segment: SegmentName
  reason: DecodeProblemReason
  message: string
}

export interface DecodedToken {
  /** The input after trimming whitespace, line breaks and a `Bearer ` prefix. */
  normalized: string
  decodes: boolean
  form: TokenForm
  /** Why the form was chosen, in words ("three segments with a JSON header: a JWS"). */
  formReason: string
  segments: string[]
  header: Record<string, unknown> | null
  /** Parsed payload: an object for a JWT; any JSON value or the raw text otherwise. */
  payload: unknown
  payloadText: string | null
  problems: DecodeProblem[]
  duplicateKeys: { segment: 'header' | 'payload'; names: string[] }[]
}

export type TokenFamily =
  | 'entra_v1_id'
  | 'entra_v2_id'
  | 'entra_v1_access'
  | 'entra_v2_access'
  | 'entra_graph_access'
  | 'b2c'
  | 'oidc_id'
  | 'oauth_access_jwt'
  | 'logout'
  | 'jwt'
  | 'unknown'

export interface InspectOptions {
  /** Unix seconds; the core never reads the clock. */
  now: number
  clockToleranceSec?: number
  keys?: { jwks: unknown; origin?: KeyOrigin } | { fetchJson: (url: string) => Promise<unknown> }
  expected?: {
    issuer?: string
    audience?: string
    nonce?: string
    tenantId?: string
    accessToken?: string
    code?: string
    tokenType?: ExpectedTokenType
    responseType?: string
    alg?: string
    /** The client ID (for `azp` and Entra `?appid=` key look-up); defaults to `audience` for id tokens. */
    clientId?: string
  }
}

export type SignatureStatus = 'valid' | 'invalid' | 'unverifiable' | 'none'

export interface KeySummary {
  kid?: string
  kty?: string
  alg?: string
  use?: string
  /** Modulus bits for RSA, curve for EC/OKP. */
  size?: string
  /** RFC 7638 SHA-256 thumbprint. */
  thumbprint?: string
  x5t?: string
  issuer?: string
}

export interface KeyCandidate {
  key: KeySummary
  used: boolean
  /** Why this key was or was not used ("kid differs", "kty RSA cannot verify ES256", ...). */
  reason: string
}

/**
 * Why a document was fetched: the issuer's discovery document (OIDC Discovery §4), its key set,
 * the key set again because the token's kid was missing (OIDC Core §10.1.1, key rotation), or
 * Entra's app-specific key set (`?appid=`, for apps with their own signing keys).
 */
export type FetchPurpose = 'discovery' | 'jwks' | 'jwks_refetch' | 'jwks_appid'

export interface FetchRecord {
  url: string
  purpose: FetchPurpose
  ok: boolean
  error?: string
  /** The document as fetched (JSON), for viewing. */
  document?: unknown
  /**
   * Set when the request was never sent because the fetch policy said "ask" (the user has not
   * agreed to contact that host) or "refuse"; `error` then says why.
   */
  notSent?: { verdict: 'ask' | 'refuse'; host: string | null; reason: string }
}

/**
 * Where keys that were handed in (not fetched from the issuer) came from. A key set found inside
 * an imported file or capture is only as trustworthy as that file: it verifies the file's own
 * tokens, as of the time the file recorded it, and the verdict always names it.
 */
export interface KeyOrigin {
  kind: 'capture'
  /** Words for the UI: 'the imported file "signin.har"'. */
  label: string
  /** Unix milliseconds the capture recorded the key set, when known. */
  capturedAt?: number
}

export interface KeyChain {
  /** `capture`: a key set found inside an imported file or capture (see `origin`), never the issuer's own. */
  source: 'none' | 'pasted' | 'capture' | 'issuer'
  origin?: KeyOrigin
  issuer?: string
  discoveryUrl?: string
  jwksUri?: string
  kid?: string
  fetches: FetchRecord[]
  refetched: boolean
  candidates: KeyCandidate[]
  selected?: KeySummary
}

export interface SignatureResult {
  status: SignatureStatus
  alg: string | null
  /** One sentence saying why the status is what it is. */
  reason: string
  chain: KeyChain
}

export interface InspectionReport {
  input: string
  decodes: boolean
  form: TokenForm
  formReason: string
  header: Record<string, unknown> | null
  payload: unknown
  problems: DecodeProblem[]
  family: TokenFamily
  /** Human words for the family ("Microsoft Entra v2.0 ID token"). */
  familyLabel: string
  tokenType: TokenType
  signature: SignatureResult
  findings: Finding[]
  claims: ClaimAnnotation[]
  headerParams: HeaderAnnotation[]
  /** The options' `now` and tolerance the checks used, echoed for display. */
  evaluatedAt: number
  clockToleranceSec: number
}
