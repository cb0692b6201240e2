/** Key selection and verification details: what each candidate key was used for, and why. */
import { describe, expect, it } from 'vitest'
import { SignJWT, base64url, exportJWK, generateKeyPair } from 'jose'
import { inspectToken } from './inspect.ts'
import { codes, constants, jwks, scenario } from './__fixtures__/fixtures.ts'

const NOW = constants.now
const rsa1 = jwks.main.keys.find((k) => k.kid === 'rsa-1')
const ec256 = jwks.main.keys.find((k) => k.kid === 'ec-256')
if (!rsa1 || !ec256) throw new Error('fixture keys missing')

describe('key selection', () => {
  it('every key in the set gets a reason; the one that verified is marked used', async () => {
    const r = await inspectToken(scenario('valid-id-rs256').token, { now: NOW, keys: { jwks: jwks.main } })
    const c = r.signature.chain.candidates
    expect(c).toHaveLength(jwks.main.keys.length)
    expect(c.filter((x) => x.used).map((x) => x.key.kid)).toEqual(['rsa-1'])
    expect(c.find((x) => x.key.kid === 'ec-256')?.reason).toMatch(/not the token's "rsa-1"/)
    for (const x of c) expect(x.reason.length).toBeGreaterThan(5)
    expect(r.signature.chain.selected).toMatchObject({ kid: 'rsa-1', kty: 'RSA', size: '2048-bit', alg: 'RS256', use: 'sig' })
    expect(r.signature.chain.selected?.thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('the kid names a key of the wrong type: the pairing is impossible -> invalid', async () => {
    const token = scenario('valid-id-rs256').token
    const wrongType = { ...ec256, kid: 'rsa-1', alg: undefined }
    const r = await inspectToken(token, { now: NOW, keys: { jwks: { keys: [wrongType] } } })
    expect(r.signature.status).toBe('invalid')
    expect(r.findings.find((f) => f.code === 'signature_invalid')?.message).toMatch(/EC key cannot verify RS256/)
  })

  it('the kid names a key registered for another alg: alg_mismatch on the key, invalid', async () => {
    const r = await inspectToken(scenario('valid-id-rs256').token, { now: NOW, keys: { jwks: { keys: [{ ...rsa1, alg: 'PS256' }] } } })
    expect(r.signature.status).toBe('invalid')
    const f = r.findings.find((x) => x.code === 'alg_mismatch')
    expect(f).toMatchObject({ expected: 'PS256', actual: 'RS256', subject: 'header.alg' })
    expect(f?.specRef.label).toBe('RFC 7517 §4.4')
  })

  it('key_ops without "verify" is key_use_mismatch', async () => {
    const r = await inspectToken(scenario('valid-id-rs256').token, {
      now: NOW,
      keys: { jwks: { keys: [{ ...rsa1, use: undefined, key_ops: ['encrypt'] }] } },
    })
    expect(r.signature.status).toBe('invalid')
    expect(r.findings.find((x) => x.code === 'key_use_mismatch')?.message).toMatch(/key_ops/)
  })

  it('an EC key on the wrong curve is skipped with the reason', async () => {
    const p384 = jwks.main.keys.find((k) => k.kid === 'ec-384')
    const r = await inspectToken(scenario('valid-access-es256').token, {
      now: NOW,
      keys: { jwks: { keys: [{ ...p384, kid: 'ec-256', alg: undefined }] } },
    })
    expect(r.signature.chain.candidates[0]?.reason).toMatch(/Curve P-384 cannot verify ES256/)
    expect(r.signature.status).toBe('invalid')
  })

  it('no kid and no compatible key: unverifiable, not invalid', async () => {
    const r = await inspectToken(scenario('kid-absent-multiple-jwks').token, { now: NOW, keys: { jwks: { keys: [ec256] } } })
    expect(r.signature.status).toBe('unverifiable')
    expect(r.signature.reason).toMatch(/None of the 1 key can verify RS256/)
  })

  it('a single pasted key without kid is tried even when the token names a kid', async () => {
    const { kid: _kid, ...noKid } = rsa1
    const r = await inspectToken(scenario('valid-id-rs256').token, { now: NOW, keys: { jwks: noKid } })
    expect(r.signature.status).toBe('valid')
  })

  it('a private JWK pasted by mistake is used only through its public members', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true })
    const priv = await exportJWK(privateKey)
    const token = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey)
    const r = await inspectToken(token, { now: NOW, keys: { jwks: priv } })
    expect(r.signature.status).toBe('valid')
    expect(JSON.stringify(r)).not.toContain(String(priv.d))
    expect(publicKey.type).toBe('public')
  })

  it('RSA keys shorter than 2048 bits are refused by jose and reported', async () => {
    // jose will not make such a key or token, so WebCrypto does it directly.
    const params = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }
    const pair = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair
    const input = `${base64url.encode('{"alg":"RS256"}')}.${base64url.encode('{"sub":"x"}')}`
    const sig = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, new TextEncoder().encode(input)))
    const r = await inspectToken(`${input}.${base64url.encode(sig)}`, {
      now: NOW,
      keys: { jwks: await crypto.subtle.exportKey('jwk', pair.publicKey) },
    })
    expect(r.signature.status).toBe('invalid')
    expect(r.signature.chain.candidates[0]?.key.size).toBe('1024-bit')
    expect(r.findings.find((f) => f.code === 'signature_invalid')?.message).toMatch(/2048/)
  })

  it('keys that lack members (no n/e) are not usable but do not crash', async () => {
    const r = await inspectToken(scenario('valid-id-rs256').token, { now: NOW, keys: { jwks: { keys: [{ kty: 'RSA', kid: 'rsa-1' }] } } })
    expect(r.signature.status).toBe('invalid')
    expect(r.signature.chain.candidates[0]?.key.thumbprint).toBeUndefined()
  })

  it('the same key verifies repeatedly from the cache, and a different key is not confused with it', async () => {
    const t = scenario('valid-id-rs256').token
    for (let i = 0; i < 3; i++) expect((await inspectToken(t, { now: NOW, keys: { jwks: jwks.twoRsa } })).signature.status).toBe('valid')
    const rsa2 = jwks.twoRsa.keys[1]
    const r = await inspectToken(t, { now: NOW, keys: { jwks: { keys: [{ ...rsa2, kid: 'rsa-1' }] } } })
    expect(r.signature.status).toBe('invalid')
  })

  it('HS256 against an oct key with the wrong secret is invalid', async () => {
    const r = await inspectToken(scenario('valid-hs256').token, {
      now: NOW,
      keys: { jwks: { keys: [{ ...jwks.hmac.keys[0], k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC1zZWNyZXQ' }] } },
    })
    expect(r.signature.status).toBe('invalid')
    expect(codes(r)).toContain('signature_invalid')
  })

  it('HS256 with only RSA keys and no kid is still hs_with_public_key', async () => {
    const t = scenario('hs-with-public-key').token
    const withoutKid = `${base64url.encode('{"alg":"HS256"}')}.${t.split('.')[1]}.${t.split('.')[2]}`
    const r = await inspectToken(withoutKid, { now: NOW, keys: { jwks: jwks.twoRsa } })
    expect(r.signature.status).toBe('invalid')
    expect(codes(r)).toContain('hs_with_public_key')
  })

  it('the fully-specified "Ed25519" alg (RFC 9864) verifies with an Ed25519 key', async () => {
    const { privateKey, publicKey } = await generateKeyPair('Ed25519', { extractable: true })
    const token = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'Ed25519', kid: 'e' }).sign(privateKey)
    const r = await inspectToken(token, { now: NOW, keys: { jwks: { ...(await exportJWK(publicKey)), kid: 'e' } } })
    expect(r.signature.status).toBe('valid')
    expect(r.signature.chain.selected?.size).toBe('Ed25519')
  })

  it('a JWKS entry of an unknown kty is listed with a reason and skipped', async () => {
    const r = await inspectToken(scenario('valid-id-rs256').token, {
      now: NOW,
      keys: { jwks: { keys: [{ kty: 'AKP', kid: 'rsa-1', pub: 'x' }, rsa1] } },
    })
    expect(r.signature.status).toBe('valid')
    expect(r.signature.chain.candidates[0]?.reason).toMatch(/AKP key cannot verify RS256/)
  })

  it('without a kid, a header x5t picks the key (ADFS style) and there is no ambiguity', async () => {
    const t = scenario('kid-absent-multiple-jwks').token // signed by rsa-2, header {alg}
    const [, p, sig] = t.split('.')
    const set = { keys: jwks.twoRsa.keys.map((k) => ({ ...k, kid: undefined, x5t: `thumb-${k.kid}` })) }
    // x5t names rsa-1, so only rsa-1 is tried (the signature, by rsa-2 over another header, fails).
    const header = base64url.encode('{"alg":"RS256","x5t":"thumb-rsa-1"}')
    const r = await inspectToken(`${header}.${p}.${sig}`, { now: NOW, keys: { jwks: set } })
    expect(codes(r)).not.toContain('kid_ambiguous')
    expect(r.signature.chain.candidates.find((c) => c.key.x5t === 'thumb-rsa-2')?.reason).toMatch(/x5t/)
    expect(r.signature.status).toBe('invalid')
  })

  it('x5t verifies when it names the signing key', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true })
    const token = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'RS256', x5t: 'T2' }).sign(privateKey)
    const other = jwks.twoRsa.keys[0]
    const r = await inspectToken(token, {
      now: NOW,
      keys: {
        jwks: {
          keys: [
            { ...other, kid: undefined, x5t: 'T1' },
            { ...(await exportJWK(publicKey)), x5t: 'T2' },
          ],
        },
      },
    })
    expect(r.signature.status).toBe('valid')
    expect(r.signature.chain.selected?.x5t).toBe('T2')
    expect(codes(r)).not.toContain('kid_ambiguous')
  })
})
