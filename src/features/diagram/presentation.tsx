/** Presentation mode: the diagram full screen, revealed one message at a time, keyboard-driven, modal. */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import type { Drawing } from '../../core/diagram/drawing.ts'
import type { DiagramModel } from '../../core/diagram/types.ts'
import { BUTTON_GHOST } from '../../ui/button-styles.ts'
import { ExternalLink } from '../../ui/external-link.tsx'
import { SequenceDiagram } from '../../ui/sequence-diagram/sequence-diagram.tsx'
import { useFitZoom } from '../../ui/sequence-diagram/zoom.tsx'
import { cycleFocus, useModalOverlay } from './use-modal-overlay.ts'

interface Props {
  model: DiagramModel
  /** The Diagram screen's drawing: the presentation shows the same shapes, larger. */
  drawing: Drawing
  rowLabels: string[]
  redact: boolean
  startAt: number
  onExit: (lastStep: number) => void
  /** Gets focus back when the presentation closes (the Present button). */
  returnFocus?: RefObject<HTMLElement | null>
}

/**
 * Step-through for a room: full screen (Fullscreen API, or a fixed overlay where it is refused),
 * one more message per → / space, back with ←, large type for a projector. Redaction follows the
 * page's setting: the model was built masked, so labels and explanations carry no secrets.
 * Rendered into document.body so the rest of the page can be made inert while it is open; focus
 * stays inside and returns to the Present button on exit.
 */
export function Presentation({ model, drawing, rowLabels, redact, startAt, onExit, returnFocus }: Props) {
  const total = model.messages.length
  const [step, setStep] = useState(Math.min(Math.max(0, startAt), Math.max(0, total - 1)))
  const root = useRef<HTMLDivElement>(null)
  // Fitted to the stage, and again when it changes size (entering full screen), up to projector size.
  const { frameRef: stage, zoom } = useFitZoom(drawing.width, { min: 0.4, max: 1.9, inset: 16, followResize: true })
  const [fullscreen, setFullscreen] = useState(false)
  useModalOverlay(root, returnFocus)

  const exit = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
    onExit(step)
  }, [onExit, step])

  useEffect(() => {
    const el = root.current
    el?.focus()
    // requestFullscreen needs a user gesture; the Present button click provides it. Where it is
    // unavailable or refused (iframes, some mobile browsers) the fixed overlay is the fallback.
    if (el && typeof el.requestFullscreen === 'function')
      el.requestFullscreen().then(
        () => setFullscreen(true),
        () => setFullscreen(false),
      )
    const onChange = () => setFullscreen(document.fullscreenElement === el)
    document.addEventListener('fullscreenchange', onChange)
    return () => {
      document.removeEventListener('fullscreenchange', onChange)
      if (document.fullscreenElement === el) void document.exitFullscreen().catch(() => undefined)
    }
  }, [])

  const toggleFullscreen = useCallback(() => {
    const el = root.current
    if (!el) return
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
    else if (typeof el.requestFullscreen === 'function') el.requestFullscreen().catch(() => undefined)
  }, [])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return
      const k = e.key
      // Tab cycles through the overlay's controls only, wherever focus happens to be.
      if (k === 'Tab') {
        if (root.current) cycleFocus(root.current, e.shiftKey)
      } else if (k === 'ArrowRight' || k === ' ' || k === 'PageDown' || k === 'ArrowDown') setStep((s) => Math.min(total - 1, s + 1))
      else if (k === 'ArrowLeft' || k === 'PageUp' || k === 'ArrowUp' || k === 'Backspace') setStep((s) => Math.max(0, s - 1))
      else if (k === 'Home') setStep(0)
      else if (k === 'End') setStep(total - 1)
      else if (k === 'Escape') exit()
      else if (k === 'f' || k === 'F') toggleFullscreen()
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [total, exit, toggleFullscreen])

  const message = model.messages[step]
  const ex = message?.explanation
  return createPortal(
    <div
      ref={root}
      tabIndex={-1}
      role="dialog"
      aria-modal="true"
      aria-label={`Presentation: ${model.title}`}
      data-testid="presentation"
      className="fixed inset-0 z-[100] flex flex-col bg-white text-slate-900 outline-none dark:bg-slate-900 dark:text-slate-100"
    >
      <header className="flex items-center gap-4 border-b border-slate-200 px-6 py-3 dark:border-slate-700">
        <h2 className="min-w-0 flex-1 truncate text-xl font-semibold tracking-tight">{model.title}</h2>
        {model.template ? (
          <span className="rounded-md bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900 dark:bg-amber-500/15 dark:text-amber-200">
            Template: illustrative values
          </span>
        ) : null}
        {redact ? (
          <span className="rounded-md bg-slate-100 px-2 py-0.5 text-sm font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200">
            Redacted
          </span>
        ) : null}
        <span className="text-lg tabular-nums text-slate-600 dark:text-slate-300" aria-live="polite" data-testid="presentation-counter">
          Step {step + 1} of {total}
        </span>
        <button
          type="button"
          className={BUTTON_GHOST}
          onClick={() => setStep((s) => Math.max(0, s - 1))}
          disabled={step === 0}
          aria-label="Previous step"
        >
          ←
        </button>
        <button
          type="button"
          className={BUTTON_GHOST}
          onClick={() => setStep((s) => Math.min(total - 1, s + 1))}
          disabled={step >= total - 1}
          aria-label="Next step"
        >
          →
        </button>
        <button type="button" className={BUTTON_GHOST} onClick={exit}>
          Exit{fullscreen ? ' (Esc)' : ''}
        </button>
      </header>
      <div className="h-1 bg-slate-100 dark:bg-slate-800" aria-hidden="true">
        <div className="h-1 bg-indigo-500 transition-[width]" style={{ width: `${total ? ((step + 1) / total) * 100 : 0}%` }} />
      </div>
      <div ref={stage} className="min-h-0 flex-1 px-2 py-2" style={{ backgroundColor: drawing.background }}>
        <SequenceDiagram
          drawing={drawing}
          rowLabels={rowLabels}
          title={model.title}
          zoom={zoom}
          visibleCount={step + 1}
          currentIndex={step}
          className="h-full"
        />
      </div>
      <section
        className="border-t border-slate-200 bg-slate-50 px-8 py-6 dark:border-slate-700 dark:bg-slate-950"
        aria-live="polite"
        data-testid="presentation-explanation"
      >
        {message ? (
          <div className="mx-auto max-w-6xl">
            <p
              className={`font-mono text-lg ${message.failed ? 'text-red-700 dark:text-red-400' : 'text-indigo-700 dark:text-indigo-300'}`}
            >
              {step + 1}. {message.label}
            </p>
            {ex ? (
              <>
                <h3 className="mt-1 text-3xl font-semibold leading-tight tracking-tight">{ex.title}</h3>
                <p className="mt-3 text-xl leading-relaxed text-slate-700 dark:text-slate-300">{ex.body}</p>
                {ex.links.length ? (
                  <p className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-base">
                    {ex.links.map((l) => (
                      <ExternalLink key={l.url} href={l.url}>
                        {l.label}
                      </ExternalLink>
                    ))}
                  </p>
                ) : null}
              </>
            ) : null}
            <p className="mt-4 text-sm text-slate-500 dark:text-slate-400">
              → or space: next · ←: back · Home/End · F: full screen · Esc: exit
            </p>
          </div>
        ) : (
          <p className="text-xl">This flow has no messages.</p>
        )}
      </section>
    </div>,
    document.body,
  )
}
