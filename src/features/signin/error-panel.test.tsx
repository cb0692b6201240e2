import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen, within } from '@testing-library/react'
import { ErrorPanel } from './error-panel.tsx'

// The catalogue (~150 KB) is a dynamic import: on a busy machine it takes longer than findBy's default second.
afterEach(cleanup)

describe('ErrorPanel', () => {
  it('gives the single-page-application advice for AADSTS50011, with the entry’s sources and the date it was checked', async () => {
    render(
      <ErrorPanel
        title="Signing in failed"
        errorCode="invalid_request"
        message="AADSTS50011: The redirect URI 'https://you.github.io/x/redirect.html' does not match."
      />,
    )
    const entry = (await screen.findByText('AADSTS50011', {}, { timeout: 15_000 })).closest('li')!
    const box = within(entry)
    // Only the SPA advice: the other platforms' advice would tell a browser app to register a Web URI.
    expect(entry).toHaveTextContent('register the URI under Single-page application')
    expect(entry).not.toHaveTextContent('Mobile (iOS / Android)')
    expect(entry).not.toHaveTextContent('A server-side web app')
    const provenance = box.getByTestId('error-provenance')
    expect(within(provenance).getByRole('link', { name: /redirect URI restrictions/ })).toHaveAttribute(
      'href',
      'https://learn.microsoft.com/en-us/entra/identity-platform/reply-url',
    )
    expect(within(provenance).getByRole('link', { name: /error lookup for 50011/ })).toHaveAttribute(
      'href',
      'https://login.microsoftonline.com/error?code=50011',
    )
    // The lookup is listed once, not again under a second label.
    expect(
      within(provenance)
        .getAllByRole('link')
        .filter((a) => a.getAttribute('href')?.includes('error?code=50011')),
    ).toHaveLength(1)
    expect(provenance).toHaveTextContent(/Checked\s*\d{4}-\d{2}-\d{2}/)
  })

  it('an AADSTS code with no entry still links Microsoft’s lookup for it; an OAuth error without sources shows no empty rows', async () => {
    render(<ErrorPanel title="Signing in failed" errorCode="invalid_grant" message="AADSTS9999999: something new" />)
    const unknown = (await screen.findByText('AADSTS9999999', {}, { timeout: 15_000 })).closest('li')!
    expect(within(unknown).getByRole('link', { name: /lookup for AADSTS9999999/ })).toHaveAttribute(
      'href',
      'https://login.microsoftonline.com/error?code=9999999',
    )
    expect(within(unknown).queryByText('Checked')).toBeNull()
    const oauth = screen
      .getAllByText('invalid_grant')
      .map((n) => n.closest('li'))
      .find((li) => li !== null)!
    expect(within(oauth).queryByTestId('error-provenance')).toBeNull()
  })
})
