/** The flows found in a capture, one button each. */
import { useEffect, useState } from 'react'
import type { Flow } from '../../core/flows/types.ts'
import { Badge } from '../../ui/badge.tsx'

function counts(flow: Flow) {
  let errors = 0
  let warnings = 0
  for (const f of flow.findings) {
    if (f.severity === 'error') errors++
    else if (f.severity === 'warning') warnings++
  }
  return { errors, warnings }
}

/**
 * Buttons rendered with a new result, then per following task. A file with 100 sign-ins drew all
 * its buttons in one task of 18 ms of script and 48 ms of style, layout and paint on a busy 2-core
 * machine (bench:har trace); the first screenful comes at once and the rest in short tasks, so
 * no task blocks input for long (issue 10: the main thread is never blocked).
 */
export const FIRST_BUTTONS = 8
export const MORE_BUTTONS = 16

/** How many of `flows` to draw: the first batch, and at least up to the selected flow. */
function firstCount(flows: Flow[], selected: string | null): number {
  return Math.max(Math.min(flows.length, FIRST_BUTTONS), flows.findIndex((f) => f.id === selected) + 1)
}

/** The flows found in the file; one is selected and shown in detail. */
export function FlowList({ flows, selected, onSelect }: { flows: Flow[]; selected: string | null; onSelect: (id: string) => void }) {
  // Drawn so far, for this very list: a new result starts over from the first batch.
  const [drawn, setDrawn] = useState({ flows, count: 0 })
  const count = Math.max(drawn.flows === flows ? drawn.count : 0, firstCount(flows, selected))
  useEffect(() => {
    if (count >= flows.length) return
    // A macrotask per batch: the browser paints and handles input between them.
    const timer = setTimeout(() => setDrawn({ flows, count: count + MORE_BUTTONS }), 0)
    return () => clearTimeout(timer)
  }, [flows, count])
  return (
    <nav aria-label="Flows found">
      <ul className="space-y-2" data-testid="flow-list" aria-busy={count < flows.length ? true : undefined}>
        {flows.slice(0, count).map((flow) => {
          const c = counts(flow)
          const active = flow.id === selected
          return (
            <li key={flow.id}>
              <button
                type="button"
                aria-current={active ? 'true' : undefined}
                onClick={() => onSelect(flow.id)}
                className={`w-full rounded-lg border px-3 py-2 text-left text-sm transition-colors ${active ? 'border-indigo-500 bg-indigo-50 dark:border-indigo-400 dark:bg-indigo-500/10' : 'border-slate-200 bg-white hover:border-slate-300 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-slate-600'}`}
              >
                <span className="block font-medium text-slate-900 dark:text-slate-100">{flow.label}</span>
                <span className="mt-0.5 block truncate font-mono text-xs text-slate-600 dark:text-slate-300">
                  {flow.clientId ?? 'no client_id seen'}
                </span>
                <span className="mt-1.5 flex flex-wrap gap-1">
                  <Badge>{flow.steps.length} steps</Badge>
                  {flow.tokens.length ? <Badge tone="indigo">{flow.tokens.length} tokens</Badge> : null}
                  {c.errors ? (
                    <Badge tone="red">
                      {c.errors} error{c.errors > 1 ? 's' : ''}
                    </Badge>
                  ) : null}
                  {c.warnings ? (
                    <Badge tone="amber">
                      {c.warnings} warning{c.warnings > 1 ? 's' : ''}
                    </Badge>
                  ) : null}
                  {!c.errors && !c.warnings ? <Badge tone="green">lint clean</Badge> : null}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
