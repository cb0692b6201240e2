/** The title, lead and actions at the top of each screen. */
import type { ReactNode } from 'react'

export function PageHeader({ title, lead, actions }: { title: string; lead: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4 border-b border-slate-200 pb-4 dark:border-slate-800">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{lead}</p>
      </div>
      {actions ? <div className="flex gap-2">{actions}</div> : null}
    </div>
  )
}
