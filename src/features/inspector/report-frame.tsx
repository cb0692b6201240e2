/** The report's layout, drawn from first-view code: the lazy parts fill it in place as they arrive. */
import { useMemo, useState } from 'react'
import type { CachedDocument } from '../../stores/inspector-store.ts'
import { Panel } from '../../ui/panel.tsx'
import { Tabs } from '../../ui/tabs.tsx'
import { ErrorAlert } from '../../ui/alert.tsx'
import type { KeyConsentPrompt } from './keys-panel.tsx'
import type { Redactor } from './redaction.ts'
import type * as ReportParts from './report-view.tsx'
import type { InspectionResult } from './use-inspection.ts'
import { VerdictBanner } from './verdict-banner.tsx'
import { PreviewTable, provisionalClaims, provisionalHeader } from './decoded-preview.tsx'

type ContentTab = 'claims' | 'header' | 'json'

const PENDING = 'text-sm text-slate-500 dark:text-slate-400'
const FOOTNOTE = 'mt-3 text-[11px] text-slate-500 dark:text-slate-400'

/**
 * One frame for every moment of an inspection: decoded only (a paste's own frame, or a token link's
 * first render, before the report's code has loaded), parts loaded but the verifier still
 * running, and the full report. The panels, their order and the selected tab stay the same DOM
 * throughout; only their contents change. So a token link's page does not jump when the report's
 * code and then its verdict arrive (measured as Lighthouse's layout shift), and a second token
 * updates the same rows (keyed by name) instead of rebuilding the page. Findings and keys are
 * never shown from another token's report: those panels say "Checking…" meanwhile, with the line
 * the report will fill kept in place.
 */
export function ReportFrame({
  result,
  parts,
  now,
  redactor,
  pretend,
  documents,
  onUsePasted,
  consent,
  clockToleranceSec,
  capturedAt = null,
  onJudgeNow,
}: {
  result: InspectionResult
  /** The report's lazily loaded components (report-view.tsx), null until they have arrived. */
  parts: typeof ReportParts | null
  now: number
  redactor: Redactor
  pretend: boolean
  documents: Record<string, CachedDocument>
  onUsePasted: () => void
  consent: KeyConsentPrompt | null
  clockToleranceSec: number
  /** The capture moment the token is judged at (unix seconds), when it came from an imported file. */
  capturedAt?: number | null
  onJudgeNow?: () => void
}) {
  const [tab, setTab] = useState<ContentTab>('claims')
  const { report, decoded } = result
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
  // The parts draw the annotated tables; before they arrive, the first view's own decoded rows.
  const table = (
    kind: 'claim' | 'header',
    caption: string,
    items: NonNullable<typeof view>['claims'] | NonNullable<typeof view>['headerParams'],
  ) =>
    parts ? (
      <parts.AnnotationTable kind={kind} caption={caption} items={items} now={now} redactor={redactor} />
    ) : (
      <PreviewTable kind={kind} caption={`${caption} (decoded; meanings follow)`} items={items} now={now} redactor={redactor} />
    )
  const checked = parts && report ? report : null
  // The verifier's chunk failed to load (offline after an update, say): say so rather than "Checking…" for ever.
  const failed = !report && result.loadError !== null
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
        capturedAt={capturedAt}
        onJudgeNow={onJudgeNow}
      />
      {result.loadError ? <ErrorAlert>{result.loadError}</ErrorAlert> : null}
      {view ? (
        <>
          <Panel title="Findings" id="findings" actions={parts && checked ? <parts.FindingCounts report={checked} /> : null}>
            {parts && checked ? (
              <parts.FindingsList findings={checked.findings} redactor={redactor} />
            ) : (
              <p className={PENDING}>{failed ? 'Not checked: the verifier could not be loaded.' : 'Checking every rule…'}</p>
            )}
            <p className={FOOTNOTE}>
              {checked && result.durationMs !== null
                ? `Checked in ${result.durationMs < 10 ? result.durationMs.toFixed(1) : Math.round(result.durationMs)} ms · `
                : failed
                  ? 'Not checked · '
                  : 'Checking · '}
              clock tolerance {checked?.clockToleranceSec ?? clockToleranceSec} s
            </p>
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
                          panel: table('claim', 'Payload claims', view.claims),
                        },
                      ]
                    : []),
                  {
                    key: 'header',
                    label: `Header (${view.headerParams.length})`,
                    panel: table('header', 'JOSE header parameters', view.headerParams),
                  },
                  {
                    key: 'json',
                    label: 'Decoded JSON',
                    panel: parts ? (
                      <parts.DecodedJson header={view.header} payload={view.payload} redactor={redactor} />
                    ) : (
                      <p className={PENDING}>Loading…</p>
                    ),
                  },
                ]}
              />
            </Panel>
          ) : null}
          {view.form === 'jws' || view.form === 'unsecured' ? (
            <Panel title="Signature and keys" id="keys">
              {parts && checked ? (
                <parts.KeysPanel
                  report={checked}
                  documents={documents}
                  fromCache={result.fromCache}
                  riskyHeaders={checked.headerParams.filter((h) => h.risky)}
                  onUsePasted={onUsePasted}
                  consent={consent}
                />
              ) : (
                <p className={PENDING}>{failed ? 'Not checked: the verifier could not be loaded.' : 'Checking the signature…'}</p>
              )}
            </Panel>
          ) : null}
        </>
      ) : null}
    </>
  )
}
