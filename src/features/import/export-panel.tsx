/** Sanitised HAR and JSON flow-report downloads of an imported file or the live capture. */
import { useState } from 'react'
import { sourceTraits, useImportStore } from '../../stores/import-store.ts'
import { BUTTON_SECONDARY } from '../../ui/button-styles.ts'
import { Switch } from '../../ui/switch.tsx'
import { downloadText, stamp } from './download.ts'

/**
 * Exports: a sanitised HAR (secrets replaced by placeholders unless the user explicitly keeps
 * access and ID tokens) of one flow or of everything, and the JSON flow report.
 */
export function ExportPanel({ flowId }: { flowId: string | null }) {
  const exportHar = useImportStore((s) => s.exportHar)
  const exportReport = useImportStore((s) => s.exportReport)
  const loaded = useImportStore((s) => s.loaded)
  const [keepTokens, setKeepTokens] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const prefix = sourceTraits(loaded).exportPrefix
  const har = async (scope: string | null) => {
    setStatus('Preparing…')
    try {
      const { text, redactionCount } = await exportHar(keepTokens, scope)
      downloadText(`${prefix}-${scope ?? 'all'}-${keepTokens ? 'with-tokens' : 'sanitised'}-${stamp(new Date())}.har`, text)
      setStatus(
        `Downloaded: ${redactionCount} secret value${redactionCount === 1 ? '' : 's'} replaced${keepTokens ? ' (access and ID tokens kept)' : ''}.`,
      )
    } catch (e) {
      setStatus(`Export failed: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  const report = () => {
    const now = new Date()
    downloadText(`${prefix}-report-${stamp(now)}.json`, exportReport(now.toISOString()))
    setStatus('Downloaded the JSON flow report (no token values in it).')
  }
  return (
    <div className="space-y-3 text-sm">
      <Switch
        checked={keepTokens}
        onChange={setKeepTokens}
        label="Keep access and ID tokens in the HAR"
        description="Off by default. Refresh tokens, codes, secrets, passwords and cookies are always replaced."
      />
      {keepTokens ? (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Anyone with the exported file can use unexpired tokens in it. Share it only with people who may act as this user.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {flowId ? (
          <button type="button" className={BUTTON_SECONDARY} onClick={() => void har(flowId)} data-testid="export-flow-har">
            HAR of this flow
          </button>
        ) : null}
        <button type="button" className={BUTTON_SECONDARY} onClick={() => void har(null)} data-testid="export-all-har">
          HAR of everything
        </button>
        <button type="button" className={BUTTON_SECONDARY} onClick={report} data-testid="export-report">
          JSON flow report
        </button>
      </div>
      {status ? (
        <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
          {status}
        </p>
      ) : null}
    </div>
  )
}
