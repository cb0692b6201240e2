/**
 * The Diagram screen: a flow (this tab's capture, an imported HAR flow or a teaching template) as
 * a sequence diagram, with message details, presentation mode and exports of the very drawing shown.
 */
import { useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import { measureWith } from '../../core/diagram/layout.ts'
import { PALETTES } from '../../core/diagram/palette.ts'
import { diagramView } from '../../core/diagram/view.ts'
import { useInspectorStore } from '../../stores/inspector-store.ts'
import { BUTTON_PRIMARY, INPUT } from '../../ui/button-styles.ts'
import { ErrorAlert } from '../../ui/alert.tsx'
import { Options } from '../../ui/options.tsx'
import { PageHeader } from '../../ui/page-header.tsx'
import { canvasTextContext } from '../../ui/sequence-diagram/text-context.ts'
import { useFitZoom, ZoomableDiagram, ZoomControls } from '../../ui/sequence-diagram/zoom.tsx'
import { RedactSwitch } from '../../ui/sequence-diagram/redact-switch.tsx'
import { ExportMenu } from './export-menu.tsx'
import { Legend } from './legend.tsx'
import { MessagePanel } from './message-panel.tsx'
import { Presentation } from './presentation.tsx'
import { useDark } from '../../ui/use-dark.ts'
import { useDiagramSource } from './use-diagram-source.ts'

const GROUP_LABEL = { capture: 'This tab', import: 'Imported HAR', template: 'Templates (illustrative)' } as const

export function DiagramPage() {
  const redact = useInspectorStore((s) => s.redact)
  const setRedact = useInspectorStore((s) => s.setRedact)
  const source = useDiagramSource(redact)
  const dark = useDark()
  const [selected, setSelected] = useState<number | null>(null)
  const [presenting, setPresenting] = useState<number | null>(null)
  const { model, entries } = source

  const diagram = useMemo(() => diagramView(model, measureWith(canvasTextContext()), PALETTES[dark ? 'dark' : 'light']), [model, dark])
  const { drawing } = diagram
  const presentButton = useRef<HTMLButtonElement>(null)
  // A new flow starts fitted to the width (never enlarged): the whole cast is visible at once.
  const view = useFitZoom(drawing.width)
  const message = selected !== null ? model.messages[selected] : undefined
  const selectedEntry = message && message.exchangeIndex !== null ? (entries[message.exchangeIndex] ?? null) : null

  const groups = (['capture', 'import', 'template'] as const)
    .map((g) => ({ g, items: source.options.filter((o) => o.group === g) }))
    .filter((x) => x.items.length > 0)

  return (
    // The header and controls line up with every other screen (max-w-7xl); the canvas below
    // takes the whole window width, because a flow with six lanes needs it.
    <section className="py-8">
      <div className="mx-auto max-w-7xl px-4">
        <PageHeader
          title="Diagram"
          lead="The flow as a sequence diagram: click any arrow for its request and response, step through it in presentation mode, export it for your slides."
          actions={
            <button
              ref={presentButton}
              type="button"
              className={BUTTON_PRIMARY}
              onClick={() => setPresenting(selected ?? 0)}
              disabled={model.messages.length === 0}
            >
              ▶ Present
            </button>
          }
        />
        <div className="mt-4 flex flex-wrap items-end gap-x-6 gap-y-3">
          <label className="block min-w-[18rem] max-w-md flex-1 text-sm">
            <span className="mb-1 block font-medium text-slate-700 dark:text-slate-200">Flow</span>
            <select
              className={INPUT}
              value={source.value}
              onChange={(e) => {
                setSelected(null)
                source.setValue(e.target.value)
              }}
              data-testid="source-picker"
            >
              {groups.map(({ g, items }) => (
                <optgroup key={g} label={GROUP_LABEL[g]}>
                  <Options items={items} />
                </optgroup>
              ))}
            </select>
          </label>
          <RedactSwitch checked={redact} onChange={setRedact} where="(also in presentation and exports)" />
          <ZoomControls {...view} />
        </div>
        {source.error ? <ErrorAlert className="mt-3">{source.error}</ErrorAlert> : null}
        {model.template ? (
          <p
            className="mt-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100"
            data-testid="template-banner"
          >
            <strong>Template.</strong> {source.summary} The values are illustrative, not a real sign-in.
            {source.captureCount === 0 ? (
              <>
                {' '}
                To draw a real flow,{' '}
                <Link to="/signin" className="underline">
                  sign in
                </Link>{' '}
                (the demo tenant needs no account) and come back.
              </>
            ) : null}
          </p>
        ) : null}
        <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
          <Legend />
          <ExportMenu model={model} drawing={drawing} />
        </div>
      </div>
      <div className="px-4">
        {model.messages.length === 0 ? (
          <p className="mt-6 rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm dark:border-slate-700">
            This flow has no exchanges to draw.
          </p>
        ) : (
          <div className={`mt-3 grid gap-4 ${message ? 'lg:grid-cols-[minmax(0,1fr)_28rem]' : ''}`}>
            <ZoomableDiagram
              {...view}
              {...diagram}
              selectedIndex={selected}
              onActivate={(i) => setSelected((s) => (s === i ? null : i))}
              className="h-[calc(100vh-19rem)] min-h-[24rem]"
            />
            {message && selected !== null ? (
              <div className="h-[calc(100vh-19rem)] min-h-[24rem]">
                <MessagePanel
                  message={message}
                  index={selected}
                  entry={selectedEntry}
                  redact={redact}
                  sourceLabel={model.title}
                  trust={source.trust}
                  onClose={() => setSelected(null)}
                />
              </div>
            ) : null}
          </div>
        )}
      </div>
      {presenting !== null ? (
        <Presentation
          model={model}
          {...diagram}
          redact={redact}
          startAt={presenting}
          returnFocus={presentButton}
          onExit={(last) => {
            setPresenting(null)
            setSelected(last)
          }}
        />
      ) : null}
    </section>
  )
}
