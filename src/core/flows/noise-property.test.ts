/**
 * Whole-file behaviour: ordinary browsing yields no flow, one sign-in in it yields exactly one,
 * and no dropped, reordered or corrupted entry makes the import throw or invent a flow.
 */
import fc from 'fast-check'
import type { Entry } from 'har-format'
import { describe, expect, it } from 'vitest'
import { parseHar, parseHarValue } from '../har/parse.ts'
import { HAR_FIXTURES } from '../har/test-fixtures.ts'
import { noiseEntries } from '../har/test-noise.ts'
import { analyzeFlows } from './detect.ts'
import type { FlowAnalysis } from './types.ts'

function fixture(name: string): Entry[] {
  const r = parseHar(HAR_FIXTURES[name] ?? '')
  if (!r.ok) throw new Error(r.message)
  return r.entries
}

/** Interleaves `inner` into `outer` at evenly spaced positions, retiming it to sit among them. */
function mix(outer: Entry[], inner: Entry[]): Entry[] {
  const out = [...outer]
  const t0 = Date.parse(outer[Math.floor(outer.length / 2)]?.startedDateTime ?? '2026-01-15T09:00:00Z')
  inner.forEach((e, i) => {
    const at = Math.floor(outer.length / 2) + i * 3
    out.splice(at, 0, { ...e, startedDateTime: new Date(t0 + i * 700).toISOString() })
  })
  return out
}

const EVIDENCE = new Set([
  'authorize',
  'par',
  'token',
  'refresh',
  'device_authorization',
  'revocation',
  'introspection',
  'saml',
  'logout',
  'other',
])

/** Every flow rests on an observed protocol step, and every listed token literally occurs in its exchange. */
function assertEvidence(a: FlowAnalysis, entries: readonly Entry[]): void {
  for (const f of a.flows) {
    expect(f.steps.some((s) => s.entryIndex !== null && EVIDENCE.has(s.kind))).toBe(true)
    for (const s of f.steps) if (s.entryIndex !== null) expect(entries[s.entryIndex]).toBeDefined()
    for (const t of f.tokens) {
      expect(t.entryIndex).not.toBeNull()
      const raw = JSON.stringify(entries[t.entryIndex ?? -1])
      const forms = [
        t.value,
        encodeURIComponent(t.value),
        new URLSearchParams({ x: t.value }).toString().slice(2),
        JSON.stringify(t.value).slice(1, -1),
      ]
      expect(
        forms.some((v) => raw.includes(v)),
        `${t.kind} at ${t.where}`,
      ).toBe(true)
    }
  }
}

describe('ordinary browsing', () => {
  const noise = noiseEntries(6000)
  it('6,000 entries of browsing noise with no OAuth yield zero flows', { timeout: 30_000 }, () => {
    const r = parseHarValue({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries: noise } })
    if (!r.ok) throw new Error(r.message)
    expect(r.entries).toHaveLength(6000)
    expect(analyzeFlows(r.entries).flows).toEqual([])
  })
  it('the same file with one sign-in in it yields exactly one flow, with every step of that sign-in', { timeout: 30_000 }, () => {
    const signin = fixture('demo-signin.har')
    const alone = analyzeFlows(signin).flows
    const mixed = analyzeFlows(mix(noise, signin))
    expect(mixed.flows).toHaveLength(1)
    expect(mixed.flows[0]?.steps.map((s) => s.kind)).toEqual(alone[0]?.steps.map((s) => s.kind))
    expect(mixed.flows[0]?.tokens.map((t) => [t.kind, t.place])).toEqual(alone[0]?.tokens.map((t) => [t.kind, t.place]))
  })
})

describe('property: dropped, reordered or corrupted entries', () => {
  const base: unknown[] = [
    ...noiseEntries(40, 3),
    ...fixture('demo-signin.har'),
    ...fixture('webapp-confidential.har'),
    ...fixture('leaked-secret.har'),
  ].map((e) => JSON.parse(JSON.stringify(e)) as unknown)
  const corruption = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.string(),
    fc.integer(),
    fc.constant('not a url'),
    fc.constant('https://exa mple.com:99999/'),
    fc.anything({ maxDepth: 2 }),
  )
  const paths: readonly (readonly string[])[] = [
    ['request'],
    ['request', 'url'],
    ['request', 'method'],
    ['request', 'headers'],
    ['request', 'postData'],
    ['request', 'postData', 'text'],
    ['response'],
    ['response', 'status'],
    ['response', 'headers'],
    ['response', 'content'],
    ['response', 'content', 'text'],
    ['response', 'content', 'encoding'],
    ['response', 'redirectURL'],
    ['startedDateTime'],
    [],
  ]
  const setAt = (obj: unknown, path: readonly string[], value: unknown): unknown => {
    if (path.length === 0) return value
    const copy = typeof obj === 'object' && obj !== null && !Array.isArray(obj) ? { ...(obj as Record<string, unknown>) } : {}
    const [head, ...rest] = path as [string, ...string[]]
    copy[head] = setAt(copy[head], rest, value)
    return copy
  }

  it('never throws and never produces a flow without evidence', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          base.map((_, i) => i),
          { minLength: 0 },
        ),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...paths), corruption), { maxLength: 8 }),
        (order, damage) => {
          const entries = order.map((i) => base[i])
          for (const [at, path, value] of damage)
            if (entries.length) entries[at % entries.length] = setAt(entries[at % entries.length], path, value)
          const r = parseHarValue({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } })
          if (!r.ok) {
            // Only a file with no usable entry at all is refused.
            expect(r.reason).toBe('invalid')
            return
          }
          expect(r.entries.length + r.skippedCount).toBe(entries.length)
          const a = analyzeFlows(r.entries)
          assertEvidence(a, r.entries)
        },
      ),
      { numRuns: 300, seed: 20260115 },
    )
  }, 60_000)

  it('the same sign-in, reordered, gives the same flow', () => {
    const signin = fixture('demo-signin.har')
    const expected = analyzeFlows(signin).flows.map((f) => f.steps.map((s) => s.kind))
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          signin.map((_, i) => i),
          { minLength: signin.length, maxLength: signin.length },
        ),
        (order) => {
          // Times decide the order; the file order does not.
          expect(analyzeFlows(order.map((i) => signin[i] as Entry)).flows.map((f) => f.steps.map((s) => s.kind))).toEqual(expected)
        },
      ),
      { numRuns: 50, seed: 7 },
    )
  })
})
