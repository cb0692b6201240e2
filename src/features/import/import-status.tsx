/** Import progress and structural failures (not a HAR, unreadable file) with their JSON paths. */
import type { ImportFailure } from '../../stores/import-store.ts'
import type { ImportProgressInfo as Progress } from '../../stores/import-store.ts'

const PHASE: Record<Progress['phase'], string> = {
  reading: 'Reading the file',
  parsing: 'Parsing JSON',
  validating: 'Checking HAR structure',
  detecting: 'Finding OAuth and OpenID Connect flows',
  exporting: 'Preparing the export',
}

export function ImportProgress({ progress }: { progress: Progress }) {
  const pct = progress.phase === 'validating' && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null
  return (
    <div
      role="status"
      aria-live="polite"
      className="mt-4 rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-center justify-between">
        <span className="font-medium">{PHASE[progress.phase]}…</span>
        {pct !== null ? <span className="tabular-nums text-slate-500 dark:text-slate-400">{pct}%</span> : null}
      </div>
      <progress className="mt-2 h-2 w-full accent-indigo-600" max={100} value={pct ?? undefined} aria-label={PHASE[progress.phase]} />
    </div>
  )
}

export function ImportFailurePanel({ failure }: { failure: ImportFailure }) {
  return (
    <div
      role="alert"
      data-testid="import-error"
      className="mt-4 rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-900 dark:border-red-500/40 dark:bg-red-500/10 dark:text-red-200"
    >
      <p className="font-semibold">{failure.title}</p>
      <p className="mt-1 break-words">{failure.message}</p>
      {failure.problems.length > 1 ? (
        <ul className="mt-3 space-y-1 font-mono text-xs">
          {failure.problems.map((p, i) => (
            <li key={i}>
              <span className="font-semibold">{p.path}</span>: {p.message}
            </li>
          ))}
          {failure.problemCount > failure.problems.length ? <li>… and {failure.problemCount - failure.problems.length} more.</li> : null}
        </ul>
      ) : null}
    </div>
  )
}
