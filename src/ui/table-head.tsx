/** The header row of a data table: one <th scope="col"> per column, so each cell is announced with its column's name. */
import type { ReactNode } from 'react'

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
