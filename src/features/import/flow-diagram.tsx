import { useEffect, useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import { approximateMeasure, FONTS, layoutDiagram } from '../../core/diagram/layout.ts'
import { buildDiagramModel, messageAccessibleLabels } from '../../core/diagram/model.ts'
import { FONT_FAMILY, PALETTES } from '../../core/diagram/palette.ts'
import type { Flow } from '../../core/flows/types.ts'
import { annotatedEntries, type LoadedHar } from '../../stores/import-store.ts'
import { SequenceDiagram } from '../../ui/sequence-diagram/sequence-diagram.tsx'
import { useDark } from '../../ui/use-dark.ts'

const FONT_TABLE = { fonts: FONTS, sans: FONT_FAMILY.sans, mono: FONT_FAMILY.mono }

/**
 * The flow drawn with the shared sequence-diagram renderer (secrets masked). Server-side steps
 * inferred by flow detection are drawn from their "not observed" entries like any other.
 * The full Diagram screen (presentation mode, exports) opens the same flow, from the same perspective.
 */
export function FlowDiagram({ flow, loaded }: { flow: Flow; loaded: LoadedHar }) {
  const dark = useDark()
  // A HAR file was recorded in the browser: the browser makes every call it saw and the app is the
  // redirect URI's host. "Analyse this tab's capture" holds the app's own exchanges instead.
  const perspective = loaded.source === 'file' ? 'browser' : 'app'
  const model = useMemo(() => buildDiagramModel(annotatedEntries(flow, loaded), { redact: true, title: flow.label, perspective }), [flow, loaded, perspective])
  // The core's fixed-width measurer: no canvas needed, and the same result in tests and browsers.
  const layout = useMemo(() => layoutDiagram(model, approximateMeasure), [model])
  const rowLabels = useMemo(() => messageAccessibleLabels(model), [model])
  const frame = useRef<HTMLDivElement>(null)
  const [zoom, setZoom] = useState(1)
  const [selected, setSelected] = useState<number | null>(null)
  const message = selected !== null ? model.messages[selected] : undefined
  useEffect(() => {
    const w = frame.current?.clientWidth ?? 0
    if (w > 0) setZoom(Math.max(0.3, Math.min(1, (w - 2) / layout.width)))
  }, [layout.width])
  return (
    <div data-testid="flow-diagram">
      <div ref={frame} className="h-[32rem] overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700">
        <SequenceDiagram layout={layout} colours={PALETTES[dark ? 'dark' : 'light']} fonts={FONT_TABLE} rowLabels={rowLabels} title={model.title} zoom={zoom} onZoomChange={setZoom} selectedIndex={selected} onActivate={setSelected} className="h-full" />
      </div>
      {message ? (
        <div className="mt-2 rounded-md bg-slate-50 p-2 text-xs dark:bg-slate-800/60" aria-live="polite" data-testid="diagram-selection">
          <p className="font-medium text-slate-900 dark:text-slate-100">{rowLabels[selected ?? 0]}</p>
          {message.notes.length ? <p className="mt-1 text-slate-600 dark:text-slate-300">{message.notes.join(' · ')}</p> : null}
        </div>
      ) : null}
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
        Select an arrow to read it.{' '}
        <Link className="text-indigo-700 underline dark:text-indigo-300" to={`/diagram?source=${encodeURIComponent(`import:${flow.id}`)}`}>
          Open in the Diagram screen
        </Link>{' '}
        for presentation mode, message details and SVG, Mermaid or PlantUML export.
      </p>
    </div>
  )
}
