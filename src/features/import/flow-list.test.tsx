// The flow list of a large result: the first screenful at once, the rest in later tasks.
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import type { Flow } from '../../core/flows/types.ts'
import { FlowList } from './flow-list.tsx'

afterEach(cleanup)

function flowsOf(n: number, prefix = 'f'): Flow[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    client: { type: 'public', evidence: [] },
    kind: 'authorization_code',
    label: `Sign-in ${prefix}${i + 1}`,
    steps: [],
    tokens: [],
    findings: [],
  }))
}

// jsdom renders a batch in tens of milliseconds on a busy machine.
const LATER = { timeout: 10_000 }
const buttons = () => within(screen.getByTestId('flow-list')).getAllByRole('button')

describe('FlowList', () => {
  it('draws a few flows at once, whole', () => {
    render(<FlowList flows={flowsOf(3)} selected="f0" onSelect={() => {}} />)
    expect(buttons().map((b) => b.textContent)).toEqual([
      expect.stringContaining('Sign-in f1'),
      expect.stringContaining('Sign-in f2'),
      expect.stringContaining('Sign-in f3'),
    ])
    expect(screen.getByTestId('flow-list')).not.toHaveAttribute('aria-busy')
    expect(buttons()[0]).toHaveAttribute('aria-current', 'true')
  })

  it('draws 100 flows a batch per task, busy until the last, in file order', async () => {
    render(<FlowList flows={flowsOf(100)} selected="f0" onSelect={() => {}} />)
    expect(buttons()).toHaveLength(8)
    expect(screen.getByTestId('flow-list')).toHaveAttribute('aria-busy', 'true')
    await waitFor(() => expect(buttons()).toHaveLength(24))
    await waitFor(() => expect(buttons()).toHaveLength(100), LATER)
    expect(screen.getByTestId('flow-list')).not.toHaveAttribute('aria-busy')
    expect(buttons()[99]).toHaveTextContent('Sign-in f100')
  })

  it('draws at once up to a selected flow further down, and starts over for a new result', async () => {
    const { rerender } = render(<FlowList flows={flowsOf(100)} selected="f40" onSelect={() => {}} />)
    expect(buttons()).toHaveLength(41)
    expect(buttons()[40]).toHaveAttribute('aria-current', 'true')
    await waitFor(() => expect(buttons()).toHaveLength(100), LATER)
    rerender(<FlowList flows={flowsOf(60, 'g')} selected="g0" onSelect={() => {}} />)
    expect(buttons()).toHaveLength(8)
    expect(buttons()[0]).toHaveTextContent('Sign-in g1')
    await waitFor(() => expect(buttons()).toHaveLength(60), LATER)
  })
})
