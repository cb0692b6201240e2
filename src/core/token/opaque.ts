/**
 * Recognises strings that are tokens but not JWTs, so the UI can say "this is a Microsoft
 * account access token, it is encrypted" instead of "malformed". Prefixes are observed formats,
 * not specified ones: they are a hint shown with a reason, never a validation result.
 */
/** The opaque credential shapes we recognise by prefix (each rule below names one). */
export type OpaqueKind =
  | 'entra_refresh_token'
  | 'msa_refresh_token'
  | 'msa_access_token'
  | 'google_access_token'
  | 'google_refresh_token'
  | 'github_token'
  /** Any other single-segment token: a reference token, described only by introspection (RFC 7662). */
  | 'reference_token'

export interface OpaqueMatch {
  kind: OpaqueKind
  reason: string
}

const TOKEN_CHARS = /^[A-Za-z0-9\-_.~+/=!*]+$/

interface Rule {
  test: (s: string) => boolean
  kind: OpaqueKind
  reason: string
}

const RULES: Rule[] = [
  {
    // Entra ID refresh tokens: "0.A…" / "1.A…", dot-separated but not base64url JSON.
    test: (s) => /^[01]\.A[A-Za-z0-9_-]{20,}/.test(s),
    kind: 'entra_refresh_token',
    reason:
      'It starts with "0.A" or "1.A", the shape of a Microsoft Entra refresh token. Refresh tokens are opaque: only Entra can read them, and they are redeemed at the token endpoint, never sent to an API.',
  },
  {
    // Microsoft account (consumer) refresh tokens: "M.C5…_BAY.…", "M.R3_BL2.…".
    test: (s) => /^M\.[A-Z0-9]{1,4}_[A-Z0-9]{2,5}\./.test(s),
    kind: 'msa_refresh_token',
    reason:
      'It starts with "M.", the shape of a Microsoft account (consumer) refresh token. It is opaque and only the Microsoft account service can redeem it.',
  },
  {
    // Microsoft account access tokens are encrypted blobs that start with "Ew" in base64.
    test: (s) => /^Ew[A-Za-z0-9+/]{40,}={0,2}$/.test(s),
    kind: 'msa_access_token',
    reason:
      'It starts with "Ew" and is plain base64 without dots: the shape of a Microsoft account (consumer) access token. Those are encrypted for Microsoft services and cannot be decoded or validated by anyone else. To get a JWT, sign in with a work or school account, or request a scope of your own API.',
  },
  {
    test: (s) => /^ya29\.[A-Za-z0-9_-]{20,}/.test(s),
    kind: 'google_access_token',
    reason: 'It starts with "ya29.", the shape of a Google OAuth access token: opaque, checked by Google\'s tokeninfo endpoint, not a JWT.',
  },
  {
    test: (s) => /^1\/\/[A-Za-z0-9_-]{20,}/.test(s),
    kind: 'google_refresh_token',
    reason: 'It starts with "1//", the shape of a Google refresh token: opaque, only Google can redeem it.',
  },
  {
    test: (s) => /^gh[pousr]_[A-Za-z0-9]{30,}$/.test(s),
    kind: 'github_token',
    reason: 'It starts with a GitHub token prefix (ghp_, gho_, ghu_, ghs_, ghr_): an opaque GitHub credential, not a JWT.',
  },
]

/** Returns a match when the string looks like a known or generic opaque token. */
export function detectOpaque(s: string): OpaqueMatch | null {
  if (!TOKEN_CHARS.test(s)) return null
  for (const rule of RULES) if (rule.test(s)) return { kind: rule.kind, reason: rule.reason }
  if (!s.includes('.') && s.length >= 20 && /^[A-Za-z0-9\-_~+/=]+$/.test(s)) {
    return {
      kind: 'reference_token',
      reason:
        'One segment without dots: a reference (opaque) token. Its meaning lives at the issuer, which can describe it through token introspection (RFC 7662); there is nothing to decode locally.',
    }
  }
  return null
}
