/**
 * MSAL's `authorityMetadata` option from the discovery document Token Lens has just read itself
 * (B2C and External ID read it first to decide knownAuthorities). Given it, MSAL uses those
 * endpoints and does not GET the same document a second time for every MSAL instance.
 *
 * MSAL checks a discovery document's issuer only when it fetched the document itself
 * (msal-common 16.17 Authority.updateEndpointMetadata: config metadata skips validateIssuer). So
 * the document is handed over only when our restatement of that check (msalIssuerRule, proven
 * against MSAL's own in issuer-rule.test.ts) accepts it; when MSAL would refuse the issuer, MSAL
 * fetches and refuses it as before, and the error names the issuer (IssuerRefusedError).
 */
import type { KnownAuthorities } from '../../core/capture/profile.ts'

/** The endpoints MSAL reads from the document (msal-common isOpenIdConfigResponse). */
const REQUIRED = ['authorization_endpoint', 'token_endpoint', 'issuer', 'jwks_uri'] as const

/** The document as MSAL's authorityMetadata string, or null when MSAL should fetch and check it itself. */
export function authorityMetadataFrom(doc: unknown, known: KnownAuthorities): string | null {
  if (known.refusal) return null
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return null
  const d = doc as Record<string, unknown>
  if (!REQUIRED.every((k) => typeof d[k] === 'string' && d[k] !== '')) return null
  // end_session_endpoint is optional (OIDC Discovery §3 via RP-Initiated Logout §2.1).
  return JSON.stringify(doc)
}
