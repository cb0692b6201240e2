/**
 * One message of the sequence diagram: the core's drawn shapes (arrow, badge, label, note) under
 * a highlight area, and a keyboard-operable button when the diagram is clickable.
 */
import { memo, type KeyboardEvent } from 'react'
import type { DrawnRow } from '../../core/diagram/drawing.ts'
import { DrawnShapes } from './shape.tsx'

interface DiagramRowProps {
  row: DrawnRow
  highlight: string
  ariaLabel: string
  selected: boolean
  current: boolean
  dimmed: boolean
  onActivate?: ((index: number) => void) | undefined
  onKeyNav?: ((index: number, e: KeyboardEvent<SVGGElement>) => void) | undefined
  registerRef?: ((index: number, el: SVGGElement | null) => void) | undefined
}

export const DiagramRow = memo(function DiagramRow({
  row,
  highlight,
  ariaLabel,
  selected,
  current,
  dimmed,
  onActivate,
  onKeyNav,
  registerRef,
}: DiagramRowProps) {
  const interactive = onActivate !== undefined
  const { hit } = row
  return (
    <g
      ref={registerRef ? (el) => registerRef(row.index, el) : undefined}
      data-row={row.index}
      data-kind={row.kind}
      data-failed={row.failed ? 'true' : undefined}
      className={`${interactive ? 'cursor-pointer' : ''} outline-none [&:focus-visible>rect.hit]:stroke-indigo-500`}
      opacity={dimmed ? 0.28 : 1}
      {...(interactive
        ? {
            role: 'button',
            tabIndex: 0,
            'aria-label': ariaLabel,
            'aria-pressed': selected,
            onClick: () => onActivate(row.index),
            onKeyDown: (e: KeyboardEvent<SVGGElement>) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault()
                onActivate(row.index)
              } else onKeyNav?.(row.index, e)
            },
          }
        : {})}
    >
      <rect
        className="hit"
        x={hit.x}
        y={hit.y}
        width={hit.w}
        height={hit.h}
        rx={6}
        fill={selected || current ? highlight : 'transparent'}
        strokeWidth={2}
        stroke="transparent"
      />
      <DrawnShapes shapes={row.shapes} />
    </g>
  )
})
