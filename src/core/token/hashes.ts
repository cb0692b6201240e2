/**
 * OIDC `at_hash` / `c_hash` (OIDC Core §3.1.3.6, §3.3.2.11): base64url of the left-most half of
 * the hash of the ASCII value, where the hash is the one of the ID token's `alg`.
 * EdDSA names no hash of its own; the OpenID Connect working group agreed (issue 1125) that
 * Ed25519 uses SHA-512, the hash inside Ed25519 (RFC 8032 §5.1). Ed448 would need SHAKE256,
 * which WebCrypto lacks, so it is reported as not computable rather than guessed.
 */
import { base64url } from 'jose'
import { algInfo } from './algorithms.ts'

export type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512'

/** The digest for an `alg` (and, for EdDSA, the signing key's curve); undefined when none applies. */
export function hashForAlg(alg: string, crv?: string): HashName | undefined {
  if (alg === 'EdDSA' || alg === 'Ed25519') return crv === undefined || crv === 'Ed25519' ? 'SHA-512' : undefined
  const info = algInfo(alg)
  if (info) return info.hash
  // Unregistered or unsupported algorithms still name their hash size at the end (e.g. ES256K).
  const m = /(256|384|512)K?$/.exec(alg)
  return m ? (`SHA-${m[1]}` as HashName) : undefined
}

export async function oidcHash(value: string, alg: string, crv?: string): Promise<string | undefined> {
  const hash = hashForAlg(alg, crv)
  if (!hash) return undefined
  const digest = new Uint8Array(await crypto.subtle.digest(hash, new TextEncoder().encode(value)))
  return base64url.encode(digest.subarray(0, digest.length / 2))
}
