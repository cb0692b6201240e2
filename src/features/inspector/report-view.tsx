/**
 * The report's parts that carry its weight (the annotated tables, the findings, the keys panel,
 * the decoded JSON): a lazy chunk, out of the first view (DESIGN §9). report-frame.tsx lays them
 * out from first-view code and draws the decoded token in their places until they arrive.
 */
import { memo } from 'react'
import type { InspectionReport } from '../../core/token/types.ts'
import { Badge } from '../../ui/badge.tsx'
import { CodeBlock } from '../../ui/code-block.tsx'
import type { Redactor } from './redaction.ts'

export { AnnotationTable } from './annotation-table.tsx'
export { FindingsList } from './findings-list.tsx'
export { KeysPanel } from './keys-panel.tsx'

const count = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`

function json(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value)
  } catch {
    return String(value)
  }
}

export function FindingCounts({ report }: { report: InspectionReport }) {
  const n = (k: 'error' | 'warning' | 'info') => report.findings.filter((f) => f.severity === k).length
  return (
    <div className="flex gap-1.5">
      <Badge tone={n('error') > 0 ? 'red' : 'slate'}>{count(n('error'), 'error')}</Badge>
      <Badge tone={n('warning') > 0 ? 'amber' : 'slate'}>{count(n('warning'), 'warning')}</Badge>
      <Badge tone={n('info') > 0 ? 'sky' : 'slate'}>{count(n('info'), 'note')}</Badge>
    </div>
  )
}

/** Stringifying a payload is the costliest part of this tab: only when its inputs change. */
export const DecodedJson = memo(function DecodedJson({
  header,
  payload,
  redactor,
}: {
  header: unknown
  payload: unknown
  redactor: Redactor
}) {
  return (
    <div className="space-y-3">
      <CodeBlock label="Header" text={json(header)} />
      {payload !== null && payload !== undefined ? (
        <CodeBlock label={redactor.active ? 'Payload (personal claims hidden)' : 'Payload'} text={json(redactor.payload(payload))} />
      ) : null}
    </div>
  )
})
