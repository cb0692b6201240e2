import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { demoCapture } from '../../core/diagram/test-flows.ts'
import { analyzeFlows } from '../../core/flows/detect.ts'
import { stampedCapture } from '../../core/flows/test-kit.ts'
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
    // One flow in the capture: nothing to choose.
    expect(screen.queryByRole('combobox', { name: 'Draw' })).toBeNull()
  })

  it('with two flows in the capture, draws one alone and its arrows still open their own rows', async () => {
    // Two sign-ins in one tab's capture (a SPA and a confidential web app), stamped as the live
    // capture stamps its exchanges.
    const entries = stampedCapture()
    useCaptureStore.setState({ entries })
    const web = analyzeFlows(entries).flows.find((f) => f.steps.some((st) => st.url.includes('/signin-oidc')))
    if (!web) throw new Error('no web app flow')
    renderPage()
    const arrows = async () =>
      (await screen.findAllByRole('button', { name: /^Step \d+:/ }, LAZY)).map((s) => s.getAttribute('aria-label') ?? '')
    const all = await arrows()
    expect(all.some((a) => a.includes('/signin-oidc'))).toBe(true)
    expect(all.some((a) => a.includes('/redirect.html'))).toBe(true)

    const draw = screen.getByRole('combobox', { name: 'Draw' })
    expect(within(draw).getAllByRole('option')).toHaveLength(3)
    fireEvent.change(draw, { target: { value: web.id } })
    const one = await arrows()
    expect(one.some((a) => a.includes('/signin-oidc'))).toBe(true)
    expect(one.some((a) => a.includes('/redirect.html'))).toBe(false)
    expect(one.length).toBeLessThan(all.length)
    expect(screen.getByRole('link', { name: 'Open in the Diagram screen' })).toHaveAttribute(
      'href',
      `/diagram?source=capture:${encodeURIComponent(web.id)}`,
    )

    // The callback's arrow opens the callback's own row of the whole list, not the row at its
    // place in the flow.
    const callbackAt = entries.findIndex((e) => e.request.url.includes('/signin-oidc'))
    const rows = within(screen.getByRole('list', { name: 'Captured exchanges' })).getAllByRole('button', { expanded: false })
    expect(rows.length).toBe(entries.length)
    const [callback] = screen.getAllByRole('button', { name: /^Step \d+: .*\/signin-oidc/ })
    if (!callback) throw new Error('no callback arrow')
    fireEvent.click(callback)
    expect(rows[callbackAt]).toHaveAttribute('aria-expanded', 'true')
    expect(rows.filter((r) => r.getAttribute('aria-expanded') === 'true')).toHaveLength(1)
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
