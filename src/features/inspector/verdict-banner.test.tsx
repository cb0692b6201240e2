import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen } from '@testing-library/react'
import { decodeToken } from '../../core/token/decode.ts'
import type { InspectionReport } from '../../core/token/types.ts'
import { verdictReport } from '../../core/token/__fixtures__/verdict-report.ts'
import { VerdictBanner } from './verdict-banner.tsx'
import { makeRedactor } from './redaction.ts'

// The rules live in core/token/verdict.ts (and its tests); this checks only that the banner shows
// the core's verdict as it is: headline as the title, reasons as one paragraph, kind as the style.
const report = (sig: Partial<InspectionReport['signature']>): InspectionReport => verdictReport({ payload: { name: 'Ada Lovelace' } }, sig)
const off = makeRedactor(false, [])

afterEach(cleanup)

describe('VerdictBanner', () => {
  it('shows the headline as the title and the reasons as one paragraph', () => {
    const chain = {
      source: 'capture' as const,
      fetches: [],
      refetched: false,
      candidates: [],
      origin: { kind: 'capture' as const, label: 'the imported file “evil.har”', capturedAt: Date.UTC(2026, 0, 2, 3, 4) },
    }
    const { container } = render(<VerdictBanner report={report({ chain })} decoded={null} now={0} redactor={off} pretend={false} />)
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Signature matches the keys in the imported file “evil.har” — not checked against the issuer',
    )
    expect(screen.getByText(/^Verified with key k1\. Those keys came with the file as recorded on 2026-01-02 03:04 UTC;/)).toBeTruthy()
    expect(container.querySelector('section')?.getAttribute('data-verdict')).toBe('valid_other_keys')
  })

  it('says the keys are not fetched yet, with a button, while the issuer awaits consent', () => {
    const noKeys = report({
      status: 'unverifiable',
      reason: 'No keys were given.',
      chain: { source: 'none', fetches: [], refetched: false, candidates: [] },
    })
    render(
      <VerdictBanner
        report={noKeys}
        decoded={null}
        now={0}
        redactor={off}
        pretend={false}
        awaitingKeysFrom="issuer.test.example"
        onFetchOnce={() => {}}
      />,
    )
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Cannot be verified here — keys not fetched yet')
    expect(screen.getByRole('button', { name: 'Fetch keys from issuer.test.example' })).toBeTruthy()
  })

  it('reads the decoder alone before the report arrives', () => {
    const { container } = render(
      <VerdictBanner report={null} decoded={decodeToken('eyJ*.e30.sig')} now={0} redactor={off} pretend={false} />,
    )
    expect(container.querySelector('section')?.getAttribute('data-verdict')).toBe('malformed')
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Not a readable token')
  })

  it('passes the reasons through the redactor', () => {
    const r = makeRedactor(true, [
      [{ name: 'name', value: 'Ada Lovelace', known: true, definedIn: [], tokenTypes: [], versions: [], human: [], personal: true }],
    ])
    render(
      <VerdictBanner
        report={report({ status: 'invalid', reason: 'Signed for Ada Lovelace with key k1, but it does not match.' })}
        decoded={null}
        now={0}
        redactor={r}
        pretend={false}
      />,
    )
    expect(screen.getByText('Signed for •••••• with key k1, but it does not match.')).toBeTruthy()
  })
})
