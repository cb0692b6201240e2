/** Accessible tabs (WAI-ARIA tabs pattern), controlled by the caller. */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react'

export interface TabItem<K extends string> {
  key: K
  label: ReactNode
  panel: ReactNode
}

/**
 * WAI-ARIA tabs with automatic activation: arrow keys, Home and End move between tabs; only the
 * selected tab is in the tab order. Controlled, so the caller keeps the choice.
 */
export function Tabs<K extends string>({
  label,
  items,
  selected,
  onSelect,
}: {
  label: string
  items: TabItem<K>[]
  selected: K
  onSelect: (key: K) => void
}) {
  const base = useId()
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  const index = Math.max(
    0,
    items.findIndex((t) => t.key === selected),
  )
  const move = (to: number) => {
    const next = (to + items.length) % items.length
    const item = items[next]
    if (!item) return
    onSelect(item.key)
    refs.current[next]?.focus()
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight') move(index + 1)
    else if (e.key === 'ArrowLeft') move(index - 1)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(items.length - 1)
    else return
    e.preventDefault()
  }
  const current = items[index]
  return (
    <div>
      <div role="tablist" aria-label={label} className="flex gap-1 border-b border-slate-200 dark:border-slate-700">
        {items.map((t, i) => (
          <button
            key={t.key}
            ref={(el) => {
              refs.current[i] = el
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${t.key}`}
            aria-selected={i === index}
            aria-controls={`${base}-panel-${t.key}`}
            tabIndex={i === index ? 0 : -1}
            onKeyDown={onKeyDown}
            onClick={() => onSelect(t.key)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              i === index
                ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300'
                : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white'
            }`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {current ? (
        <div role="tabpanel" id={`${base}-panel-${current.key}`} aria-labelledby={`${base}-tab-${current.key}`} className="pt-4">
          {current.panel}
        </div>
      ) : null}
    </div>
  )
}
