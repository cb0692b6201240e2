/** publicJwk: what of a JWK may reach WebCrypto (public members per key type, nothing else). */
import { describe, expect, it } from 'vitest'
import { publicJwk } from './key-cache.ts'

describe('publicJwk', () => {
  it('keeps only the public members of each key type', () => {
    expect(publicJwk({ kty: 'RSA', n: 'AQAB-n', e: 'AQAB', d: 'private', key_ops: ['sign'], kid: 'k1' })).toEqual({
      kty: 'RSA',
      n: 'AQAB-n',
      e: 'AQAB',
    })
    expect(publicJwk({ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'private' })).toEqual({ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' })
    expect(publicJwk({ kty: 'OKP', crv: 'Ed25519', x: 'x', d: 'private' })).toEqual({ kty: 'OKP', crv: 'Ed25519', x: 'x' })
    expect(publicJwk({ kty: 'oct', k: 'secret', alg: 'HS256' })).toEqual({ kty: 'oct', k: 'secret' })
  })

  it('refuses a key with a missing, empty or non-string member, or an unknown type', () => {
    expect(publicJwk({ kty: 'RSA', n: 'n' })).toBeNull()
    expect(publicJwk({ kty: 'EC', crv: 'P-256', x: 'x', y: '' })).toBeNull()
    expect(publicJwk({ kty: 'OKP', crv: 'Ed25519', x: 42 })).toBeNull()
    expect(publicJwk({ kty: 'toString', k: 'x' })).toBeNull()
    expect(publicJwk({ kty: '__proto__' })).toBeNull()
  })
})
