import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { ClaimAnnotation, HeaderAnnotation } from '../../core/claims/types.ts'
import { AnnotationTable } from './annotation-table.tsx'
import { makeRedactor } from './redaction.ts'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

// "admin" followed by RIGHT-TO-LEFT OVERRIDE and "gpj.exe": shown raw, a browser would draw it
// reversed (the Trojan Source trick, CVE-2021-42574).
const TROJAN = 'admin\u202Egpj.exe'

function claim(name: string, value: unknown): ClaimAnnotation {
  return { name, value, known: false, definedIn: [], tokenTypes: [], versions: [], human: [], personal: false }
}

const off = makeRedactor(false, [])

describe('invisible characters in claims', () => {
  it('draws U+202E as a visible marker, never as the control, and explains it next to the value', () => {
    const { container } = render(<AnnotationTable items={[claim('role', TROJAN)]} now={0} redactor={off} caption="Claims" kind="claim" />)
    const row = container.querySelector('[data-claim="role"]') as HTMLElement
    expect(row.textContent).not.toContain('\u202E')
    const marker = row.querySelector('[data-invisible="U+202E"]')
    expect(marker).toHaveTextContent('⟨U+202E⟩')
    expect(row).toHaveTextContent('admin⟨U+202E⟩gpj.exe')
    const note = within(row).getByRole('note')
    expect(note).toHaveTextContent('This value contains an invisible character: RIGHT-TO-LEFT OVERRIDE (U+202E) at position 6.')
    expect(note).toHaveTextContent('copying from the screen copies the markers')
  })

  it('"Copy the real value" copies the value with its invisible character', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    render(<AnnotationTable items={[claim('role', TROJAN)]} now={0} redactor={off} caption="Claims" kind="claim" />)
    fireEvent.click(screen.getByRole('button', { name: /Copy the real value/ }))
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(TROJAN))
  })

  it('marks zero-width characters in claim names and in array values, with their own note', () => {
    const { container } = render(
      <AnnotationTable items={[claim('ro\u200Bles', ['a', 'b\u2066c'])]} now={0} redactor={off} caption="Claims" kind="claim" />,
    )
    const row = container.querySelector('[data-claim="ro\u200Bles"]') as HTMLElement
    expect(within(row).getByRole('button', { name: /^ro⟨U\+200B⟩les: show explanation/ })).toBeInTheDocument()
    const notes = within(row)
      .getAllByRole('note')
      .map((n) => n.textContent)
    expect(notes[0]).toContain('This claim name contains an invisible character: ZERO WIDTH SPACE (U+200B) at position 3.')
    expect(notes[1]).toContain('This value (as JSON) contains an invisible character: LEFT-TO-RIGHT ISOLATE (U+2066) at position 8.')
    expect(row.querySelector('[data-invisible="U+2066"]')).toHaveTextContent('⟨U+2066⟩')
  })

  it('marks header parameter values too, and shows nothing extra for plain values', () => {
    const header: HeaderAnnotation = { name: 'kid', value: 'key\uFEFF1', known: true, definedIn: [], human: [], risky: false }
    const plain: HeaderAnnotation = { name: 'alg', value: 'RS256', known: true, definedIn: [], human: [], risky: false }
    const { container } = render(<AnnotationTable items={[header, plain]} now={0} redactor={off} caption="Header" kind="header" />)
    expect(container.querySelector('[data-header-param="kid"] [data-invisible="U+FEFF"]')).toBeInTheDocument()
    expect(within(container.querySelector('[data-header-param="alg"]') as HTMLElement).queryByRole('note')).toBeNull()
  })
})
