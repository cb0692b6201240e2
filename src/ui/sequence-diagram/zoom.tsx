/**
 * Zoom of the sequence diagram, the same on every screen that shows one: a zoom that starts
 * fitted to the frame's width (never enlarged beyond `max`), − / % / + / Fit buttons, and the
 * limits Ctrl/⌘ + wheel also keeps to (sequence-diagram.tsx).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { BUTTON_GHOST } from '../button-styles.ts'

export const ZOOM_MIN = 0.3
export const ZOOM_MAX = 3
const STEP = 1.2

export const clampZoom = (z: number, min = ZOOM_MIN, max = ZOOM_MAX) => Math.min(max, Math.max(min, z))

export interface FitOptions {
  min?: number
  max?: number
  /** Pixels of the frame's width not available to the diagram (borders, padding). */
  inset?: number
  /** Fit again whenever the frame is resized (presentation); otherwise only for a new width. */
  followResize?: boolean
}

/** Zoom state fitted to `frame`'s width whenever the content width changes. */
export function useFitZoom(contentWidth: number, { min = ZOOM_MIN, max = 1, inset = 2, followResize = false }: FitOptions = {}) {
  const frame = useRef<HTMLDivElement>(null)
  const [zoom, setZoom] = useState(1)
  const fit = useCallback(() => {
    const w = frame.current?.clientWidth ?? 0
    if (w > 0 && contentWidth > 0) setZoom(clampZoom((w - inset) / contentWidth, min, max))
  }, [contentWidth, min, max, inset])
  useEffect(() => {
    fit()
    const el = frame.current
    if (!followResize || !el) return
    const ro = new ResizeObserver(fit)
    ro.observe(el)
    return () => ro.disconnect()
  }, [fit, followResize])
  return { frame, zoom, setZoom, fit }
}

/** − / percentage (resets to 100 %) / + / Fit, as a labelled group. */
export function ZoomControls({ zoom, setZoom, fit, compact = false }: { zoom: number; setZoom: (update: (z: number) => number) => void; fit: () => void; compact?: boolean }) {
  return (
    <div className={`flex items-center ${compact ? 'gap-0.5' : 'gap-1'}`} role="group" aria-label="Zoom">
      <button type="button" className={BUTTON_GHOST} onClick={() => setZoom((z) => clampZoom(z / STEP))} aria-label="Zoom out">−</button>
      <button type="button" className={`${BUTTON_GHOST} ${compact ? 'w-14' : 'w-16'} tabular-nums`} onClick={() => setZoom(() => 1)} title="Reset zoom">{Math.round(zoom * 100)}%</button>
      <button type="button" className={BUTTON_GHOST} onClick={() => setZoom((z) => clampZoom(z * STEP))} aria-label="Zoom in">+</button>
      <button type="button" className={BUTTON_GHOST} onClick={fit} title="Fit the diagram to the width">Fit</button>
    </div>
  )
}
