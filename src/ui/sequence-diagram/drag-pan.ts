/** Drag-to-pan for a scrolling element: the pointer handlers to spread on it. */
import { useRef, type PointerEvent, type RefObject } from 'react'

/**
 * Pressing the main button on the background and moving scrolls the element with the pointer.
 * A press on a message (role="button") is left to the message, so clicking an arrow still selects it.
 */
export function useDragPan(scroller: RefObject<HTMLDivElement | null>) {
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null)
  const end = () => {
    drag.current = null
  }
  return {
    onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
      const el = scroller.current
      if (!el || e.button !== 0 || (e.target as Element).closest('[role="button"]')) return
      drag.current = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop }
    },
    onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
      const d = drag.current
      const el = scroller.current
      if (!d || !el) return
      el.scrollLeft = d.left - (e.clientX - d.x)
      el.scrollTop = d.top - (e.clientY - d.y)
    },
    onPointerUp: end,
    onPointerLeave: end,
  }
}
