/**
 * The tenant's signing key. Entra signs with 2048-bit RSA keys, publishes each with a
 * self-signed certificate (x5c) and names it by `kid` = `x5t` = base64url(SHA-1 of that
 * certificate). We do the same (x509.ts). A key restored from an older saved state without a
 * certificate keeps its saved kid.
 */
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose'
import type { RandomSource } from './types.ts'
import { selfSignedCertificate } from './x509.ts'

export interface SigningKey {
  kid: string
  privateKey: CryptoKey
  publicKey: CryptoKey
  privateJwk: JWK
  publicJwk: { kty: 'RSA'; n: string; e: string }
  /** DER certificate, standard base64 (absent only for keys restored from older state). */
  x5c?: string
}

/** The certificate subject Entra uses for its own signing keys is its STS name; ours says what it is. */
export const CERT_SUBJECT = 'Token Lens demo tenant signing key (not trusted anywhere)'

export async function generateSigningKey(opts: { now: number; random: RandomSource }): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true })
  const privateJwk = await exportJWK(privateKey)
  const { n, e } = privateJwk
  if (typeof n !== 'string' || typeof e !== 'string') throw new Error('RSA key export lacks n/e')
  const cert = await selfSignedCertificate({
    n,
    e,
    privateKey,
    commonName: CERT_SUBJECT,
    notBefore: opts.now - 86_400,
    serial: opts.random(16),
  })
  return { kid: cert.x5t, privateKey, publicKey, privateJwk, publicJwk: { kty: 'RSA', n, e }, x5c: cert.x5c }
}

export async function restoreSigningKey(saved: { kid: string; privateJwk: Record<string, unknown>; x5c?: string }): Promise<SigningKey> {
  const privateJwk = saved.privateJwk as JWK
  const { n, e } = privateJwk
  if (typeof n !== 'string' || typeof e !== 'string' || privateJwk.kty !== 'RSA' || typeof privateJwk.d !== 'string') {
    throw new Error('Saved demo tenant key is not an RSA private JWK')
  }
  const privateKey = (await importJWK({ ...privateJwk, alg: 'RS256' }, 'RS256', { extractable: true })) as CryptoKey
  const publicKey = (await importJWK({ kty: 'RSA', n, e, alg: 'RS256' }, 'RS256')) as CryptoKey
  return {
    kid: saved.kid,
    privateKey,
    publicKey,
    privateJwk,
    publicJwk: { kty: 'RSA', n, e },
    ...(saved.x5c !== undefined ? { x5c: saved.x5c } : {}),
  }
}
