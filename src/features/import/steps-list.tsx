/** The steps of one flow, in order, each linked to its exchange. */
import type { FlowStep } from '../../core/flows/types.ts'
import { sanitizeUrl } from '../../core/har/sanitize.ts'
import { Badge, type Tone } from '../../ui/badge.tsx'

const ORIGIN: Record<FlowStep['origin'], { tone: Tone; text: string }> = {
  captured: { tone: 'slate', text: 'captured' },
  observed: { tone: 'sky', text: 'observed' },
  simulated: { tone: 'violet', text: 'simulated' },
  not_observed: { tone: 'amber', text: 'not observed' },
}

/** The flow's steps in order. URLs are shown with codes and tokens masked. */
export function StepsList({ steps }: { steps: FlowStep[] }) {
  return (
    <ol className="space-y-1.5" data-testid="flow-steps">
      {steps.map((s, i) => (
        <li
          key={s.id}
          className={`flex flex-wrap items-baseline gap-x-3 gap-y-1 rounded-lg border px-3 py-2 text-sm ${s.origin === 'not_observed' ? 'border-dashed border-amber-400 bg-amber-50/50 dark:border-amber-500/50 dark:bg-amber-500/5' : 'border-slate-200 dark:border-slate-800'}`}
        >
          <span className="w-5 text-right tabular-nums text-slate-500 dark:text-slate-400">{i + 1}</span>
          <span className="font-medium text-slate-900 dark:text-slate-100">{s.label}</span>
          <Badge tone={ORIGIN[s.origin].tone}>{ORIGIN[s.origin].text}</Badge>
          {s.grantType ? <Badge tone="indigo">{s.grantType}</Badge> : null}
          {s.responseMode ? <Badge>{s.responseMode}</Badge> : null}
          {s.error ? (
            <Badge tone="red">
              {s.error.error}
              {s.error.code ? ` · AADSTS${s.error.code}` : ''}
              {s.error.idpCode ? ` · ${s.error.idpCode}` : ''}
            </Badge>
          ) : null}
          {s.error?.source === 'html' ? <Badge tone="amber">error page of the identity provider</Badge> : null}
          {s.error && (s.error.correlationId || s.error.traceId || s.error.timestamp) ? (
            <span className="basis-full pl-8 font-mono text-xs text-slate-600 dark:text-slate-400" data-testid="error-correlation">
              {s.error.correlationId ? `Correlation ID ${s.error.correlationId} ` : ''}
              {s.error.traceId ? `Trace ID ${s.error.traceId} ` : ''}
              {s.error.timestamp ? `at ${s.error.timestamp}` : ''}
            </span>
          ) : null}
          <span className="basis-full break-all pl-8 font-mono text-xs text-slate-600 dark:text-slate-400">
            {s.method} {sanitizeUrl(s.url)}{' '}
            {s.status ? <span className="whitespace-nowrap text-slate-600 dark:text-slate-400">→ {s.status}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  )
}
