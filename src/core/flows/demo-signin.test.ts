/**
 * The real recordHar capture of a demo-tenant sign-in (e2e/fixtures/har/demo-signin.har, written
 * by Playwright while the e2e suite signed in): the flow is rebuilt, its tokens validate against
 * the JWKS captured in the same file, it lints clean, and it has everything the diagram needs.
 */
import { describe, expect, it } from 'vitest'
import { buildDiagramModel } from '../diagram/model.ts'
import { parseHar } from '../har/parse.ts'
import { sanitizeEntries } from '../har/sanitize.ts'
import { HAR_FIXTURES } from '../har/test-fixtures.ts'
import { inspectToken } from '../token/inspect.ts'
import { analyzeFlows, flowEntries } from './detect.ts'
import { inspectorExpectations } from './tokens.ts'

function load() {
  const r = parseHar(HAR_FIXTURES['demo-signin.har'] ?? '')
  if (!r.ok) throw new Error(r.message)
  expect(r.creator).toMatch(/^Playwright/)
  return { entries: r.entries, analysis: analyzeFlows(r.entries) }
}

describe('demo-signin.har (Playwright recordHar)', () => {
  it('rebuilds one authorization code flow with every step', () => {
    const { analysis } = load()
    expect(analysis.flows).toHaveLength(1)
    const f = analysis.flows[0]!
    expect(f.kind).toBe('authorization_code')
    expect(f.steps.map((s) => s.kind)).toEqual(
      expect.arrayContaining(['discovery', 'jwks', 'authorize', 'redirect_back', 'callback', 'token', 'graph']),
    )
    expect(f.steps.every((s) => s.origin !== 'not_observed')).toBe(true)
    expect(f.clientId).toMatch(/^[0-9a-f-]{36}$/)
    expect(f.nonce).toBeTruthy()
    expect(f.jwks).toMatchObject({ keys: expect.any(Array) })
  })

  it('lints clean (no error or warning)', () => {
    const f = load().analysis.flows[0]!
    expect(f.findings.filter((x) => x.severity !== 'info')).toEqual([])
  })

  it('lists the tokens and validates the ID token against the captured JWKS as of capture time', async () => {
    const f = load().analysis.flows[0]!
    expect(f.tokens.map((t) => t.kind)).toEqual(expect.arrayContaining(['code', 'access_token', 'id_token', 'refresh_token']))
    const id = f.tokens.find((t) => t.kind === 'id_token')!
    expect(id.expected).toMatchObject({ clientId: f.clientId, nonce: f.nonce, tokenType: 'id_token' })
    const step = f.steps.find((s) => s.id === id.stepId)!
    const at = (stepId: string) => Math.floor((f.steps.find((s) => s.id === stepId)?.time ?? 0) / 1000)
    const report = await inspectToken(id.value, { now: at(step.id), keys: { jwks: f.jwks }, expected: inspectorExpectations(id) })
    expect(report.signature.status).toBe('valid')
    expect(report.findings.filter((x) => x.severity === 'error')).toEqual([])
    // Every JWT of the flow passes the inspector without errors, with the expectations the flow supplies.
    for (const t of f.tokens.filter((x) => x.jwt)) {
      const r = await inspectToken(t.value, { now: at(t.stepId), keys: { jwks: f.jwks }, expected: inspectorExpectations(t) })
      expect(
        r.findings.filter((x) => x.severity === 'error').map((x) => x.code),
        t.kind,
      ).toEqual([])
    }
  })

  it('has what the diagram needs, and its sanitised export drops every token', () => {
    const { entries, analysis } = load()
    const f = analysis.flows[0]!
    const annotated = flowEntries(f, entries)
    const model = buildDiagramModel(annotated)
    expect(JSON.stringify(model).length).toBeGreaterThan(100)
    const out = JSON.stringify(sanitizeEntries(entries).entries)
    for (const t of f.tokens) expect(out.includes(t.value), t.kind).toBe(false)
  })
})
