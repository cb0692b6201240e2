/**
 * Text measurement for the layout: the browser's own font metrics through a canvas 2D context,
 * so labels fit exactly in the fonts the user sees. Falls back to the core's fixed table where
 * no canvas exists (tests under happy-dom).
 */
import { approximateMeasure, type FontSpec, type MeasureText } from '../../core/diagram/layout.ts'
import { FONT_FAMILY } from '../../core/diagram/palette.ts'

let shared: MeasureText | null = null

export function browserMeasure(): MeasureText {
  if (shared) return shared
  let ctx: CanvasRenderingContext2D | null = null
  try {
    ctx = document.createElement('canvas').getContext('2d')
  } catch {
    ctx = null
  }
  if (!ctx || typeof ctx.measureText !== 'function') {
    shared = approximateMeasure
    return shared
  }
  const c = ctx
  shared = (text: string, font: FontSpec) => {
    c.font = `${font.weight} ${font.size}px ${font.mono ? FONT_FAMILY.mono : FONT_FAMILY.sans}`
    const w = c.measureText(text).width
    // A canvas that measures nothing (headless without fonts) would collapse the layout.
    return w > 0 || text.length === 0 ? w : approximateMeasure(text, font)
  }
  return shared
}
