/**
 * Sequence-diagram layout: lane positions and one row per message, in canvas pixels. Text width
 * comes from an injected function (canvas measureText in the browser, a fixed table in tests and
 * in Node) so the same model always lays out the same way where the same measurer is used.
 *
 * Lanes are spaced so that every arrow label fits between the two lifelines it joins: gaps start
 * from the lane boxes and are widened, shortest spans first, by the deficit of each label spread
 * over the gaps it crosses. Rows are stacked top to bottom, so y strictly increases.
 */
import { FONT_FAMILY } from './palette.ts'
import type { DiagramModel, MessageKind, ParticipantRole } from './types.ts'

export type FontRole = 'title' | 'subtitle' | 'label' | 'detail' | 'note' | 'badge'

export interface FontSpec {
  size: number
  weight: 400 | 600
  mono: boolean
}

export const FONTS: Record<FontRole, FontSpec> = {
  title: { size: 14, weight: 600, mono: false },
  subtitle: { size: 11, weight: 400, mono: false },
  label: { size: 13, weight: 600, mono: false },
  detail: { size: 11.5, weight: 400, mono: true },
  note: { size: 11.5, weight: 400, mono: false },
  badge: { size: 10.5, weight: 600, mono: false },
}

export type MeasureText = (text: string, font: FontSpec) => number

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** A line of text; x is its left edge (text-anchor start), y its baseline. */
export interface PlacedText {
  text: string
  x: number
  y: number
  width: number
  font: FontRole
}

export interface LaneLayout {
  id: string
  role: ParticipantRole
  x: number
  box: Rect
  texts: PlacedText[]
}

export interface RowLayout {
  index: number
  id: string
  kind: MessageKind
  failed: boolean
  /** Arrow from x1 to x2 at height y; for a message to itself, a loop of width `loop` to the right. */
  x1: number
  x2: number
  y: number
  self: boolean
  loop: number
  top: number
  bottom: number
  /** Step number badge, centred on (badge.x, badge.y). */
  badge: { x: number; y: number; r: number; text: string }
  labelBox: Rect
  texts: PlacedText[]
  note: { box: Rect; texts: PlacedText[] } | null
}

export interface DiagramLayout {
  width: number
  height: number
  headerHeight: number
  lifelineTop: number
  lifelineBottom: number
  lanes: LaneLayout[]
  rows: RowLayout[]
}

interface LayoutOptions {
  /** Longest label line in pixels before it is cut with an ellipsis. */
  maxLabelWidth?: number
}

const MARGIN = 24
const LANE_PAD_X = 16
const LANE_MIN_W = 128
const LANE_GAP_MIN = 40
const LABEL_PAD = 14
const BADGE_R = 10
const INDENT = 2 * BADGE_R + 6
const LINE_H: Record<FontRole, number> = { title: 18, subtitle: 15, label: 18, detail: 16, note: 15, badge: 12 }
const ROW_GAP = 14
const SELF_LOOP = 28
const NOTE_PAD = 8
const NOTE_W = 300
const MAX_NOTES = 3

/** Width-keyed cache: the same strings recur a lot (status lines, parameter names). */
function cached(measure: MeasureText): MeasureText {
  const cache = new Map<string, number>()
  return (text, font) => {
    const key = `${font.size}|${font.weight}|${font.mono ? 1 : 0}|${text}`
    let w = cache.get(key)
    if (w === undefined) {
      w = measure(text, font)
      cache.set(key, w)
    }
    return w
  }
}

/** Cuts text to fit maxWidth, ending with an ellipsis; binary search over the prefix length. */
export function fitText(text: string, font: FontSpec, maxWidth: number, measure: MeasureText): { text: string; width: number } {
  const full = measure(text, font)
  if (full <= maxWidth) return { text, width: full }
  let lo = 0
  let hi = text.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (measure(`${text.slice(0, mid)}…`, font) <= maxWidth) lo = mid
    else hi = mid - 1
  }
  const cut = `${text.slice(0, lo).trimEnd()}…`
  return { text: cut, width: measure(cut, font) }
}

/**
 * Greedy word wrap into at most maxLines lines of maxWidth; the last line ends with an ellipsis
 * when text remains. A single word longer than a line is cut by fitText.
 */
export function wrapText(text: string, font: FontSpec, maxWidth: number, measure: MeasureText, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let current = ''
  let i = 0
  for (; i < words.length; i++) {
    const word = words[i] ?? ''
    const candidate = current ? `${current} ${word}` : word
    if (measure(candidate, font) <= maxWidth || !current) {
      current = candidate
      continue
    }
    lines.push(current)
    current = word
    if (lines.length === maxLines) break
  }
  if (lines.length < maxLines) {
    if (current) lines.push(current)
    return lines.map((l) => fitText(l, font, maxWidth, measure).text)
  }
  // Out of lines with words left: mark the cut on the last line.
  const last = lines[maxLines - 1] ?? ''
  lines[maxLines - 1] = fitText(`${last} ${words.slice(i).join(' ')}`, font, maxWidth, measure).text
  return lines.map((l) => fitText(l, font, maxWidth, measure).text)
}

interface Line {
  text: string
  width: number
  font: FontRole
}

export function layoutDiagram(model: DiagramModel, measureRaw: MeasureText, options: LayoutOptions = {}): DiagramLayout {
  const measure = cached(measureRaw)
  const maxLabel = options.maxLabelWidth ?? 360
  const laneIndex = new Map(model.participants.map((p, i) => [p.id, i]))

  // Lane boxes.
  const laneLines = model.participants.map((p) => {
    const lines: Line[] = [{ ...fitText(p.title, FONTS.title, 260, measure), font: 'title' }]
    if (p.subtitle) lines.push({ ...fitText(p.subtitle, FONTS.subtitle, 220, measure), font: 'subtitle' })
    return lines
  })
  const laneW = laneLines.map((ls) => Math.max(LANE_MIN_W, ...ls.map((l) => l.width + 2 * LANE_PAD_X)))
  const boxH = 52

  // Message label lines (badge space reserved on the first line).
  const rowsText = model.messages.map((m) => {
    const lines: Line[] = [{ ...fitText(m.label, FONTS.label, maxLabel, measure), font: 'label' }]
    for (const d of m.details) lines.push({ ...fitText(d, FONTS.detail, maxLabel, measure), font: 'detail' })
    // Notes wrap (two lines each, at most three notes); the side panel lists them all.
    const shown = m.notes.slice(0, MAX_NOTES)
    const noteTexts = shown.flatMap((n) => wrapText(n, FONTS.note, NOTE_W, measure, 2))
    if (m.notes.length > MAX_NOTES) noteTexts.push(`+${m.notes.length - MAX_NOTES} more in the details`)
    const notes: Line[] = noteTexts.map((n) => ({ ...fitText(n, FONTS.note, NOTE_W, measure), font: 'note' as const }))
    const width = INDENT + Math.max(0, ...lines.map((l) => l.width))
    return { lines, notes, width }
  })

  // Gaps between neighbouring lanes.
  const n = model.participants.length
  const gaps: number[] = []
  for (let i = 0; i + 1 < n; i++) gaps.push(Math.max(LANE_GAP_MIN + ((laneW[i] ?? 0) + (laneW[i + 1] ?? 0)) / 2, 150))
  let rightExtra = 0
  const spans = model.messages
    .map((m, i) => ({ a: laneIndex.get(m.from) ?? 0, b: laneIndex.get(m.to) ?? 0, need: (rowsText[i]?.width ?? 0) + 2 * LABEL_PAD }))
    .map((s) => ({ lo: Math.min(s.a, s.b), hi: Math.max(s.a, s.b), need: s.need }))
    .sort((p, q) => p.hi - p.lo - (q.hi - q.lo))
  for (const s of spans) {
    if (s.lo === s.hi) {
      const need = SELF_LOOP + s.need
      if (s.lo < gaps.length) gaps[s.lo] = Math.max(gaps[s.lo] ?? 0, need)
      else rightExtra = Math.max(rightExtra, need)
      continue
    }
    let have = 0
    for (let g = s.lo; g < s.hi; g++) have += gaps[g] ?? 0
    const deficit = s.need - have
    if (deficit > 0) {
      const share = deficit / (s.hi - s.lo)
      for (let g = s.lo; g < s.hi; g++) gaps[g] = (gaps[g] ?? 0) + share
    }
  }

  const laneX: number[] = []
  for (let i = 0; i < n; i++) laneX.push(i === 0 ? MARGIN + (laneW[0] ?? 0) / 2 : (laneX[i - 1] ?? 0) + (gaps[i - 1] ?? 0))
  let width = n === 0 ? 2 * MARGIN : (laneX[n - 1] ?? 0) + Math.max((laneW[n - 1] ?? 0) / 2, rightExtra) + MARGIN

  const lanes: LaneLayout[] = model.participants.map((p, i) => {
    const x = laneX[i] ?? 0
    const w = laneW[i] ?? LANE_MIN_W
    const box = { x: x - w / 2, y: MARGIN, w, h: boxH }
    const lines = laneLines[i] ?? []
    const first = lines.length > 1 ? box.y + 22 : box.y + 31
    const texts = lines.map((l, k) => ({ text: l.text, width: l.width, font: l.font, x: x - l.width / 2, y: first + k * 17 }))
    return { id: p.id, role: p.role, x, box, texts }
  })

  const headerHeight = MARGIN + boxH
  let cursor = headerHeight + 22
  const rows: RowLayout[] = model.messages.map((m, i) => {
    const t = rowsText[i] ?? { lines: [], notes: [], width: 0 }
    const a = laneIndex.get(m.from) ?? 0
    const b = laneIndex.get(m.to) ?? 0
    const x1 = laneX[a] ?? 0
    const x2 = laneX[b] ?? 0
    const self = a === b
    const top = cursor
    const labelH = t.lines.reduce((h, l) => h + LINE_H[l.font], 0)
    const y = top + labelH + 6
    // Centre the label over the arrow (to the right of the loop for a message to itself).
    const centre = self ? x1 + SELF_LOOP + LABEL_PAD + t.width / 2 : (x1 + x2) / 2
    const left = centre - t.width / 2
    let baseline = top
    const texts: PlacedText[] = t.lines.map((l, k) => {
      baseline += LINE_H[l.font]
      // Every line starts after the step badge, so parameters line up under the method.
      return { text: l.text, width: l.width, font: l.font, x: left + INDENT, y: baseline - (k === 0 ? 4 : 3) }
    })
    const first = texts[0]
    const badge = { x: left + BADGE_R, y: (first?.y ?? y) - 4.5, r: BADGE_R, text: String(i + 1) }
    const labelBox = { x: left, y: top, w: t.width, h: labelH }
    let bottom = y + (self ? 22 : 8)
    let note: RowLayout['note'] = null
    if (t.notes.length > 0) {
      const nw = Math.max(...t.notes.map((l) => l.width)) + 2 * NOTE_PAD
      const nh = t.notes.length * LINE_H.note + NOTE_PAD
      const target = laneX[b] ?? 0
      const nx = Math.max(MARGIN, target - nw / 2)
      width = Math.max(width, nx + nw + MARGIN)
      const box = { x: nx, y: bottom + 4, w: nw, h: nh }
      note = {
        box,
        texts: t.notes.map((l, k) => ({
          text: l.text,
          width: l.width,
          font: l.font,
          x: nx + NOTE_PAD,
          y: box.y + NOTE_PAD / 2 + (k + 1) * LINE_H.note - 4,
        })),
      }
      bottom = box.y + nh
    }
    cursor = bottom + ROW_GAP
    return {
      index: i,
      id: m.id,
      kind: m.kind,
      failed: m.failed,
      x1,
      x2: self ? x1 : x2,
      y,
      self,
      loop: self ? SELF_LOOP : 0,
      top,
      bottom,
      badge,
      labelBox,
      texts,
      note,
    }
  })

  const lifelineBottom = cursor + 8
  return {
    width: Math.ceil(width),
    height: Math.ceil(lifelineBottom + MARGIN),
    headerHeight,
    lifelineTop: headerHeight,
    lifelineBottom,
    lanes,
    rows,
  }
}

/**
 * A deterministic stand-in for a font's metrics, used in Node (tests, benchmark, text exports).
 * Proportional widths by character class of a typical sans-serif face, slightly generous so text
 * drawn later with a real font still fits; monospace is 0.6 em per character.
 */
export function approximateMeasure(text: string, font: FontSpec): number {
  if (font.mono) return text.length * font.size * 0.6
  let em = 0
  for (const ch of text) {
    if ("il.,:;|!'`ıj".includes(ch)) em += 0.28
    else if ('ftrI()[]{} /-'.includes(ch)) em += 0.36
    else if ('mwMW@%'.includes(ch)) em += 0.86
    else if (ch >= 'A' && ch <= 'Z') em += 0.68
    else if (ch >= '0' && ch <= '9') em += 0.56
    else if (ch.charCodeAt(0) > 0x2000) em += 0.9
    else em += 0.54
  }
  return em * font.size * (font.weight === 600 ? 1.18 : 1.08)
}

/** What measureWith needs of a canvas 2D context (structural: the core names no DOM type). */
export interface TextMetricsSource {
  font: string
  measureText(text: string): { width: number }
}

/**
 * The one text-measuring strategy of every screen that draws a diagram: the platform's own font
 * metrics where a text context exists (a canvas in the browser), so labels fit exactly in the
 * fonts the user sees; approximateMeasure where none does (Node, happy-dom) or where the context
 * measures nothing (a headless browser without fonts would otherwise collapse the layout).
 */
export function measureWith(ctx: TextMetricsSource | null): MeasureText {
  if (!ctx) return approximateMeasure
  const m = measured.get(ctx) ?? { font: '', widths: new Map<string, number>() }
  measured.set(ctx, m)
  return (text, font) => {
    const css = `${font.weight} ${font.size}px ${font.mono ? FONT_FAMILY.mono : FONT_FAMILY.sans}`
    const key = `${css}\u0000${text}`
    const hit = m.widths.get(key)
    if (hit !== undefined) return hit
    // Assigning ctx.font parses a CSS font each time: the layout asks for a handful of fonts
    // thousands of times, so it is set only when it changes.
    if (m.font !== css) {
      ctx.font = css
      m.font = css
    }
    const w = ctx.measureText(text).width
    const width = w > 0 || text.length === 0 ? w : approximateMeasure(text, font)
    if (m.widths.size >= MAX_MEASURED) m.widths.clear()
    m.widths.set(key, width)
    return width
  }
}

/**
 * Per text context: the font last set on it and the widths already measured (labels repeat:
 * hosts, step names, the same parameter on every request). Bounded, so a long session of
 * diagrams cannot grow it forever; the context is only ever given its font here.
 */
const measured = new WeakMap<TextMetricsSource, { font: string; widths: Map<string, number> }>()
const MAX_MEASURED = 20_000
