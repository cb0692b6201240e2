/**
 * The live capture as a sequence diagram on the Flow screen (loaded on demand: see
 * diagram-section.tsx). The same core model and options as the Diagram screen's "Live capture"
 * source, from the app's perspective (it recorded its own exchanges), with the shared redaction
 * switch. Activating an arrow hands its exchange to the list below.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import type { CapturedEntry } from '../../core/capture/types.ts'
import { approximateMeasure, FONTS, layoutDiagram } from '../../core/diagram/layout.ts'
import { buildDiagramModel, messageAccessibleLabels } from '../../core/diagram/model.ts'
import { FONT_FAMILY, PALETTES } from '../../core/diagram/palette.ts'
import type { DiagramModel } from '../../core/diagram/types.ts'
import { useInspectorStore } from '../../stores/inspector-store.ts'
import { BUTTON_GHOST } from '../../ui/button-styles.ts'
import { SequenceDiagram } from '../../ui/sequence-diagram/sequence-diagram.tsx'
import { Switch } from '../../ui/switch.tsx'
import { useDark } from '../../ui/use-dark.ts'

const FONT_TABLE = { fonts: FONTS, sans: FONT_FAMILY.sans, mono: FONT_FAMILY.mono }

function buildModel(entries: CapturedEntry[], redact: boolean): { model: DiagramModel } | { error: string } {
  // Say what is drawn: the demo tenant's answers are simulated, not Entra's (as on the Diagram screen).
  const simulated = entries.some((e) => e._oauth.origin === 'simulated')
  const title = simulated ? 'Sign-in captured in this tab (demo tenant, simulated)' : 'Sign-in captured in this tab'
  try {
    return { model: buildDiagramModel(entries, { redact, title, perspective: 'app' }) }
  } catch (error) {
    // A malformed exchange must not blank the screen; the list below still shows every exchange.
    return { error: `The diagram could not be drawn (${error instanceof Error ? error.message : String(error)}). The exchanges are listed below.` }
  }
}

export function FlowDiagram({ entries, onShowExchange }: { entries: CapturedEntry[]; onShowExchange: (index: number) => void }) {
  const redact = useInspectorStore((s) => s.redact)
  const setRedact = useInspectorStore((s) => s.setRedact)
  const dark = useDark()
  const built = useMemo(() => buildModel(entries, redact), [entries, redact])
  const model = 'model' in built ? built.model : null
  // The core's fixed-width measurer (as on the Import screen): no canvas, the same result in tests and browsers.
  const layout = useMemo(() => (model ? layoutDiagram(model, approximateMeasure) : null), [model])
  const rowLabels = useMemo(() => (model ? messageAccessibleLabels(model) : []), [model])
  const frame = useRef<HTMLDivElement>(null)
  const [zoom, setZoom] = useState(1)
  const [selected, setSelected] = useState<number | null>(null)
  const width = layout?.width ?? 0
  const fitWidth = () => {
    const w = frame.current?.clientWidth ?? 0
    if (w > 0 && width > 0) setZoom(Math.max(0.3, Math.min(1, (w - 2) / width)))
  }
  // Fitted to the width (never enlarged) so every lane is visible at once.
  useEffect(fitWidth, [width])

  const activate = (index: number) => {
    setSelected(index)
    const exchange = model?.messages[index]?.exchangeIndex
    if (exchange !== null && exchange !== undefined) onShowExchange(exchange)
  }

  return (
    <div data-testid="flow-diagram">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Solid arrows are requests, dashed ones answers, dotted ones with a ring browser redirects. Select an arrow to open its exchange below.
        </p>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <Switch checked={redact} onChange={setRedact} label="Redact" description="Mask tokens, codes, state and personal values on the arrows (the same switch as on the Diagram screen)" />
          <div className="flex items-center gap-0.5" role="group" aria-label="Zoom">
            <button type="button" className={BUTTON_GHOST} onClick={() => setZoom((z) => Math.max(0.3, z / 1.2))} aria-label="Zoom out">−</button>
            <button type="button" className={`${BUTTON_GHOST} w-14 tabular-nums`} onClick={() => setZoom(1)} title="Reset zoom">{Math.round(zoom * 100)}%</button>
            <button type="button" className={BUTTON_GHOST} onClick={() => setZoom((z) => Math.min(3, z * 1.2))} aria-label="Zoom in">+</button>
            <button type="button" className={BUTTON_GHOST} onClick={fitWidth} title="Fit the diagram to the width">Fit</button>
          </div>
          <Link to="/diagram?source=capture" className="text-sm font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-200" title="Presentation mode, message details and SVG, PNG, Mermaid or PlantUML export">
            Open in the Diagram screen
          </Link>
        </div>
      </div>
      {'error' in built ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-500/40 dark:bg-red-500/10 dark:text-red-100">{built.error}</p>
      ) : model && layout ? (
        <div ref={frame} className="overflow-hidden rounded-xl border border-slate-200 shadow-sm dark:border-slate-700">
          <SequenceDiagram
            layout={layout}
            colours={PALETTES[dark ? 'dark' : 'light']}
            fonts={FONT_TABLE}
            rowLabels={rowLabels}
            title={model.title}
            zoom={zoom}
            onZoomChange={setZoom}
            selectedIndex={selected}
            onActivate={activate}
            className="h-[min(34rem,60vh)] min-h-[20rem]"
          />
        </div>
      ) : null}
    </div>
  )
}
