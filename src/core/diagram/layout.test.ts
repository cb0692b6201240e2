import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { approximateMeasure, fitText, FONTS, layoutDiagram, type DiagramLayout } from './layout.ts'
import type { DiagramModel, MessageKind, ParticipantRole } from './types.ts'
import { syntheticModel } from './test-flows.ts'
import { TEMPLATE_IDS, templateModel } from './templates.ts'

const roles: ParticipantRole[] = ['user', 'browser', 'client', 'authorize', 'token', 'metadata', 'resource', 'other']
const kinds: MessageKind[] = ['request', 'response', 'redirect', 'action']

const modelArb: fc.Arbitrary<DiagramModel> = fc
  .integer({ min: 1, max: 8 })
  .chain((lanes) =>
    fc.record({
      participants: fc.tuple(
        ...Array.from({ length: lanes }, (_, i) =>
          fc
            .record({
              title: fc.string({ minLength: 1, maxLength: 40 }),
              subtitle: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
              role: fc.constantFrom(...roles),
            })
            .map((p) => ({ id: `p${i}`, role: p.role, title: p.title, ...(p.subtitle !== undefined ? { subtitle: p.subtitle } : {}) })),
        ),
      ),
      messages: fc.array(
        fc.record({
          from: fc.integer({ min: 0, max: lanes - 1 }),
          to: fc.integer({ min: 0, max: lanes - 1 }),
          kind: fc.constantFrom(...kinds),
          label: fc.string({ maxLength: 120 }),
          details: fc.array(fc.string({ maxLength: 200 }), { maxLength: 3 }),
          notes: fc.array(fc.string({ minLength: 1, maxLength: 80 }), { maxLength: 2 }),
          failed: fc.boolean(),
        }),
        { maxLength: 40 },
      ),
    }),
  )
  .map(({ participants, messages }) => ({
    title: 'random',
    template: false,
    participants,
    messages: messages.map((m, i) => ({
      ...m,
      id: `m${i}`,
      from: `p${m.from}`,
      to: `p${m.to}`,
      exchangeIndex: i,
      step: null,
      origin: null,
    })),
  }))

function checkInvariants(model: DiagramModel, layout: DiagramLayout): void {
  // Lanes: one per participant, in the model's order, strictly left to right, boxes apart.
  expect(layout.lanes.map((l) => l.id)).toEqual(model.participants.map((p) => p.id))
  for (let i = 1; i < layout.lanes.length; i++) {
    const prev = layout.lanes[i - 1]!
    const cur = layout.lanes[i]!
    expect(cur.x).toBeGreaterThan(prev.x)
    expect(cur.box.x).toBeGreaterThanOrEqual(prev.box.x + prev.box.w)
  }
  // Rows: one per message, strictly increasing y, no vertical overlap.
  expect(layout.rows).toHaveLength(model.messages.length)
  let lastBottom = layout.headerHeight
  let lastY = -Infinity
  for (const row of layout.rows) {
    expect(row.y).toBeGreaterThan(lastY)
    expect(row.top).toBeGreaterThan(lastBottom)
    lastY = row.y
    lastBottom = row.bottom
  }
  expect(layout.lifelineBottom).toBeGreaterThan(lastBottom)
  // Everything inside the canvas; labels between the lifelines they join.
  const laneX = new Map(layout.lanes.map((l, i) => [l.id, { x: l.x, next: layout.lanes[i + 1]?.x }]))
  for (const [i, row] of layout.rows.entries()) {
    const m = model.messages[i]!
    const box = row.labelBox
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.w).toBeLessThanOrEqual(layout.width)
    expect(box.y + box.h).toBeLessThanOrEqual(row.y)
    for (const t of row.texts) {
      expect(t.x).toBeGreaterThanOrEqual(box.x - 0.001)
      expect(t.x + t.width).toBeLessThanOrEqual(box.x + box.w + 0.001)
    }
    if (row.self) {
      const lane = laneX.get(m.from)!
      expect(box.x).toBeGreaterThan(lane.x)
      expect(box.x + box.w).toBeLessThanOrEqual((lane.next ?? layout.width) + 0.001)
    } else {
      expect(box.x).toBeGreaterThanOrEqual(Math.min(row.x1, row.x2) - 0.001)
      expect(box.x + box.w).toBeLessThanOrEqual(Math.max(row.x1, row.x2) + 0.001)
    }
    if (row.note) {
      expect(row.note.box.x).toBeGreaterThanOrEqual(0)
      expect(row.note.box.x + row.note.box.w).toBeLessThanOrEqual(layout.width)
      expect(row.note.box.y).toBeGreaterThan(row.y)
      expect(row.note.box.y + row.note.box.h).toBeLessThanOrEqual(row.bottom)
    }
  }
  expect(layout.height).toBeGreaterThan(layout.lifelineBottom)
}

describe('layoutDiagram', () => {
  it('keeps its invariants for random flows (fast-check)', () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        checkInvariants(model, layoutDiagram(model, approximateMeasure))
      }),
      { numRuns: 300 },
    )
  })

  it('keeps its invariants for every template and a 500-message flow', () => {
    for (const id of TEMPLATE_IDS) {
      const model = templateModel(id)
      checkInvariants(model, layoutDiagram(model, approximateMeasure))
    }
    const big = syntheticModel(500)
    checkInvariants(big, layoutDiagram(big, approximateMeasure))
  })

  it('is deterministic for a given measurer', () => {
    const model = templateModel('auth-code-pkce-spa')
    expect(layoutDiagram(model, approximateMeasure)).toEqual(layoutDiagram(model, approximateMeasure))
  })

  it('widens the gap between two lanes for a long label', () => {
    const base: DiagramModel = {
      title: 't',
      template: false,
      participants: [
        { id: 'a', role: 'client', title: 'A' },
        { id: 'b', role: 'token', title: 'B' },
      ],
      messages: [],
    }
    const msg = (label: string) => ({
      id: 'm0',
      from: 'a',
      to: 'b',
      kind: 'request' as const,
      label,
      details: [],
      notes: [],
      failed: false,
      exchangeIndex: 0,
      step: null,
      origin: null,
    })
    const short = layoutDiagram({ ...base, messages: [msg('GET /')] }, approximateMeasure)
    const long = layoutDiagram({ ...base, messages: [msg('POST /a/rather/long/path/that/needs/room')] }, approximateMeasure)
    expect(long.lanes[1]!.x - long.lanes[0]!.x).toBeGreaterThan(short.lanes[1]!.x - short.lanes[0]!.x)
  })

  it('cuts text that is too long with an ellipsis, within the limit', () => {
    const fit = fitText('x'.repeat(500), FONTS.detail, 200, approximateMeasure)
    expect(fit.text.endsWith('…')).toBe(true)
    expect(fit.width).toBeLessThanOrEqual(200)
    expect(fitText('short', FONTS.detail, 200, approximateMeasure).text).toBe('short')
  })
})

describe('wrapText', () => {
  it('wraps on spaces within the width and marks a cut with an ellipsis', async () => {
    const { wrapText } = await import('./layout.ts')
    const text = 'state matches the value sent in the authorize request and the nonce matches the ID token'
    const lines = wrapText(text, FONTS.note, 150, approximateMeasure, 2)
    expect(lines).toHaveLength(2)
    for (const l of lines) expect(approximateMeasure(l, FONTS.note)).toBeLessThanOrEqual(150)
    expect(lines[1]!.endsWith('…')).toBe(true)
    expect(wrapText('short note', FONTS.note, 150, approximateMeasure, 2)).toEqual(['short note'])
    expect(wrapText('', FONTS.note, 150, approximateMeasure, 2)).toEqual([])
  })
})
