import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen, within } from '@testing-library/react'
import type { Finding } from '../../core/token/types.ts'
import type { ClaimAnnotation } from '../../core/claims/types.ts'
import { FindingsList } from './findings-list.tsx'
import { makeRedactor } from './redaction.ts'

const ref = { label: 'RFC 7519 §4.1.4', url: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4' }
const findings: Finding[] = [
  { code: 'lifetime_info', severity: 'info', subject: 'exp', message: 'Lifetime is 60 min.', specRef: ref },
  {
    code: 'expired',
    severity: 'error',
    subject: 'exp',
    message: 'The token expired 2 h ago.',
    expected: 'after now',
    actual: '2026-11-18',
    specRef: ref,
  },
  {
    code: 'aud_mismatch',
    severity: 'error',
    subject: 'aud',
    message: 'Audience differs for ada@example.com.',
    expected: 'api://mine',
    actual: 'ada@example.com',
    specRef: { label: 'evil', url: 'javascript:alert(1)' },
  },
  { code: 'untrusted_jku', severity: 'warning', subject: 'header.jku', message: 'jku ignored.', specRef: ref },
]

const personalEmail: ClaimAnnotation = {
  name: 'email',
  value: 'ada@example.com',
  known: true,
  definedIn: [],
  tokenTypes: [],
  versions: [],
  human: [],
  personal: true,
}

afterEach(cleanup)

describe('FindingsList', () => {
  it('groups findings by severity, errors first, each element carrying its code', () => {
    const { container } = render(<FindingsList findings={findings} redactor={makeRedactor(false, [])} />)
    const groups = screen.getAllByRole('region')
    expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual(['Errors (2)', 'Warnings (1)', 'Notes (1)'])
    expect([...container.querySelectorAll('[data-finding-code]')].map((e) => e.getAttribute('data-finding-code'))).toEqual([
      'expired',
      'aud_mismatch',
      'untrusted_jku',
      'lifetime_info',
    ])
    const expired = container.querySelector('[data-finding-code="expired"]') as HTMLElement
    expect(within(expired).getByText('after now')).toBeInTheDocument()
    expect(within(expired).getByText('2026-11-18')).toBeInTheDocument()
    expect(within(expired).getByRole('link', { name: /RFC 7519 §4.1.4/ })).toHaveAttribute('href', ref.url)
  })

  it('never turns a non-http spec URL into a link', () => {
    const { container } = render(<FindingsList findings={findings} redactor={makeRedactor(false, [])} />)
    const aud = container.querySelector('[data-finding-code="aud_mismatch"]') as HTMLElement
    expect(within(aud).queryByRole('link')).toBeNull()
    expect(within(aud).getByText('evil')).toBeInTheDocument()
  })

  it('masks personal values in messages and actual values in redaction mode', () => {
    const { container } = render(<FindingsList findings={findings} redactor={makeRedactor(true, [[personalEmail]])} />)
    expect(container.textContent).not.toContain('ada@example.com')
    expect(container.textContent).toContain('api://mine')
  })

  it('says so when there is nothing to report', () => {
    render(<FindingsList findings={[]} redactor={makeRedactor(false, [])} />)
    expect(screen.getByText(/No findings/)).toBeInTheDocument()
  })
})
