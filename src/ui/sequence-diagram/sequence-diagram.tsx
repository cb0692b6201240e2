/**
 * The on-screen sequence diagram of every screen (Diagram, Flow, Import, presentation): draws the
 * core's drawing (core/diagram/drawing.ts), the same shapes the SVG export writes, and adds what
 * only a screen has: sticky lane headers, selection, keyboard and pointer navigation, zoom.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type WheelEvent } from 'react'
import type { Drawing } from '../../core/diagram/drawing.ts'
import { DiagramRow } from './diagram-row.tsx'
import { useDragPan } from './drag-pan.ts'
import { DrawnShapes } from './shape.tsx'

/** Zoom limits of every diagram view (buttons and Ctrl/⌘ + wheel alike). */
export const ZOOM_MIN = 0.3
const ZOOM_MAX = 3
export const clampZoom = (z: number, min = ZOOM_MIN, max = ZOOM_MAX) => Math.min(max, Math.max(min, z))

export interface SequenceDiagramProps {
  drawing: Drawing
  /** Accessible name of each message (index-aligned with drawing.rows). */
  rowLabels: string[]
  title: string
  zoom?: number
  onZoomChange?: (zoom: number) => void
  selectedIndex?: number | null
  /** Highlighted row (presentation mode), scrolled into view when it changes. */
  currentIndex?: number | null
  /** Rows at or after this index are hidden (presentation mode reveals them one by one). */
  visibleCount?: number
  /** Rows before visibleCount but before currentIndex are drawn faded when true. */
  fadePast?: boolean
  onActivate?: (index: number) => void
  className?: string
}

/** Above this many rows only the rows near the viewport are mounted (DESIGN §9: 500 messages scroll smoothly). */
const VIRTUALISE_ABOVE = 120
const OVERSCAN_PX = 800

function firstRowBelow(rows: Drawing['rows'], y: number): number {
  let lo = 0
  let hi = rows.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((rows[mid]?.bottom ?? 0) < y) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * A clickable, keyboard-operable SVG sequence diagram: sticky lane headers, lifelines, arrows
 * (requests solid, answers dashed, redirects dotted with a ring at the start, failures in the
 * error colour). Scroll or drag to pan; Ctrl/⌘ + wheel to zoom. ↑/↓ move between messages.
 */
export function SequenceDiagram({
  drawing,
  rowLabels,
  title,
  zoom = 1,
  onZoomChange,
  selectedIndex = null,
  currentIndex = null,
  visibleCount,
  fadePast = false,
  onActivate,
  className = '',
}: SequenceDiagramProps) {
  const scroller = useRef<HTMLDivElement>(null)
  const rowEls = useRef(new Map<number, SVGGElement>())
  const pendingFocus = useRef<number | null>(null)
  const [view, setView] = useState({ top: 0, height: 2000 })

  const lastView = useRef(view)
  const onScroll = useCallback(() => {
    const el = scroller.current
    if (!el) return
    const next = { top: el.scrollTop / zoom, height: el.clientHeight / zoom }
    // The overscan covers small moves: re-render only when the window shifted noticeably.
    const prev = lastView.current
    if (Math.abs(next.top - prev.top) < OVERSCAN_PX / 4 && Math.abs(next.height - prev.height) < 1) return
    lastView.current = next
    setView(next)
  }, [zoom])
  useEffect(onScroll, [onScroll])

  const count = visibleCount === undefined ? drawing.rows.length : Math.min(visibleCount, drawing.rows.length)
  const [from, to] = useMemo(() => {
    if (drawing.rows.length <= VIRTUALISE_ABOVE) return [0, count]
    const start = firstRowBelow(drawing.rows, view.top - OVERSCAN_PX)
    const end = firstRowBelow(drawing.rows, view.top + view.height + OVERSCAN_PX) + 1
    return [start, Math.min(end, count)]
  }, [drawing.rows, view, count])

  const scrollRowIntoView = useCallback(
    (index: number) => {
      const el = scroller.current
      const row = drawing.rows[index]
      if (!el || !row) return
      // Content y of a row is row.top * zoom (the sticky header occupies the first headerHeight).
      const header = drawing.headerHeight * zoom
      const top = row.top * zoom
      const bottom = row.bottom * zoom
      if (top < el.scrollTop + header + 8) el.scrollTo({ top: Math.max(0, top - header - 16) })
      else if (bottom > el.scrollTop + el.clientHeight - 8) {
        // Snap to a row boundary so no label is left half under the sticky lane headers.
        const wanted = bottom - el.clientHeight + 16
        const snap = drawing.rows.find((r) => r.top * zoom - header - 12 >= wanted)
        el.scrollTo({ top: snap && snap.index <= index ? snap.top * zoom - header - 12 : wanted })
      }
    },
    [drawing, zoom],
  )

  useEffect(() => {
    if (currentIndex !== null) scrollRowIntoView(currentIndex)
  }, [currentIndex, scrollRowIntoView])

  const registerRef = useCallback((index: number, el: SVGGElement | null) => {
    if (el) {
      rowEls.current.set(index, el)
      if (pendingFocus.current === index) {
        pendingFocus.current = null
        el.focus()
      }
    } else rowEls.current.delete(index)
  }, [])

  const onKeyNav = useCallback(
    (index: number, e: KeyboardEvent<SVGGElement>) => {
      const next =
        e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? count - 1 : null
      if (next === null || next < 0 || next >= count) return
      e.preventDefault()
      scrollRowIntoView(next)
      const el = rowEls.current.get(next)
      if (el) el.focus()
      else pendingFocus.current = next
    },
    [count, scrollRowIntoView],
  )

  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    if (!onZoomChange || !(e.ctrlKey || e.metaKey)) return
    e.preventDefault()
    onZoomChange(clampZoom(zoom * (e.deltaY < 0 ? 1.1 : 1 / 1.1)))
  }
  const pan = useDragPan(scroller)

  const w = drawing.width * zoom
  const header = drawing.headerHeight
  const bodyH = (drawing.height - header) * zoom
  return (
    <div
      ref={scroller}
      onScroll={onScroll}
      onWheel={onWheel}
      {...pan}
      className={`relative overflow-auto ${className}`}
      style={{ backgroundColor: drawing.background }}
      data-testid="sequence-diagram"
    >
      <svg
        width={w}
        height={header * zoom}
        viewBox={`0 0 ${drawing.width} ${header}`}
        className="sticky top-0 z-10 block"
        style={{ backgroundColor: drawing.background }}
        role="img"
        aria-label={`${title}: participants ${drawing.lanes.map((l) => l.title).join(', ')}`}
      >
        {drawing.lanes.map((lane) => (
          <g key={lane.id} data-lane={lane.id}>
            <DrawnShapes shapes={lane.shapes} />
          </g>
        ))}
      </svg>
      <svg
        width={w}
        height={bodyH}
        viewBox={`0 ${header} ${drawing.width} ${drawing.height - header}`}
        className="block"
        aria-label={title}
        role="group"
      >
        <DrawnShapes shapes={drawing.lifelines} />
        {drawing.rows.slice(from, to).map((row) => (
          <DiagramRow
            key={row.id}
            row={row}
            highlight={drawing.highlight}
            ariaLabel={`Step ${row.index + 1}: ${rowLabels[row.index] ?? ''}`}
            selected={selectedIndex === row.index}
            current={currentIndex === row.index}
            dimmed={fadePast && currentIndex !== null && row.index < currentIndex}
            onActivate={onActivate}
            onKeyNav={onKeyNav}
            registerRef={registerRef}
          />
        ))}
      </svg>
    </div>
  )
}
