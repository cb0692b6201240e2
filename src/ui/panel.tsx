/** A titled card section used by every screen. */
import type { ReactNode } from 'react'

/** A titled card section. `id` lets other parts of the page link to it. */
export function Panel({
  title,
  id,
  actions,
  children,
  className = '',
  description,
}: {
  title: ReactNode
  id?: string
  actions?: ReactNode
  children: ReactNode
  className?: string
  description?: ReactNode
}) {
  const headingId = id ? `${id}-title` : undefined
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={`rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3 dark:border-slate-800">
        <div>
          <h2 id={headingId} className="text-sm font-semibold tracking-tight text-slate-900 dark:text-slate-100">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{description}</p> : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      <div className="p-4">{children}</div>
    </section>
  )
}
