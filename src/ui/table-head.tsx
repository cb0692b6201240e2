/** The header row of a data table: one <th scope="col"> per column, so each cell is announced with its column's name. */
import type { ReactNode } from 'react'

/** The header row style of the inspector's tables (claims, header parameters, decoded preview, comparison). */
export const HEAD_ROW =
  'border-b border-slate-200 text-left text-xs font-medium uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400'

export interface Column {
  label: ReactNode
  className?: string
}

export function TableHead({ columns, className, rowClassName }: { columns: readonly Column[]; className?: string; rowClassName?: string }) {
  return (
    <thead className={className}>
      <tr className={rowClassName}>
        {columns.map((c, i) => (
          <th key={i} scope="col" className={c.className}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  )
}
