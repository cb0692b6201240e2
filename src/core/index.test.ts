/**
 * The public contract of the core barrel (issue 3): other code and acceptance tests import
 * decodeToken and inspectToken from src/core/index.ts, so check they are there and behave.
 */
import { describe, expect, it } from 'vitest'
import * as core from './index.ts'

describe('core barrel', () => {
  it('exposes decodeToken and inspectToken that never throw or reject', async () => {
    expect(typeof core.decodeToken).toBe('function')
    expect(typeof core.inspectToken).toBe('function')
    const decoded = core.decodeToken('not a token at all')
    expect(decoded.decodes).toBe(false)
    const report = await core.inspectToken('a.b', { now: 1_700_000_000 })
    expect(report.decodes).toBe(false)
    expect(report.findings.some((f) => f.code === 'malformed')).toBe(true)
  })

  it('decodes an unsecured JWT through the barrel and reports alg none', async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: 'https://issuer.test.example', sub: 'x', exp: 1_700_000_600 })}.`
    const report = await core.inspectToken(`Bearer ${token}`, { now: 1_700_000_000 })
    expect(report.signature.status).toBe('none')
    expect(report.findings.map((f) => f.code)).toContain('alg_none')
    expect(report.claims.map((c) => c.name)).toEqual(['iss', 'sub', 'exp'])
  })
})
