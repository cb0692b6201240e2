import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { MAX_TOKEN_INPUT_CHARS } from '../../core/token/decode.ts'
import { decodeToken } from '../../core/token/decode.ts'
import { useInspectorStore } from '../../stores/inspector-store.ts'
import { ComparePanel } from './compare-panel.tsx'
import { TokenInput } from './token-input.tsx'
import type { Redactor } from './redaction.ts'

// The token input wired to the real store exactly as the inspector page wires it.
function Inspector() {
  const s = useInspectorStore()
  return (
    <TokenInput
      value={s.input}
      onChange={(v, src) => s.setInput(v, src)}
      decoded={s.input ? decodeToken(s.input) : null}
      redacted={false}
    />
  )
}

const OFF: Redactor = { active: false, isPersonal: () => false, text: (t) => t, payload: (p) => p }
function Compare() {
  const s = useInspectorStore()
  return <ComparePanel first={null} second={null} secondText={s.compareInput} onSecondChange={s.setCompareInput} redactor={OFF} />
}

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'
const HUGE = `eyJ${'A'.repeat(5 * 1024 * 1024 - 3)}`
const stored = (key: string) => sessionStorage.getItem(`token-lens:inspector:${key}`)

afterEach(cleanup)
beforeEach(() => {
  sessionStorage.clear()
  useInspectorStore.getState().clear()
})

describe('token input: text over the size limit', () => {
  it('a 5 MB paste is stopped before it enters the field: message shown, nothing stored, previous token kept', () => {
    useInspectorStore.getState().setInput(JWT, 'paste')
    const { container } = render(<Inspector />)
    const area = screen.getByLabelText('Token')
    const notPrevented = fireEvent.paste(area, { clipboardData: { getData: () => HUGE } })
    expect(notPrevented).toBe(false)
    expect(screen.getByRole('alert')).toHaveTextContent(
      /This text is 5,242,880 characters long \(5\.0 MB\); a token is at most 64 KB .* Nothing was pasted or stored; the token you had is still here\./,
    )
    expect(stored('input')).toBe(JWT)
    expect(useInspectorStore.getState().input).toBe(JWT)
    expect(container.textContent?.length).toBeLessThan(10_000)
  })

  it('over-limit text that reaches the field anyway (typed, filled, dropped) is refused the same way', () => {
    render(<Inspector />)
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: HUGE } })
    expect(screen.getByRole('alert')).toHaveTextContent(/5,242,880 characters long .* Nothing was pasted or stored\.$/)
    expect(stored('input')).toBeNull()
    expect(useInspectorStore.getState().input).toBe('')
  })

  it('a token just under the limit is accepted and the message goes away', () => {
    render(<Inspector />)
    const area = screen.getByLabelText('Token')
    fireEvent.change(area, { target: { value: HUGE } })
    expect(screen.getByRole('alert')).toBeInTheDocument()
    fireEvent.change(area, { target: { value: JWT } })
    expect(screen.queryByRole('alert')).toBeNull()
    expect(stored('input')).toBe(JWT)
  })

  it('an over-limit value opened from elsewhere is not mirrored: it is explained and can be cleared', () => {
    useInspectorStore.getState().openToken(`${'A'.repeat(MAX_TOKEN_INPUT_CHARS + 1)}`, { source: 'HAR import' })
    const { container } = render(<Inspector />)
    expect(container.querySelector('textarea')).toBeNull()
    expect(screen.getByRole('alert')).toHaveTextContent(/131,073 characters long .* It was not stored\./)
    expect(stored('input')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Clear it' }))
    expect(useInspectorStore.getState().input).toBe('')
    expect(container.querySelector('textarea')).not.toBeNull()
  })

  it('the second (compare) token refuses a 5 MB paste with the same message and stores nothing', () => {
    useInspectorStore.getState().setCompareInput(JWT)
    render(<Compare />)
    const area = screen.getByLabelText('Second token')
    expect(fireEvent.paste(area, { clipboardData: { getData: () => HUGE } })).toBe(false)
    expect(screen.getByRole('alert')).toHaveTextContent(
      /5,242,880 characters long .* Nothing was pasted or stored; the second token you had is still here\./,
    )
    fireEvent.change(area, { target: { value: HUGE } })
    expect(stored('compare')).toBe(JWT)
    expect(useInspectorStore.getState().compareInput).toBe(JWT)
  })
})
