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
    const seen: { hidden: string | null; inert: boolean; ids: number; sections: number; field: boolean; token: boolean }[] = []
    const observer = new MutationObserver(() => {
      const box = main.nextElementSibling as HTMLElement | null
      if (box)
        seen.push({
          hidden: box.getAttribute('aria-hidden'),
          inert: box.inert,
          ids: box.querySelectorAll('[id], [data-verdict], [data-claim]').length,
          sections: box.querySelectorAll('section').length,
          // The token field and its panels are on the page already: only the coloured token and
          // the report are copied, no field, label or panel heading.
          field: box.querySelector('textarea, input, label') !== null || (box.textContent ?? '').includes('Encoded token'),
          // The coloured token: what a first paste draws in the field's panel for the first time.
          token: /^eyJ/.test(box.querySelector('.font-mono')?.textContent ?? ''),
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
      expect(seen.some((s) => s.token)).toBe(true)
      expect(seen.every((s) => s.hidden === 'true' && s.inert && s.ids === 0 && !s.field)).toBe(true)
      expect(main.nextElementSibling).toBeNull()
    } finally {
      observer.disconnect()
      main.remove()
    }
  }, 20_000)

  it('takes the copy away as soon as the page shows a report of its own, before anything else can read the document, and lays none beside one', async () => {
    const main = document.createElement('main')
    main.id = 'main'
    document.body.appendChild(main)
    const report = () => {
      const el = document.createElement('section')
      el.setAttribute('data-verdict', 'valid')
      el.textContent = '0 errors'
      return el
    }
    // As a test of a sign-in did: opened a token while the copy was laid out, and found the
    // report's text twice in the document.
    let copies = 0
    const observer = new MutationObserver(() => {
      if (main.nextElementSibling) copies++
    })
    observer.observe(document.body, { subtree: true, childList: true })
    try {
      vi.resetModules()
      const fresh = await import('./warm-up.tsx')
      const run = fresh.warmUp()
      await vi.waitFor(() => expect(main.nextElementSibling?.querySelector('section')).toBeTruthy(), { timeout: 15_000, interval: 1 })
      main.appendChild(report())
      // The page's commit ends; the next task (where a test or a person could look) sees one report.
      await new Promise((r) => setTimeout(r, 0))
      expect(main.nextElementSibling).toBeNull()
      await run
      expect(copies).toBeGreaterThan(0)
      expect(main.nextElementSibling).toBeNull()

      // A page that already shows a report (a token opened from the sign-in screen) gets no copy.
      copies = 0
      vi.resetModules()
      const again = await import('./warm-up.tsx')
      await again.warmUp()
      expect(copies).toBe(0)
      expect(main.nextElementSibling).toBeNull()
    } finally {
      observer.disconnect()
      main.remove()
    }
  }, 30_000)
})
