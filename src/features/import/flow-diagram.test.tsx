// The Import screen's diagram of a detected flow, drawn from the perspective its source implies.
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { analyzeFlows } from '../../core/flows/detect.ts'
import { parseHar } from '../../core/har/parse.ts'
import { HAR_FIXTURES } from '../../core/har/test-fixtures.ts'
import type { LoadedHar } from '../../stores/import-store.ts'
import { FlowDiagram } from './flow-diagram.tsx'

afterEach(cleanup)

/** A HAR fixture as the import store holds it once analysed, coming from `source`. */
function loadedFile(name: string, source: LoadedHar['source'] = 'file'): LoadedHar {
  const r = parseHar(HAR_FIXTURES[name] ?? '')
  if (!r.ok) throw new Error(r.message)
  return {
    source,
    name,
    size: 0,
    creator: 'test',
    warnings: [],
    warningCount: 0,
    analysis: analyzeFlows(r.entries),
    entries: Object.fromEntries(r.entries.entries()),
  }
}

function draw(loaded: LoadedHar) {
  const flow = loaded.analysis.flows[0]
  if (!flow) throw new Error('no flow detected')
  render(
    <MemoryRouter>
      <FlowDiagram flow={flow} loaded={loaded} />
    </MemoryRouter>,
  )
  const diagram = screen.getByTestId('flow-diagram')
  const cast = within(diagram).getByRole('img').getAttribute('aria-label') ?? ''
  const rows = within(diagram)
    .getAllByRole('button')
    .map((b) => b.getAttribute('aria-label') ?? '')
  return { cast, rows }
}

describe('<FlowDiagram> of an imported HAR file', () => {
  it('draws it from the browser: the browser calls, the redirect-URI host is the app, the unseen token call is the server’s', () => {
    const { cast, rows } = draw(loadedFile('webapp-confidential.har'))
    expect(cast).toMatch(/participants Browser, App \(redirect URI\), /)
    expect(cast).not.toContain('This app')
    expect(rows.find((r) => r.includes('/authorize'))).toMatch(/^Step \d+: Browser to Authorization endpoint: GET /)
    expect(rows.find((r) => r.includes('/signin-oidc'))).toMatch(/^Step \d+: Browser to App \(redirect URI\): POST \/signin-oidc/)
    // The confidential client's code redemption never passed through the browser: the app server makes it.
    const token = rows.find((r) => r.includes('to Token endpoint'))
    expect(token).toMatch(/^Step \d+: App \(redirect URI\) to Token endpoint: POST /)
  })

  it('keeps the app’s perspective for this tab’s own capture analysed on the Import screen', () => {
    const { cast } = draw(loadedFile('webapp-confidential.har', 'capture'))
    expect(cast).toMatch(/participants This app, /)
    expect(cast).not.toContain('Browser')
  })
})
