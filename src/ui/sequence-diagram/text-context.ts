/**
 * The page's text metrics for the diagram layout: a canvas 2D context, which measures with the
 * fonts the user actually sees. The measuring rule itself is the core's (measureWith in core/diagram/layout.ts);
 * this only finds the context, or null where there is none (happy-dom in unit tests).
 */
import type { TextMetricsSource } from '../../core/diagram/layout.ts'

let context: TextMetricsSource | null | undefined

export function canvasTextContext(): TextMetricsSource | null {
  if (context !== undefined) return context
  try {
    const ctx = document.createElement('canvas').getContext('2d')
    context = ctx && typeof ctx.measureText === 'function' ? ctx : null
  } catch {
    context = null
  }
  return context
}
