/** Show/hide regions (WAI-ARIA disclosure pattern) for places a <details> cannot go. */
import { useId, useState, type ReactNode } from 'react'
import { StrokeIcon } from './stroke-icon.tsx'

/**
 * A button that shows and hides a region (WAI-ARIA disclosure pattern). Used where a native
 * <details> cannot go, e.g. a table row that expands into a detail row.
 */
export function useDisclosure(initial = false) {
  const [open, setOpen] = useState(initial)
  const id = useId()
  return {
    open,
    setOpen,
    buttonProps: { 'aria-expanded': open, 'aria-controls': id, onClick: () => setOpen((o) => !o), type: 'button' as const },
    regionProps: { id, hidden: !open },
  }
}

/** A titled section that can be collapsed; the title is a real button for keyboard users. */
export function Disclosure({
  summary,
  children,
  initiallyOpen = false,
  className = '',
}: {
  summary: ReactNode
  children: ReactNode
  initiallyOpen?: boolean
  className?: string
}) {
  const d = useDisclosure(initiallyOpen)
  return (
    <div className={className}>
      <button
        {...d.buttonProps}
        className="group flex w-full items-center gap-2 rounded text-left text-sm font-medium text-slate-700 hover:text-slate-950 dark:text-slate-200 dark:hover:text-white"
      >
        <Chevron open={d.open} />
        {summary}
      </button>
      <div {...d.regionProps} className="mt-2">
        {d.open ? children : null}
      </div>
    </div>
  )
}

export function Chevron({ open }: { open: boolean }) {
  return (
    <StrokeIcon size={14} strokeWidth={2.2} className={`shrink-0 text-slate-400 transition-transform ${open ? 'rotate-90' : ''}`}>
      <path d="M9 6l6 6-6 6" />
    </StrokeIcon>
  )
}
