import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { analyzeFlows } from '../../core/flows/detect.ts'
import { parseHar } from '../../core/har/parse.ts'
import { HAR_FIXTURES } from '../../core/har/test-fixtures.ts'
import { useImportStore, type LoadedHar } from '../../stores/import-store.ts'
import { useCaptureStore } from '../../stores/capture-store.ts'
import { stampedCapture } from '../../core/flows/test-kit.ts'
import { DiagramPage } from './diagram-page.tsx'

afterEach(() => {
  cleanup()
  useImportStore.getState().reset()
  useCaptureStore.setState({ entries: [] })
})

function load(name: string, source: LoadedHar['source']): string {
  const r = parseHar(HAR_FIXTURES[name] ?? '')
  if (!r.ok) throw new Error(r.message)
  const analysis = analyzeFlows(r.entries)
  const entries: LoadedHar['entries'] = {}
  r.entries.forEach((e, i) => {
    entries[i] = e
  })
  useImportStore.setState({
    status: 'ready',
    loaded: { source, name, size: 0, creator: 'test', warnings: [], warningCount: 0, analysis, entries },
  })
  const flow = analysis.flows[0]
  if (!flow) throw new Error('no flow detected')
  return `import:${flow.id}`
}

function open(source: string) {
  render(
    <MemoryRouter initialEntries={[`/diagram?source=${encodeURIComponent(source)}`]}>
      <DiagramPage />
    </MemoryRouter>,
  )
  expect(screen.getByTestId('source-picker')).toHaveValue(source)
  const cast = screen.getByRole('img', { name: /participants/ }).getAttribute('aria-label') ?? ''
  const rows = screen.getAllByRole('button', { name: /^Step \d+:/ }).map((b) => b.getAttribute('aria-label') ?? '')
  return { cast, rows }
}

describe('<DiagramPage> with ?source=import:…', () => {
  it('draws an imported HAR file from the browser’s perspective', () => {
    const { cast, rows } = open(load('webapp-confidential.har', 'file'))
    expect(cast).toMatch(/participants Browser, App \(redirect URI\), /)
    expect(rows.find((r) => r.includes('/signin-oidc'))).toMatch(/: Browser to App \(redirect URI\): POST \/signin-oidc/)
    // The code redemption the browser never saw is drawn from the app server.
    expect(rows.find((r) => r.includes('to Token endpoint'))).toMatch(/: App \(redirect URI\) to Token endpoint: POST /)
    expect(within(screen.getByTestId('source-picker')).getByRole('option', { selected: true })).toHaveTextContent('webapp-confidential.har')
  })

  it('keeps the app’s perspective for this tab’s capture analysed on the Import screen', () => {
    const { cast } = open(load('webapp-confidential.har', 'capture'))
    expect(cast).toMatch(/participants This app, /)
    expect(cast).not.toContain('Browser')
  })

  it('draws a tab recorded by the extension from the browser’s perspective: the server-side code redemption is the app server’s', () => {
    const { cast, rows } = open(load('webapp-confidential.har', 'recording'))
    expect(cast).toMatch(/participants Browser, App \(redirect URI\), /)
    expect(cast).not.toContain('This app')
    expect(rows.find((r) => r.includes('to Token endpoint'))).toMatch(/: App \(redirect URI\) to Token endpoint: POST /)
  })
})

describe('<DiagramPage> with a live capture of two flows', () => {
  it('offers the whole capture and each flow the analysis found, and draws one flow alone', () => {
    // Two sign-ins in one tab's capture, stamped as the live capture stamps its exchanges.
    const entries = stampedCapture()
    useCaptureStore.setState({ entries })
    const flows = analyzeFlows(entries).flows
    expect(flows.length).toBe(2)
    const web = flows.find((f) => f.steps.some((st) => st.url.includes('/signin-oidc')))
    if (!web) throw new Error('no web app flow')
    const { rows } = open(`capture:${web.id}`)
    const options = within(screen.getByTestId('source-picker'))
      .getAllByRole('option')
      .map((o) => o.textContent ?? '')
    expect(options.filter((o) => o.startsWith('Live capture'))).toHaveLength(3)
    // Only that flow's steps: the web app's callback, none of the demo sign-in's /redirect.html.
    expect(rows.some((r) => r.includes('/signin-oidc'))).toBe(true)
    expect(rows.some((r) => r.includes('/redirect.html'))).toBe(false)
    expect(rows.length).toBeLessThan(entries.length * 2)
  })
})

describe('<DiagramPage> presentation mode', () => {
  it('renders the overlay outside the app root, makes the app inert while open and refocuses Present on exit', () => {
    const root = document.body.appendChild(document.createElement('div'))
    root.id = 'root'
    const other = document.body.appendChild(document.createElement('div'))
    other.setAttribute('inert', '') // already inert: must stay so after the presentation closes
    try {
      render(
        <MemoryRouter initialEntries={['/diagram?source=template:auth-code-pkce-spa']}>
          <DiagramPage />
        </MemoryRouter>,
        { container: root },
      )
      const present = screen.getByRole('button', { name: /Present/ })
      present.focus()
      fireEvent.click(present)
      const deck = screen.getByTestId('presentation')
      expect(root.contains(deck)).toBe(false)
      expect(deck.parentElement).toBe(document.body)
      expect(root).toHaveAttribute('inert')
      expect(deck.contains(document.activeElement)).toBe(true)
      fireEvent.keyDown(window, { key: 'Escape' })
      expect(screen.queryByTestId('presentation')).toBeNull()
      expect(root).not.toHaveAttribute('inert')
      expect(other).toHaveAttribute('inert')
      expect(document.activeElement).toBe(present)
    } finally {
      cleanup()
      root.remove()
      other.remove()
    }
  })
})
