/**
 * The zoomable sequence diagram, the same on every screen that shows one (Diagram, Flow, Import):
 * a zoom that starts fitted to the frame's width (never enlarged beyond `max`), − / % / + / Fit
 * buttons, and the framed diagram itself (Ctrl/⌘ + wheel zooms within the same limits).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { BUTTON_GHOST } from '../button-styles.ts'
import { clampZoom, SequenceDiagram, ZOOM_MIN, type SequenceDiagramProps } from './sequence-diagram.tsx'

const STEP = 1.2

interface FitOptions {
  min?: number
  max?: number
  /** Pixels of the frame's width not available to the diagram (borders, padding). */
  inset?: number
  /** Fit again whenever the frame is resized (presentation); otherwise only for a new width. */
  followResize?: boolean
}

/** Zoom state fitted to `frame`'s width whenever the content width changes (and on resize if asked). */
export function useFitZoom(contentWidth: number, { min = ZOOM_MIN, max = 1, inset = 2, followResize = false }: FitOptions = {}) {
  const frameRef = useRef<HTMLDivElement>(null)
  const [zoom, setZoom] = useState(1)
  const fit = useCallback(() => {
    const w = frameRef.current?.clientWidth ?? 0
    if (w > 0 && contentWidth > 0) setZoom(clampZoom((w - inset) / contentWidth, min, max))
  }, [contentWidth, min, max, inset])
  useEffect(() => {
    fit()
    const el = frameRef.current
    if (!followResize || !el) return
    const ro = new ResizeObserver(fit)
    ro.observe(el)
    return () => ro.disconnect()
  }, [fit, followResize])
  return { frameRef, zoom, setZoom, fit }
}

type ZoomState = Pick<ReturnType<typeof useFitZoom>, 'frameRef' | 'zoom' | 'setZoom'>

/** The diagram in its bordered frame (the one useFitZoom measures), at useFitZoom's zoom. */
export function ZoomableDiagram({
  frameRef,
  zoom,
  setZoom,
  frameClassName = '',
  ...props
}: Omit<SequenceDiagramProps, 'zoom' | 'onZoomChange'> & ZoomState & { frameClassName?: string }) {
  return (
    <div ref={frameRef} className={`overflow-hidden rounded-xl border border-slate-200 shadow-sm dark:border-slate-700 ${frameClassName}`}>
      <SequenceDiagram {...props} zoom={zoom} onZoomChange={setZoom} />
    </div>
  )
}

/** − / percentage (resets to 100 %) / + / Fit, as a labelled group. */
export function ZoomControls({
  zoom,
  setZoom,
  fit,
  compact = false,
}: {
  zoom: number
  setZoom: (update: (z: number) => number) => void
  fit: () => void
  compact?: boolean
}) {
  return (
    <div className={`flex items-center ${compact ? 'gap-0.5' : 'gap-1'}`} role="group" aria-label="Zoom">
      <button type="button" className={BUTTON_GHOST} onClick={() => setZoom((z) => clampZoom(z / STEP))} aria-label="Zoom out">
        −
      </button>
      <button
        type="button"
        className={`${BUTTON_GHOST} ${compact ? 'w-14' : 'w-16'} tabular-nums`}
        onClick={() => setZoom(() => 1)}
        title="Reset zoom"
      >
        {Math.round(zoom * 100)}%
      </button>
      <button type="button" className={BUTTON_GHOST} onClick={() => setZoom((z) => clampZoom(z * STEP))} aria-label="Zoom in">
        +
      </button>
      <button type="button" className={BUTTON_GHOST} onClick={fit} title="Fit the diagram to the width">
        Fit
      </button>
    </div>
  )
}
