/**
 * The one verdict of an inspection: kind, tone, headline and reasons, read by the inspector banner,
 * the Import screen's token list, the sign-in token list and the JSON flow report. No protocol rule
 * is decided here (the signature status, the form and the findings' severities come from
 * inspectToken); this only says what they add up to, in one place, so no screen can call a token
 * "valid" that another screen would not.
 */
import type { DecodedToken, FindingCode, InspectionReport, SignatureStatus } from './types.ts'

export type VerdictKind =
  'valid' | 'valid_other_keys' | 'invalid' | 'unverifiable' | 'unsigned' | 'not_jwt' | 'malformed' | 'encrypted' | 'pending'

/** How the UI colours it: good (green), caution (amber), bad (red), info (blue), neutral (grey). */
export type VerdictTone = 'good' | 'caution' | 'bad' | 'info' | 'neutral'

export interface Verdict {
  kind: VerdictKind
  tone: VerdictTone
  /** The sentence at the top of the banner: "Valid", "Invalid: the signature does not match". */
  headline: string
  /** A few words for a row in a list: "valid", "2 checks failed", "matches the file's keys". */
  short: string
  /** Why, most important first; the banner shows them as one paragraph. */
  reasons: string[]
  signature: SignatureStatus | null
  errors: FindingCode[]
  warnings: FindingCode[]
}

const TONE: Record<VerdictKind, VerdictTone> = {
  valid: 'good',
  valid_other_keys: 'caution',
  invalid: 'bad',
  unsigned: 'bad',
  malformed: 'bad',
  unverifiable: 'caution',
  encrypted: 'info',
  not_jwt: 'neutral',
  pending: 'neutral',
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function make(
  kind: VerdictKind,
  headline: string,
  short: string,
  reasons: (string | null | undefined)[],
  report: InspectionReport | null,
): Verdict {
  return {
    kind,
    tone: TONE[kind],
    headline,
    short,
    reasons: reasons.filter((r): r is string => typeof r === 'string' && r !== ''),
    signature: report?.signature.status ?? null,
    errors: report ? report.findings.filter((f) => f.severity === 'error').map((f) => f.code) : [],
    warnings: report ? report.findings.filter((f) => f.severity === 'warning').map((f) => f.code) : [],
  }
}

/** What can be said from the decoder alone, before (or without) a full report. */
export function summarizeDecoded(decoded: DecodedToken | null, awaitingKeysFrom: string | null = null): Verdict {
  if (decoded && !decoded.decodes) {
    const opaque = decoded.form === 'opaque'
    return make(
      opaque ? 'not_jwt' : 'malformed',
      opaque ? 'Not a JWT' : 'Not a readable token',
      opaque ? 'not a JWT' : 'not readable',
      [decoded.problems[0]?.message ?? decoded.formReason],
      null,
    )
  }
  // While the user has not agreed to contact the issuer, the reason is already the one the
  // report will give (nothing is fetched either way), so the banner keeps its words and its
  // height when the report arrives.
  return make(
    'pending',
    'Checking…',
    'checking',
    [awaitingKeysFrom ? notRequested(awaitingKeysFrom) : 'Fetching the issuer’s keys and validating.'],
    null,
  )
}

const notRequested = (host: string) =>
  `Nothing has been requested from ${host}. Fetch its signing keys under “Signature and keys”, or paste a JWKS.`

/**
 * The verdict of a report. `awaitingKeysFrom` names the host the user has not yet agreed to
 * contact (the fetch policy said "ask"), so the verdict says the keys were not fetched rather than
 * that they could not be.
 */
export function summarize(report: InspectionReport, options: { awaitingKeysFrom?: string | null } = {}): Verdict {
  const awaiting = options.awaitingKeysFrom ?? null
  if (report.form === 'opaque') return make('not_jwt', 'Not a JWT', 'not a JWT', [report.formReason], report)
  if (report.form === 'jwe')
    return make('encrypted', 'Encrypted token (JWE): contents cannot be read here', 'encrypted', [report.formReason], report)
  if (!report.decodes)
    return make('malformed', 'Not a readable token', 'not readable', [report.problems[0]?.message ?? report.formReason], report)
  const errors = report.findings.filter((f) => f.severity === 'error')
  const warnings = report.findings.filter((f) => f.severity === 'warning').length
  const warningText = warnings > 0 ? `${plural(warnings, 'warning')} to read below.` : null
  const sig = report.signature
  if (sig.status === 'none') return make('unsigned', 'Unsigned token: anyone could have written it', 'unsigned', [sig.reason], report)
  if (sig.status === 'invalid')
    return make('invalid', 'Invalid: the signature does not match', 'signature does not match', [sig.reason], report)
  if (sig.status === 'unverifiable') {
    const also = errors.length > 0 ? `Also ${plural(errors.length, 'error')} below.` : null
    // No keys because the user has not yet agreed to contact this issuer (or the host its
    // discovery document sends the key request to): say so, not "unavailable".
    if (awaiting && (sig.chain.source === 'none' || sig.chain.fetches.some((f) => f.notSent?.verdict === 'ask'))) {
      return make(
        'unverifiable',
        'Cannot be verified here — keys not fetched yet',
        'keys not fetched yet',
        [notRequested(awaiting), also],
        report,
      )
    }
    return make(
      'unverifiable',
      'Cannot be verified here',
      errors.length > 0 ? `not verifiable, ${plural(errors.length, 'error')}` : 'not verifiable here',
      [sig.reason, also],
      report,
    )
  }
  if (errors.length > 0) {
    return make(
      'invalid',
      `Invalid: signature is good, but ${plural(errors.length, 'check')} failed`,
      `${plural(errors.length, 'check')} failed`,
      [errors[0]?.message],
      report,
    )
  }
  // Only the issuer's own published keys vouch for the issuer. A key set someone pasted, or one
  // that arrived inside a file, proves only that its author held the private key: never plain
  // "Valid" (OIDC Core §10.1; the key's provenance is the whole point of the check).
  if (sig.chain.source === 'capture') {
    const from = sig.chain.origin?.label ?? 'the imported capture'
    const at = sig.chain.origin?.capturedAt
    const when = at !== undefined ? ` as recorded on ${new Date(at).toISOString().replace('T', ' ').slice(0, 16)} UTC` : ''
    return make(
      'valid_other_keys',
      `Signature matches the keys in ${from} — not checked against the issuer`,
      'matches the capture’s keys, not the issuer’s',
      [
        sig.reason,
        `Those keys came with the file${when}; whoever made the file could have made them too. Use the issuer’s keys to know whether the issuer signed it.`,
        warningText,
      ],
      report,
    )
  }
  if (sig.chain.source === 'pasted') {
    return make(
      'valid_other_keys',
      'Signature matches the key set you pasted — not checked against the issuer',
      'matches the pasted keys, not the issuer’s',
      [sig.reason, 'This proves the token was signed with that key, not that the issuer published it.', warningText],
      report,
    )
  }
  return make('valid', 'Valid', warnings > 0 ? `valid, ${plural(warnings, 'warning')}` : 'valid', [sig.reason, warningText], report)
}
