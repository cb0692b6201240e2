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
      id: f.id,
      kind: f.kind,
      label: f.label,
      clientId: f.clientId ?? null,
      redirectUri: f.redirectUri ? sanitizeUrl(f.redirectUri) : null,
      responseType: f.responseType ?? null,
      authority: f.authority ?? null,
      issuer: f.issuer ?? null,
      // Public or confidential client and the grant, with what it was decided from (RFC 6749 §2.1).
      client: { type: f.client.type, grant: f.client.grant ?? null, evidence: f.client.evidence },
      steps: f.steps.map((s) => ({
        id: s.id,
        kind: s.kind,
        origin: s.origin,
        label: s.label,
        method: s.method,
        url: sanitizeUrl(s.url),
        status: s.status,
        grantType: s.grantType ?? null,
        responseMode: s.responseMode ?? null,
        error: s.error ?? null,
        entryIndex: s.entryIndex,
      })),
      findings: f.findings.map((x) => ({
        code: x.code,
        severity: x.severity,
        message: x.message,
        stepId: x.stepId ?? null,
        specRef: x.specRef,
        error: x.error ?? null,
      })),
      tokens: f.tokens.map((t) => ({
        id: t.id,
        kind: t.kind,
        place: t.place,
        where: t.where,
        stepId: t.stepId,
        entryIndex: t.entryIndex,
        sameAs: t.valueId === t.id ? null : t.valueId,
        occurrences: t.occurrences,
        jwt: t.jwt,
        verdict: input.verdicts?.[`${f.id}/${t.id}`] ?? null,
      })),
    })),
  })
}

export type FlowReport = ReturnType<typeof buildFlowReport>
