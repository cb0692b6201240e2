/**
 * The tenant's signing key. Entra signs with 2048-bit RSA keys and names them by `kid` = `x5t` =
 * base64url(SHA-1 of the X.509 certificate). We have no certificate, so our `kid`/`x5t` are
 * base64url(SHA-1 of the RFC 7638 canonical public JWK): the same 27-character shape, honestly
 * derived from the key itself.
 */
import { base64url, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose'

export interface SigningKey {
  kid: string
  privateKey: CryptoKey
  publicKey: CryptoKey
  privateJwk: JWK
  publicJwk: { kty: 'RSA'; n: string; e: string }
}

async function kidFor(n: string, e: string): Promise<string> {
  // RFC 7638 §3.2: members in lexicographic order, no whitespace.
  const canonical = JSON.stringify({ e, kty: 'RSA', n })
  const digest = await globalThis.crypto.subtle.digest('SHA-1', new TextEncoder().encode(canonical))
  return base64url.encode(new Uint8Array(digest))
}

export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true })
  const privateJwk = await exportJWK(privateKey)
  const { n, e } = privateJwk
  if (typeof n !== 'string' || typeof e !== 'string') throw new Error('RSA key export lacks n/e')
  return { kid: await kidFor(n, e), privateKey, publicKey, privateJwk, publicJwk: { kty: 'RSA', n, e } }
}

export async function restoreSigningKey(saved: { kid: string; privateJwk: Record<string, unknown> }): Promise<SigningKey> {
  const privateJwk = saved.privateJwk as JWK
  const { n, e } = privateJwk
  if (typeof n !== 'string' || typeof e !== 'string' || privateJwk.kty !== 'RSA' || typeof privateJwk.d !== 'string') {
    throw new Error('Saved demo tenant key is not an RSA private JWK')
  }
  const privateKey = (await importJWK({ ...privateJwk, alg: 'RS256' }, 'RS256', { extractable: true })) as CryptoKey
  const publicKey = (await importJWK({ kty: 'RSA', n, e, alg: 'RS256' }, 'RS256')) as CryptoKey
  return { kid: saved.kid, privateKey, publicKey, privateJwk, publicJwk: { kty: 'RSA', n, e } }
}
