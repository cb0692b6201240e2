import { describe, expect, it } from 'vitest'
import { decodeToken } from './decode.ts'
import type { Finding } from './types.ts'
import { summarize, summarizeDecoded } from './verdict.ts'
import { verdictReport as report } from './__fixtures__/verdict-report.ts'

const ref = { label: 'x', url: 'https://example.com' }
const err = (code: Finding['code'], message: string): Finding => ({ code, severity: 'error', subject: 'exp', message, specRef: ref })

describe('summarize', () => {
  it('never reads plain "Valid" when the issuer’s own keys were not used, and names where the key came from', () => {
    const chain = (source: 'pasted' | 'capture') => ({
      source,
      fetches: [],
      refetched: false,
      candidates: [],
      ...(source === 'capture'
        ? { origin: { kind: 'capture' as const, label: 'the imported file “evil.har”', capturedAt: Date.UTC(2026, 0, 2, 3, 4) } }
        : {}),
    })
    const fromFile = summarize(report({}, { chain: chain('capture') }))
    expect(fromFile.kind).toBe('valid_other_keys')
    expect(fromFile.headline).not.toBe('Valid')
    expect(fromFile.headline).toContain('the imported file “evil.har”')
    expect(fromFile.headline).toContain('not checked against the issuer')
    expect(fromFile.reasons.join(' ')).toContain('2026-01-02 03:04 UTC')
    const pasted = summarize(report({}, { chain: chain('pasted') }))
    expect(pasted.kind).toBe('valid_other_keys')
    expect(pasted.headline).toMatch(/key set you pasted — not checked against the issuer/)
    // Errors still win over the provenance note.
    expect(summarize(report({ findings: [err('expired', 'Expired.')] }, { chain: chain('capture') })).kind).toBe('invalid')
  })

  it('says the keys are not fetched yet while a key set on another host awaits consent', () => {
    const blocked = report(
      {},
      {
        status: 'unverifiable',
        reason: 'x',
        chain: {
          source: 'issuer',
          fetches: [
            {
              url: 'https://keys.example/jwks',
              purpose: 'jwks',
              ok: false,
              notSent: { verdict: 'ask', host: 'keys.example', reason: 'r' },
            },
          ],
          refetched: false,
          candidates: [],
        },
      },
    )
    expect(summarize(blocked, { awaitingKeysFrom: 'keys.example' }).headline).toBe('Cannot be verified here — keys not fetched yet')
  })

  it('valid only when the signature verified and no error was found', () => {
    expect(summarize(report({}))).toMatchObject({ kind: 'valid', headline: 'Valid' })
    expect(summarize(report({ findings: [err('expired', 'Expired 2 h ago.')] }))).toMatchObject({
      kind: 'invalid',
      reasons: ['Expired 2 h ago.'],
    })
  })

  it('maps each signature status to its sentence', () => {
    expect(summarize(report({}, { status: 'invalid', reason: 'Signature does not match key k1.' }))).toMatchObject({
      kind: 'invalid',
      reasons: ['Signature does not match key k1.'],
    })
    expect(
      summarize(report({}, { status: 'unverifiable', reason: 'A Microsoft Graph token is verifiable only by Microsoft Graph.' })),
    ).toMatchObject({ kind: 'unverifiable', headline: 'Cannot be verified here' })
    expect(summarize(report({}, { status: 'none', reason: 'alg none' })).kind).toBe('unsigned')
  })

  it('says the keys were not fetched yet while the issuer awaits the user’s consent', () => {
    const noKeys = report(
      {},
      { status: 'unverifiable', reason: 'No keys were given.', chain: { source: 'none', fetches: [], refetched: false, candidates: [] } },
    )
    expect(summarize(noKeys, { awaitingKeysFrom: 'issuer.test.example' })).toMatchObject({
      kind: 'unverifiable',
      headline: 'Cannot be verified here — keys not fetched yet',
    })
    expect(summarize(noKeys, { awaitingKeysFrom: 'issuer.test.example' }).reasons.join(' ')).toContain(
      'Nothing has been requested from issuer.test.example',
    )
    // Without a pending consent the core's own reason stands.
    expect(summarize(noKeys)).toMatchObject({ headline: 'Cannot be verified here', reasons: ['No keys were given.'] })
  })

  it('says what a non-JWT is, from the decoder, before the report arrives', () => {
    const opaque = decodeToken('EwBwA8l6BAAUbDba3x2OMJElkF7gJ4z/VbCPEz0AAUbJtPk7+W4+c2gl+S5X')
    expect(summarizeDecoded(opaque).kind).toBe(opaque.form === 'opaque' ? 'not_jwt' : 'malformed')
    const malformed = decodeToken('eyJ*.e30.sig')
    expect(summarizeDecoded(malformed)).toMatchObject({ kind: 'malformed' })
    expect(summarizeDecoded(malformed).reasons.join(' ').length).toBeGreaterThan(0)
  })

  it('shows an encrypted token as such', () => {
    expect(summarize(report({ form: 'jwe', decodes: true })).kind).toBe('encrypted')
  })

  it('gives lists and reports the same answer as the banner: tone, a short label and the finding codes', () => {
    const warn: Finding = { code: 'typ_unexpected', severity: 'warning', subject: 'typ', message: 'Unexpected typ.', specRef: ref }
    const valid = summarize(report({ findings: [warn] }))
    expect(valid).toMatchObject({
      kind: 'valid',
      tone: 'good',
      short: 'valid, 1 warning',
      signature: 'valid',
      errors: [],
      warnings: ['typ_unexpected'],
    })
    expect(valid.reasons).toEqual(['Verified with key k1.', '1 warning to read below.'])
    const expired = summarize(report({ findings: [err('expired', 'Expired.'), err('aud_mismatch', 'Wrong audience.')] }))
    expect(expired).toMatchObject({ tone: 'bad', short: '2 checks failed', errors: ['expired', 'aud_mismatch'] })
    const pasted = summarize(report({}, { chain: { source: 'pasted', fetches: [], refetched: false, candidates: [] } }))
    expect(pasted).toMatchObject({ tone: 'caution', short: 'matches the pasted keys, not the issuer’s' })
    expect(summarize(report({ form: 'jwe' })).tone).toBe('info')
    expect(summarizeDecoded(null)).toMatchObject({ kind: 'pending', tone: 'neutral', signature: null })
  })
})
