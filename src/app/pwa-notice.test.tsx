/**
 * The service worker's notices (README "Offline and installing"): a new version is announced and
 * waits for the user's "Reload" (never an automatic swap), an update applied in another tab does
 * not reload this one, "works offline" is a passing note. The registration function is a fake
 * with the same callbacks as vite-plugin-pwa's registerSW; e2e/offline.spec.ts covers the real
 * worker.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { RegisterSWOptions } from 'vite-plugin-pwa/types'
import { createPwaUpdates, type PwaEnvironment } from './pwa-updates.ts'
import { OFFLINE_NOTE_MS, PwaNotice } from './pwa-notice.tsx'
import { PwaStatus } from './pwa-mount.tsx'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

function setup(online = true) {
  let callbacks: RegisterSWOptions = {}
  const applyUpdate = vi.fn(() => Promise.resolve())
  const registerSW = vi.fn((options: RegisterSWOptions) => {
    callbacks = options
    return applyUpdate
  })
  const intervals: { fn: () => void; ms: number }[] = []
  const timeouts: { fn: () => void; ms: number }[] = []
  const env: PwaEnvironment = {
    reloadPage: vi.fn(),
    setInterval: (fn, ms) => intervals.push({ fn, ms }),
    setTimeout: (fn, ms) => timeouts.push({ fn, ms }),
    online: () => online,
  }
  const updates = createPwaUpdates(registerSW, env)
  render(<PwaNotice updates={updates} />)
  const fire = (name: 'onNeedRefresh' | 'onOfflineReady' | 'onNeedReload') => act(() => callbacks[name]?.())
  return { updates, registerSW, applyUpdate, env, intervals, timeouts, fire, callbacks: () => callbacks }
}

describe('service worker notices', () => {
  it('registers once and keeps an empty live region in the page before anything happens', () => {
    const { registerSW } = setup()
    expect(registerSW).toHaveBeenCalledTimes(1)
    const region = screen.getByRole('status')
    expect(region).toBeEmptyDOMElement()
    expect(region).toHaveAttribute('data-pwa-status', 'idle')
  })

  it('announces a waiting version and changes nothing until the user clicks Reload', async () => {
    const { fire, applyUpdate, env, timeouts } = setup()
    fire('onNeedRefresh')
    expect(screen.getByRole('status')).toHaveTextContent('A new version of Token Lens is ready.')
    expect(applyUpdate).not.toHaveBeenCalled()
    expect(env.reloadPage).not.toHaveBeenCalled()
    expect(timeouts).toEqual([])

    await userEvent.click(screen.getByRole('button', { name: 'Reload' }))
    expect(applyUpdate).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('status')).toHaveTextContent('Reloading into the new version…')
    expect(env.reloadPage).not.toHaveBeenCalled()
    // The new worker takes control: now, and only now, the page reloads.
    fire('onNeedReload')
    expect(env.reloadPage).toHaveBeenCalledTimes(1)
  })

  it('reloads anyway a few seconds after the click if the new worker never takes control', async () => {
    const { fire, env, timeouts } = setup()
    fire('onNeedRefresh')
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }))
    expect(timeouts).toHaveLength(1)
    expect(timeouts[0]!.ms).toBeLessThanOrEqual(5000)
    timeouts[0]!.fn()
    expect(env.reloadPage).toHaveBeenCalledTimes(1)
  })

  it('does not reload when another tab applied the update; it says so and offers Reload', async () => {
    const { fire, env, applyUpdate } = setup()
    fire('onNeedRefresh')
    fire('onNeedReload')
    expect(env.reloadPage).not.toHaveBeenCalled()
    expect(screen.getByRole('status')).toHaveTextContent('Token Lens was updated in another tab.')
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }))
    expect(applyUpdate).not.toHaveBeenCalled()
    expect(env.reloadPage).toHaveBeenCalledTimes(1)
  })

  it('"Later" puts the prompt away without applying anything', async () => {
    const { fire, env, applyUpdate } = setup()
    fire('onNeedRefresh')
    await userEvent.click(screen.getByRole('button', { name: 'Later' }))
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
    expect(applyUpdate).not.toHaveBeenCalled()
    expect(env.reloadPage).not.toHaveBeenCalled()
  })

  it('says once that the app works offline, and the note leaves by itself', () => {
    vi.useFakeTimers()
    const { fire } = setup()
    fire('onOfflineReady')
    expect(screen.getByRole('status')).toHaveTextContent('Token Lens now works offline.')
    act(() => vi.advanceTimersByTime(OFFLINE_NOTE_MS - 1))
    expect(screen.getByRole('status')).toHaveTextContent('works offline')
    act(() => vi.advanceTimersByTime(1))
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
  })

  it('an update found while the offline note shows replaces it', () => {
    const { fire } = setup()
    fire('onOfflineReady')
    fire('onNeedRefresh')
    expect(screen.getByRole('status')).toHaveTextContent('A new version of Token Lens is ready.')
    fire('onOfflineReady')
    expect(screen.getByRole('status')).toHaveTextContent('A new version of Token Lens is ready.')
  })

  it('looks for a new version every hour while online (a demo can sit on one page for hours)', () => {
    const online = setup(true)
    const update = vi.fn(() => Promise.resolve())
    online.callbacks().onRegisteredSW?.('/sw.js', { update } as unknown as ServiceWorkerRegistration)
    expect(online.intervals).toHaveLength(1)
    expect(online.intervals[0]!.ms).toBe(60 * 60 * 1000)
    online.intervals[0]!.fn()
    expect(update).toHaveBeenCalledTimes(1)
    cleanup()

    const offline = setup(false)
    const notCalled = vi.fn(() => Promise.resolve())
    offline.callbacks().onRegisteredSW?.('/sw.js', { update: notCalled } as unknown as ServiceWorkerRegistration)
    offline.intervals[0]!.fn()
    expect(notCalled).not.toHaveBeenCalled()
  })

  it('a failed registration leaves the app as it was', () => {
    const { callbacks } = setup()
    act(() => callbacks().onRegisterError?.(new Error('blocked')))
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
  })

  it('the shell hook renders nothing outside the web build (dev server, unit tests, extension)', () => {
    const { container } = render(<PwaStatus />)
    expect(import.meta.env.TOKEN_LENS_PWA).toBeUndefined()
    expect(container).toBeEmptyDOMElement()
  })
})
