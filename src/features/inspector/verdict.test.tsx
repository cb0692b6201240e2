import { describe, expect, it } from 'vitest'
import { decodeToken } from '../../core/token/decode.ts'
import type { Finding, InspectionReport } from '../../core/token/types.ts'
import { verdictFor } from './verdict.ts'

const ref = { label: 'x', url: 'https://example.com' }
function report(patch: Partial<InspectionReport>, sig: Partial<InspectionReport['signature']> = {}): InspectionReport {
  return {
    input: 'a.b.c',
    decodes: true,
    form: 'jws',
    formReason: 'three segments',
    header: { alg: 'RS256' },
    payload: {},
    problems: [],
    family: 'oidc_id',
    familyLabel: 'OpenID Connect ID token',
    tokenType: 'id_token',
    signature: { status: 'valid', alg: 'RS256', reason: 'Verified with key k1.', chain: { source: 'issuer', fetches: [], refetched: false, candidates: [] }, ...sig },
    findings: [],
    claims: [],
    headerParams: [],
    evaluatedAt: 0,
    clockToleranceSec: 300,
    ...patch,
  }
}
const err = (code: Finding['code'], message: string): Finding => ({ code, severity: 'error', subject: 'exp', message, specRef: ref })

describe('verdictFor', () => {
  it('never reads plain "Valid" when the issuer’s own keys were not used, and names where the key came from', () => {
    const chain = (source: 'pasted' | 'capture') => ({ source, fetches: [], refetched: false, candidates: [], ...(source === 'capture' ? { origin: { kind: 'capture' as const, label: 'the imported file “evil.har”', capturedAt: Date.UTC(2026, 0, 2, 3, 4) } } : {}) })
    const fromFile = verdictFor(report({}, { chain: chain('capture') }), null)
    expect(fromFile.kind).toBe('valid_other_keys')
    expect(fromFile.title).not.toBe('Valid')
    expect(fromFile.title).toContain('the imported file “evil.har”')
    expect(fromFile.title).toContain('not checked against the issuer')
    expect(fromFile.detail).toContain('2026-01-02 03:04 UTC')
    const pasted = verdictFor(report({}, { chain: chain('pasted') }), null)
    expect(pasted.kind).toBe('valid_other_keys')
    expect(pasted.title).toMatch(/key set you pasted — not checked against the issuer/)
    // Errors still win over the provenance note.
    expect(verdictFor(report({ findings: [err('expired', 'Expired.')] }, { chain: chain('capture') }), null).kind).toBe('invalid')
  })

  it('says the keys are not fetched yet while a key set on another host awaits consent', () => {
    const blocked = report({}, { status: 'unverifiable', reason: 'x', chain: { source: 'issuer', fetches: [{ url: 'https://keys.example/jwks', purpose: 'jwks', ok: false, notSent: { verdict: 'ask', host: 'keys.example', reason: 'r' } }], refetched: false, candidates: [] } })
    expect(verdictFor(blocked, null, 'keys.example').title).toBe('Cannot be verified here — keys not fetched yet')
  })

  it('valid only when the signature verified and no error was found', () => {
    expect(verdictFor(report({}), null)).toMatchObject({ kind: 'valid', title: 'Valid' })
    expect(verdictFor(report({ findings: [err('expired', 'Expired 2 h ago.')] }), null)).toMatchObject({ kind: 'invalid', detail: 'Expired 2 h ago.' })
  })

  it('maps each signature status to its sentence', () => {
    expect(verdictFor(report({}, { status: 'invalid', reason: 'Signature does not match key k1.' }), null)).toMatchObject({ kind: 'invalid', detail: 'Signature does not match key k1.' })
    expect(verdictFor(report({}, { status: 'unverifiable', reason: 'A Microsoft Graph token is verifiable only by Microsoft Graph.' }), null)).toMatchObject({ kind: 'unverifiable', title: 'Cannot be verified here' })
    expect(verdictFor(report({}, { status: 'none', reason: 'alg none' }), null).kind).toBe('unsigned')
  })

  it('says the keys were not fetched yet while the issuer awaits the user’s consent', () => {
    const noKeys = report({}, { status: 'unverifiable', reason: 'No keys were given.', chain: { source: 'none', fetches: [], refetched: false, candidates: [] } })
    expect(verdictFor(noKeys, null, 'issuer.test.example')).toMatchObject({ kind: 'unverifiable', title: 'Cannot be verified here — keys not fetched yet' })
    expect(verdictFor(noKeys, null, 'issuer.test.example').detail).toContain('Nothing has been requested from issuer.test.example')
    // Without a pending consent the core's own reason stands.
    expect(verdictFor(noKeys, null)).toMatchObject({ title: 'Cannot be verified here', detail: 'No keys were given.' })
  })

  it('says what a non-JWT is, from the decoder, before the report arrives', () => {
    const opaque = decodeToken('EwBwA8l6BAAUbDba3x2OMJElkF7gJ4z/VbCPEz0AAUbJtPk7+W4+c2gl+S5X')
    expect(verdictFor(null, opaque).kind).toBe(opaque.form === 'opaque' ? 'not_jwt' : 'malformed')
    const malformed = decodeToken('eyJ*.e30.sig')
    expect(verdictFor(null, malformed)).toMatchObject({ kind: 'malformed' })
    expect(verdictFor(null, malformed).detail.length).toBeGreaterThan(0)
  })

  it('shows an encrypted token as such', () => {
    expect(verdictFor(report({ form: 'jwe', decodes: true }), null).kind).toBe('encrypted')
  })
})
