/** The Diagram screen's export buttons: SVG and PNG of the drawing on screen, Mermaid and PlantUML text. */
import { useState } from 'react'
import type { Drawing } from '../../core/diagram/drawing.ts'
import type { DiagramModel } from '../../core/diagram/types.ts'
import type { ExportFormat as Format } from './exporters.ts'
import { BUTTON_GHOST, BUTTON_SECONDARY } from '../../ui/button-styles.ts'

const FORMATS: { id: Format; label: string; hint: string }[] = [
  { id: 'svg', label: 'SVG', hint: 'Vector image, styles inlined: drop it into slides' },
  { id: 'png', label: 'PNG', hint: 'Bitmap at twice the screen size' },
  { id: 'mermaid', label: 'Mermaid', hint: 'sequenceDiagram text for Markdown, GitHub, wikis' },
  { id: 'plantuml', label: 'PlantUML', hint: '@startuml text' },
]

const load = () => import('./exporters.ts')

/** Download and copy buttons for the four formats; the export code loads on first use. */
export function ExportMenu({ model, drawing }: { model: DiagramModel; drawing: Drawing }) {
  const [status, setStatus] = useState<string>('')
  const run = async (format: Format, mode: 'download' | 'copy') => {
    try {
      const ex = await load()
      const name = `${ex.fileBase(model.title)}.${ex.EXTENSION[format]}`
      if (format === 'png') {
        const blob = await ex.exportPng(drawing, model.title)
        if (mode === 'download') ex.downloadBlob(name, blob)
        else await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })])
      } else {
        const text = ex.exportText(format, model, drawing)
        if (mode === 'download') ex.downloadBlob(name, new Blob([text], { type: ex.MIME[format] }))
        else await navigator.clipboard.writeText(text)
      }
      setStatus(
        mode === 'download' ? `Downloaded ${name}` : `Copied ${FORMATS.find((f) => f.id === format)?.label ?? format} to the clipboard`,
      )
    } catch (error) {
      setStatus(
        mode === 'copy'
          ? `Could not copy: the browser refused clipboard access (${error instanceof Error ? error.message : 'unknown reason'}). Use Download instead.`
          : `Export failed: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2" role="group" aria-label="Export">
      {FORMATS.map((f) => (
        <span key={f.id} className="inline-flex items-center rounded-md border border-slate-200 dark:border-slate-700" title={f.hint}>
          <button
            type="button"
            className={`${BUTTON_SECONDARY} !rounded-r-none !border-0 !shadow-none`}
            onClick={() => void run(f.id, 'download')}
            aria-label={`Download ${f.label}`}
            data-export={f.id}
          >
            ↓ {f.label}
          </button>
          <button
            type="button"
            className={`${BUTTON_GHOST} !rounded-l-none border-l border-slate-200 !px-2 dark:border-slate-700`}
            onClick={() => void run(f.id, 'copy')}
            aria-label={`Copy ${f.label}`}
          >
            Copy
          </button>
        </span>
      ))}
      <span role="status" aria-live="polite" className="text-xs text-slate-500 dark:text-slate-400">
        {status}
      </span>
    </div>
  )
}
