import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { decodeToken } from '../../core/token/decode.ts'
import { TokenInput } from './token-input.tsx'

afterEach(cleanup)

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'

describe('TokenInput', () => {
  it('is a labelled textarea whose edits are reported as pasted input', async () => {
    const onChange = vi.fn()
    render(<TokenInput value="" onChange={onChange} decoded={null} redacted={false} />)
    await userEvent.type(screen.getByLabelText('Token'), 'e')
    expect(onChange).toHaveBeenCalledWith('e', 'paste')
  })

  it('names each segment with its length', () => {
    render(<TokenInput value={JWT} onChange={() => {}} decoded={decodeToken(JWT)} redacted={false} />)
    const legend = screen.getByRole('list', { name: 'Token segments' })
    expect(legend).toHaveTextContent('header 20 chars')
    expect(legend).toHaveTextContent('payload 15 chars')
    expect(legend).toHaveTextContent('signature 12 chars')
  })

  it('reads a dropped file, taking the id_token out of a saved token response', async () => {
    const onChange = vi.fn()
    render(<TokenInput value="" onChange={onChange} decoded={null} redacted={false} />)
    const file = new File([JSON.stringify({ token_type: 'Bearer', id_token: JWT, access_token: 'opaque' })], 'response.json', {
      type: 'application/json',
    })
    fireEvent.drop(screen.getByLabelText('Token').parentElement as HTMLElement, { dataTransfer: { files: [file], getData: () => '' } })
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(JWT, 'file response.json'))
  })

  it('refuses a file far larger than any token, and says why', async () => {
    const onChange = vi.fn()
    render(<TokenInput value="" onChange={onChange} decoded={null} redacted={false} />)
    const big = new File(['x'.repeat(1024 * 1024 + 1)], 'huge.har')
    fireEvent.drop(screen.getByLabelText('Token').parentElement as HTMLElement, { dataTransfer: { files: [big], getData: () => '' } })
    expect(await screen.findByRole('alert')).toHaveTextContent(/huge\.har .* Nothing was loaded/)
    expect(onChange).not.toHaveBeenCalled()
  })

  it('in redaction mode shows no payload characters and no editable field', () => {
    const { container } = render(<TokenInput value={JWT} onChange={() => {}} decoded={decodeToken(JWT)} redacted />)
    expect(container.textContent).not.toContain('eyJzdWIiOiJ4In0')
    expect(container.textContent).toContain('payload hidden (15 characters)')
    expect(container.querySelector('textarea')).toBeNull()
  })
})
