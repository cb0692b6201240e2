/** The off-screen warm-up: it runs to its end mark, and a stopped run leaves nothing rendering behind it. */
import { afterEach, describe, expect, it } from 'vitest'
import { stopWarmUp, warmUp } from './warm-up.tsx'

const marks = () => performance.getEntriesByName('inspector:warm', 'mark').length

afterEach(() => {
  stopWarmUp()
  performance.clearMarks('inspector:warm')
})

describe('warmUp', () => {
  it('stops at once when asked: no end mark, its tree unmounted, and a later call runs again to its end', async () => {
    const first = warmUp()
    stopWarmUp()
    const settled = await Promise.race([first.then(() => 'settled'), new Promise((r) => setTimeout(() => r('pending'), 2000))])
    expect(settled).toBe('settled')
    expect(marks()).toBe(0)

    const second = warmUp()
    expect(second).not.toBe(first)
    await second
    expect(marks()).toBe(1)
    // Once finished, the same run is returned and nothing starts again.
    expect(warmUp()).toBe(second)
  }, 20_000)
})
