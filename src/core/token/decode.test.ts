import { describe, expect, it } from 'vitest'
import { base64url } from 'jose'
import { MAX_TOKEN_CHARS, decodeToken, normalizeTokenInput } from './decode.ts'
import { scenario } from './__fixtures__/fixtures.ts'

const enc = (v: unknown): string => base64url.encode(typeof v === 'string' ? v : JSON.stringify(v))
const H = enc({ alg: 'RS256', kid: 'k1' })
const P = enc({ iss: 'https://issuer.example', sub: 'u', aud: 'c', exp: 2000000000 })
const S = 'c2lnbmF0dXJl'
const TOKEN = `${H}.${P}.${S}`

describe('normalisation', () => {
  it.each([
    ['surrounding whitespace', `  \n${TOKEN}\t `],
    ['Bearer prefix', `Bearer ${TOKEN}`],
    ['lower-case bearer prefix', `bearer   ${TOKEN}`],
    ['Authorization header line', `Authorization: Bearer ${TOKEN}`],
    ['double quotes from JSON', `"${TOKEN}"`],
    ['wrapped over lines', `${H}\n.${P.slice(0, 10)}\r\n  ${P.slice(10)}.${S}`],
  ])('%s', (_label, input) => {
    const d = decodeToken(input)
    expect(d.normalized).toBe(TOKEN)
    expect(d.decodes).toBe(true)
    expect(d.form).toBe('jws')
  })

  it('normalizeTokenInput is exported for the UI', () => {
    expect(normalizeTokenInput(' Bearer abc ')).toBe('abc')
  })

  it('a space inside the token is reported, not silently removed', () => {
    const d = decodeToken(`${H}.${P} .${S}`)
    expect(d.decodes).toBe(false)
    expect(d.problems[0]?.reason).toBe('whitespace')
  })
})

describe('a well-formed JWS', () => {
  const d = decodeToken(TOKEN)
  it('has header, payload, three segments and the raw payload text', () => {
    expect(d.header).toEqual({ alg: 'RS256', kid: 'k1' })
    expect(d.payload).toEqual({ iss: 'https://issuer.example', sub: 'u', aud: 'c', exp: 2000000000 })
    expect(d.segments).toHaveLength(3)
    expect(d.payloadText).toContain('"iss"')
    expect(d.problems).toEqual([])
    expect(d.formReason).toMatch(/JWS/)
  })

  it('decodes non-ASCII UTF-8 claims', () => {
    const r = decodeToken(`${H}.${enc({ name: 'Zoë 東京 🎉' })}.${S}`)
    expect((r.payload as { name: string }).name).toBe('Zoë 東京 🎉')
  })
})

describe('strict per-segment decoding', () => {
  it.each([
    ['padding in the header', `${H}==.${P}.${S}`, 'header', 'base64url_padding'],
    ['standard base64 "+" in the payload', `${H}.${P.slice(0, 4)}+${P.slice(5)}.${S}`, 'payload', 'base64url_alphabet'],
    ['"/" in the header', `${H.slice(0, 3)}/${H.slice(4)}.${P}.${S}`, 'header', 'base64url_alphabet'],
    ['impossible length 4n+1', `${H}AA.${P}.${S}`, 'header', 'base64url_length'],
    ['empty header', `.${P}.${S}`, 'header', 'empty'],
    ['header not UTF-8', `${base64url.encode(new Uint8Array([0xff, 0xfe, 0x7b]))}.${P}.${S}`, 'header', 'utf8'],
    ['header not JSON', `${enc('{alg:RS256}')}.${P}.${S}`, 'header', 'json'],
    ['header is an array', `${enc([1, 2])}.${P}.${S}`, 'header', 'not_object'],
    ['header is a string', `${enc('"RS256"')}.${P}.${S}`, 'header', 'not_object'],
    ['header with a byte-order mark', `${enc('\uFEFF{"alg":"RS256"}')}.${P}.${S}`, 'header', 'json'],
  ])('%s -> %s %s, does not decode', (_label, input, segment, reason) => {
    const d = decodeToken(input)
    expect(d.decodes).toBe(false)
    expect(d.form).toBe('malformed')
    expect(d.problems.some((p) => p.segment === segment && p.reason === reason)).toBe(true)
    expect(d.problems.every((p) => p.message.length > 10)).toBe(true)
  })

  it('the problem says "standard base64" when it sees + or /', () => {
    const d = decodeToken(`${H}.${P.slice(0, 4)}+${P.slice(5)}.${S}`)
    expect(d.problems[0]?.message).toMatch(/standard base64/)
  })

  it('a payload that is not JSON still decodes (it is a JWS, not a JWT)', () => {
    const d = decodeToken(`${H}.${enc('plain text, not JSON')}.${S}`)
    expect(d.decodes).toBe(true)
    expect(d.payload).toBe('plain text, not JSON')
    expect(d.problems[0]).toMatchObject({ segment: 'payload', reason: 'json' })
  })

  it('a payload that is a JSON array decodes with not_object', () => {
    const d = decodeToken(`${H}.${enc([1])}.${S}`)
    expect(d.decodes).toBe(true)
    expect(d.payload).toEqual([1])
    expect(d.problems[0]).toMatchObject({ segment: 'payload', reason: 'not_object' })
  })

  it('a header or payload that is not a JSON object names what it is instead', () => {
    expect(decodeToken(`${H}.${enc('null')}.${S}`).problems[0]?.message).toBe(
      'The payload is JSON but null, not a claims object (RFC 7519 §7.2 step 10).',
    )
    expect(decodeToken(`${enc('7')}.${enc({ sub: 'a' })}.${S}`).problems[0]?.message).toBe(
      'The header is JSON but a number, not an object (RFC 7515 §5.2 step 3).',
    )
  })

  it('binary (non UTF-8) payload does not decode (RFC 7519 §7.2 step 10) and has no payload text', () => {
    const d = decodeToken(`${H}.${base64url.encode(new Uint8Array([0xc3, 0x28]))}.${S}`)
    expect(d.decodes).toBe(false)
    expect(d.form).toBe('malformed')
    expect(d.payloadText).toBeNull()
    expect(d.problems[0]?.reason).toBe('utf8')
  })

  it('an empty payload decodes as an empty string', () => {
    const d = decodeToken(`${H}..${S}`)
    expect(d.decodes).toBe(true)
    expect(d.payload).toBe('')
  })

  it('a malformed signature segment is reported but the token decodes', () => {
    const d = decodeToken(`${H}.${P}.abc=`)
    expect(d.decodes).toBe(true)
    expect(d.problems).toEqual([expect.objectContaining({ segment: 'signature', reason: 'base64url_padding' })])
  })

  it('a payload with broken base64url does not decode', () => {
    const d = decodeToken(`${H}.${P}*.${S}`)
    expect(d.decodes).toBe(false)
    expect(d.formReason).toMatch(/payload/)
  })
})

describe('segment counts', () => {
  it('two segments: missing signature, header still shown', () => {
    const d = decodeToken(`${H}.${P}`)
    expect(d.decodes).toBe(false)
    expect(d.form).toBe('malformed')
    expect(d.header).toEqual({ alg: 'RS256', kid: 'k1' })
    expect(d.problems[0]?.reason).toBe('segment_count')
    expect(d.formReason).toMatch(/signature segment/)
  })

  it('one base64url JSON segment: only part was copied', () => {
    const d = decodeToken(H)
    expect(d.form).toBe('malformed')
    expect(d.formReason).toMatch(/only part/)
  })

  it.each([4, 6, 7])('%i segments are malformed', (n) => {
    const d = decodeToken(Array.from({ length: n }, () => H).join('.'))
    expect(d.form).toBe('malformed')
    expect(d.problems[0]?.reason).toBe('segment_count')
  })

  it('unsecured JWS (alg none) has form "unsecured"', () => {
    const d = decodeToken(`${enc({ alg: 'none' })}.${P}.`)
    expect(d.form).toBe('unsecured')
    expect(d.decodes).toBe(true)
  })
})

describe('JWE', () => {
  it('five segments: a JWE whose header is shown', () => {
    const d = decodeToken(scenario('jwe-encrypted').token)
    expect(d.form).toBe('jwe')
    expect(d.decodes).toBe(true)
    expect(d.header).toMatchObject({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
    expect(d.formReason).toMatch(/A256GCM/)
    expect(d.payload).toBeNull()
  })

  it('five segments with an undecodable header are malformed', () => {
    const d = decodeToken('a.b.c.d.e')
    expect(d.form).toBe('malformed')
    expect(d.decodes).toBe(false)
  })
})

describe('opaque tokens: "not a JWT" with a reason', () => {
  const rand = (n: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string =>
    Array.from({ length: n }, (_, i) => alphabet[(i * 7 + 3) % alphabet.length]).join('')
  it.each([
    ['Microsoft account access token', `EwBwA${rand(400)}+/${rand(30)}==`, 'msa_access_token', /Microsoft account/],
    ['Entra refresh token 0.A', `0.AXEA${rand(200)}.AgABAAEAAAD${rand(300)}`, 'entra_refresh_token', /refresh token/],
    ['Entra refresh token 1.A', `1.AUcA${rand(250)}`, 'entra_refresh_token', /refresh token/],
    ['Microsoft account refresh token', `M.C523_BAY.-${rand(200)}`, 'msa_refresh_token', /Microsoft account/],
    ['Google access token', `ya29.${rand(120)}`, 'google_access_token', /Google/],
    ['GitHub token', `ghp_${rand(36)}`, 'github_token', /GitHub/],
    ['generic reference token', rand(40), 'reference_token', /introspection/],
  ])('%s', (_label, input, kind, text) => {
    const d = decodeToken(input)
    expect(d.form).toBe('opaque')
    expect(d.decodes).toBe(false)
    expect(d.problems[0]?.reason).toBe(`opaque:${kind}`)
    expect(d.formReason).toMatch(/^Not a JWT\./)
    expect(d.formReason).toMatch(text)
  })

  it('short random text is malformed, not opaque', () => {
    expect(decodeToken('hello').form).toBe('malformed')
  })
})

describe('limits and robustness', () => {
  it('refuses input over the size limit with too_large', () => {
    const d = decodeToken(`${H}.${'A'.repeat(MAX_TOKEN_CHARS)}.${S}`)
    expect(d.decodes).toBe(false)
    expect(d.problems[0]?.reason).toBe('too_large')
  })

  it('refuses absurdly large input before normalising it', () => {
    const d = decodeToken(' '.repeat(MAX_TOKEN_CHARS * 3))
    expect(d.problems[0]?.reason).toBe('too_large')
  })

  it('empty input', () => {
    const d = decodeToken('   ')
    expect(d.problems[0]?.reason).toBe('empty')
    expect(d.segments).toEqual([])
  })

  it('never throws on non-string input', () => {
    for (const bad of [undefined, null, 42, {}, []]) {
      expect(() => decodeToken(bad as unknown as string)).not.toThrow()
      expect(decodeToken(bad as unknown as string).decodes).toBe(false)
    }
  })
})

describe('duplicate member names', () => {
  it('finds duplicates in header and payload', () => {
    const d = decodeToken(`${enc('{"alg":"RS256","alg":"none"}')}.${enc('{"sub":"a","sub":"b"}')}.${S}`)
    expect(d.duplicateKeys).toEqual([
      { segment: 'header', names: ['alg'] },
      { segment: 'payload', names: ['sub'] },
    ])
    expect(d.header).toEqual({ alg: 'none' })
  })

  it('no duplicates: empty list', () => {
    expect(decodeToken(TOKEN).duplicateKeys).toEqual([])
  })
})
