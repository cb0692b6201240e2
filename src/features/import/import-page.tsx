/** The Import screen: read a HAR file (or the live capture) and show the one analysis of it. */
import { useDeferredValue } from 'react'
import { useCaptureStore } from '../../stores/capture-store.ts'
import { useImportStore } from '../../stores/import-store.ts'
import { BUTTON_GHOST, BUTTON_SECONDARY } from '../../ui/button-styles.ts'
import { PageHeader } from '../../ui/page-header.tsx'
import { Panel } from '../../ui/panel.tsx'
import { formatBytes } from './download.ts'
import { DropZone } from './drop-zone.tsx'
import { EntryNotes } from './entry-notes.tsx'
import { ExportPanel } from './export-panel.tsx'
import { FlowList } from './flow-list.tsx'
import { FlowView } from './flow-view.tsx'
import { ImportFailurePanel, ImportProgress } from './import-status.tsx'

/** #/import: open a HAR file (or this tab's live capture), rebuild its flows, lint, draw and export them. */
export function ImportPage() {
  const { status, progress, loaded, failure, selectedFlowId } = useImportStore()
  const importFile = useImportStore((s) => s.importFile)
  const analyseCapture = useImportStore((s) => s.analyseCapture)
  const selectFlow = useImportStore((s) => s.selectFlow)
  const reset = useImportStore((s) => s.reset)
  const captured = useCaptureStore((s) => s.entries)
  const flows = loaded?.analysis.flows ?? []
  const selected = flows.find((f) => f.id === selectedFlowId) ?? null
  // A new result's flow details (lint, steps, tokens, diagram) render in a second, interruptible
  // pass after the summary and the flow list: a large file's result reaches the screen without
  // one long main-thread task (issue 10: never blocked over 100 ms). Choosing another flow of the
  // same result is not deferred, so the details always match the selected button.
  const shownResult = useDeferredValue(loaded, null)
  return (
    <section className="mx-auto max-w-7xl px-4 py-8">
      <PageHeader
        title="Import"
        lead="Open a HAR file from browser DevTools, HTTP Toolkit, Fiddler or Playwright and rebuild the OAuth and OpenID Connect flows inside it: steps, tokens, lint and a diagram."
        actions={
          <>
            <button
              type="button"
              className={BUTTON_SECONDARY}
              disabled={captured.length === 0}
              onClick={() => analyseCapture(captured)}
              title={captured.length ? undefined : 'Sign in first: nothing captured in this tab yet'}
              data-testid="use-capture"
            >
              Use this tab&apos;s capture ({captured.length})
            </button>
            {loaded ? (
              <button type="button" className={BUTTON_GHOST} onClick={reset}>
                Clear
              </button>
            ) : null}
          </>
        }
      />
      <div className="mt-6">
        <DropZone onFile={(f) => void importFile(f)} busy={status === 'working'} />
      </div>
      {status === 'working' && progress ? <ImportProgress progress={progress} /> : null}
      {status === 'error' && failure ? <ImportFailurePanel failure={failure} /> : null}
      {status === 'ready' && loaded ? (
        <>
          <p
            className="mt-4 text-sm text-slate-600 dark:text-slate-300"
            data-testid="import-summary"
            // The worker's own phases, for scripts/bench-har.mjs (what to speed up next).
            data-read-ms={loaded.timings ? Math.round(loaded.timings.readMs) : undefined}
            data-parse-ms={loaded.timings ? Math.round(loaded.timings.parseMs) : undefined}
            data-detect-ms={loaded.timings ? Math.round(loaded.timings.detectMs) : undefined}
          >
            <span className="font-medium text-slate-900 dark:text-slate-100">{loaded.name}</span>
            {loaded.size ? ` (${formatBytes(loaded.size)}, written by ${loaded.creator})` : ''}: {loaded.analysis.entryCount} entries,{' '}
            {flows.length} flow{flows.length === 1 ? '' : 's'} found, {loaded.analysis.unrelatedCount} unrelated.
            {loaded.timings ? ` Read, checked and analysed in ${Math.round(loaded.timings.totalMs)} ms.` : ''}
            {loaded.warningCount
              ? ` ${loaded.warningCount} small deviation${loaded.warningCount === 1 ? '' : 's'} from HAR 1.2 repaired.`
              : ''}
          </p>
          <EntryNotes loaded={loaded} />
          {flows.length === 0 ? (
            <div className="mt-4 space-y-4">
              <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
                No OAuth or OpenID Connect flow in this file: no authorization, token, device, PAR, revocation or introspection request, and
                no identity provider error page. Discovery, key-set and API calls alone are not a flow.
              </p>
              <Panel title="Export">
                <ExportPanel flowId={null} />
              </Panel>
            </div>
          ) : (
            <div className="mt-4 grid gap-6 lg:grid-cols-[18rem_1fr]">
              <FlowList flows={flows} selected={selectedFlowId} onSelect={selectFlow} />
              {selected && shownResult === loaded ? <FlowView key={selected.id} flow={selected} loaded={loaded} /> : null}
            </div>
          )}
        </>
      ) : null}
    </section>
  )
}
