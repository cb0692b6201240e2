/** The <option>s of a <select>, from value/label pairs (the select itself stays with its screen). */
import type { ReactNode } from 'react'

export interface OptionItem {
  value: string
  label: ReactNode
}

export function Options({ items }: { items: readonly OptionItem[] }) {
  return items.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ))
}
