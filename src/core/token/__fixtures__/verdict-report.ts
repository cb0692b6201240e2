/** Test-only: a decoded, signature-valid ID token report that verdict tests patch to the case they check (core and banner alike). */
import type { InspectionReport } from '../types.ts'

/** `patch` replaces top-level fields; `sig` replaces fields of the signature result (status, reason, chain…). */
export function verdictReport(patch: Partial<InspectionReport> = {}, sig: Partial<InspectionReport['signature']> = {}): InspectionReport {
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
    signature: {
      status: 'valid',
      alg: 'RS256',
      reason: 'Verified with key k1.',
      chain: { source: 'issuer', fetches: [], refetched: false, candidates: [] },
      ...sig,
    },
    findings: [],
    claims: [],
    headerParams: [],
    evaluatedAt: 0,
    clockToleranceSec: 300,
    ...patch,
  }
}
