import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { demoCapture } from '../../core/diagram/test-flows.ts'
import { useCaptureStore } from '../../stores/capture-store.ts'
import { useInspectorStore } from '../../stores/inspector-store.ts'
import { ExchangesPage } from './exchanges-page.tsx'

beforeEach(() => {
  useCaptureStore.setState({ entries: demoCapture() })
  useInspectorStore.getState().setRedact(false)
})
afterEach(() => {
  cleanup()
  useCaptureStore.setState({ entries: [] })
  useInspectorStore.getState().setRedact(false)
})

function renderPage() {
  render(
    <MemoryRouter initialEntries={['/flow']}>
      <ExchangesPage />
    </MemoryRouter>,
  )
}

/** The exchange list's row buttons, in order (the disclosure buttons with aria-expanded). */
function rowButton(name: RegExp): HTMLElement {
  return within(screen.getByRole('list', { name: 'Captured exchanges' })).getByRole('button', { name })
}

// The diagram is a lazily loaded chunk: on a busy 2-core machine it can take longer than findBy's default second
// (the tests of this block get 20 s, over Vitest's 5 s default, for the same reason).
const LAZY = { timeout: 10_000 }

describe('Flow screen sequence diagram', { timeout: 20_000 }, () => {
  it('is open by default and draws the live capture from the app perspective', async () => {
    renderPage()
    expect(screen.getByRole('button', { name: 'Sequence diagram' })).toHaveAttribute('aria-expanded', 'true')
    const steps = await screen.findAllByRole('button', { name: /^Step \d+:/ }, LAZY)
    const names = steps.map((s) => s.getAttribute('aria-label') ?? '')
    expect(names.some((n) => /^Step \d+: This app to Authorization endpoint: GET .*authorize/.test(n))).toBe(true)
    expect(names.some((n) => /^Step \d+: This app to Token endpoint: POST .*token, grant_type=authorization_code/.test(n))).toBe(true)
    expect(screen.getByRole('link', { name: 'Open in the Diagram screen' })).toHaveAttribute('href', '/diagram?source=capture')
  })

  it('clicking the token message expands, focuses and outlines the token exchange row', async () => {
    renderPage()
    const token = rowButton(/Token/)
    expect(token).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByText('code_verifier')).toBeNull()
    const arrow = await screen.findByRole('button', { name: /^Step \d+: This app to Token endpoint: POST/ }, LAZY)
    fireEvent.click(arrow)
    expect(token).toHaveAttribute('aria-expanded', 'true')
    expect(document.activeElement).toBe(token)
    expect(token.closest('li')).toHaveAttribute('data-highlighted', 'true')
    const region = document.getElementById(token.getAttribute('aria-controls') ?? '')
    expect(region).not.toBeNull()
    expect(within(region!).getByText('code_verifier')).toBeInTheDocument()
    expect(arrow).toHaveAttribute('aria-pressed', 'true')
    // Only the token row opened.
    expect(rowButton(/Discovery/)).toHaveAttribute('aria-expanded', 'false')
    // The response arrow belongs to the same exchange; activating it keeps the row open.
    fireEvent.click(await screen.findByRole('button', { name: /^Step \d+: Token endpoint to This app: 200/ }, LAZY))
    expect(token).toHaveAttribute('aria-expanded', 'true')
  })

  it('Enter on a message opens its row too; the row still toggles by hand', async () => {
    renderPage()
    const [arrow] = await screen.findAllByRole('button', { name: /^Step \d+: Discovery & JWKS to This app: 200 OK, issuer/ }, LAZY)
    if (!arrow) throw new Error('no discovery answer drawn')
    fireEvent.keyDown(arrow, { key: 'Enter' })
    const discovery = rowButton(/Discovery/)
    expect(discovery).toHaveAttribute('aria-expanded', 'true')
    expect(document.activeElement).toBe(discovery)
    fireEvent.click(discovery)
    expect(discovery).toHaveAttribute('aria-expanded', 'false')
  })

  it('masks secrets and personal values on the arrows when the shared redaction switch is on', async () => {
    renderPage()
    const labels = async () =>
      (await screen.findAllByRole('button', { name: /^Step \d+:/ }, LAZY)).map((s) => s.getAttribute('aria-label') ?? '').join('\n')
    const plain = await labels()
    expect(plain).toMatch(/state=STATE/)
    fireEvent.click(screen.getByRole('switch', { name: 'Redact' }))
    expect(useInspectorStore.getState().redact).toBe(true)
    const masked = await labels()
    expect(masked).not.toMatch(/STATE1234|CODEVALUE|Megan/)
    expect(masked).toMatch(/state=/)
  })

  it('collapses, and the list renders without the diagram', async () => {
    renderPage()
    await screen.findAllByRole('button', { name: /^Step \d+:/ }, LAZY)
    fireEvent.click(screen.getByRole('button', { name: 'Sequence diagram' }))
    expect(screen.getByRole('button', { name: 'Sequence diagram' })).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByTestId('sequence-diagram')).toBeNull()
    expect(within(screen.getByRole('list', { name: 'Captured exchanges' })).getAllByRole('listitem')).toHaveLength(demoCapture().length)
  })
})
