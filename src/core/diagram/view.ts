/** What a screen shows of a diagram model: the drawing (layout, then paint) and the words a screen reader gets. */
import { drawDiagram, type Drawing } from './drawing.ts'
import { layoutDiagram, type MeasureText } from './layout.ts'
import { messageAccessibleLabels } from './model.ts'
import type { Palette } from './palette.ts'
import type { DiagramModel } from './types.ts'

/** The props every screen hands the sequence-diagram renderer: one drawing, one label a message, the title. */
export interface DiagramView {
  drawing: Drawing
  /** Accessible name of each message, index-aligned with drawing.rows. */
  rowLabels: string[]
  title: string
}

/**
 * The one way the Diagram, Flow and Import screens turn a model into what they draw, so the
 * three show the same flow alike (and the export draws this very drawing).
 */
export function diagramView(model: DiagramModel, measure: MeasureText, palette: Palette): DiagramView {
  return { drawing: drawDiagram(layoutDiagram(model, measure), palette), rowLabels: messageAccessibleLabels(model), title: model.title }
}
