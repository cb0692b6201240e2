// The on-screen renderer (ui/sequence-diagram) with the core's drawing: it draws exactly the shapes
// the SVG export writes, and adds selection, keyboard operation, presentation reveal and
// virtualisation. The drawing's own rules are tested once, in core/diagram/drawing.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { drawDiagram } from '../../core/diagram/drawing.ts'
import { approximateMeasure, layoutDiagram } from '../../core/diagram/layout.ts'
import { PALETTES } from '../../core/diagram/palette.ts'
import { renderSvgString } from '../../core/diagram/svg.ts'
import { templateModel } from '../../core/diagram/templates.ts'
import { syntheticModel } from '../../core/diagram/test-flows.ts'
import type { DiagramModel } from '../../core/diagram/types.ts'
import { SequenceDiagram } from '../../ui/sequence-diagram/sequence-diagram.tsx'

const draw = (m: DiagramModel, theme: 'light' | 'dark' = 'light') => drawDiagram(layoutDiagram(m, approximateMeasure), PALETTES[theme])

/** Every drawn element as text (tag, attributes in name order, text), in document order. */
function shapesOf(root: Element): string[] {
  return [...root.querySelectorAll('line, path, rect, circle, text')]
    .filter((el) => !el.classList.contains('hit') && el.getAttribute('width') !== '100%')
    .map(
      (el) =>
        `${el.tagName.toLowerCase()} ${[...el.attributes]
          .map((a) => `${a.name}=${a.value}`)
          .sort()
          .join(' ')} ${el.textContent ?? ''}`,
    )
}

afterEach(cleanup)

describe('<SequenceDiagram>', () => {
  const model = templateModel('auth-code-pkce-spa')
  const drawing = draw(model)
  const labels = model.messages.map((m) => m.label)

  it('draws exactly the shapes of the SVG export (what you export is what you saw)', () => {
    const failing = templateModel('refresh-token') // a failure, a note, redirects
    for (const [m, theme] of [
      [model, 'light'],
      [failing, 'dark'],
    ] as const) {
      const d = draw(m, theme)
      const { container, unmount } = render(<SequenceDiagram drawing={d} rowLabels={[]} title="t" onActivate={() => undefined} />)
      const exported = new DOMParser().parseFromString(renderSvgString(d), 'image/svg+xml').documentElement
      const [header, body] = [...container.querySelectorAll('svg')]
      // The export draws lifelines, then lanes, then messages; the screen keeps lanes in a sticky header.
      const lifelines = d.lifelines.length
      const onScreen = [...shapesOf(body!).slice(0, lifelines), ...shapesOf(header!), ...shapesOf(body!).slice(lifelines)]
      expect(onScreen.length).toBeGreaterThan(40)
      expect(onScreen).toEqual(shapesOf(exported))
      unmount()
    }
  })

  it('renders every message as a keyboard-operable button; Enter and click activate it', () => {
    const onActivate = vi.fn()
    render(<SequenceDiagram drawing={drawing} rowLabels={labels} title={model.title} onActivate={onActivate} />)
    const rows = screen.getAllByRole('button')
    expect(rows).toHaveLength(model.messages.length)
    expect(rows[6]).toHaveAttribute('aria-label', 'Step 7: POST /…/oauth2/v2.0/token')
    expect(rows[6]).toHaveAttribute('tabindex', '0')
    fireEvent.keyDown(rows[6]!, { key: 'Enter' })
    expect(onActivate).toHaveBeenLastCalledWith(6)
    fireEvent.click(rows[2]!)
    expect(onActivate).toHaveBeenLastCalledWith(2)
    rows[3]!.focus()
    fireEvent.keyDown(rows[3]!, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(rows[4])
  })

  it('highlights the selected message and is not clickable without onActivate', () => {
    const { container, rerender } = render(
      <SequenceDiagram drawing={drawing} rowLabels={labels} title="t" selectedIndex={2} onActivate={() => undefined} />,
    )
    const fills = () => [...container.querySelectorAll('rect.hit')].map((r) => r.getAttribute('fill'))
    expect(fills().filter((f) => f === drawing.highlight)).toHaveLength(1)
    expect(container.querySelector('[data-row="2"] rect.hit')).toHaveAttribute('fill', drawing.highlight)
    rerender(<SequenceDiagram drawing={drawing} rowLabels={labels} title="t" />)
    expect(container.querySelectorAll('[role="button"]')).toHaveLength(0)
  })

  it('reveals only the first visibleCount messages (presentation)', () => {
    const { container } = render(<SequenceDiagram drawing={drawing} rowLabels={labels} title="t" visibleCount={3} currentIndex={2} />)
    expect(container.querySelectorAll('[data-row]')).toHaveLength(3)
  })

  it('mounts only the rows near the viewport for a 500-message flow', () => {
    const { container } = render(
      <SequenceDiagram drawing={draw(syntheticModel(500))} rowLabels={[]} title="t" onActivate={() => undefined} />,
    )
    const mounted = container.querySelectorAll('[data-row]').length
    expect(mounted).toBeGreaterThan(5)
    expect(mounted).toBeLessThan(150)
    expect(container.querySelector('[data-row="0"]')).not.toBeNull()
  })
})
