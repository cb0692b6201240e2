/**
 * inspectToken: decode, check every rule, verify the signature with the issuer's keys and
 * annotate every claim. Pure: time and network come in through `options` (`now`, `fetchJson`).
 * It never rejects; an unexpected internal error still yields a report that says so.
 */
import type { AnnotateContext, ClaimAnnotation, HeaderAnnotation } from '../claims/types.ts'
import { annotateClaims, annotateHeader } from '../claims/annotate.ts'
import type { DecodedToken, Finding, InspectOptions, InspectionReport, KeyChain, SignatureResult } from './types.ts'
import { decodeToken } from './decode.ts'
import { finding } from './findings.ts'
import { SPEC } from './spec-refs.ts'
import { checkHeader } from './header-checks.ts'
import { checkClaims, checkTyp } from './claim-checks.ts'
import { detectFamily } from './family.ts'
import type { FamilyResult } from './family.ts'
import { isEntraIssuer } from './entra.ts'
import { resolveKeys } from './keys.ts'
import { verifyWithKeys } from './signature.ts'
import { checkHashes } from './hash-checks.ts'

const DEFAULT_TOLERANCE = 300

function emptyChain(kid?: string): KeyChain {
  const chain: KeyChain = { source: 'none', fetches: [], refetched: false, candidates: [] }
  if (kid !== undefined) chain.kid = kid
  return chain
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function toleranceOf(options: InspectOptions): number {
  const t = options.clockToleranceSec
  return typeof t === 'number' && Number.isFinite(t) && t >= 0 ? t : DEFAULT_TOLERANCE
}

function decodeFindings(d: DecodedToken, findings: Finding[]): void {
  const tooLarge = d.problems.find((p) => p.reason === 'too_large')
  if (tooLarge) {
    findings.push(finding('payload_too_large', 'error', 'token', tooLarge.message, SPEC.tooLarge))
    return
  }
  if (d.form === 'opaque') {
    findings.push(
      finding(
        'opaque_token',
        'info',
        'token',
        d.formReason,
        d.problems[0]?.reason === 'opaque:reference_token' ? SPEC.introspection : SPEC.msaOpaque,
      ),
    )
    return
  }
  if (d.form === 'jwe') {
    findings.push(
      finding(
        'jwe_encrypted',
        'info',
        'token',
        `${d.formReason} Its signature and claims cannot be checked here; if it is meant for you, decrypt it with your private key first.`,
        SPEC.jweCompact,
      ),
    )
    return
  }
  if (!d.decodes) {
    const first = d.problems.find((p) => p.reason !== 'segment_count') ?? d.problems[0]
    // decode() already quotes the first problem in formReason for 3- and 5-segment input; add it only when missing.
    const detail = first && !d.formReason.includes(first.message) ? ` ${first.message}` : ''
    findings.push(
      finding(
        'malformed',
        'error',
        first?.segment === 'token' || !first ? 'token' : first.segment,
        `${d.formReason}${detail}`.trim(),
        first?.reason === 'utf8' ? SPEC.jwtValidate : d.segments.length === 3 ? SPEC.jwsParse : SPEC.jwsCompact,
      ),
    )
    return
  }
  for (const p of d.problems) {
    if (p.segment === 'payload' && p.reason === 'not_object') {
      findings.push(
        finding(
          'payload_not_object',
          'warning',
          'payload',
          `${p.message} It is a JWS, but not a JWT: there are no claims to check.`,
          SPEC.jwtValidate,
        ),
      )
    } else if (p.segment === 'payload') {
      findings.push(
        finding(
          'payload_not_object',
          'warning',
          'payload',
          `${p.message} It is a JWS whose content is not a JSON claims set, so it is not a JWT.`,
          SPEC.jwtValidate,
        ),
      )
    } else if (p.segment === 'signature') {
      findings.push(finding('malformed', 'error', 'signature', p.message, SPEC.jwsParse))
    }
  }
  for (const dup of d.duplicateKeys) {
    findings.push(
      finding(
        'duplicate_keys',
        'error',
        dup.segment,
        `The ${dup.segment} repeats ${dup.names.map((n) => `"${n}"`).join(', ')}. Parsers disagree on which copy wins (this view shows the last), which attackers use to smuggle a second value past a validator; RFC 7519 §4 requires rejecting such tokens or using the last copy consistently.`,
        SPEC.uniqueNames,
        { actual: dup.names.join(', ') },
      ),
    )
  }
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 }

function sortBySeverity(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f)
}

function annotateContext(options: InspectOptions, fam: FamilyResult): AnnotateContext {
  const ctx: AnnotateContext = { now: options.now }
  if (fam.version !== undefined) ctx.version = fam.version
  return ctx
}

async function annotate(
  header: Record<string, unknown> | null,
  payload: unknown,
  ctx: AnnotateContext,
): Promise<{ claims: ClaimAnnotation[]; headerParams: HeaderAnnotation[] }> {
  const [claims, headerParams] = await Promise.all([
    isObject(payload) ? annotateClaims(payload, ctx).catch(() => []) : Promise.resolve([]),
    header ? annotateHeader(header, ctx).catch(() => []) : Promise.resolve([]),
  ])
  return { claims, headerParams }
}

/** A Graph (or other first-party Microsoft API) token: Entra access token with a header nonce. */
function isGraphNonce(header: Record<string, unknown>, payload: unknown, fam: FamilyResult): boolean {
  if (header['nonce'] === undefined || !isObject(payload)) return false
  const entra = isEntraIssuer(payload['iss']) || fam.family.startsWith('entra_')
  return entra && fam.tokenType === 'access_token'
}

/** The report's fields that restate the decoding as it is, whatever the inspection then found. */
function decodedFields(d: DecodedToken) {
  return {
    input: d.normalized,
    decodes: d.decodes,
    form: d.form,
    formReason: d.formReason,
    header: d.header,
    payload: d.payload,
    problems: d.problems,
  }
}

export async function inspectToken(input: string, options: InspectOptions): Promise<InspectionReport> {
  try {
    return await inspect(input, options)
  } catch (e) {
    // Defensive: a bug must still produce a readable report, never an unhandled rejection.
    const d = decodeToken(typeof input === 'string' ? input : '')
    return {
      ...decodedFields(d),
      family: 'unknown',
      familyLabel: 'Unknown token',
      tokenType: 'unknown',
      signature: { status: 'unverifiable', alg: null, reason: 'The inspection failed unexpectedly.', chain: emptyChain() },
      findings: [
        finding(
          'malformed',
          'error',
          'token',
          `The inspection failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`,
          SPEC.jwsParse,
        ),
      ],
      claims: [],
      headerParams: [],
      evaluatedAt: typeof options?.now === 'number' ? options.now : 0,
      clockToleranceSec: DEFAULT_TOLERANCE,
    }
  }
}

async function inspect(input: string, options: InspectOptions): Promise<InspectionReport> {
  const d = decodeToken(input)
  const tolerance = toleranceOf(options)
  const findings: Finding[] = []
  decodeFindings(d, findings)
  const fam = detectFamily(d.header, d.payload, options.expected)
  const report: InspectionReport = {
    ...decodedFields(d),
    family: d.decodes && d.form !== 'jwe' ? fam.family : 'unknown',
    familyLabel:
      d.decodes && d.form !== 'jwe'
        ? fam.label
        : d.form === 'jwe'
          ? 'Encrypted token (JWE)'
          : d.form === 'opaque'
            ? 'Opaque token (not a JWT)'
            : 'Not a token',
    tokenType: d.decodes && d.form !== 'jwe' ? fam.tokenType : 'unknown',
    signature: { status: 'unverifiable', alg: null, reason: '', chain: emptyChain() },
    findings,
    claims: [],
    headerParams: [],
    evaluatedAt: options.now,
    clockToleranceSec: tolerance,
  }

  const header = d.header
  if (!d.decodes || !header) {
    report.signature.reason =
      d.form === 'opaque' ? 'Not a JWT: there is no signature to check.' : 'The token does not decode, so there is no signature to check.'
    if (header) report.headerParams = (await annotate(header, null, annotateContext(options, fam))).headerParams
    return report
  }
  if (d.form === 'jwe') {
    const alg = typeof header['alg'] === 'string' ? header['alg'] : null
    report.signature = {
      status: 'unverifiable',
      alg,
      reason: 'A JWE is encrypted, not signed; decrypt it to reach the signed token inside (if any).',
      chain: emptyChain(),
    }
    report.headerParams = (await annotate(header, null, annotateContext(options, fam))).headerParams
    return report
  }

  const verdict = checkHeader(header, options, findings)
  const payload = isObject(d.payload) ? d.payload : null
  if (payload) {
    checkTyp(header, fam.tokenType, findings)
    checkClaims({ payload, tokenType: fam.tokenType, options, tolerance, isEntra: fam.family.startsWith('entra_') }, header, findings)
    if (fam.family === 'entra_v1_id' || fam.family === 'entra_v1_access') {
      findings.push(
        finding(
          'entra_v1_token',
          'info',
          'ver',
          "This is a v1.0 token (issuer https://sts.windows.net/{tenant}/). Its claims differ from v2.0 tokens (appid instead of azp, unique_name, upn); the API's manifest setting requestedAccessTokenVersion decides which version it receives.",
          SPEC.entraV1,
        ),
      )
    }
  }

  const graphNonce = isGraphNonce(header, d.payload, fam)
  let signature: SignatureResult
  if (verdict.blocker) {
    signature = { status: verdict.blocker.status, alg: verdict.alg, reason: verdict.blocker.reason, chain: emptyChain(verdict.kid) }
  } else if (graphNonce) {
    findings.push(
      finding(
        'graph_nonce_header',
        'info',
        'header.nonce',
        'This is a Microsoft Graph (or other Microsoft API) access token: its header carries a "nonce", and the signature covers a hashed form of it, so only the API it was issued for can verify it. That is by design, not a broken token. Your app should not validate it; call the API with it. To get a token you can validate, request a scope of your own API (api://<your app id>/<scope>) instead of Graph scopes.',
        SPEC.entraGraphToken,
      ),
    )
    signature = {
      status: 'unverifiable',
      alg: verdict.alg,
      reason: 'A Microsoft Graph token is verifiable only by Microsoft Graph (its header nonce is hashed before signing).',
      chain: emptyChain(verdict.kid),
    }
  } else {
    const source = await resolveKeys(payload, verdict.kid, options)
    findings.push(...source.findings)
    const x5t = typeof header['x5t'] === 'string' ? header['x5t'] : undefined
    signature = await verifyWithKeys({ token: d.normalized, alg: verdict.alg ?? '', kid: verdict.kid, x5t, source }, findings)
  }
  report.signature = signature

  if (payload && verdict.alg !== null && fam.tokenType === 'id_token') {
    // EdDSA's _hash digest depends on the curve of the key that verified (KeySummary.size holds it).
    const selected = signature.chain.selected
    const crv = selected?.kty === 'OKP' ? selected.size : undefined
    await checkHashes(payload, verdict.alg, crv, options, findings)
  }

  const { claims, headerParams } = await annotate(header, d.payload, annotateContext(options, fam))
  report.claims = claims
  report.headerParams = headerParams
  // Errors first, then warnings, then information; otherwise in the order the checks ran.
  report.findings = sortBySeverity(findings)
  return report
}
