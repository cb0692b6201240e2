import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import type { CapturedEntry } from '../../core/capture/types.ts'
import { parseHar } from '../../core/har/parse.ts'
import { sanitizeEntries } from '../../core/har/sanitize.ts'
import { HAR_FIXTURES } from '../../core/har/test-fixtures.ts'
import { useImportStore } from '../../stores/import-store.ts'
import { FindingsList } from './findings-list.tsx'
import { ImportPage } from './import-page.tsx'

afterEach(() => {
  cleanup()
  useImportStore.getState().reset()
})

function entriesOf(name: string): CapturedEntry[] {
  const r = parseHar(HAR_FIXTURES[name] ?? '')
  if (!r.ok) throw new Error(r.message)
  // The live-capture path analyses entries on the main thread; any HAR entries serve here.
  return r.entries as CapturedEntry[]
}

describe('ImportPage', () => {
  it('shows flows, lint findings with spec links, steps and tokens of an analysed capture', async () => {
    render(
      <MemoryRouter>
        <ImportPage />
      </MemoryRouter>,
    )
    expect(screen.getByRole('button', { name: 'Choose a HAR file…' })).toBeEnabled()
    act(() => useImportStore.getState().analyseCapture(entriesOf('leaked-secret.har')))
    expect(screen.getByTestId('import-summary')).toHaveTextContent('1 flow found')
    const findings = screen.getByTestId('flow-findings')
    const secret = within(findings).getAllByText(/client secret is visible/)
    expect(secret).toHaveLength(2)
    expect(within(findings).getAllByRole('link', { name: /RFC 8252 §8\.5/ })[0]).toHaveAttribute(
      'href',
      'https://www.rfc-editor.org/rfc/rfc8252#section-8.5',
    )
    expect(within(screen.getByTestId('flow-steps')).getAllByRole('listitem')).toHaveLength(5)
    // Codes in step URLs are masked on screen.
    expect(screen.getByTestId('flow-steps')).toHaveTextContent('code=[redacted:code]')
    // The verdicts wait for the lazily imported verifier: over a second on a busy 2-core machine.
    await waitFor(() => expect(screen.getAllByTestId('token-verdict').length).toBeGreaterThan(0), { timeout: 10_000 })
  })

  it('shows a sanitised file’s placeholders whole (their number links the places), real values cut short', () => {
    render(
      <MemoryRouter>
        <ImportPage />
      </MemoryRouter>,
    )
    const entries = entriesOf('demo-signin.har')
    act(() => useImportStore.getState().analyseCapture(sanitizeEntries(entries).entries as CapturedEntry[]))
    const values = within(screen.getByTestId('flow-tokens'))
      .getAllByRole('listitem')
      .map((li) => li.querySelector('code')?.textContent ?? '')
    expect(values.length).toBeGreaterThan(0)
    expect(values.every((v) => /^\[redacted:[a-z_]+:\d+\]$/.test(v))).toBe(true)
    cleanup()
    render(
      <MemoryRouter>
        <ImportPage />
      </MemoryRouter>,
    )
    act(() => useImportStore.getState().analyseCapture(entries))
    const raw = within(screen.getByTestId('flow-tokens'))
      .getAllByRole('listitem')
      .map((li) => li.querySelector('code')?.textContent ?? '')
    expect(raw.every((v) => v.length === 13 && v.endsWith('…'))).toBe(true)
  })

  it('shows each JWT with the core’s one verdict: keys found in the capture are named, never plain “valid”', async () => {
    render(
      <MemoryRouter>
        <ImportPage />
      </MemoryRouter>,
    )
    act(() => useImportStore.getState().analyseCapture(entriesOf('demo-signin.har')))
    const idRow = within(screen.getByTestId('flow-tokens'))
      .getAllByRole('listitem')
      .find((li) => li.textContent?.startsWith('ID token'))!
    // Checked as of the capture time with the key set recorded in it (the verifier loads lazily).
    await waitFor(() => expect(within(idRow).getByTestId('token-verdict')).toHaveAttribute('data-verdict-kind', 'valid_other_keys'), {
      timeout: 10_000,
    })
    const badge = within(idRow).getByTestId('token-verdict')
    expect(badge).toHaveTextContent('matches the capture’s keys, not the issuer’s')
    expect(badge.querySelector('[title]')?.getAttribute('title')).toContain(
      'Signature matches the keys in this tab’s live capture — not checked against the issuer',
    )
    // The JSON report carries the same verdict, by kind and headline.
    const report = JSON.parse(useImportStore.getState().exportReport('2026-01-15T10:00:00.000Z')) as {
      flows: { tokens: { kind: string; verdict: { kind: string; headline: string; signature: string } | null }[] }[]
    }
    const idVerdict = report.flows[0]?.tokens.find((t) => t.kind === 'id_token')?.verdict
    expect(idVerdict).toMatchObject({ kind: 'valid_other_keys', signature: 'valid' })
    expect(idVerdict?.headline).toContain('not checked against the issuer')
  })

  it('lists the server-side step of a confidential web app as not observed', () => {
    render(
      <MemoryRouter>
        <ImportPage />
      </MemoryRouter>,
    )
    act(() => useImportStore.getState().analyseCapture(entriesOf('webapp-confidential.har')))
    const steps = within(screen.getByTestId('flow-steps')).getAllByRole('listitem')
    expect(steps.at(-1)).toHaveTextContent('Token request (server-side, inferred)')
    expect(screen.getByText('has a server-side step')).toBeInTheDocument()
    // A code redeemed server-side makes it a confidential client, shown in the flow header.
    expect(screen.getByTestId('client-type')).toHaveTextContent('confidential client · authorization_code')
  })
})

describe('FindingsList', () => {
  it('explains an error response from the lazily loaded table, AADSTS included', async () => {
    render(
      <FindingsList
        steps={[]}
        findings={[
          {
            code: 'error_response',
            severity: 'error',
            message: 'Token request failed: invalid_client (AADSTS7000218).',
            specRef: { label: 'RFC 6749 §5.2', url: 'https://www.rfc-editor.org/rfc/rfc6749#section-5.2' },
            error: {
              error: 'invalid_client',
              code: '7000218',
              description: 'AADSTS7000218: The request body must contain client_assertion or client_secret.',
            },
          },
        ]}
      />,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Explain this error' }))
    const why = await screen.findByTestId('error-explanation')
    expect(why).toHaveTextContent('AADSTS7000218')
    expect(why).toHaveTextContent('could not authenticate the client')
    // Sources and the date they were checked, as on the sign-in screen, ending with Microsoft's lookup for the code.
    expect(within(why).getByRole('link', { name: /error lookup for 7000218/ })).toHaveAttribute(
      'href',
      'https://login.microsoftonline.com/error?code=7000218',
    )
    expect(within(why).getByText('Checked')).toBeInTheDocument()
  })
})
