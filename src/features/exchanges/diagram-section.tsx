// The Flow screen's collapsible "Sequence diagram" section, which loads the diagram on demand.
import { lazy, Suspense, useId, useState } from 'react'
import type { CapturedEntry } from '../../core/capture/types.ts'
import { Chevron } from '../../ui/disclosure.tsx'

// The diagram (core model and layout, the SVG renderer) is its own chunk: the Flow screen's
// list renders without waiting for it, and a collapsed section never loads it.
const FlowDiagram = lazy(() => import('./flow-diagram.tsx').then((m) => ({ default: m.FlowDiagram })))

/** A collapsible "Sequence diagram" section; open until the user closes it. */
export function DiagramSection({ entries, onShowExchange }: { entries: CapturedEntry[]; onShowExchange: (index: number) => void }) {
  const [open, setOpen] = useState(true)
  const id = useId()
  return (
    <section aria-labelledby={`${id}-title`} className="mt-6">
      <h2 id={`${id}-title`} className="text-base font-semibold">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
          className="-ml-1 flex items-center gap-1.5 rounded px-1 text-left text-slate-900 hover:text-slate-700 dark:text-slate-100 dark:hover:text-white"
        >
          <Chevron open={open} />
          Sequence diagram
        </button>
      </h2>
      <div id={id} hidden={!open} className="mt-2">
        {open ? (
          <Suspense
            fallback={
              <div
                className="h-[min(34rem,60vh)] min-h-[20rem] animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800"
                role="status"
                aria-label="Loading the diagram"
              />
            }
          >
            <FlowDiagram entries={entries} onShowExchange={onShowExchange} />
          </Suspense>
        ) : null}
      </div>
    </section>
  )
}
