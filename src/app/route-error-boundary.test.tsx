import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { RouteErrorBoundary } from './route-error-boundary.tsx'

function Bomb({ explode }: { explode: boolean }) {
  if (explode) throw new Error('segment 2 is not JSON')
  return <p>screen content</p>
}

function Harness() {
  const [explode, setExplode] = useState(true)
  return (
    <>
      <button type="button" onClick={() => setExplode(false)}>
        defuse
      </button>
      <RouteErrorBoundary screen="Inspect">
        <Bomb explode={explode} />
      </RouteErrorBoundary>
    </>
  )
}

describe('RouteErrorBoundary', () => {
  it('shows a readable message, the error and a way back instead of a blank page', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    render(<Harness />)
    expect(screen.getByRole('alert')).toHaveTextContent('The Inspect screen ran into a problem')
    expect(screen.getByText('segment 2 is not JSON')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to the inspector' })).toHaveAttribute('href', '#/inspect')
    await userEvent.click(screen.getByRole('button', { name: 'defuse' }))
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(screen.getByText('screen content')).toBeInTheDocument()
    spy.mockRestore()
  })
})
