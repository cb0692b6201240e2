import { memo, type KeyboardEvent } from 'react'
import type { DiagramColours, FontTable, RowShape, TextLine } from './types.ts'

const DASH = { request: undefined, action: undefined, response: '6 4', redirect: '2 4' } as const

export function SvgText({ t, fill, fonts }: { t: TextLine; fill: string; fonts: FontTable }) {
  const f = fonts.fonts[t.font] ?? { size: 12, weight: 400, mono: false }
  return (
    <text x={t.x} y={t.y} fontFamily={f.mono ? fonts.mono : fonts.sans} fontSize={f.size} fontWeight={f.weight} fill={fill}>
      {t.text}
    </text>
  )
}

function linePath(row: RowShape): string {
  if (row.self) return `M${row.x1} ${row.y - 8} H${row.x1 + row.loop} V${row.y + 8} H${row.x1 + 2}`
  const dir = row.x2 >= row.x1 ? 1 : -1
  return `M${row.x1} ${row.y} H${row.x2 - dir * 2}`
}

function headPath(row: RowShape): string {
  const [x, y, dir] = row.self ? [row.x1, row.y + 8, -1] : [row.x2, row.y, row.x2 >= row.x1 ? 1 : -1]
  return `M${x} ${y} L${x - dir * 9} ${y - 4.5} L${x - dir * 9} ${y + 4.5} Z`
}

export interface DiagramRowProps {
  row: RowShape
  colours: DiagramColours
  fonts: FontTable
  ariaLabel: string
  selected: boolean
  current: boolean
  dimmed: boolean
  onActivate?: ((index: number) => void) | undefined
  onKeyNav?: ((index: number, e: KeyboardEvent<SVGGElement>) => void) | undefined
  registerRef?: ((index: number, el: SVGGElement | null) => void) | undefined
}

/** One message: arrow, step badge, label lines and note; a keyboard-operable button when clickable. */
export const DiagramRow = memo(function DiagramRow({ row, colours: c, fonts, ariaLabel, selected, current, dimmed, onActivate, onKeyNav, registerRef }: DiagramRowProps) {
  const colour = row.failed ? c.failure : c[row.kind]
  const left = Math.min(row.labelBox.x, row.x1, row.x2) - 6
  const right = Math.max(row.labelBox.x + row.labelBox.w, row.x1, row.x2 + row.loop) + 6
  const interactive = onActivate !== undefined
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
      <rect className="hit" x={left} y={row.top - 4} width={right - left} height={row.bottom - row.top + 8} rx={6} fill={selected || current ? c.highlight : 'transparent'} strokeWidth={2} stroke="transparent" />
      <path d={linePath(row)} fill="none" stroke={colour} strokeWidth={1.6} strokeDasharray={DASH[row.kind]} />
      <path d={headPath(row)} fill={colour} />
      {row.kind === 'redirect' ? <circle cx={row.x1} cy={row.self ? row.y - 8 : row.y} r={3.5} fill={c.background} stroke={colour} strokeWidth={1.6} /> : null}
      <circle cx={row.badge.x} cy={row.badge.y} r={row.badge.r} fill={row.failed ? c.failure : c.badge} />
      <text x={row.badge.x} y={row.badge.y + 3.6} textAnchor="middle" fontFamily={fonts.sans} fontSize={fonts.fonts.badge?.size ?? 10.5} fontWeight={600} fill={c.badgeText}>
        {row.badge.text}
      </text>
      {row.texts.map((t, k) => (
        <SvgText key={k} t={t} fonts={fonts} fill={k === 0 ? (row.failed ? c.failure : c.text) : c.muted} />
      ))}
      {row.note ? (
        <g>
          <rect x={row.note.box.x} y={row.note.box.y} width={row.note.box.w} height={row.note.box.h} rx={4} fill={c.noteFill} stroke={c.noteStroke} />
          {row.note.texts.map((t, k) => (
            <SvgText key={k} t={t} fonts={fonts} fill={c.noteText} />
          ))}
        </g>
      ) : null}
    </g>
  )
})
