/**
 * Published test vectors: RFC 7515 Appendix A (A.1–A.4), RFC 7520 §4.1–4.4 (the JOSE cookbook,
 * as also published in github.com/ietf-jose/cookbook), RFC 7638 §3.1 thumbprint, and the
 * OpenID Connect Core 1.0 Appendix A at_hash / c_hash examples. Only public key members are used.
 */
import { describe, expect, it } from 'vitest'
import { SignJWT, importJWK } from 'jose'
import { inspectToken } from './inspect.ts'
import { oidcHash } from './hashes.ts'
import { summarize } from './key-cache.ts'

const RFC7515_PAYLOAD = 'eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ'
/** 2011-03-22, before the example tokens' exp of 1300819380. */
const RFC7515_NOW = 1300819000

const rfc7515 = {
  'A.1 HS256': {
    token: `eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.${RFC7515_PAYLOAD}.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk`,
    key: { kty: 'oct', k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow' },
  },
  'A.2 RS256': {
    token: `eyJhbGciOiJSUzI1NiJ9.${RFC7515_PAYLOAD}.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw`,
    key: {
      kty: 'RSA',
      n: 'ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ',
      e: 'AQAB',
    },
  },
  'A.3 ES256': {
    token: `eyJhbGciOiJFUzI1NiJ9.${RFC7515_PAYLOAD}.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q`,
    key: { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' },
  },
  'A.4 ES512': {
    token:
      'eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA.AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZqwqT2SI-KGDKB34XO0aw_7XdtAG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8KpEHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn',
    key: {
      kty: 'EC',
      crv: 'P-521',
      x: 'AekpBQ8ST8a8VcfVOTNl353vSrDCLLJXmPk06wTjxrrjcBpXp5EOnYG_NjFZ6OvLFV1jSfS9tsz4qUxcWceqwQGk',
      y: 'ADSmRA43Z1DSNx_RvcLI87cdL07l6jQyyBXMoxVg_l2Th-x3S1WDhjDly79ajL4Kkd0AZMaZmh9ubmf63e3kyMj2',
    },
  },
}

const COOKBOOK_PAYLOAD =
  'SXTigJlzIGEgZGFuZ2Vyb3VzIGJ1c2luZXNzLCBGcm9kbywgZ29pbmcgb3V0IHlvdXIgZG9vci4gWW91IHN0ZXAgb250byB0aGUgcm9hZCwgYW5kIGlmIHlvdSBkb24ndCBrZWVwIHlvdXIgZmVldCwgdGhlcmXigJlzIG5vIGtub3dpbmcgd2hlcmUgeW91IG1pZ2h0IGJlIHN3ZXB0IG9mZiB0by4'
const BILBO_RSA = {
  kty: 'RSA',
  kid: 'bilbo.baggins@hobbiton.example',
  use: 'sig',
  n: 'n4EPtAOCc9AlkeQHPzHStgAbgs7bTZLwUBZdR8_KuKPEHLd4rHVTeT-O-XV2jRojdNhxJWTDvNd7nqQ0VEiZQHz_AJmSCpMaJMRBSFKrKb2wqVwGU_NsYOYL-QtiWN2lbzcEe6XC0dApr5ydQLrHqkHHig3RBordaZ6Aj-oBHqFEHYpPe7Tpe-OfVfHd1E6cS6M1FZcD1NNLYD5lFHpPI9bTwJlsde3uhGqC0ZCuEHg8lhzwOHrtIQbS0FVbb9k3-tVTU4fg_3L_vniUFAKwuCLqKnS2BYwdq_mzSnbLY7h_qixoR7jig3__kRhuaxwUkRz5iaiQkqgc5gHdrNP5zw',
  e: 'AQAB',
}
const BILBO_EC = {
  kty: 'EC',
  kid: 'bilbo.baggins@hobbiton.example',
  use: 'sig',
  crv: 'P-521',
  x: 'AHKZLLOsCOzz5cY97ewNUajB957y-C-U88c3v13nmGZx6sYl_oJXu9A5RkTKqjqvjyekWF-7ytDyRXYgCF5cj0Kt',
  y: 'AdymlHvOiLxXkEhayXQnNCvDX4h9htZaCJN34kfmC6pV5OhQHiraVySsUdaQkAgDPrwQrJmbnX9cwlGfP-HqHZR1',
}
const HMAC_KEY = {
  kty: 'oct',
  kid: '018c0ae5-4d9b-471b-bfd6-eef314bc7037',
  use: 'sig',
  alg: 'HS256',
  k: 'hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg',
}

const rfc7520 = {
  '4.1 RS256': {
    token: `eyJhbGciOiJSUzI1NiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9.${COOKBOOK_PAYLOAD}.MRjdkly7_-oTPTS3AXP41iQIGKa80A0ZmTuV5MEaHoxnW2e5CZ5NlKtainoFmKZopdHM1O2U4mwzJdQx996ivp83xuglII7PNDi84wnB-BDkoBwA78185hX-Es4JIwmDLJK3lfWRa-XtL0RnltuYv746iYTh_qHRD68BNt1uSNCrUCTJDt5aAE6x8wW1Kt9eRo4QPocSadnHXFxnt8Is9UzpERV0ePPQdLuW3IS_de3xyIrDaLGdjluPxUAhb6L2aXic1U12podGU0KLUQSE_oI-ZnmKJ3F4uOZDnd6QZWJushZ41Axf_fcIe8u9ipH84ogoree7vjbU5y18kDquDg`,
    key: BILBO_RSA,
  },
  '4.2 PS384': {
    token: `eyJhbGciOiJQUzM4NCIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9.${COOKBOOK_PAYLOAD}.cu22eBqkYDKgIlTpzDXGvaFfz6WGoz7fUDcfT0kkOy42miAh2qyBzk1xEsnk2IpN6-tPid6VrklHkqsGqDqHCdP6O8TTB5dDDItllVo6_1OLPpcbUrhiUSMxbbXUvdvWXzg-UD8biiReQFlfz28zGWVsdiNAUf8ZnyPEgVFn442ZdNqiVJRmBqrYRXe8P_ijQ7p8Vdz0TTrxUeT3lm8d9shnr2lfJT8ImUjvAA2Xez2Mlp8cBE5awDzT0qI0n6uiP1aCN_2_jLAeQTlqRHtfa64QQSUmFAAjVKPbByi7xho0uTOcbH510a6GYmJUAfmWjwZ6oD4ifKo8DYM-X72Eaw`,
    key: BILBO_RSA,
  },
  '4.3 ES512': {
    token: `eyJhbGciOiJFUzUxMiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9.${COOKBOOK_PAYLOAD}.AE_R_YZCChjn4791jSQCrdPZCNYqHXCTZH0-JZGYNlaAjP2kqaluUIIUnC9qvbu9Plon7KRTzoNEuT4Va2cmL1eJAQy3mtPBu_u_sDDyYjnAMDxXPn7XrT0lw-kvAD890jl8e2puQens_IEKBpHABlsbEPX6sFY8OcGDqoRuBomu9xQ2`,
    key: BILBO_EC,
  },
  '4.4 HS256': {
    token: `eyJhbGciOiJIUzI1NiIsImtpZCI6IjAxOGMwYWU1LTRkOWItNDcxYi1iZmQ2LWVlZjMxNGJjNzAzNyJ9.${COOKBOOK_PAYLOAD}.s0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0`,
    key: HMAC_KEY,
  },
}

function tamper(token: string): string {
  const [h, p, s = ''] = token.split('.')
  // Flip one character in the middle of the signature.
  const i = Math.floor(s.length / 2)
  const flipped = s[i] === 'A' ? 'B' : 'A'
  return `${h}.${p}.${s.slice(0, i)}${flipped}${s.slice(i + 1)}`
}

describe('RFC 7515 Appendix A', () => {
  for (const [name, v] of Object.entries(rfc7515)) {
    it(`${name} verifies with the published key`, async () => {
      const r = await inspectToken(v.token, { now: RFC7515_NOW, keys: { jwks: { keys: [v.key] } } })
      expect(r.decodes).toBe(true)
      expect(r.signature.status).toBe('valid')
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([])
    })
    it(`${name} with one signature character changed is invalid`, async () => {
      const r = await inspectToken(tamper(v.token), { now: RFC7515_NOW, keys: { jwks: v.key } })
      expect(r.signature.status).toBe('invalid')
    })
  }

  it('A.1 claims decode as in the RFC, and the token is expired today', async () => {
    const r = await inspectToken(rfc7515['A.1 HS256'].token, { now: 1764100000, keys: { jwks: rfc7515['A.1 HS256'].key } })
    expect(r.payload).toEqual({ iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true })
    expect(r.findings.map((f) => f.code)).toContain('expired')
    expect(r.signature.status).toBe('valid')
  })

  it('A.4 payload "Payload" is a JWS but not a JWT (payload_not_object)', async () => {
    const r = await inspectToken(rfc7515['A.4 ES512'].token, { now: RFC7515_NOW, keys: { jwks: rfc7515['A.4 ES512'].key } })
    expect(r.payload).toBe('Payload')
    expect(r.findings.map((f) => f.code)).toEqual(['payload_not_object'])
  })
})

describe('RFC 7520 §4 (JOSE cookbook) signatures', () => {
  for (const [name, v] of Object.entries(rfc7520)) {
    it(`${name} verifies; its text payload is not a JWT`, async () => {
      const r = await inspectToken(v.token, { now: 1764100000, keys: { jwks: { keys: [v.key] } } })
      expect(r.signature.status).toBe('valid')
      expect(r.signature.chain.selected?.kid).toBe(v.key.kid)
      expect(r.payload).toMatch(/^It’s a dangerous business, Frodo/)
      expect(r.familyLabel).toBe('Signed content (JWS), not a JWT')
      expect(r.findings.map((f) => f.code)).toEqual(['payload_not_object'])
    })
    it(`${name} tampered signature is invalid`, async () => {
      const r = await inspectToken(tamper(v.token), { now: 1764100000, keys: { jwks: { keys: [v.key] } } })
      expect(r.signature.status).toBe('invalid')
    })
  }
})

describe('RFC 7638 §3.1 JWK thumbprint', () => {
  it('matches the published example', async () => {
    const s = await summarize({
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    })
    expect(s.thumbprint).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs')
    expect(s.size).toBe('2048-bit')
    expect(s.kid).toBe('2011-04-29')
  })
})

describe('OpenID Connect Core 1.0 Appendix A hash examples', () => {
  const AT = 'jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y'
  const CODE = 'Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk'

  it('A.3 at_hash of the example access token (RS256) is 77QmUPtjPfzWtF2AnpK9RQ', async () => {
    expect(await oidcHash(AT, 'RS256')).toBe('77QmUPtjPfzWtF2AnpK9RQ')
  })

  it('A.4 c_hash of the example code (RS256) is LDktKdoQak3Pk0cnXxCltA', async () => {
    expect(await oidcHash(CODE, 'RS256')).toBe('LDktKdoQak3Pk0cnXxCltA')
  })

  it('an ID token carrying the Appendix A values passes at_hash and c_hash checks end to end', async () => {
    const jwk = {
      kty: 'oct',
      k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC1zZWNyZXQ',
    }
    const key = await importJWK(jwk, 'HS256')
    const now = 1311281970
    const token = await new SignJWT({
      iss: 'https://server.example.com',
      sub: '248289761001',
      aud: 's6BhdRkqt3',
      nonce: 'n-0S6_WzA2Mj',
      exp: now + 600,
      iat: now,
      at_hash: '77QmUPtjPfzWtF2AnpK9RQ',
      c_hash: 'LDktKdoQak3Pk0cnXxCltA',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(key)
    const r = await inspectToken(token, {
      now,
      keys: { jwks: jwk },
      expected: { accessToken: AT, code: CODE, responseType: 'code id_token token', nonce: 'n-0S6_WzA2Mj', audience: 's6BhdRkqt3' },
    })
    expect(r.signature.status).toBe('valid')
    expect(r.findings).toEqual([])
    const wrong = await inspectToken(token, { now, keys: { jwks: jwk }, expected: { accessToken: `${AT}x`, code: `${CODE}x` } })
    expect(wrong.findings.map((f) => f.code).sort()).toEqual(['at_hash_mismatch', 'c_hash_mismatch'])
  })
})

describe('OpenID Connect Core 1.0 Appendix A example ID tokens (signed with the A.7 key "1e9gdk7")', () => {
  const A7_KEY = {
    kty: 'RSA',
    kid: '1e9gdk7',
    n: 'w7Zdfmece8iaB0kiTY8pCtiBtzbptJmP28nSWwtdjRu0f2GFpajvWE4VhfJAjEsOcwYzay7XGN0b-X84BfC8hmCTOj2b2eHT7NsZegFPKRUQzJ9wW8ipn_aDJWMGDuB1XyqT1E7DYqjUCEOD1b4FLpy_xPn6oV_TYOfQ9fZdbE5HGxJUzekuGcOKqOQ8M7wfYHhHHLxGpQVgL0apWuP2gDDOdTtpuld4D2LK1MZK99s9gaSjRHE8JDb1Z4IGhEcEyzkxswVdPndUWzfvWBBWXWxtSUvQGBRkuy1BHOa4sP6FKjWEeeF7gm7UMs2Nm2QUgNZw6xvEDGaLk4KASdIxRQ',
    e: 'AQAB',
  }
  const HEADER = 'eyJraWQiOiIxZTlnZGs3IiwiYWxnIjoiUlMyNTYifQ'
  const examples = {
    'A.2 (response_type id_token)': {
      token: `${HEADER}.ewogImlzcyI6ICJodHRwOi8vc2VydmVyLmV4YW1wbGUuY29tIiwKICJzdWIiOiAiMjQ4Mjg5NzYxMDAxIiwKICJhdWQiOiAiczZCaGRSa3F0MyIsCiAibm9uY2UiOiAibi0wUzZfV3pBMk1qIiwKICJleHAiOiAxMzExMjgxOTcwLAogImlhdCI6IDEzMTEyODA5NzAsCiAibmFtZSI6ICJKYW5lIERvZSIsCiAiZ2l2ZW5fbmFtZSI6ICJKYW5lIiwKICJmYW1pbHlfbmFtZSI6ICJEb2UiLAogImdlbmRlciI6ICJmZW1hbGUiLAogImJpcnRoZGF0ZSI6ICIwMDAwLTEwLTMxIiwKICJlbWFpbCI6ICJqYW5lZG9lQGV4YW1wbGUuY29tIiwKICJwaWN0dXJlIjogImh0dHA6Ly9leGFtcGxlLmNvbS9qYW5lZG9lL21lLmpwZyIKfQ.rHQjEmBqn9Jre0OLykYNnspA10Qql2rvx4FsD00jwlB0Sym4NzpgvPKsDjn_wMkHxcp6CilPcoKrWHcipR2iAjzLvDNAReF97zoJqq880ZD1bwY82JDauCXELVR9O6_B0w3K-E7yM2macAAgNCUwtik6SjoSUZRcf-O5lygIyLENx882p6MtmwaL1hd6qn5RZOQ0TLrOYu0532g9Exxcm-ChymrB4xLykpDj3lUivJt63eEGGN6DH5K6o33TcxkIjNrCD4XB1CKKumZvCedgHHF3IAK4dVEDSUoGlH9z4pP_eWYNXvqQOjGs-rDaQzUHl6cQQWNiDpWOl_lxXjQEvQ`,
      expected: { responseType: 'id_token' },
    },
    'A.3 (id_token token, at_hash)': {
      token: `${HEADER}.ewogImlzcyI6ICJodHRwOi8vc2VydmVyLmV4YW1wbGUuY29tIiwKICJzdWIiOiAiMjQ4Mjg5NzYxMDAxIiwKICJhdWQiOiAiczZCaGRSa3F0MyIsCiAibm9uY2UiOiAibi0wUzZfV3pBMk1qIiwKICJleHAiOiAxMzExMjgxOTcwLAogImlhdCI6IDEzMTEyODA5NzAsCiAiYXRfaGFzaCI6ICI3N1FtVVB0alBmeld0RjJBbnBLOVJRIgp9.F9gRev0Dt2tKcrBkHy72cmRqnLdzw9FLCCSebV7mWs7o_sv2O5s6zMky2kmhHTVx9HmdvNnx9GaZ8XMYRFeYk8L5NZ7aYlA5W56nsG1iWOou_-gji0ibWIuuf4Owaho3YSoi7EvsTuLFz6tq-dLyz0dKABMDsiCmJ5wqkPUDTE3QTXjzbUmOzUDli-gCh5QPuZAq0cNW3pf_2n4zpvTYtbmj12cVcxGIMZby7TMWESRjQ9_o3jvhVNcCGcE0KAQXejhA1ocJhNEvQNqMFGlBb6_0RxxKjDZ-Oa329eGDidOvvp0h5hoES4a8IuGKS7NOcpp-aFwp0qVMDLI-Xnm-Pg`,
      expected: { responseType: 'id_token token', accessToken: 'jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y' },
    },
    'A.4 (code id_token, c_hash)': {
      token: `${HEADER}.ewogImlzcyI6ICJodHRwOi8vc2VydmVyLmV4YW1wbGUuY29tIiwKICJzdWIiOiAiMjQ4Mjg5NzYxMDAxIiwKICJhdWQiOiAiczZCaGRSa3F0MyIsCiAibm9uY2UiOiAibi0wUzZfV3pBMk1qIiwKICJleHAiOiAxMzExMjgxOTcwLAogImlhdCI6IDEzMTEyODA5NzAsCiAiY19oYXNoIjogIkxEa3RLZG9RYWszUGswY25YeENsdEEiCn0.XW6uhdrkBgcGx6zVIrCiROpWURs-4goO1sKA4m9jhJIImiGg5muPUcNegx6sSv43c5DSn37sxCRrDZZm4ZPBKKgtYASMcE20SDgvYJdJS0cyuFw7Ijp_7WnIjcrl6B5cmoM6ylCvsLMwkoQAxVublMwH10oAxjzD6NEFsu9nipkszWhsPePf_rM4eMpkmCbTzume-fzZIi5VjdWGGEmzTg32h3jiex-r5WTHbj-u5HL7u_KP3rmbdYNzlzd1xWRYTUs4E8nOTgzAUwvwXkIQhOh5TPcSMBYy6X3E7-_gr9Ue6n4ND7hTFhtjYs3cjNKIA08qm5cpVYFMFMG6PkhzLQ`,
      expected: { responseType: 'code id_token', code: 'Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk' },
    },
  }
  const common = { issuer: 'http://server.example.com', audience: 's6BhdRkqt3', nonce: 'n-0S6_WzA2Mj', alg: 'RS256' }

  for (const [name, ex] of Object.entries(examples)) {
    it(`${name}: signature, nonce, audience and hashes all check out`, async () => {
      const r = await inspectToken(ex.token, {
        now: 1311281000,
        keys: { jwks: { keys: [A7_KEY] } },
        expected: { ...common, ...ex.expected },
      })
      expect(r.signature.status).toBe('valid')
      expect(r.family).toBe('oidc_id')
      expect(r.findings).toEqual([])
    })
  }

  it('A.3 with the access token of another response: at_hash_mismatch', async () => {
    const ex = examples['A.3 (id_token token, at_hash)']
    const r = await inspectToken(ex.token, { now: 1311281000, keys: { jwks: A7_KEY }, expected: { accessToken: 'another-token' } })
    expect(r.findings.map((f) => f.code)).toEqual(['at_hash_mismatch'])
  })

  it('A.2 today: expired, and its iss is not https (key discovery refuses it)', async () => {
    const ex = examples['A.2 (response_type id_token)']
    const r = await inspectToken(ex.token, { now: 1764100000, keys: { fetchJson: () => Promise.reject(new Error('not called')) } })
    expect(r.findings.map((f) => f.code)).toEqual(['expired', 'keys_unavailable'])
  })
})
