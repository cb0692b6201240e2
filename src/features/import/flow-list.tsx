/** The flows found in a capture, one button each. */
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

/** The flows found in the file; one is selected and shown in detail. */
export function FlowList({ flows, selected, onSelect }: { flows: Flow[]; selected: string | null; onSelect: (id: string) => void }) {
  return (
    <nav aria-label="Flows found">
      <ul className="space-y-2" data-testid="flow-list">
        {flows.map((flow) => {
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
