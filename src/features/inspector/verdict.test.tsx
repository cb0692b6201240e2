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
