/**
 * The redirect page after a sign-out (RP-Initiated Logout §3: the provider returns to
 * post_logout_redirect_uri with only the state): recorded, remembered once for the sign-in
 * screen, and MSAL's bridge sent to the sign-in screen next to redirect.html, not the site root.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { backToSignInAfterSignOut, isSignOutReturn, recordRedirectBack, takeSignOutReturn } from './redirect-capture.ts'
import { readJournal, writeJournal } from './capture-journal.ts'

afterEach(() => {
  sessionStorage.clear()
  vi.restoreAllMocks()
})

describe('coming back after sign-out', () => {
  it('a state alone is a sign-out return; a code or an error is a sign-in response', () => {
    const answers = ['?state=abc', '#state=abc', '?code=c&state=abc', '?error=access_denied&state=abc', '']
    expect(answers.map((a) => isSignOutReturn(`https://you.github.io/tl/redirect.html${a}`))).toEqual([true, true, false, false, false])
  })

  it('is recorded as "Back after sign-out" and the post-logout URI (without the state) is handed to the sign-in screen once', () => {
    writeJournal([])
    expect(recordRedirectBack('https://you.github.io/tl/redirect.html?state=eyJpZCI6IjEifQ', 1_700_000_000_000)).toBe(false)
    const entry = readJournal().at(-1)!
    expect(entry._oauth.step).toBe('logout')
    expect(entry._oauth.label).toBe('Back after sign-out')
    expect(takeSignOutReturn()).toBe('https://you.github.io/tl/redirect.html')
    expect(takeSignOutReturn()).toBeNull()
  })

  it('a sign-in response is not taken for a sign-out', () => {
    writeJournal([])
    recordRedirectBack('https://you.github.io/tl/redirect.html?code=c&state=s', 1_700_000_000_000)
    expect(takeSignOutReturn()).toBeNull()
  })

  it("MSAL's bridge goes to the sign-in screen beside redirect.html (a GitHub Pages project path), replacing the history entry", async () => {
    const replace = vi.fn()
    vi.spyOn(window, 'location', 'get').mockReturnValue({
      href: 'https://you.github.io/token-lens/redirect.html?state=x',
      replace,
    } as unknown as Location)
    const nav = backToSignInAfterSignOut()
    // MSAL asks for its homepage (the origin's root); the app's own page is used instead.
    await expect(nav.navigateInternal('https://you.github.io/')).resolves.toBe(true)
    expect(replace).toHaveBeenCalledWith('https://you.github.io/token-lens/#/signin')
  })
})
