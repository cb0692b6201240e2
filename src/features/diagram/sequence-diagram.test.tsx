import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen } from '@testing-library/react'
import { approximateMeasure, FONTS, layoutDiagram } from '../../core/diagram/layout.ts'
import { FONT_FAMILY, PALETTES } from '../../core/diagram/palette.ts'
import { templateModel } from '../../core/diagram/templates.ts'
import { syntheticModel } from '../../core/diagram/test-flows.ts'
import { SequenceDiagram } from '../../ui/sequence-diagram/sequence-diagram.tsx'

const fonts = { fonts: FONTS, sans: FONT_FAMILY.sans, mono: FONT_FAMILY.mono }

describe('<SequenceDiagram>', () => {
  const model = templateModel('auth-code-pkce-spa')
  const layout = layoutDiagram(model, approximateMeasure)
  const labels = model.messages.map((m) => m.label)

  it('renders every message as a keyboard-operable button; Enter and click activate it', () => {
    const onActivate = vi.fn()
    render(<SequenceDiagram layout={layout} colours={PALETTES.light} fonts={fonts} rowLabels={labels} title={model.title} onActivate={onActivate} />)
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

  it('marks failures and redirects, and draws responses dashed', () => {
    const refresh = templateModel('refresh-token')
    const { container } = render(<SequenceDiagram layout={layoutDiagram(refresh, approximateMeasure)} colours={PALETTES.dark} fonts={fonts} rowLabels={[]} title="t" />)
    const failed = container.querySelectorAll('[data-failed="true"]')
    expect(failed).toHaveLength(1)
    expect(failed[0]!.querySelector('path')?.getAttribute('stroke')).toBe(PALETTES.dark.failure)
    const response = container.querySelector('[data-kind="response"]:not([data-failed]) path')
    expect(response?.getAttribute('stroke-dasharray')).toBe('6 4')
    expect(container.querySelectorAll('[role="button"]')).toHaveLength(0) // not clickable without onActivate
  })

  it('reveals only the first visibleCount messages (presentation)', () => {
    const { container } = render(<SequenceDiagram layout={layout} colours={PALETTES.light} fonts={fonts} rowLabels={labels} title="t" visibleCount={3} currentIndex={2} />)
    expect(container.querySelectorAll('[data-row]')).toHaveLength(3)
  })

  it('mounts only the rows near the viewport for a 500-message flow', () => {
    const big = syntheticModel(500)
    const { container } = render(<SequenceDiagram layout={layoutDiagram(big, approximateMeasure)} colours={PALETTES.light} fonts={fonts} rowLabels={[]} title="t" onActivate={() => undefined} />)
    const mounted = container.querySelectorAll('[data-row]').length
    expect(mounted).toBeGreaterThan(5)
    expect(mounted).toBeLessThan(150)
    expect(container.querySelector('[data-row="0"]')).not.toBeNull()
  })
})
