/** The popup watch of msal-session.ts: what MSAL sends its sign-in popup to is noted and still happens. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { watchPopupNavigation } from './msal-session.ts'

const realOpen = window.open
afterEach(() => {
  window.open = realOpen
})

/** A window as window.open returns it: MSAL uses its location, document, focus and close. */
function fakePopup() {
  const calls: string[] = []
  const popup = {
    closed: false,
    document: { title: '' },
    location: {
      href: 'about:blank',
      assign: (url: string) => calls.push(`assign ${url}`),
      replace: (url: string) => calls.push(`replace ${url}`),
    },
    focus() {
      calls.push(`focus ${this === popup}`)
    },
    close() {
      calls.push(`close ${this === popup}`)
    },
  }
  return { popup, calls }
}

describe('watchPopupNavigation', () => {
  it('notes where the popup is sent, passes every call on to the real window, and wraps one window.open only', () => {
    const { popup, calls } = fakePopup()
    const opener = vi.fn(() => popup as unknown as Window)
    window.open = opener
    const seen: string[] = []
    const stop = watchPopupNavigation((url) => seen.push(url))
    expect(window.open).not.toBe(opener)

    // As MSAL does: an empty popup inside the click, then /authorize.
    const stand = window.open('about:blank', 'msal.popup', 'width=483')
    expect(opener).toHaveBeenCalledWith('about:blank', 'msal.popup', 'width=483')
    expect(window.open).toBe(opener)
    if (!stand) throw new Error('no popup')
    stand.document.title = 'Microsoft Authentication'
    expect(popup.document.title).toBe('Microsoft Authentication')
    stand.focus()
    stand.location.assign('https://login.example.com/auth?client_id=c&code_challenge=x')
    expect(seen).toEqual(['https://login.example.com/auth?client_id=c&code_challenge=x'])
    expect(stand.location.href).toBe('about:blank')
    expect(stand.closed).toBe(false)
    stand.close()
    expect(calls).toEqual(['focus true', 'assign https://login.example.com/auth?client_id=c&code_challenge=x', 'close true'])
    stop()
    expect(window.open).toBe(opener)
  })

  it('puts window.open back when the sign-in ends before opening anything, and lets a blocked popup be null', () => {
    const opener = vi.fn(() => null)
    window.open = opener
    watchPopupNavigation(() => undefined)()
    expect(window.open).toBe(opener)

    watchPopupNavigation(() => undefined)
    expect(window.open('about:blank')).toBeNull()
    expect(window.open).toBe(opener)
  })
})
