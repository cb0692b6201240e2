/**
 * The real-tenant code path: the app talks to https://login.microsoftonline.com and
 * https://graph.microsoft.com as with any Entra tenant, and the demo tenant's emulator answers
 * behind Playwright's routing (no network). The request guard fails the test if any other host
 * is contacted.
 */
import { test, expect } from './fixtures.ts'
import type { Page } from '@playwright/test'
import { routeDemoTenant } from './support/demo-tenant-route.ts'

const TENANT = '72f988bf-0000-4000-8000-00000000c0de'
const CLIENT = '0d6c1a2b-3c4d-4e5f-8a9b-1c2d3e4f5a6b'

interface Entry {
  request: { url: string; postData?: { text?: string } }
  response: { status: number; content: { text?: string } }
  _oauth: { step: string; origin: string }
}

async function createProfile(page: Page) {
  await page.goto('/#/signin')
  await page.getByRole('button', { name: 'New profile' }).click()
  const form = page.getByRole('form', { name: 'Connection profile' })
  await form.getByLabel('Name').fill('Contoso (routed)')
  // Invalid values are refused before anything is sent.
  await form.getByLabel('Tenant').fill('72f988bf-0000-4000-8000-00000000c0d')
  await form.getByLabel('Application (client) ID').fill('not-a-guid')
  await form.getByLabel('Redirect URI').fill('https://evil.example/redirect.html')
  await form.getByRole('button', { name: 'Save profile' }).click()
  await expect(form.getByRole('alert')).toContainText('Nothing was sent')
  await expect(form).toContainText('is not a GUID')
  await expect(form).toContainText('not a well-formed GUID')
  await expect(form).toContainText('evil.example')
  await form.getByLabel('Tenant').fill(TENANT)
  await form.getByLabel('Application (client) ID').fill(CLIENT)
  await form.getByLabel('Redirect URI').fill(new URL('/redirect.html', page.url()).href)
  await form.getByLabel('Scopes').fill('User.Read')
  await form.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByLabel('Profile', { exact: true })).not.toHaveValue('demo')
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled()
}

test.describe('real-tenant code path (emulator behind context.route)', () => {
  // RECORD_HAR=1 refreshes the committed fixture; otherwise the recording goes to test-results/.
  test.use({
    contextOptions: {
      recordHar: {
        path: process.env.RECORD_HAR === '1' ? 'e2e/fixtures/har/demo-signin.har' : 'test-results/demo-signin.har',
        content: 'embed',
        urlFilter: /login\.microsoftonline\.com|graph\.microsoft\.com|redirect\.html/,
      },
    },
  })

  test('(b) a tenant GUID profile signs in, captures and validates with no other host contacted', async ({ page, context, guard }) => {
    const routed = await routeDemoTenant(context, { tenantId: TENANT, acceptAnyClient: true, idTokenAtHash: true, allow: guard.allow })
    await createProfile(page)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()

    // The emulator's own server-rendered sign-in page at login.microsoftonline.com.
    await expect(page).toHaveURL(/^https:\/\/login\.microsoftonline\.com\//)
    await expect(page.getByRole('heading', { name: 'Pick an account' })).toBeVisible()
    await page.getByRole('radio').first().check()
    await page.getByRole('button', { name: /Accept and sign in/ }).click()

    await expect(page.getByRole('heading', { name: /^Signed in as/ })).toBeVisible({ timeout: 20_000 })
    const entries = await page.evaluate(() => JSON.parse(sessionStorage.getItem('token-lens:capture:entries') ?? '[]') as Entry[])
    const steps = entries.map((e) => e._oauth.step)
    expect(steps).toEqual(expect.arrayContaining(['discovery', 'jwks', 'authorize', 'redirect_back', 'token', 'graph']))
    const token = entries.find((e) => e._oauth.step === 'token')!
    expect(token._oauth.origin).toBe('captured')
    expect(token.request.url.split('?')[0]).toBe(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`)
    expect(token.request.postData?.text).toContain('code_verifier=')
    expect(routed.exchanges().some((x) => x.url.includes('/oauth2/v2.0/token') && x.status === 200)).toBe(true)

    await page
      .locator('#tokens')
      .getByRole('button', { name: /Open the ID token/ })
      .click()
    await expect(page).toHaveURL(/#\/inspect/)
    await expect(page.getByText('Valid', { exact: true }).first()).toBeVisible({ timeout: 15_000 })
    const hosts = new Set(guard.requests().map((u) => new URL(u).host))
    const app = new URL(page.url()).host
    expect([...hosts].filter((h) => h !== app).sort()).toEqual(['graph.microsoft.com', 'login.microsoftonline.com'])
  })
})

test.describe('step-through against the routed tenant', () => {
  test('pauses at all three points across the real navigations', async ({ page, context, guard }) => {
    await routeDemoTenant(context, { tenantId: TENANT, acceptAnyClient: true, allow: guard.allow })
    await createProfile(page)
    await page.getByRole('switch', { name: 'Step through' }).click()
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Before /authorize' })).toBeVisible()
    expect(guard.requests().some((u) => u.includes('/oauth2/v2.0/authorize'))).toBe(false)
    await page.getByRole('button', { name: 'Continue to the identity provider' }).click()
    await expect(page).toHaveURL(/^https:\/\/login\.microsoftonline\.com\//)
    await page.getByRole('radio').first().check()
    await page.getByRole('button', { name: /Accept and sign in/ }).click()
    await expect(page.getByRole('heading', { name: 'After the redirect back' })).toBeVisible({ timeout: 20_000 })
    expect(guard.requests().some((u) => u.includes('/oauth2/v2.0/token'))).toBe(false)
    await page.getByRole('button', { name: /Continue: let MSAL check the response/ }).click()
    await expect(page.getByRole('heading', { name: 'Before the /token POST' })).toBeVisible()
    expect(guard.requests().some((u) => u.includes('/oauth2/v2.0/token'))).toBe(false)
    await page.getByRole('button', { name: /Continue: send the token request/ }).click()
    await expect(page.getByRole('heading', { name: /^Signed in as/ })).toBeVisible({ timeout: 20_000 })
    expect(guard.requests().some((u) => u.includes('/oauth2/v2.0/token'))).toBe(true)
  })
})

test.describe('popup sign-in (secondary path)', () => {
  test('a popup sign-in against the routed tenant returns tokens and captures the redirect back', async ({ page, context, guard }) => {
    await routeDemoTenant(context, { tenantId: TENANT, acceptAnyClient: true, allow: guard.allow })
    await createProfile(page)
    const popupPromise = page.waitForEvent('popup')
    await page.getByRole('button', { name: 'Sign in with a popup' }).click()
    const popup = await popupPromise
    await expect(popup.getByRole('heading', { name: 'Pick an account' })).toBeVisible()
    await popup.getByRole('radio').first().check()
    await popup.getByRole('button', { name: /Accept and sign in/ }).click()
    await expect(page.getByRole('heading', { name: /^Signed in as/ })).toBeVisible({ timeout: 20_000 })
    const entries = await page.evaluate(() => JSON.parse(sessionStorage.getItem('token-lens:capture:entries') ?? '[]') as Entry[])
    const steps = entries.map((e) => e._oauth.step)
    expect(steps).toEqual(expect.arrayContaining(['discovery', 'jwks', 'redirect_back', 'token']))
    await expect(page.locator('#tokens').getByRole('button', { name: /Open the ID token/ })).toBeVisible()
  })
})

test.describe('connection profiles', () => {
  test('a profile shared as a link is offered, added and selected; nothing is sent', async ({ page, guard, baseURL }) => {
    const shared = {
      name: 'Shared Contoso',
      kind: 'entra',
      cloud: 'public',
      tenant: 'contoso.onmicrosoft.com',
      clientId: CLIENT,
      redirectUri: new URL('/redirect.html', baseURL).href,
      scopes: 'User.Read',
    }
    const encoded = Buffer.from(JSON.stringify(shared)).toString('base64url')
    await page.goto(`/#/signin?profile=${encoded}`)
    await expect(page.getByRole('status').filter({ hasText: 'Shared Contoso' })).toBeVisible()
    await page.getByRole('button', { name: 'Add it' }).click()
    await expect(page.getByLabel('Profile', { exact: true }).locator('option:checked')).toHaveText(/Shared Contoso/)
    await expect(page.getByRole('button', { name: 'How to register this app in your tenant' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled()
    expect(guard.requests().filter((u) => !u.startsWith(new URL(page.url()).origin))).toEqual([])
    await page.reload()
    await expect(page.getByLabel('Profile', { exact: true }).locator('option:checked')).toHaveText(/Shared Contoso/)
  })

  test('a damaged share link says so instead of failing', async ({ page }) => {
    await page.goto('/#/signin?profile=%%%not-base64')
    await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible()
  })
})
