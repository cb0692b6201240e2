/** The full inspection report: claims, header, findings, keys and documents. */
import { memo, useMemo, useState } from 'react'
import type { CachedDocument } from '../../stores/inspector-store.ts'
import type { InspectionReport } from '../../core/token/types.ts'
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
import { provisionalClaims, provisionalHeader } from './decoded-preview.tsx'
import { ErrorAlert } from '../../ui/alert.tsx'

type ContentTab = 'claims' | 'header' | 'json'

const count = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`

function json(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value)
  } catch {
    return String(value)
  }
}

export function ReportView({
  result,
  now,
  redactor,
  pretend,
  documents,
  onUsePasted,
  consent,
}: {
  result: InspectionResult
  now: number
  redactor: Redactor
  pretend: boolean
  documents: Record<string, CachedDocument>
  onUsePasted: () => void
  consent: KeyConsentPrompt | null
}) {
  const [tab, setTab] = useState<ContentTab>('claims')
  const { report, decoded } = result
  // Until the verifier's report for this input arrives (a few milliseconds when warm), the
  // decoded header and claims are drawn in the same table rows (keyed by name), so a new token
  // updates rows in place instead of rebuilding the page. Findings and keys are never shown from
  // another token's report: those panels say "Checking…" meanwhile.
  const preview = useMemo(
    () =>
      decoded && decoded.decodes && decoded.form !== 'jwe'
        ? { claims: provisionalClaims(decoded.payload), headerParams: provisionalHeader(decoded.header) }
        : null,
    [decoded],
  )
  const view = report
    ? {
        form: report.form,
        decodes: report.decodes,
        header: report.header,
        payload: report.payload,
        claims: report.claims,
        headerParams: report.headerParams,
      }
    : decoded && preview
      ? { form: decoded.form, decodes: decoded.decodes, header: decoded.header, payload: decoded.payload, ...preview }
      : null
  const hasClaims = (view?.claims.length ?? 0) > 0
  return (
    <>
      <VerdictBanner
        report={report}
        decoded={decoded}
        now={now}
        redactor={redactor}
        pretend={pretend}
        awaitingKeysFrom={consent?.host ?? null}
        onFetchOnce={consent?.onOnce}
      />
      {result.loadError ? <ErrorAlert>{result.loadError}</ErrorAlert> : null}
      {view ? (
        <>
          <Panel title="Findings" id="findings" actions={report ? <FindingCounts report={report} /> : null}>
            {report ? (
              <>
                <FindingsList findings={report.findings} redactor={redactor} />
                {result.durationMs !== null ? (
                  <p className="mt-3 text-[11px] text-slate-500 dark:text-slate-400">
                    Checked in {result.durationMs < 10 ? result.durationMs.toFixed(1) : Math.round(result.durationMs)} ms · clock tolerance{' '}
                    {report.clockToleranceSec} s
                  </p>
                ) : null}
              </>
            ) : (
              <p className="text-sm text-slate-500 dark:text-slate-400">Checking every rule…</p>
            )}
          </Panel>
          {view.decodes && view.header ? (
            <Panel title={view.form === 'jwe' ? 'Protected header' : 'Contents'} id="contents">
              <Tabs<ContentTab>
                label="Token contents"
                selected={hasClaims || tab !== 'claims' ? tab : 'header'}
                onSelect={setTab}
                items={[
                  ...(hasClaims
                    ? [
                        {
                          key: 'claims' as const,
                          label: `Claims (${view.claims.length})`,
                          panel: (
                            <AnnotationTable kind="claim" caption="Payload claims" items={view.claims} now={now} redactor={redactor} />
                          ),
                        },
                      ]
                    : []),
                  {
                    key: 'header',
                    label: `Header (${view.headerParams.length})`,
                    panel: (
                      <AnnotationTable
                        kind="header"
                        caption="JOSE header parameters"
                        items={view.headerParams}
                        now={now}
                        redactor={redactor}
                      />
                    ),
                  },
                  {
                    key: 'json',
                    label: 'Decoded JSON',
                    panel: <DecodedJson header={view.header} payload={view.payload} redactor={redactor} />,
                  },
                ]}
              />
            </Panel>
          ) : null}
          {view.form === 'jws' || view.form === 'unsecured' ? (
            <Panel title="Signature and keys" id="keys">
              {report ? (
                <KeysPanel
                  report={report}
                  documents={documents}
                  fromCache={result.fromCache}
                  riskyHeaders={report.headerParams.filter((h) => h.risky)}
                  onUsePasted={onUsePasted}
                  consent={consent}
                />
              ) : (
                <p className="text-sm text-slate-500 dark:text-slate-400">Checking the signature…</p>
              )}
            </Panel>
          ) : null}
        </>
      ) : null}
    </>
  )
}

function FindingCounts({ report }: { report: InspectionReport }) {
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
const DecodedJson = memo(function DecodedJson({ header, payload, redactor }: { header: unknown; payload: unknown; redactor: Redactor }) {
  return (
    <div className="space-y-3">
      <CodeBlock label="Header" text={json(header)} />
      {payload !== null && payload !== undefined ? (
        <CodeBlock label={redactor.active ? 'Payload (personal claims hidden)' : 'Payload'} text={json(redactor.payload(payload))} />
      ) : null}
    </div>
  )
})
