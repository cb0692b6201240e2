/** The Import screen's sequence diagram of one detected flow (secrets masked). */
import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { measureWith } from '../../core/diagram/layout.ts'
import { buildDiagramModel } from '../../core/diagram/model.ts'
import { PALETTES } from '../../core/diagram/palette.ts'
import { diagramView } from '../../core/diagram/view.ts'
import type { Flow } from '../../core/flows/types.ts'
import { annotatedEntries, sourceTraits, type LoadedHar } from '../../stores/import-store.ts'
import { canvasTextContext } from '../../ui/sequence-diagram/text-context.ts'
import { useFitZoom, ZoomableDiagram, ZoomControls } from '../../ui/sequence-diagram/zoom.tsx'
import { useDark } from '../../ui/use-dark.ts'

/**
 * The flow drawn with the shared sequence-diagram renderer (secrets masked). Server-side steps
 * inferred by flow detection are drawn from their "not observed" entries like any other.
 * The full Diagram screen (presentation mode, exports) opens the same flow, from the same perspective.
 */
export function FlowDiagram({ flow, loaded }: { flow: Flow; loaded: LoadedHar }) {
  const dark = useDark()
  // A HAR file or a recorded tab is the browser's view: the browser makes every call it saw and
  // the app is the redirect URI's host. "Analyse this tab's capture" holds the app's own exchanges.
  const { perspective } = sourceTraits(loaded)
  const model = useMemo(
    () => buildDiagramModel(annotatedEntries(flow, loaded), { redact: true, title: flow.label, perspective }),
    [flow, loaded, perspective],
  )
  // Measured as on the Diagram screen (the page's fonts), so both screens draw the flow alike.
  const diagram = useMemo(() => diagramView(model, measureWith(canvasTextContext()), PALETTES[dark ? 'dark' : 'light']), [model, dark])
  const { rowLabels } = diagram
  const view = useFitZoom(diagram.drawing.width)
  const [selected, setSelected] = useState<number | null>(null)
  const message = selected !== null ? model.messages[selected] : undefined
  return (
    <div data-testid="flow-diagram">
      <ZoomableDiagram
        {...view}
        {...diagram}
        frameClassName="h-[32rem]"
        selectedIndex={selected}
        onActivate={setSelected}
        className="h-full"
      />
      {message ? (
        <div className="mt-2 rounded-md bg-slate-50 p-2 text-xs dark:bg-slate-800/60" aria-live="polite" data-testid="diagram-selection">
          <p className="font-medium text-slate-900 dark:text-slate-100">{rowLabels[selected ?? 0]}</p>
          {message.notes.length ? <p className="mt-1 text-slate-600 dark:text-slate-300">{message.notes.join(' · ')}</p> : null}
        </div>
      ) : null}
      {/* Zoom after the diagram: its messages come first in the tab order, as before the zoom buttons existed. */}
      <div className="mt-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Select an arrow to read it.{' '}
          <Link
            className="text-indigo-700 underline dark:text-indigo-300"
            to={`/diagram?source=${encodeURIComponent(`import:${flow.id}`)}`}
          >
            Open in the Diagram screen
          </Link>{' '}
          for presentation mode, message details and SVG, Mermaid or PlantUML export.
        </p>
        <ZoomControls {...view} compact />
      </div>
    </div>
  )
}
