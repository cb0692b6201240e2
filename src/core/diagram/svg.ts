/**
 * Standalone SVG of a laid-out diagram. Every style is a presentation attribute (no <style>, no
 * class names, no external font or image), so the file looks the same in any viewer, in a slide
 * deck, and when drawn onto a canvas for PNG export under a strict CSP.
 */
import { cleanExportText, exportLabel } from './export-text.ts'
import { DASH, FONT_FAMILY, arrowColour, type Palette } from './palette.ts'
import { FONTS, type DiagramLayout, type PlacedText, type RowLayout } from './layout.ts'

/**
 * Text for XML character data or an attribute value: the export character rule first (code
 * points outside XML 1.0 §2.2 Char would make the file ill-formed and PNG export fail), then the
 * five markup characters as entities.
 */
export function escapeXml(s: string): string {
  return cleanExportText(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c)
}

const r1 = (n: number) => Math.round(n * 10) / 10

function text(t: PlacedText, fill: string): string {
  const f = FONTS[t.font]
  return `<text x="${r1(t.x)}" y="${r1(t.y)}" font-family="${escapeXml(f.mono ? FONT_FAMILY.mono : FONT_FAMILY.sans)}" font-size="${f.size}" font-weight="${f.weight}" fill="${fill}">${escapeXml(exportLabel(t.text))}</text>`
}

export interface SvgOptions {
  palette: Palette
  title?: string
  /** Rows with index >= this are left out (presentation export of a partial reveal). */
  visibleCount?: number
}

/** Arrowhead path ending at (x, y) pointing in direction dir (+1 right, -1 left). */
export function arrowHead(x: number, y: number, dir: number): string {
  return `M${r1(x)} ${r1(y)} L${r1(x - dir * 9)} ${r1(y - 4.5)} L${r1(x - dir * 9)} ${r1(y + 4.5)} Z`
}

/** The arrow line of a row as an SVG path (a loop for a message to itself). */
export function arrowPath(row: RowLayout): string {
  if (row.self) {
    const x = row.x1
    return `M${r1(x)} ${r1(row.y - 8)} H${r1(x + row.loop)} V${r1(row.y + 8)} H${r1(x + 2)}`
  }
  const dir = row.x2 >= row.x1 ? 1 : -1
  return `M${r1(row.x1)} ${r1(row.y)} H${r1(row.x2 - dir * 2)}`
}

export function headFor(row: RowLayout): string {
  if (row.self) return arrowHead(row.x1, row.y + 8, -1)
  const dir = row.x2 >= row.x1 ? 1 : -1
  return arrowHead(row.x2, row.y, dir)
}

export function rowSvg(row: RowLayout, p: Palette): string {
  const colour = arrowColour(p, row.kind, row.failed)
  const dash = DASH[row.kind]
  const parts: string[] = []
  parts.push(`<path d="${arrowPath(row)}" fill="none" stroke="${colour}" stroke-width="1.6"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`)
  parts.push(`<path d="${headFor(row)}" fill="${colour}"/>`)
  if (row.kind === 'redirect') parts.push(`<circle cx="${r1(row.x1)}" cy="${r1(row.self ? row.y - 8 : row.y)}" r="3.5" fill="${p.background}" stroke="${colour}" stroke-width="1.6"/>`)
  parts.push(`<circle cx="${r1(row.badge.x)}" cy="${r1(row.badge.y)}" r="${row.badge.r}" fill="${row.failed ? p.failure : p.badge}"/>`)
  const bf = FONTS.badge
  parts.push(`<text x="${r1(row.badge.x)}" y="${r1(row.badge.y + 3.6)}" text-anchor="middle" font-family="${escapeXml(FONT_FAMILY.sans)}" font-size="${bf.size}" font-weight="${bf.weight}" fill="${p.badgeText}">${escapeXml(row.badge.text)}</text>`)
  row.texts.forEach((t, k) => parts.push(text(t, k === 0 ? (row.failed ? p.failure : p.text) : p.muted)))
  if (row.note) {
    const b = row.note.box
    parts.push(`<rect x="${r1(b.x)}" y="${r1(b.y)}" width="${r1(b.w)}" height="${r1(b.h)}" rx="4" fill="${p.noteFill}" stroke="${p.noteStroke}"/>`)
    for (const t of row.note.texts) parts.push(text(t, p.noteText))
  }
  return parts.join('')
}

export function renderSvgString(layout: DiagramLayout, opts: SvgOptions): string {
  const p = opts.palette
  const rows = opts.visibleCount === undefined ? layout.rows : layout.rows.slice(0, Math.max(0, opts.visibleCount))
  const out: string[] = []
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img"${opts.title ? ` aria-label="${escapeXml(exportLabel(opts.title))}"` : ''}>`)
  if (opts.title) out.push(`<title>${escapeXml(exportLabel(opts.title))}</title>`)
  out.push(`<rect width="100%" height="100%" fill="${p.background}"/>`)
  for (const lane of layout.lanes) {
    out.push(`<line x1="${r1(lane.x)}" y1="${r1(layout.lifelineTop)}" x2="${r1(lane.x)}" y2="${r1(layout.lifelineBottom)}" stroke="${p.lifeline}" stroke-width="1.5" stroke-dasharray="4 4"/>`)
  }
  for (const lane of layout.lanes) {
    const c = p.lane[lane.role]
    const b = lane.box
    out.push(`<rect x="${r1(b.x)}" y="${r1(b.y)}" width="${r1(b.w)}" height="${r1(b.h)}" rx="8" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.5"/>`)
    lane.texts.forEach((t, k) => out.push(text(t, k === 0 ? p.text : p.muted)))
  }
  for (const row of rows) out.push(rowSvg(row, p))
  out.push('</svg>')
  return out.join('')
}
