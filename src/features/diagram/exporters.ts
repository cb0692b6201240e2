/**
 * Export code, loaded on demand with import() when the user opens the export menu (DESIGN §9:
 * export code stays out of the first view). PNG is drawn from the standalone SVG through a blob:
 * URL, which the CSP allows (img-src 'self' data: blob:); the SVG has no external references, so
 * the canvas is not tainted and toBlob works. The SVG keeps to the export character rule
 * (core/diagram/export-text.ts), so a control character or lone surrogate from a capture cannot
 * make it ill-formed XML, which the browser would refuse to decode (no PNG at all).
 */
import type { Drawing } from '../../core/diagram/drawing.ts'
import { toMermaid } from '../../core/diagram/mermaid.ts'
import { toPlantUml } from '../../core/diagram/plantuml.ts'
import { renderSvgString } from '../../core/diagram/svg.ts'
import type { DiagramModel } from '../../core/diagram/types.ts'

export type ExportFormat = 'svg' | 'png' | 'mermaid' | 'plantuml'

export const EXTENSION: Record<ExportFormat, string> = { svg: 'svg', png: 'png', mermaid: 'mmd', plantuml: 'puml' }

export function fileBase(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
  return slug || 'sequence-diagram'
}

/** The file's text; SVG is the drawing on screen (same shapes, same theme), written out. */
export function exportText(format: Exclude<ExportFormat, 'png'>, model: DiagramModel, drawing: Drawing): string {
  switch (format) {
    case 'svg':
      return renderSvgString(drawing, { title: model.title })
    case 'mermaid':
      return toMermaid(model)
    case 'plantuml':
      return toPlantUml(model)
  }
}

export async function exportPng(drawing: Drawing, title: string, scale = 2): Promise<Blob> {
  const svg = renderSvgString(drawing, { title })
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const img = new Image()
    img.src = url
    await img.decode()
    // Browsers cap canvas area (Chromium ~268 M pixels, smaller on mobile): lower the scale for huge diagrams.
    const maxSide = 16_000
    const s = Math.min(scale, maxSide / drawing.width, maxSide / drawing.height)
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(drawing.width * s))
    canvas.height = Math.max(1, Math.round(drawing.height * s))
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('This browser cannot draw on a canvas, so PNG export is unavailable. SVG export works everywhere.')
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('The browser could not encode the PNG (the diagram may be too large). Try SVG.'))),
        'image/png',
      ),
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}

export function downloadBlob(name: string, blob: Blob): void {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 2000)
}

export const MIME: Record<ExportFormat, string> = { svg: 'image/svg+xml', png: 'image/png', mermaid: 'text/plain', plantuml: 'text/plain' }
