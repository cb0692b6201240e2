/**
 * The live capture as a sequence diagram on the Flow screen (loaded on demand: see
 * diagram-section.tsx). The same core model and options as the Diagram screen's "Live capture"
 * source, from the app's perspective (it recorded its own exchanges), with the shared redaction
 * switch. Activating an arrow hands its exchange to the list below. With two or more flows in the
 * capture (two sign-ins, a sign-in and a sign-out), one can be drawn alone, from the same grouped
 * analysis the Import and Diagram screens show.
 */
import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import type { CapturedEntry } from '../../core/capture/types.ts'
import { separableFlows } from '../../core/flows/capture-analysis.ts'
import { flowEntries } from '../../core/flows/detect.ts'
import type { Flow } from '../../core/flows/types.ts'
import { measureWith } from '../../core/diagram/layout.ts'
import { buildDiagramModel, captureTitle } from '../../core/diagram/model.ts'
import { PALETTES } from '../../core/diagram/palette.ts'
import type { DiagramModel } from '../../core/diagram/types.ts'
import { diagramView } from '../../core/diagram/view.ts'
import { useInspectorStore } from '../../stores/inspector-store.ts'
import { canvasTextContext } from '../../ui/sequence-diagram/text-context.ts'
import { useFitZoom, ZoomableDiagram, ZoomControls } from '../../ui/sequence-diagram/zoom.tsx'
import { ErrorAlert } from '../../ui/alert.tsx'
import { INPUT } from '../../ui/button-styles.ts'
import { RedactSwitch } from '../../ui/sequence-diagram/redact-switch.tsx'
import { useDark } from '../../ui/use-dark.ts'

function buildModel(entries: CapturedEntry[], redact: boolean, flow: Flow | null): { model: DiagramModel } | { error: string } {
  const title = captureTitle(entries, flow?.label)
  try {
    // One flow's model is built from its steps (inferred ones included); message.exchangeIndex
    // then points into flow.steps, mapped back to the list's rows in `activate`.
    return { model: buildDiagramModel(flow ? flowEntries(flow, entries) : entries, { redact, title, perspective: 'app' }) }
  } catch (error) {
    // A malformed exchange must not blank the screen; the list below still shows every exchange.
    return {
      error: `The diagram could not be drawn (${error instanceof Error ? error.message : String(error)}). The exchanges are listed below.`,
    }
  }
}

export function FlowDiagram({ entries, onShowExchange }: { entries: CapturedEntry[]; onShowExchange: (index: number) => void }) {
  const redact = useInspectorStore((s) => s.redact)
  const setRedact = useInspectorStore((s) => s.setRedact)
  const dark = useDark()
  // The same grouped analysis as the Import and Diagram screens (memoised per capture list).
  const flows = useMemo(() => separableFlows(entries), [entries])
  const [flowId, setFlowId] = useState<string | null>(null)
  // A flow that is gone (the capture was cleared or replaced) falls back to every exchange.
  const flow = flows.find((f) => f.id === flowId) ?? null
  const built = useMemo(() => buildModel(entries, redact, flow), [entries, redact, flow])
  const model = 'model' in built ? built.model : null
  // Measured as on the Diagram screen (the page's fonts), so both screens draw the flow alike.
  const diagram = useMemo(
    () => (model ? diagramView(model, measureWith(canvasTextContext()), PALETTES[dark ? 'dark' : 'light']) : null),
    [model, dark],
  )
  const [selected, setSelected] = useState<number | null>(null)
  // Fitted to the width (never enlarged) so every lane is visible at once.
  const view = useFitZoom(diagram?.drawing.width ?? 0)

  const activate = (index: number) => {
    setSelected(index)
    const exchange = model?.messages[index]?.exchangeIndex
    if (exchange === null || exchange === undefined) return
    // An inferred step (a server-side token call the browser never saw) has no row to open.
    const row = flow ? flow.steps[exchange]?.entryIndex : exchange
    if (row !== null && row !== undefined) onShowExchange(row)
  }

  return (
    <div data-testid="flow-diagram">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Solid arrows are requests, dashed ones answers, dotted ones with a ring browser redirects. Select an arrow to open its exchange
          below.
        </p>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          {flows.length > 0 ? (
            <label className="flex items-center gap-2 text-sm">
              <span className="font-medium text-slate-700 dark:text-slate-200">Draw</span>
              <select
                className={`${INPUT} w-auto py-1`}
                value={flow?.id ?? ''}
                onChange={(e) => {
                  setSelected(null)
                  setFlowId(e.target.value === '' ? null : e.target.value)
                }}
              >
                <option value="">Every exchange ({entries.length})</option>
                {flows.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.label}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <RedactSwitch checked={redact} onChange={setRedact} where="on the arrows (the same switch as on the Diagram screen)" />
          <ZoomControls {...view} compact />
          <Link
            to={flow ? `/diagram?source=capture:${encodeURIComponent(flow.id)}` : '/diagram?source=capture'}
            className="text-sm font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-200"
            title="Presentation mode, message details and SVG, PNG, Mermaid or PlantUML export"
          >
            Open in the Diagram screen
          </Link>
        </div>
      </div>
      {'error' in built ? (
        <ErrorAlert>{built.error}</ErrorAlert>
      ) : diagram ? (
        <ZoomableDiagram
          {...view}
          {...diagram}
          selectedIndex={selected}
          onActivate={activate}
          className="h-[min(34rem,60vh)] min-h-[20rem]"
        />
      ) : null}
    </div>
  )
}
