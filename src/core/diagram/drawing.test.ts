// The diagram drawer's rules (drawing.ts module comment), each checked once, and the one
// text-measuring strategy (measureWith). The screen and the SVG export draw these shapes as they
// are: see svg.ts and the renderer's test in features/diagram/sequence-diagram.test.tsx.
import { describe, expect, it } from 'vitest'
import { drawDiagram, type Shape } from './drawing.ts'
import { approximateMeasure, FONTS, layoutDiagram, measureWith } from './layout.ts'
import { FONT_FAMILY, PALETTES } from './palette.ts'
import type { DiagramMessage, DiagramModel } from './types.ts'

const p = PALETTES.light
const msg = (id: string, from: string, to: string, kind: DiagramMessage['kind'], extra: Partial<DiagramMessage> = {}): DiagramMessage => ({
  id,
  from,
  to,
  kind,
  label: `${kind} ${id}`,
  details: [],
  notes: [],
  failed: false,
  exchangeIndex: null,
  step: null,
  origin: null,
  ...extra,
})
const model: DiagramModel = {
  title: 't',
  template: false,
  participants: [
    { id: 'a', role: 'client', title: 'App' },
    { id: 'b', role: 'token', title: 'Token endpoint', subtitle: 'login.example' },
  ],
  messages: [
    msg('m0', 'a', 'b', 'request', { details: ['grant_type=authorization_code'], notes: ['PKCE verified'] }),
    msg('m1', 'b', 'a', 'response', { failed: true }),
    msg('m2', 'a', 'b', 'redirect'),
    msg('m3', 'a', 'a', 'action', { label: 'sign\u0001in' }),
  ],
}
const layout = layoutDiagram(model, approximateMeasure)
const drawing = drawDiagram(layout, p)
const row = (i: number) => drawing.rows[i]!
/** Coordinates are drawn to a tenth of a pixel. */
const r = (n: number) => Math.round(n * 10) / 10
const only = <K extends Shape['shape']>(shapes: Shape[], kind: K) =>
  shapes.filter((s): s is Extract<Shape, { shape: K }> => s.shape === kind)

describe('drawDiagram', () => {
  it('strokes requests and actions solid, responses dashed and redirects dotted with a ring at their start', () => {
    const line = (i: number) => only(row(i).shapes, 'path')[0]!
    expect(line(0).dash).toBeUndefined()
    expect(line(3).dash).toBeUndefined()
    expect(line(1).dash).toBe('6 4')
    expect(line(2).dash).toBe('2 4')
    const rings = (i: number) => only(row(i).shapes, 'circle').filter((c) => c.stroke !== undefined)
    expect(rings(0)).toEqual([])
    expect(rings(2)).toEqual([
      {
        shape: 'circle',
        cx: r(layout.rows[2]!.x1),
        cy: r(layout.rows[2]!.y),
        r: 3.5,
        fill: p.background,
        stroke: p.redirect,
        strokeWidth: 1.6,
      },
    ])
  })

  it('draws a failed message in the failure colour: line, head, badge and its first label line', () => {
    const shapes = row(1).shapes
    const [line, head] = only(shapes, 'path')
    expect([line!.stroke, head!.fill, only(shapes, 'circle')[0]!.fill]).toEqual([p.failure, p.failure, p.failure])
    expect(only(shapes, 'text')[1]).toMatchObject({ text: 'response m1', fill: p.failure })
    expect(only(row(0).shapes, 'path')[0]!.stroke).toBe(p.request)
  })

  it('puts the head’s tip on the receiving lifeline, the line stopping short of it', () => {
    const l = layout.rows[1]! // b -> a: pointing left
    const [line, head] = only(row(1).shapes, 'path')
    expect(head!.d).toBe(`M${r(l.x2)} ${r(l.y)} L${r(l.x2 + 9)} ${r(l.y - 4.5)} L${r(l.x2 + 9)} ${r(l.y + 4.5)} Z`)
    expect(line!.d).toBe(`M${r(l.x1)} ${r(l.y)} H${r(l.x2 + 2)}`)
  })

  it('draws a message to itself as a loop to the right whose head points back at the lifeline', () => {
    const l = layout.rows[3]!
    const [line, head] = only(row(3).shapes, 'path')
    expect(line!.d).toBe(`M${r(l.x1)} ${r(l.y - 8)} H${r(l.x1 + l.loop)} V${r(l.y + 8)} H${r(l.x1 + 2)}`)
    expect(head!.d).toBe(`M${r(l.x1)} ${r(l.y + 8)} L${r(l.x1 + 9)} ${r(l.y + 3.5)} L${r(l.x1 + 9)} ${r(l.y + 12.5)} Z`)
  })

  it('numbers each message, shows its first label line in the text colour and the others muted, and boxes its notes', () => {
    const texts = only(row(0).shapes, 'text')
    expect(texts.map((t) => [t.text, t.fill])).toEqual([
      ['1', p.badgeText],
      ['request m0', p.text],
      ['grant_type=authorization_code', p.muted],
      ['PKCE verified', p.noteText],
    ])
    expect(texts[0]).toMatchObject({ anchor: 'middle', fontFamily: FONT_FAMILY.sans, fontSize: FONTS.badge.size })
    expect(texts[2]!.fontFamily).toBe(FONT_FAMILY.mono)
    expect(only(row(0).shapes, 'rect')).toEqual([expect.objectContaining({ fill: p.noteFill, stroke: p.noteStroke })])
  })

  it('boxes each lane in its role’s colours, title over a muted subtitle, with a dashed lifeline to the end', () => {
    const lane = drawing.lanes[1]!
    expect(lane.title).toBe('Token endpoint')
    expect(only(lane.shapes, 'rect')[0]).toMatchObject({ fill: p.lane.token.fill, stroke: p.lane.token.stroke })
    expect(only(lane.shapes, 'text').map((t) => [t.text, t.fill])).toEqual([
      ['Token endpoint', p.text],
      ['login.example', p.muted],
    ])
    expect(drawing.lifelines[1]).toEqual({
      shape: 'line',
      x1: r(layout.lanes[1]!.x),
      y1: r(layout.lifelineTop),
      x2: r(layout.lanes[1]!.x),
      y2: r(layout.lifelineBottom),
      stroke: p.lifeline,
      strokeWidth: 1.5,
      dash: '4 4',
    })
  })

  it('shows text by the export character rule, so the screen holds what the file holds', () => {
    expect(only(row(3).shapes, 'text')[1]!.text).toBe('sign\uFFFDin')
  })

  it('gives each message a highlight area around its label and arrow', () => {
    for (const [i, l] of layout.rows.entries()) {
      const hit = row(i).hit
      expect(hit.x).toBeLessThan(Math.min(l.labelBox.x, l.x1, l.x2))
      expect(hit.x + hit.w).toBeGreaterThan(Math.max(l.labelBox.x + l.labelBox.w, l.x2 + l.loop))
      expect(hit.y).toBeLessThan(l.top)
      expect(hit.y + hit.h).toBeGreaterThan(l.bottom)
    }
  })
})

describe('measureWith', () => {
  it('measures with the context’s font metrics, in the font of each role', () => {
    const fonts: string[] = []
    const measure = measureWith({
      font: '',
      measureText(t) {
        fonts.push(this.font)
        return { width: t.length * 5 }
      },
    })
    expect(measure('abcd', FONTS.detail)).toBe(20)
    expect(fonts).toEqual([`400 11.5px ${FONT_FAMILY.mono}`])
  })

  it('sets the context’s font only when it changes, and measures a repeated text once', () => {
    let fontSets = 0
    let measures = 0
    let font = ''
    const ctx = {
      get font() {
        return font
      },
      set font(f: string) {
        fontSets += 1
        font = f
      },
      measureText(t: string) {
        measures += 1
        return { width: t.length * 5 }
      },
    }
    const measure = measureWith(ctx)
    for (let i = 0; i < 3; i++) {
      expect(measure('login.microsoftonline.com', FONTS.label)).toBe(125)
      expect(measure('POST /token', FONTS.label)).toBe(55)
    }
    expect([fontSets, measures]).toEqual([1, 2])
    expect(measure('POST /token', FONTS.detail)).toBe(55)
    expect([fontSets, measures]).toEqual([2, 3])
    // A second layout on the same context reuses what the first measured.
    expect(measureWith(ctx)('POST /token', FONTS.label)).toBe(55)
    expect(measures).toBe(3)
  })

  it('falls back to the fixed table without a context, or where the context measures nothing', () => {
    expect(measureWith(null)).toBe(approximateMeasure)
    const blind = measureWith({ font: '', measureText: () => ({ width: 0 }) })
    expect(blind('abc', FONTS.label)).toBe(approximateMeasure('abc', FONTS.label))
    expect(blind('', FONTS.label)).toBe(0)
  })
})
