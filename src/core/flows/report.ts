/**
 * The JSON flow report: flows, steps, findings and token verdicts, without any token, code or
 * secret value (URLs go through the sanitiser), so it can be attached to a support ticket.
 * Every string in it follows the export character rule (core/diagram/export-text.ts): a lone
 * surrogate, a control other than TAB/LF/CR or a noncharacter from a captured value becomes
 * U+FFFD, so the JSON text re-parses into strings any UTF-8 or XML consumer accepts.
 */
import { cleanExportValue } from '../diagram/export-text.ts'
import { sanitizeUrl } from '../har/sanitize.ts'
import type { FindingCode, SignatureStatus, TokenFamily } from '../token/types.ts'
import type { VerdictKind } from '../token/verdict.ts'
import type { FlowAnalysis } from './types.ts'

/** A token's verdict in the report: the one verdict's kind and headline (core/token/verdict.ts),
 * the signature status and the codes of the findings; null signature only before a report. */
export interface TokenVerdict {
  kind: VerdictKind
  headline: string
  signature: SignatureStatus | null
  family?: TokenFamily
  errors: FindingCode[]
  warnings: FindingCode[]
}

export interface FlowReportInput {
  analysis: FlowAnalysis
  source: string
  /** ISO 8601 time of the export (passed in: the core never reads the clock). */
  generatedAt: string
  toolVersion: string
  /** Verdicts keyed by `${flowId}/${tokenId}`. */
  verdicts?: Record<string, TokenVerdict>
}

export function buildFlowReport(input: FlowReportInput) {
  const { analysis } = input
  return cleanExportValue({
    format: 'token-lens-flow-report',
    version: 1,
    generatedAt: input.generatedAt,
    tool: { name: 'Token Lens', version: input.toolVersion },
    source: input.source,
    entryCount: analysis.entryCount,
    unrelatedEntryCount: analysis.unrelatedCount,
    flows: analysis.flows.map((f) => ({
      ...pick(f, 'id', 'kind', 'label'),
      ...orNull(f, 'clientId'),
      redirectUri: f.redirectUri ? sanitizeUrl(f.redirectUri) : null,
      ...orNull(f, 'responseType', 'authority', 'issuer'),
      // Public or confidential client and the grant, with what it was decided from (RFC 6749 §2.1).
      client: { type: f.client.type, grant: f.client.grant ?? null, evidence: f.client.evidence },
      steps: f.steps.map((s) => ({
        ...pick(s, 'id', 'kind', 'origin', 'label', 'method'),
        url: sanitizeUrl(s.url),
        status: s.status,
        ...orNull(s, 'grantType', 'responseMode', 'error'),
        entryIndex: s.entryIndex,
      })),
      findings: f.findings.map((x) => ({
        ...pick(x, 'code', 'severity', 'message'),
        ...orNull(x, 'stepId'),
        specRef: x.specRef,
        ...orNull(x, 'error'),
      })),
      tokens: f.tokens.map((t) => ({
        ...pick(t, 'id', 'kind', 'place', 'where', 'stepId', 'entryIndex'),
        sameAs: t.valueId === t.id ? null : t.valueId,
        ...pick(t, 'occurrences', 'jwt'),
        verdict: input.verdicts?.[`${f.id}/${t.id}`] ?? null,
      })),
    })),
  })
}

/** These fields as they are. */
function pick<T, K extends keyof T>(o: T, ...keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>
  for (const k of keys) out[k] = o[k]
  return out
}

/** These optional fields, written as null when absent: every record of one kind has the same keys. */
function orNull<T, K extends keyof T>(o: T, ...keys: K[]): { [P in K]-?: Exclude<T[P], undefined> | null } {
  const out = {} as { [P in K]-?: Exclude<T[P], undefined> | null }
  for (const k of keys) out[k] = (o[k] ?? null) as Exclude<T[K], undefined> | null
  return out
}

export type FlowReport = ReturnType<typeof buildFlowReport>
