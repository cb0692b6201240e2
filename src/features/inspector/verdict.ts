import type { DecodedToken, Finding, InspectionReport } from '../../core/token/types.ts'

export type VerdictKind = 'valid' | 'valid_other_keys' | 'invalid' | 'unverifiable' | 'unsigned' | 'not_jwt' | 'malformed' | 'encrypted' | 'pending'

export interface Verdict {
  kind: VerdictKind
  title: string
  detail: string
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/**
 * Words for the report's outcome. No protocol rule is decided here: the signature status, the
 * form and the findings' severities all come from the core; this only picks the sentence.
 */
export function verdictFor(report: InspectionReport | null, decoded: DecodedToken | null, awaitingKeysFrom: string | null = null): Verdict {
  if (report === null) {
    if (decoded && !decoded.decodes) return { kind: decoded.form === 'opaque' ? 'not_jwt' : 'malformed', title: decoded.form === 'opaque' ? 'Not a JWT' : 'Not a readable token', detail: decoded.problems[0]?.message ?? decoded.formReason }
    return { kind: 'pending', title: 'Checking…', detail: awaitingKeysFrom ? 'Validating.' : 'Fetching the issuer’s keys and validating.' }
  }
  const errors = report.findings.filter((f) => f.severity === 'error')
  const firstError = (fs: Finding[]) => fs[0]?.message ?? ''
  if (report.form === 'opaque') return { kind: 'not_jwt', title: 'Not a JWT', detail: report.formReason }
  if (report.form === 'jwe') return { kind: 'encrypted', title: 'Encrypted token (JWE): contents cannot be read here', detail: report.formReason }
  if (!report.decodes) return { kind: 'malformed', title: 'Not a readable token', detail: report.problems[0]?.message ?? report.formReason }
  const sig = report.signature
  if (sig.status === 'none') return { kind: 'unsigned', title: 'Unsigned token: anyone could have written it', detail: sig.reason }
  if (sig.status === 'invalid') return { kind: 'invalid', title: 'Invalid: the signature does not match', detail: sig.reason }
  if (sig.status === 'unverifiable') {
    const extra = errors.length > 0 ? ` Also ${plural(errors.length, 'error')} below.` : ''
    // The core got no keys because the user has not yet agreed to contact this issuer (or the
    // host its discovery document sends the key request to).
    if (awaitingKeysFrom && (sig.chain.source === 'none' || sig.chain.fetches.some((f) => f.notSent?.verdict === 'ask'))) {
      return { kind: 'unverifiable', title: 'Cannot be verified here — keys not fetched yet', detail: `Nothing has been requested from ${awaitingKeysFrom}. Fetch its signing keys under “Signature and keys”, or paste a JWKS.${extra}` }
    }
    return { kind: 'unverifiable', title: 'Cannot be verified here', detail: `${sig.reason}${extra}` }
  }
  if (errors.length > 0) {
    return { kind: 'invalid', title: `Invalid: signature is good, but ${plural(errors.length, 'check')} failed`, detail: firstError(errors) }
  }
  const warnings = report.findings.filter((f) => f.severity === 'warning').length
  const warningText = warnings > 0 ? ` ${plural(warnings, 'warning')} to read below.` : ''
  // Only the issuer's own published keys vouch for the issuer. A key set someone pasted, or one
  // that arrived inside a file, proves only that its author held the private key: never plain
  // "Valid" (OIDC Core §10.1; the key's provenance is the whole point of the check).
  if (sig.chain.source === 'capture') {
    const from = sig.chain.origin?.label ?? 'the imported capture'
    const when = sig.chain.origin?.capturedAt !== undefined ? ` as recorded on ${new Date(sig.chain.origin.capturedAt).toISOString().replace('T', ' ').slice(0, 16)} UTC` : ''
    return {
      kind: 'valid_other_keys',
      title: `Signature matches the keys in ${from} — not checked against the issuer`,
      detail: `${sig.reason} Those keys came with the file${when}; whoever made the file could have made them too. Use the issuer’s keys to know whether the issuer signed it.${warningText}`,
    }
  }
  if (sig.chain.source === 'pasted') {
    return {
      kind: 'valid_other_keys',
      title: 'Signature matches the key set you pasted — not checked against the issuer',
      detail: `${sig.reason} This proves the token was signed with that key, not that the issuer published it.${warningText}`,
    }
  }
  return {
    kind: 'valid',
    title: 'Valid',
    detail: `${sig.reason}${warningText}`,
  }
}
