/**
 * The one diagram drawer: a laid-out diagram turned into shapes with their colours, fonts and
 * final coordinates. The on-screen renderer (src/ui/sequence-diagram) and the SVG export (svg.ts)
 * both draw exactly these shapes, so what a trainer exports is what they saw.
 *
 * Rules (each tested once in drawing.test.ts):
 * - requests and actions are solid lines, responses dashed (6 4), redirects dotted (2 4) with a
 *   ring where they start; a failed message is drawn in the failure colour, label included;
 * - the arrow head is a filled triangle at the receiving lifeline; a message to itself is a loop
 *   to the right whose head points back at the lifeline;
 * - each message has a numbered badge; its first label line is in the text colour, the others
 *   (parameters) muted; notes sit in a note box;
 * - lanes are boxes coloured by role, title in the text colour, subtitle muted, and a dashed
 *   lifeline runs from under the boxes to the end of the diagram;
 * - every drawn text follows the export character rule (export-text.ts): a code point the file
 *   cannot hold is shown as U+FFFD on screen too.
 * Coordinates are rounded to a tenth of a pixel here, once, for both renderers.
 */
import { exportLabel } from './export-text.ts'
import { FONTS, type DiagramLayout, type PlacedText, type Rect, type RowLayout } from './layout.ts'
import { FONT_FAMILY, type Palette } from './palette.ts'
import type { MessageKind } from './types.ts'

/** SVG presentation attributes; the optional ones are left out when absent. */
interface Paint {
  fill: string
  stroke?: string
  strokeWidth?: number
  dash?: string
}

export type Shape =
  | { shape: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; strokeWidth: number; dash?: string }
  | ({ shape: 'path'; d: string } & Paint)
  | ({ shape: 'rect'; x: number; y: number; w: number; h: number; rx: number } & Paint)
  | ({ shape: 'circle'; cx: number; cy: number; r: number } & Paint)
  | {
      shape: 'text'
      x: number
      y: number
      text: string
      fontFamily: string
      fontSize: number
      fontWeight: number
      fill: string
      anchor?: 'middle'
    }

export interface DrawnLane {
  id: string
  /** The lane's title as drawn (possibly cut with an ellipsis), for accessible names. */
  title: string
  shapes: Shape[]
}

export interface DrawnRow {
  index: number
  id: string
  kind: MessageKind
  failed: boolean
  /** Vertical extent of the message, note included. */
  top: number
  bottom: number
  /** The area a selection highlights (label, arrow and loop), never exported. */
  hit: Rect
  shapes: Shape[]
}

export interface Drawing {
  width: number
  height: number
  /** Lane boxes end here; the on-screen renderer keeps this band in view while scrolling. */
  headerHeight: number
  background: string
  /** Fill of a selected or current message (on screen only). */
  highlight: string
  lifelines: Shape[]
  lanes: DrawnLane[]
  rows: DrawnRow[]
}

const DASH: Record<MessageKind, string | undefined> = { request: undefined, action: undefined, response: '6 4', redirect: '2 4' }
const ARROW_W = 1.6
const HEAD_LEN = 9
const HEAD_HALF = 4.5
/** A self-message loop leaves and re-enters its lifeline this far above and below the row's y. */
const LOOP_RISE = 8

const r1 = (n: number) => Math.round(n * 10) / 10

function paint(fill: string, stroke?: string, strokeWidth?: number, dash?: string): Paint {
  return {
    fill,
    ...(stroke !== undefined ? { stroke } : {}),
    ...(strokeWidth !== undefined ? { strokeWidth } : {}),
    ...(dash !== undefined ? { dash } : {}),
  }
}

function text(t: PlacedText, fill: string): Shape {
  const f = FONTS[t.font]
  return {
    shape: 'text',
    x: r1(t.x),
    y: r1(t.y),
    text: exportLabel(t.text),
    fontFamily: f.mono ? FONT_FAMILY.mono : FONT_FAMILY.sans,
    fontSize: f.size,
    fontWeight: f.weight,
    fill,
  }
}

/** Filled triangle with its tip at (x, y), pointing right (dir 1) or left (dir -1). */
function head(x: number, y: number, dir: 1 | -1): string {
  return `M${r1(x)} ${r1(y)} L${r1(x - dir * HEAD_LEN)} ${r1(y - HEAD_HALF)} L${r1(x - dir * HEAD_LEN)} ${r1(y + HEAD_HALF)} Z`
}

/** Line and head of a message; the line stops short of the tip so the head's point stays sharp. */
function arrow(row: RowLayout): { line: string; head: string; start: { x: number; y: number } } {
  if (row.self) {
    const x = row.x1
    return {
      line: `M${r1(x)} ${r1(row.y - LOOP_RISE)} H${r1(x + row.loop)} V${r1(row.y + LOOP_RISE)} H${r1(x + 2)}`,
      head: head(x, row.y + LOOP_RISE, -1),
      start: { x, y: row.y - LOOP_RISE },
    }
  }
  const dir = row.x2 >= row.x1 ? 1 : -1
  return { line: `M${r1(row.x1)} ${r1(row.y)} H${r1(row.x2 - dir * 2)}`, head: head(row.x2, row.y, dir), start: { x: row.x1, y: row.y } }
}

function drawRow(row: RowLayout, p: Palette): DrawnRow {
  const colour = row.failed ? p.failure : p[row.kind]
  const a = arrow(row)
  const shapes: Shape[] = [
    { shape: 'path', d: a.line, ...paint('none', colour, ARROW_W, DASH[row.kind]) },
    { shape: 'path', d: a.head, ...paint(colour) },
  ]
  if (row.kind === 'redirect')
    shapes.push({ shape: 'circle', cx: r1(a.start.x), cy: r1(a.start.y), r: 3.5, ...paint(p.background, colour, ARROW_W) })
  const b = row.badge
  shapes.push({ shape: 'circle', cx: r1(b.x), cy: r1(b.y), r: b.r, ...paint(row.failed ? p.failure : p.badge) })
  shapes.push({
    shape: 'text',
    x: r1(b.x),
    y: r1(b.y + 3.6),
    anchor: 'middle',
    text: exportLabel(b.text),
    fontFamily: FONT_FAMILY.sans,
    fontSize: FONTS.badge.size,
    fontWeight: FONTS.badge.weight,
    fill: p.badgeText,
  })
  row.texts.forEach((t, k) => shapes.push(text(t, k > 0 ? p.muted : row.failed ? p.failure : p.text)))
  if (row.note) {
    const n = row.note.box
    shapes.push({ shape: 'rect', x: r1(n.x), y: r1(n.y), w: r1(n.w), h: r1(n.h), rx: 4, ...paint(p.noteFill, p.noteStroke) })
    for (const t of row.note.texts) shapes.push(text(t, p.noteText))
  }
  const left = Math.min(row.labelBox.x, row.x1, row.x2) - 6
  const right = Math.max(row.labelBox.x + row.labelBox.w, row.x1, row.x2 + row.loop) + 6
  const hit = { x: r1(left), y: r1(row.top - 4), w: r1(right - left), h: r1(row.bottom - row.top + 8) }
  return { index: row.index, id: row.id, kind: row.kind, failed: row.failed, top: row.top, bottom: row.bottom, hit, shapes }
}

/** The shapes of a laid-out diagram in one theme's colours. */
export function drawDiagram(layout: DiagramLayout, palette: Palette): Drawing {
  const p = palette
  const lifelines: Shape[] = layout.lanes.map((lane) => ({
    shape: 'line',
    x1: r1(lane.x),
    y1: r1(layout.lifelineTop),
    x2: r1(lane.x),
    y2: r1(layout.lifelineBottom),
    stroke: p.lifeline,
    strokeWidth: 1.5,
    dash: '4 4',
  }))
  const lanes: DrawnLane[] = layout.lanes.map((lane) => {
    const c = p.lane[lane.role]
    const b = lane.box
    const shapes: Shape[] = [{ shape: 'rect', x: r1(b.x), y: r1(b.y), w: r1(b.w), h: r1(b.h), rx: 8, ...paint(c.fill, c.stroke, 1.5) }]
    lane.texts.forEach((t, k) => shapes.push(text(t, k === 0 ? p.text : p.muted)))
    return { id: lane.id, title: exportLabel(lane.texts[0]?.text ?? ''), shapes }
  })
  return {
    width: layout.width,
    height: layout.height,
    headerHeight: layout.headerHeight,
    background: p.background,
    highlight: p.highlight,
    lifelines,
    lanes,
    rows: layout.rows.map((row) => drawRow(row, p)),
  }
}
