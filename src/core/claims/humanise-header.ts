/** JOSE header values in words (RFC 7515 §4.1, RFC 7516 §4.1, RFC 7518). Lazily loaded. */
import type { AnnotateContext, HumanValue } from './types.ts'
import { HEADER_TYP, JWE_ALG, JWE_ENC, JWS_ALG } from './words.ts'

function raw(value: unknown): string {
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

function word(table: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}

function hv(r: string, text?: string): HumanValue {
  return text === undefined ? { raw: r } : { raw: r, text }
}

/** Human values for one header parameter. `header` gives context (JWE vs JWS, Entra nonce). */
export function humaniseHeader(name: string, value: unknown, header: Record<string, unknown>, _ctx: AnnotateContext): HumanValue[] {
  const r = raw(value)
  const isJwe = 'enc' in header
  switch (name) {
    case 'alg': {
      if (typeof value !== 'string') return [hv(r, 'Not a string: invalid header')]
      // RFC 7518 §3.6: "none" in any letter case must never be accepted for a signed token.
      if (value.toLowerCase() === 'none') return [hv(r, word(JWS_ALG, 'none'))]
      return [hv(r, word(isJwe ? JWE_ALG : JWS_ALG, value) ?? word(JWE_ALG, value) ?? 'Unregistered algorithm')]
    }
    case 'enc':
      return [hv(r, word(JWE_ENC, r) ?? 'Unregistered content encryption')]
    case 'typ':
    case 'cty': {
      // RFC 7515 §4.1.9: media types are compared case-insensitively and "application/" may be omitted.
      const t = r.toLowerCase().replace(/^application\//, '')
      return [hv(r, word(HEADER_TYP, t))]
    }
    case 'zip':
      return [hv(r, r === 'DEF' ? 'DEFLATE-compressed before encryption' : 'Unknown compression')]
    case 'kid':
      return [hv(r, header['x5t'] === value ? 'Same value as x5t (Entra v1.0 style)' : undefined)]
    case 'jku':
    case 'x5u':
      return [hv(r, 'Not fetched: keys are taken only from the issuer’s discovery document')]
    case 'jwk': {
      const k = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
      const desc = [k['kty'], k['crv'], k['alg']].filter((x) => typeof x === 'string').join(' ')
      const dpop = raw(header['typ']).toLowerCase() === 'dpop+jwt'
      const key = desc === '' ? 'key' : `${desc} key`
      return [hv(r, dpop ? `The DPoP proof’s public ${key}` : `Embedded ${key}: not trusted for verification`)]
    }
    case 'x5c':
      return [
        hv(
          r,
          Array.isArray(value)
            ? `Chain of ${value.length} certificate${value.length === 1 ? '' : 's'}: not trusted for verification`
            : 'Not an array: invalid',
        ),
      ]
    case 'crit':
      return Array.isArray(value)
        ? value.map((c) => hv(raw(c), 'The recipient must understand this parameter or reject the token'))
        : [hv(r, 'Not an array: invalid')]
    case 'b64':
      return [
        hv(
          r,
          value === false
            ? 'Payload is not base64url-encoded (RFC 7797); must be listed in crit'
            : value === true
              ? 'Payload is base64url-encoded (the default)'
              : undefined,
        ),
      ]
    case 'nonce':
      return [
        hv(
          r,
          typeof header['url'] === 'string'
            ? 'ACME anti-replay nonce'
            : 'Entra nonce: the signature covers a hash of it, so only the target Microsoft API can verify this token',
        ),
      ]
    case 'p2c':
      return [
        hv(
          r,
          typeof value === 'number'
            ? `${value.toLocaleString('en-US')} PBKDF2 iterations${value > 1_000_000 ? ' (suspiciously high: a CPU-exhaustion risk)' : ''}`
            : undefined,
        ),
      ]
    default:
      return [hv(r)]
  }
}
