import { test, expect, expectAccessible } from './fixtures.ts'
import type { Page } from '@playwright/test'

interface Entry {
  request: { method: string; url: string; postData?: { text?: string } }
  response: { status: number; content: { text?: string } }
  _oauth: { step: string; origin: string; grantType?: string; notes?: string[]; error?: { error: string; code?: string } }
}

const captures = (page: Page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('token-lens:capture:entries') ?? '[]') as Entry[])

async function pickUser(page: Page) {
  await expect(page.getByRole('heading', { name: 'Pick an account' })).toBeVisible()
  await page
    .getByRole('button', { name: /Member/ })
    .first()
    .click()
  const accept = page.getByRole('button', { name: 'Accept' })
  await expect(
    accept
      .or(page.getByRole('heading', { name: /^Signed in as/ }))
      .or(page.getByRole('heading', { name: /Step-through|After the redirect back/ }))
      .first(),
  ).toBeVisible()
  if (await accept.isVisible()) await accept.click()
}

test.describe('sign-in flows against the demo tenant', () => {
  test('(c) a tampered state in the redirect back is refused with a clear message', async ({ page }) => {
    // The attacker: rewrite the state in the fragment before the redirect page's scripts run,
    // keeping MSAL's library-state shape but with another request ID.
    await page.addInitScript(() => {
      if (!location.pathname.endsWith('redirect.html') || !location.hash.includes('state=')) return
      const params = new URLSearchParams(location.hash.slice(1))
      const [lib = '', ...rest] = (params.get('state') ?? '').split('|')
      const json = JSON.parse(atob(lib.replace(/-/g, '+').replace(/_/g, '/'))) as { id: string }
      json.id = '00000000-0000-4000-8000-000000000000'
      params.set('state', [btoa(JSON.stringify(json)).replace(/=+$/, ''), ...rest].join('|'))
      history.replaceState(null, '', `${location.pathname}#${params.toString()}`)
    })
    await page.goto('/#/signin')
    await page.getByRole('button', { name: 'Sign in to the demo tenant' }).click()
    await pickUser(page)
    const alert = page.getByRole('alert').filter({ hasText: /state/i }).first()
    await expect(alert).toBeVisible({ timeout: 20_000 })
    await expect(alert).toContainText('state_mismatch')
    await expect(alert).toContainText(/What it means/)
    await expect(page.getByRole('heading', { name: /^Signed in as/ })).toHaveCount(0)
    const entries = await captures(page)
    const back = entries.find((e) => e._oauth.step === 'redirect_back')
    expect(back?._oauth.error?.error).toBe('state_mismatch')
    expect(back?._oauth.notes?.join(' ')).toMatch(/DIFFERS/)
    expect(entries.some((e) => e._oauth.step === 'token')).toBe(false)
  })

  test('cancelling at a pause or on the demo sign-in page lets the next sign-in start', async ({ page }) => {
    await page.goto('/#/signin')
    await page.getByRole('switch', { name: 'Step through' }).click()
    await page.getByRole('button', { name: 'Sign in to the demo tenant' }).click()
    await expect(page.getByRole('heading', { name: 'Before /authorize' })).toBeVisible()
    await page.getByRole('button', { name: 'Cancel sign-in' }).click()
    await expect(page.getByText(/cancelled at a step-through pause/)).toBeVisible()
    await page.getByRole('switch', { name: 'Step through' }).click()
    await page.getByRole('button', { name: 'Sign in to the demo tenant' }).click()
    await expect(page.getByRole('heading', { name: 'Pick an account' })).toBeVisible()
    await page.getByRole('button', { name: 'Cancel', exact: true }).click()
    await expect(page.getByText(/cancelled on the demo sign-in page/)).toBeVisible()
    await page.getByRole('button', { name: 'Sign in to the demo tenant' }).click()
    await pickUser(page)
    await expect(page.getByRole('heading', { name: /^Signed in as/ })).toBeVisible({ timeout: 20_000 })
  })

  test('(d) an AADSTS50011 redirect URI error is explained', async ({ page }) => {
    await page.goto('/#/signin')
    await page.getByRole('switch', { name: 'Wrong redirect URI' }).click()
    await page.getByRole('button', { name: 'Sign in to the demo tenant' }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'AADSTS50011' }).first()
    await expect(alert).toBeVisible({ timeout: 20_000 })
    await expect(alert).toContainText('InvalidReplyTo')
    await expect(alert).toContainText(/How to fix it/)
    await expect(alert).toContainText(/Single-page application/)
    // Switching the fault off, the next sign-in works (MSAL's pending interaction was released).
    await page.getByRole('switch', { name: 'Wrong redirect URI' }).click()
    await page.getByRole('button', { name: 'Sign in to the demo tenant' }).click()
    await pickUser(page)
    await expect(page.getByRole('heading', { name: /^Signed in as/ })).toBeVisible({ timeout: 20_000 })
  })

  test('trainer faults at the token endpoint and at consent are captured and explained', async ({ page }) => {
    await page.goto('/#/signin')
    await page.getByRole('switch', { name: 'PKCE verifier mismatch' }).click()
    await page.getByRole('button', { name: 'Sign in to the demo tenant' }).click()
    await pickUser(page)
    const alert = page.getByRole('alert').filter({ hasText: 'invalid_grant' }).first()
    await expect(alert).toBeVisible({ timeout: 20_000 })
    await expect(alert).toContainText('AADSTS501481')
    await expect(alert).toContainText(/What it means/)
    const token = (await captures(page)).find((e) => e._oauth.step === 'token')
    expect(token?.response.status).toBe(400)
    expect(token?._oauth.error).toMatchObject({ error: 'invalid_grant', code: 'AADSTS501481' })

    await page.getByRole('switch', { name: 'PKCE verifier mismatch' }).click()
    await page.getByRole('switch', { name: 'Consent declined' }).click()
    await page.getByRole('button', { name: 'Sign in to the demo tenant' }).click()
    await pickUser(page)
    const denied = page.getByRole('alert').filter({ hasText: 'access_denied' }).first()
    await expect(denied).toBeVisible({ timeout: 20_000 })
    await expect(denied).toContainText('AADSTS65004')
  })

  test('(e) refresh, more scopes with Graph /me, and sign-out are captured', async ({ page }) => {
    await page.goto('/#/signin')
    await page.getByRole('button', { name: 'Sign in to the demo tenant' }).click()
    await pickUser(page)
    await expect(page.getByRole('heading', { name: /^Signed in as/ })).toBeVisible({ timeout: 20_000 })
    await page.getByRole('button', { name: 'Refresh silently' }).click()
    await expect(page.getByText(/Tokens refreshed silently/)).toBeVisible()
    await page.getByRole('button', { name: 'Acquire silently' }).click()
    await expect(page.getByText(/Token for User.Read acquired/)).toBeVisible()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page.getByText(/Signed out/)).toBeVisible()
    const entries = await captures(page)
    const steps = entries.map((e) => e._oauth.step)
    expect(steps.filter((s) => s === 'refresh').length).toBeGreaterThanOrEqual(2)
    const refresh = entries.find((e) => e._oauth.step === 'refresh')!
    expect(refresh.request.postData?.text).toMatch(/grant_type=refresh_token/)
    expect(refresh.response.status).toBe(200)
    const graph = entries.find((e) => e._oauth.step === 'graph')
    expect(graph?.request.url).toBe('https://graph.microsoft.com/v1.0/me')
    expect(graph?.response.status).toBe(200)
    expect(steps).toContain('logout')

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flow' }).click()
    await expect(page.getByRole('list', { name: 'Captured exchanges' }).getByRole('listitem')).toHaveCount(entries.length)
    const tokenRow = page
      .getByRole('list', { name: 'Captured exchanges' })
      .getByRole('button', { name: /Token request/ })
      .first()
    await tokenRow.click()
    await expect(page.getByText('code_verifier').first()).toBeVisible()
    await expect(page.getByText(/"refresh_token": ".*chars\)"/).first()).toBeVisible()
    await expectAccessible(page, 'on the Flow screen with an exchange open')
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect(page.locator('html')).toHaveClass(/dark/)
    await page.waitForTimeout(400)
    await expectAccessible(page, 'on the Flow screen with an exchange open, dark theme')

    // The HAR export is redacted: no code, verifier, refresh or access token leaves in it.
    const downloadPromise = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export HAR (redacted)' }).click()
    const download = await downloadPromise
    const harText = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8')
    const har = JSON.parse(harText) as { log: { version: string; entries: Entry[] } }
    expect(har.log.version).toBe('1.2')
    expect(har.log.entries).toHaveLength(entries.length)
    const tokenBody = JSON.parse(entries.find((e) => e._oauth.step === 'token')!.response.content.text!) as Record<string, string>
    for (const secret of [tokenBody.refresh_token!, tokenBody.access_token!, tokenBody.id_token!])
      expect(harText.includes(secret)).toBe(false)
    // One numbered placeholder per distinct secret, the same in every place (core/har/sanitize.ts).
    expect(harText).toContain('[redacted:refresh_token:1]')

    // "Forget everything": captures, the MSAL cache, the demo tenant and stored inputs.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).click()
    await page.getByRole('button', { name: 'Forget everything' }).click()
    await expect(page.getByText(/Everything was forgotten/)).toBeVisible()
    const left = await page.evaluate(() =>
      [...Object.keys(sessionStorage), ...Object.keys(localStorage)].filter((k) => k.startsWith('token-lens:') || k.startsWith('msal.')),
    )
    expect(left.filter((k) => k !== 'token-lens:theme')).toEqual([])
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flow' }).click()
    await expect(page.getByText('Nothing captured yet.')).toBeVisible()
  })

  test('(f) step-through pauses before /authorize, after the redirect back and before /token', async ({ page }) => {
    await page.goto('/#/signin')
    await page.getByRole('switch', { name: 'Step through' }).click()
    await page.getByRole('button', { name: 'Sign in to the demo tenant' }).click()

    const pause = page.getByRole('region', { name: /Before \/authorize|After the redirect back|Before the \/token POST/ })
    await expect(page.getByRole('heading', { name: 'Before /authorize' })).toBeVisible()
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect(page.locator('html')).toHaveClass(/dark/)
    // Let the 150 ms colour transitions finish, or axe measures colours half-way.
    await page.waitForTimeout(400)
    await expectAccessible(page, 'at pause 1, dark theme')
    await page.emulateMedia({ colorScheme: 'light' })
    const table = page.getByRole('table', { name: 'Authorization request parameters' })
    await expect(table.getByRole('rowheader', { name: /code_challenge_method/ })).toContainText('added by MSAL')
    await expect(table.getByRole('rowheader', { name: /^client_info/ })).toContainText('added by MSAL')
    await expect(table).toContainText('S256')
    await expectAccessible(page, 'at pause 1')
    await expect(table.getByRole('row', { name: /^scope/ })).toContainText('offline_access')
    await page.getByRole('button', { name: 'Continue to the demo sign-in page' }).click()
    await pickUser(page)

    await expect(page.getByRole('heading', { name: 'After the redirect back' })).toBeVisible({ timeout: 20_000 })
    const back = page.getByRole('table', { name: 'Redirect response parameters' })
    await expect(back.getByRole('rowheader', { name: /^code/ })).toBeVisible()
    await expect(back.getByRole('rowheader', { name: /^state/ })).toBeVisible()
    await expect(pause).toContainText('utid')
    await expectAccessible(page, 'at pause 2')
    expect((await captures(page)).some((e) => e._oauth.step === 'token')).toBe(false)
    await page.getByRole('button', { name: /Continue: let MSAL check the response/ }).click()

    await expect(page.getByRole('heading', { name: 'Before the /token POST' })).toBeVisible()
    const body = page.getByRole('table', { name: 'Token request body' })
    await expect(body.getByRole('rowheader', { name: /^code_verifier/ })).toBeVisible()
    await expect(body).toContainText('authorization_code')
    await expectAccessible(page, 'at pause 3')
    expect((await captures(page)).some((e) => e._oauth.step === 'token')).toBe(false)
    await page.getByRole('button', { name: /Continue: send the token request/ }).click()

    await expect(page.getByRole('heading', { name: /^Signed in as/ })).toBeVisible({ timeout: 20_000 })
    expect((await captures(page)).some((e) => e._oauth.step === 'token' && e.response.status === 200)).toBe(true)
  })
})
