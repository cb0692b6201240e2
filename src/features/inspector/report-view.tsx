import { useState } from 'react'
import type { CachedDocument } from '../../stores/inspector-store.ts'
import { Badge } from '../../ui/badge.tsx'
import { CodeBlock } from '../../ui/code-block.tsx'
import { Panel } from '../../ui/panel.tsx'
import { Tabs } from '../../ui/tabs.tsx'
import { AnnotationTable } from './annotation-table.tsx'
import { FindingsList } from './findings-list.tsx'
import { KeysPanel, type KeyConsentPrompt } from './keys-panel.tsx'
import type { Redactor } from './redaction.ts'
import type { InspectionResult } from './use-inspection.ts'
import { VerdictBanner } from './verdict-banner.tsx'

type ContentTab = 'claims' | 'header' | 'json'

const count = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`

function json(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value)
  } catch {
    return String(value)
  }
}

export function ReportView({ result, now, redactor, pretend, documents, onUsePasted, consent }: { result: InspectionResult; now: number; redactor: Redactor; pretend: boolean; documents: Record<string, CachedDocument>; onUsePasted: () => void; consent: KeyConsentPrompt | null }) {
  const [tab, setTab] = useState<ContentTab>('claims')
  const { report, decoded } = result
  const hasClaims = (report?.claims.length ?? 0) > 0
  const n = (k: 'error' | 'warning' | 'info') => report?.findings.filter((f) => f.severity === k).length ?? 0
  return (
    <>
      <VerdictBanner report={report} decoded={decoded} now={now} redactor={redactor} pretend={pretend} awaitingKeysFrom={consent?.host ?? null} onFetchOnce={consent?.onOnce} />
      {result.loadError ? <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100">{result.loadError}</p> : null}
      {report ? (
        <>
          <Panel
            title="Findings"
            id="findings"
            actions={
              <div className="flex gap-1.5">
                <Badge tone={n('error') > 0 ? 'red' : 'slate'}>{count(n('error'), 'error')}</Badge>
                <Badge tone={n('warning') > 0 ? 'amber' : 'slate'}>{count(n('warning'), 'warning')}</Badge>
                <Badge tone={n('info') > 0 ? 'sky' : 'slate'}>{count(n('info'), 'note')}</Badge>
              </div>
            }
          >
            <FindingsList findings={report.findings} redactor={redactor} />
            {result.durationMs !== null ? <p className="mt-3 text-[11px] text-slate-500 dark:text-slate-400">Checked in {result.durationMs < 10 ? result.durationMs.toFixed(1) : Math.round(result.durationMs)} ms · clock tolerance {report.clockToleranceSec} s</p> : null}
          </Panel>
          {report.decodes && report.header ? (
            <Panel title={report.form === 'jwe' ? 'Protected header' : 'Contents'} id="contents">
              <Tabs<ContentTab>
                label="Token contents"
                selected={hasClaims || tab !== 'claims' ? tab : 'header'}
                onSelect={setTab}
                items={[
                  ...(hasClaims ? [{ key: 'claims' as const, label: `Claims (${report.claims.length})`, panel: <AnnotationTable kind="claim" caption="Payload claims" items={report.claims} now={now} redactor={redactor} /> }] : []),
                  { key: 'header', label: `Header (${report.headerParams.length})`, panel: <AnnotationTable kind="header" caption="JOSE header parameters" items={report.headerParams} now={now} redactor={redactor} /> },
                  {
                    key: 'json',
                    label: 'Decoded JSON',
                    panel: (
                      <div className="space-y-3">
                        <CodeBlock label="Header" text={json(report.header)} />
                        {report.payload !== null && report.payload !== undefined ? <CodeBlock label={redactor.active ? 'Payload (personal claims hidden)' : 'Payload'} text={json(redactor.payload(report.payload))} /> : null}
                      </div>
                    ),
                  },
                ]}
              />
            </Panel>
          ) : null}
          {report.form === 'jws' || report.form === 'unsecured' ? (
            <Panel title="Signature and keys" id="keys">
              <KeysPanel report={report} documents={documents} fromCache={result.fromCache} riskyHeaders={report.headerParams.filter((h) => h.risky)} onUsePasted={onUsePasted} consent={consent} />
            </Panel>
          ) : null}
        </>
      ) : null}
    </>
  )
}
