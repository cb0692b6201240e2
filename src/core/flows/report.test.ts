import { describe, expect, it } from 'vitest'
import { parseHar } from '../har/parse.ts'
import { HAR_FIXTURE_SECRETS, HAR_FIXTURES } from '../har/test-fixtures.ts'
import { analyzeFlows } from './detect.ts'
import { buildFlowReport, type TokenVerdict } from './report.ts'
import { isCleanExportText } from '../diagram/export-text.ts'
import { hostileHar } from '../diagram/hostile-har.ts'

describe('JSON flow report', () => {
  it('carries flows, steps, findings and verdicts but no token, code or secret value', () => {
    const r = parseHar(HAR_FIXTURES['leaked-secret.har'] ?? '')
    if (!r.ok) throw new Error(r.message)
    const analysis = analyzeFlows(r.entries)
    const flow = analysis.flows[0]!
    const id = flow.tokens.find((t) => t.kind === 'id_token')!
    // The one verdict's kind and headline (core/token/verdict.ts), its signature status and codes.
    const verdict: TokenVerdict = {
      kind: 'unverifiable',
      headline: 'Cannot be verified here',
      signature: 'unverifiable',
      family: 'oidc_id',
      errors: [],
      warnings: ['missing_at_hash'],
    }
    const report = buildFlowReport({
      analysis,
      source: 'leaked-secret.har',
      generatedAt: '2026-01-15T10:00:00.000Z',
      toolVersion: 'test',
      verdicts: { [`${flow.id}/${id.id}`]: verdict },
    })
    expect(report).toMatchObject({ format: 'token-lens-flow-report', version: 1, generatedAt: '2026-01-15T10:00:00.000Z', entryCount: 6 })
    expect(report.flows[0]?.findings.map((f) => f.code)).toContain('client_secret_exposed')
    expect(report.flows[0]?.steps.map((s) => s.kind)).toEqual(['authorize', 'callback', 'token', 'api', 'refresh'])
    expect(report.flows[0]?.tokens.find((t) => t.kind === 'id_token')?.verdict).toEqual(verdict)
    // Only the place that carries the verdict gets one.
    expect(report.flows[0]?.tokens.find((t) => t.kind === 'access_token')?.verdict).toBeNull()
    const text = JSON.stringify(report)
    for (const v of Object.values(HAR_FIXTURE_SECRETS.leak ?? {})) expect(text.includes(v)).toBe(false)
    expect(text).toContain('code=[redacted:code]')
  })
})

describe('JSON flow report text', () => {
  it('holds no lone surrogate, control or noncharacter from captured values (export character rule)', () => {
    const r = parseHar(hostileHar())
    if (!r.ok) throw new Error(r.message)
    const report = buildFlowReport({
      analysis: analyzeFlows(r.entries),
      source: `hostile\ud800\u0001\uffff.har`,
      generatedAt: '2026-01-15T10:00:00.000Z',
      toolVersion: 'test',
    })
    // What the import screen downloads: JSON.stringify of the report (import-store exportReport).
    const text = JSON.stringify(report, null, 2)
    // Well-formed JSON.stringify (ES2019) would write a lone surrogate as a \udXXX escape, which
    // parses back into a string that cannot be encoded as UTF-8; the rule leaves none to escape.
    expect(text).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i)
    expect(text).not.toMatch(/\\u00[01][0-9a-f]/i)
    expect(isCleanExportText(text)).toBe(true)
    expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(text))).toBe(text)
    const strings: string[] = []
    JSON.parse(text, (_k, v: unknown) => (typeof v === 'string' && strings.push(v), v))
    expect(strings.every(isCleanExportText)).toBe(true)
    expect(JSON.parse(text)).toMatchObject({ source: 'hostile\uFFFD\uFFFD\uFFFD.har' })
    // The hostile error_description is kept, only its bad code point marked.
    expect(text).toContain('lone \uFFFD high')
  })
})
