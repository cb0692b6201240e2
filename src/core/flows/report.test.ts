import { describe, expect, it } from 'vitest'
import { parseHar } from '../har/parse.ts'
import { HAR_FIXTURE_SECRETS, HAR_FIXTURES } from '../har/test-fixtures.ts'
import { analyzeFlows } from './detect.ts'
import { buildFlowReport } from './report.ts'

describe('JSON flow report', () => {
  it('carries flows, steps, findings and verdicts but no token, code or secret value', () => {
    const r = parseHar(HAR_FIXTURES['leaked-secret.har'] ?? '')
    if (!r.ok) throw new Error(r.message)
    const analysis = analyzeFlows(r.entries)
    const flow = analysis.flows[0]!
    const id = flow.tokens.find((t) => t.kind === 'id_token')!
    const report = buildFlowReport({
      analysis,
      source: 'leaked-secret.har',
      generatedAt: '2026-01-15T10:00:00.000Z',
      toolVersion: 'test',
      verdicts: { [`${flow.id}/${id.id}`]: { signature: 'unverifiable', errors: [], warnings: ['missing_at_hash'] } },
    })
    expect(report).toMatchObject({ format: 'token-lens-flow-report', version: 1, generatedAt: '2026-01-15T10:00:00.000Z', entryCount: 6 })
    expect(report.flows[0]?.findings.map((f) => f.code)).toContain('client_secret_exposed')
    expect(report.flows[0]?.steps.map((s) => s.kind)).toEqual(['authorize', 'callback', 'token', 'api', 'refresh'])
    expect(report.flows[0]?.tokens.find((t) => t.kind === 'id_token')?.verdict).toEqual({ signature: 'unverifiable', errors: [], warnings: ['missing_at_hash'] })
    const text = JSON.stringify(report)
    for (const v of Object.values(HAR_FIXTURE_SECRETS.leak ?? {})) expect(text.includes(v)).toBe(false)
    expect(text).toContain('code=[redacted:code]')
  })
})
