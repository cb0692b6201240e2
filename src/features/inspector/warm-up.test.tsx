/** The off-screen warm-up: it runs to its end mark, and a stopped run leaves nothing rendering behind it. */
import { afterEach, describe, expect, it, vi } from 'vitest'
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

  it('lays a copy of the verified report out beside #main, hidden, inert and without ids or data-* hooks, and takes it away at the end', async () => {
    const main = document.createElement('main')
    main.id = 'main'
    document.body.appendChild(main)
    const seen: { hidden: string | null; inert: boolean; ids: number; sections: number }[] = []
    const observer = new MutationObserver(() => {
      const box = main.nextElementSibling as HTMLElement | null
      if (box)
        seen.push({
          hidden: box.getAttribute('aria-hidden'),
          inert: box.inert,
          ids: box.querySelectorAll('[id], [data-verdict], [data-claim]').length,
          sections: box.querySelectorAll('section').length,
        })
    })
    observer.observe(document.body, { subtree: true, childList: true })
    try {
      // A module of its own: the run above already finished in this one.
      vi.resetModules()
      const fresh = await import('./warm-up.tsx')
      await fresh.warmUp()
      expect(marks()).toBe(1)
      expect(seen.filter((s) => s.sections > 0).length).toBeGreaterThan(2)
      expect(seen.every((s) => s.hidden === 'true' && s.inert && s.ids === 0)).toBe(true)
      expect(main.nextElementSibling).toBeNull()
    } finally {
      observer.disconnect()
      main.remove()
    }
  }, 20_000)
})
