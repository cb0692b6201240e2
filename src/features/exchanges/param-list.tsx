/** A table of query, form or JSON parameters, with secrets masked until revealed. */
import { explainParam, isSensitiveName, maskValue } from '../../core/capture/params.ts'
import { Badge } from '../../ui/badge.tsx'

/** Name, value (secrets masked unless revealed) and what the parameter means. Text only. */
export function ParamList({ title, params, reveal }: { title: string; params: [string, string][]; reveal: boolean }) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700">
      <p className="border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs font-medium text-slate-600 dark:border-slate-700 dark:bg-slate-800/60 dark:text-slate-300">
        {title}
      </p>
      <dl className="divide-y divide-slate-100 dark:divide-slate-800">
        {params.map(([name, value], i) => {
          const info = explainParam(name)
          return (
            <div key={`${name}-${i}`} className="grid gap-x-3 px-3 py-1.5 text-xs sm:grid-cols-[10rem_minmax(0,1fr)]">
              <dt className="font-mono font-semibold text-slate-800 dark:text-slate-100">
                {name} {info?.addedBy === 'msal' ? <Badge tone="violet">MSAL</Badge> : null}
              </dt>
              <dd className="min-w-0">
                <span className="break-all font-mono text-slate-700 dark:text-slate-200">
                  {!reveal && isSensitiveName(name) ? maskValue(value) : value}
                </span>
                {info ? <span className="block text-slate-500 dark:text-slate-400">{info.meaning}</span> : null}
              </dd>
            </div>
          )
        })}
      </dl>
    </div>
  )
}
