/**
 * Module-level caches for work that depends only on a key: RFC 7638 thumbprints and imported
 * CryptoKeys. Keys are immutable public data, so caching them in core is safe and keeps
 * `inspectToken` with known keys well under its 2 ms budget (importing an RSA key costs more
 * than verifying with it). Both maps are bounded so a long session cannot grow them forever.
 */
import { base64url, calculateJwkThumbprint, importJWK } from 'jose'
import type { JWK } from 'jose'
import type { Jwk } from './keys.ts'
import type { KeySummary } from './types.ts'

const MAX_ENTRIES = 256
const thumbprints = new Map<string, string | null>()
const imported = new Map<string, CryptoKey | Uint8Array>()
const sizes = new Map<string, string>()

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= MAX_ENTRIES) {
    const oldest = map.keys().next()
    if (!oldest.done) map.delete(oldest.value)
  }
  map.set(key, value)
  return value
}

/**
 * Each key type's public members (RFC 7518 §6.2.1 EC, §6.3.1 RSA, §6.4.1 oct; RFC 8037 §2 OKP),
 * which are also the members RFC 7638 §3.2 hashes for a thumbprint.
 */
const PUBLIC_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  RSA: ['n', 'e'],
  EC: ['crv', 'x', 'y'],
  OKP: ['crv', 'x'],
  oct: ['k'],
}

/** The public (or, for `oct`, secret) members only, so private JWKs and odd `key_ops` never reach WebCrypto. */
export function publicJwk(k: Jwk): JWK | null {
  const members = Object.hasOwn(PUBLIC_MEMBERS, k.kty) ? PUBLIC_MEMBERS[k.kty] : undefined
  if (!members) return null
  const out: Record<string, string> = { kty: k.kty }
  for (const name of members) {
    const value = k[name]
    if (typeof value !== 'string' || value === '') return null
    out[name] = value
  }
  return out as JWK
}

/** The RFC 7638 §3.2 members in lexicographic order: both the cache key and the thumbprint input. */
function canonical(jwk: JWK): string {
  const ordered: Record<string, unknown> = {}
  for (const name of [...(PUBLIC_MEMBERS[jwk.kty ?? ''] ?? []), 'kty'].sort()) ordered[name] = (jwk as Record<string, unknown>)[name]
  return JSON.stringify(ordered)
}

export async function thumbprintOf(k: Jwk): Promise<string | undefined> {
  const pub = publicJwk(k)
  if (!pub) return undefined
  const c = canonical(pub)
  const hit = thumbprints.get(c)
  if (hit !== undefined) return hit ?? undefined
  try {
    return remember(thumbprints, c, await calculateJwkThumbprint(pub, 'sha256')) ?? undefined
  } catch {
    remember(thumbprints, c, null)
    return undefined
  }
}

function bitLength(b64u: string): number | undefined {
  try {
    const bytes = base64url.decode(b64u)
    let i = 0
    while (i < bytes.length && bytes[i] === 0) i++
    if (i === bytes.length) return 0
    const lead = bytes[i] ?? 0
    return (bytes.length - i - 1) * 8 + (32 - Math.clz32(lead))
  } catch {
    return undefined
  }
}

function sizeOf(k: Jwk): string | undefined {
  if (k.kty === 'RSA' && typeof k['n'] === 'string') {
    const n = k['n']
    const hit = sizes.get(n)
    if (hit !== undefined) return hit
    const bits = bitLength(n)
    return bits === undefined ? undefined : remember(sizes, n, `${bits}-bit`)
  }
  if ((k.kty === 'EC' || k.kty === 'OKP') && typeof k['crv'] === 'string') return k['crv']
  if (k.kty === 'oct' && typeof k['k'] === 'string') {
    const bits = bitLength(k['k'])
    return bits === undefined ? undefined : `${Math.ceil(bits / 8) * 8}-bit secret`
  }
  return undefined
}

export async function summarize(k: Jwk, issuer?: string): Promise<KeySummary> {
  const out: KeySummary = { kty: k.kty }
  if (typeof k['kid'] === 'string') out.kid = k['kid']
  if (typeof k['alg'] === 'string') out.alg = k['alg']
  if (typeof k['use'] === 'string') out.use = k['use']
  const size = sizeOf(k)
  if (size !== undefined) out.size = size
  const tp = await thumbprintOf(k)
  if (tp !== undefined) out.thumbprint = tp
  if (typeof k['x5t'] === 'string') out.x5t = k['x5t']
  if (issuer !== undefined) out.issuer = issuer
  return out
}

/** Imports (once) the key for one algorithm; a CryptoKey is bound to its algorithm in WebCrypto. */
export async function importFor(k: Jwk, alg: string): Promise<CryptoKey | Uint8Array> {
  const pub = publicJwk(k)
  if (!pub) throw new TypeError(`The ${k.kty} key lacks the members needed to use it.`)
  const cacheKey = `${alg}|${canonical(pub)}`
  const hit = imported.get(cacheKey)
  if (hit) return hit
  return remember(imported, cacheKey, await importJWK(pub, alg))
}
