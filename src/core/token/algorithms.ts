/**
 * JWS algorithms (RFC 7518 §3.1, RFC 8037 §3.1, RFC 9864) and the key each one needs.
 * This table decides key compatibility before jose is asked to verify, so the report can say
 * why a key was skipped ("kty RSA cannot verify ES256") instead of only "verification failed".
 */
export interface AlgInfo {
  kty: 'RSA' | 'EC' | 'OKP' | 'oct'
  crv?: string
  /** Digest used by OIDC `_hash` claims; Ed25519 uses SHA-512 (see hashes.ts). */
  hash: 'SHA-256' | 'SHA-384' | 'SHA-512'
  family: 'HMAC' | 'RSASSA-PKCS1-v1_5' | 'RSASSA-PSS' | 'ECDSA' | 'EdDSA'
}

export const SUPPORTED_ALGS: Record<string, AlgInfo> = {
  HS256: { kty: 'oct', hash: 'SHA-256', family: 'HMAC' },
  HS384: { kty: 'oct', hash: 'SHA-384', family: 'HMAC' },
  HS512: { kty: 'oct', hash: 'SHA-512', family: 'HMAC' },
  RS256: { kty: 'RSA', hash: 'SHA-256', family: 'RSASSA-PKCS1-v1_5' },
  RS384: { kty: 'RSA', hash: 'SHA-384', family: 'RSASSA-PKCS1-v1_5' },
  RS512: { kty: 'RSA', hash: 'SHA-512', family: 'RSASSA-PKCS1-v1_5' },
  PS256: { kty: 'RSA', hash: 'SHA-256', family: 'RSASSA-PSS' },
  PS384: { kty: 'RSA', hash: 'SHA-384', family: 'RSASSA-PSS' },
  PS512: { kty: 'RSA', hash: 'SHA-512', family: 'RSASSA-PSS' },
  ES256: { kty: 'EC', crv: 'P-256', hash: 'SHA-256', family: 'ECDSA' },
  ES384: { kty: 'EC', crv: 'P-384', hash: 'SHA-384', family: 'ECDSA' },
  ES512: { kty: 'EC', crv: 'P-521', hash: 'SHA-512', family: 'ECDSA' },
  EdDSA: { kty: 'OKP', crv: 'Ed25519', hash: 'SHA-512', family: 'EdDSA' },
  Ed25519: { kty: 'OKP', crv: 'Ed25519', hash: 'SHA-512', family: 'EdDSA' },
}

/** Registered JWS algorithms that jose/WebCrypto cannot verify here, with the reason. */
export const KNOWN_UNSUPPORTED: Record<string, string> = {
  ES256K: 'secp256k1 (ES256K, RFC 8812) is not available in WebCrypto.',
  Ed448: 'Ed448 is not available in WebCrypto in every browser.',
  RS1: 'RSASSA-PKCS1-v1_5 with SHA-1 is not a registered JWS algorithm for new use and jose refuses it.',
  HS1: 'HMAC with SHA-1 is not a registered JWS algorithm.',
}

export function algInfo(alg: string): AlgInfo | undefined {
  return Object.prototype.hasOwnProperty.call(SUPPORTED_ALGS, alg) ? SUPPORTED_ALGS[alg] : undefined
}

export function isHmac(alg: string): boolean {
  return /^HS\d+$/i.test(alg)
}
