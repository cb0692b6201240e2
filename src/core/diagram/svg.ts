/**
 * Standalone SVG of a drawing (drawing.ts): the same shapes the screen shows, written out. Every
 * style is a presentation attribute (no <style>, no class names, no external font or image), so
 * the file looks the same in any viewer, in a slide deck, and when drawn onto a canvas for PNG
 * export under a strict CSP.
 */
import { cleanExportText, exportLabel } from './export-text.ts'
import type { Drawing, Shape } from './drawing.ts'

/**
 * Text for XML character data or an attribute value: the export character rule first (code
 * points outside XML 1.0 §2.2 Char would make the file ill-formed and PNG export fail), then the
 * five markup characters as entities.
 */
function escapeXml(s: string): string {
  return cleanExportText(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c)
}

function strokeAttrs(s: { stroke?: string; strokeWidth?: number; dash?: string }): string {
  return `${s.stroke !== undefined ? ` stroke="${s.stroke}"` : ''}${s.strokeWidth !== undefined ? ` stroke-width="${s.strokeWidth}"` : ''}${s.dash !== undefined ? ` stroke-dasharray="${s.dash}"` : ''}`
}

function shapeSvg(s: Shape): string {
  switch (s.shape) {
    case 'line':
      return `<line x1="${s.x1}" y1="${s.y1}" x2="${s.x2}" y2="${s.y2}"${strokeAttrs(s)}/>`
    case 'path':
      return `<path d="${s.d}" fill="${s.fill}"${strokeAttrs(s)}/>`
    case 'rect':
      return `<rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.rx}" fill="${s.fill}"${strokeAttrs(s)}/>`
    case 'circle':
      return `<circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${s.fill}"${strokeAttrs(s)}/>`
    case 'text':
      return `<text x="${s.x}" y="${s.y}"${s.anchor ? ` text-anchor="${s.anchor}"` : ''} font-family="${escapeXml(s.fontFamily)}" font-size="${s.fontSize}" font-weight="${s.fontWeight}" fill="${s.fill}">${escapeXml(s.text)}</text>`
  }
}

interface SvgOptions {
  title?: string
  /** Rows with index >= this are left out (presentation export of a partial reveal). */
  visibleCount?: number
}

export function renderSvgString(drawing: Drawing, opts: SvgOptions = {}): string {
  const rows = opts.visibleCount === undefined ? drawing.rows : drawing.rows.slice(0, Math.max(0, opts.visibleCount))
  const title = opts.title ? escapeXml(exportLabel(opts.title)) : null
  const out: string[] = []
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${drawing.width}" height="${drawing.height}" viewBox="0 0 ${drawing.width} ${drawing.height}" role="img"${title !== null ? ` aria-label="${title}"` : ''}>`,
  )
  if (title !== null) out.push(`<title>${title}</title>`)
  out.push(`<rect width="100%" height="100%" fill="${drawing.background}"/>`)
  for (const s of drawing.lifelines) out.push(shapeSvg(s))
  for (const lane of drawing.lanes) for (const s of lane.shapes) out.push(shapeSvg(s))
  for (const row of rows) out.push(row.shapes.map(shapeSvg).join(''))
  out.push('</svg>')
  return out.join('')
}
