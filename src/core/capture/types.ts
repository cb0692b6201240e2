/**
 * The capture model: every HTTP step of a flow is a HAR 1.2 entry (so DevTools imports and any
 * HAR viewer work unchanged) with an `_oauth` extension. HAR 1.2 allows custom fields whose
 * names start with an underscore (HAR 1.2 spec, "Custom fields").
 */
import type { Entry, Har } from 'har-format'

export type StepKind =
  | 'discovery'
  | 'jwks'
  | 'authorize'
  | 'redirect_back'
  | 'callback'
  | 'token'
  | 'refresh'
  | 'userinfo'
  | 'graph'
  | 'api'
  | 'logout'
  | 'device_authorization'
  /** Pushed authorization request (RFC 9126 §2). */
  | 'par'
  /** Token revocation (RFC 7009 §2.1). */
  | 'revocation'
  /** Token introspection (RFC 7662 §2.1). */
  | 'introspection'
  | 'saml'
  | 'other'

/**
 * observed: the app saw it happen (a navigation, the redirect back);
 * captured: the app made or relayed the request and recorded both sides;
 * simulated: the demo tenant answered, no real identity provider was involved;
 * not_observed: inferred from other steps (a confidential client's server-side token call).
 */
export type CaptureOrigin = 'observed' | 'captured' | 'simulated' | 'not_observed'

export interface OAuthAnnotation {
  step: StepKind
  flowId: string
  origin: CaptureOrigin
  /** Paths of values replaced by placeholders, e.g. "response.content.text#refresh_token". */
  redactions: string[]
  /** Grant type for token steps: authorization_code, refresh_token, client_credentials, ... */
  grantType?: string
  /** Short human label for lists and diagrams. */
  label?: string
  /** Free-form notes ("PKCE S256 verified", "state round-trip ok"). */
  notes?: string[]
  /** Set when the step failed (an OAuth error response or a transport error). */
  error?: { error: string; description?: string; code?: string }
}

export type CapturedEntry = Entry & { _oauth: OAuthAnnotation }

export type CaptureHar = Har

export function isCapturedEntry(entry: Entry): entry is CapturedEntry {
  const extra = (entry as { _oauth?: unknown })._oauth
  return typeof extra === 'object' && extra !== null && typeof (extra as { step?: unknown }).step === 'string'
}
