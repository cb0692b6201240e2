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

/** The public (or, for `oct`, secret) members only, so private JWKs and odd `key_ops` never reach WebCrypto. */
export function publicJwk(k: Jwk): JWK | null {
  const s = (name: string): string | undefined => (typeof k[name] === 'string' ? (k[name] as string) : undefined)
  switch (k.kty) {
    case 'RSA': {
      const n = s('n')
      const e = s('e')
      return n && e ? { kty: 'RSA', n, e } : null
    }
    case 'EC': {
      const crv = s('crv')
      const x = s('x')
      const y = s('y')
      return crv && x && y ? { kty: 'EC', crv, x, y } : null
    }
    case 'OKP': {
      const crv = s('crv')
      const x = s('x')
      return crv && x ? { kty: 'OKP', crv, x } : null
    }
    case 'oct': {
      const kk = s('k')
      return kk ? { kty: 'oct', k: kk } : null
    }
    default:
      return null
  }
}

/** The RFC 7638 members in lexicographic order: both the cache key and the thumbprint input. */
function canonical(jwk: JWK): string {
  switch (jwk.kty) {
    case 'RSA':
      return JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n })
    case 'EC':
      return JSON.stringify({ crv: jwk.crv, kty: 'EC', x: jwk.x, y: jwk.y })
    case 'OKP':
      return JSON.stringify({ crv: jwk.crv, kty: 'OKP', x: jwk.x })
    default:
      return JSON.stringify({ k: jwk.k, kty: 'oct' })
  }
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
