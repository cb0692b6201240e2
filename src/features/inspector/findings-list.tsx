/** The inspection's findings, most severe first, each with its spec link. */
import type { Finding, Severity } from '../../core/token/types.ts'
import { ExternalLink } from '../../ui/external-link.tsx'
import { CodeText } from '../../ui/code-text.tsx'
import type { Redactor } from './redaction.ts'

const GROUPS: { severity: Severity; title: string; tone: string; dot: string }[] = [
  { severity: 'error', title: 'Errors', tone: 'text-red-800 dark:text-red-300', dot: 'bg-red-500' },
  { severity: 'warning', title: 'Warnings', tone: 'text-amber-800 dark:text-amber-300', dot: 'bg-amber-500' },
  { severity: 'info', title: 'Notes', tone: 'text-sky-800 dark:text-sky-300', dot: 'bg-sky-500' },
]

export function FindingsList({ findings, redactor }: { findings: Finding[]; redactor: Redactor }) {
  if (findings.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-300">No findings: every check that applies to this token passed.</p>
  }
  return (
    <div className="space-y-5">
      {GROUPS.map((g) => {
        const items = findings.filter((f) => f.severity === g.severity)
        if (items.length === 0) return null
        return (
          <section key={g.severity} aria-label={`${g.title} (${items.length})`}>
            <h3 className={`mb-2 flex items-center gap-2 text-xs font-semibold uppercase tracking-wide ${g.tone}`}>
              <span className={`h-2 w-2 rounded-full ${g.dot}`} aria-hidden="true" />
              {g.title} <span className="font-normal text-slate-500 dark:text-slate-400">({items.length})</span>
            </h3>
            <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
              {items.map((f, i) => (
                <FindingItem key={`${f.code}-${f.subject}-${i}`} finding={f} redactor={redactor} />
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
}

function FindingItem({ finding, redactor }: { finding: Finding; redactor: Redactor }) {
  const r = redactor.text
  return (
    <li data-finding-code={finding.code} data-severity={finding.severity} className="bg-white px-3 py-2.5 dark:bg-slate-900">
      <p className="text-sm text-slate-900 dark:text-slate-100">
        <CodeText text={r(finding.message)} />
      </p>
      {finding.expected !== undefined || finding.actual !== undefined ? (
        <dl className="mt-1.5 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
          {finding.expected !== undefined ? (
            <>
              <dt className="text-slate-500 dark:text-slate-400">Expected</dt>
              <dd className="break-all font-mono text-slate-800 dark:text-slate-200">{r(finding.expected)}</dd>
            </>
          ) : null}
          {finding.actual !== undefined ? (
            <>
              <dt className="text-slate-500 dark:text-slate-400">Found</dt>
              <dd className="break-all font-mono text-slate-800 dark:text-slate-200">{r(finding.actual)}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <p className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500 dark:text-slate-400">
        <code className="rounded bg-slate-100 px-1 py-px font-mono text-[11px] text-slate-700 dark:bg-slate-800 dark:text-slate-300">
          {finding.code}
        </code>
        <span>
          about <span className="font-mono">{finding.subject}</span>
        </span>
        {finding.specRef.url ? (
          <ExternalLink href={finding.specRef.url}>{finding.specRef.label}</ExternalLink>
        ) : (
          <span>{finding.specRef.label}</span>
        )}
      </p>
    </li>
  )
}
