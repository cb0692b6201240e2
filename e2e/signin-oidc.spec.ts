/**
 * Any OpenID provider, proven against a certified one running for real: panva's oidc-provider
 * on https://localhost:<port>, started by each test (e2e/support/oidc-provider.ts) and stopped
 * after it. No Playwright routing touches the provider: the browser meets its real discovery,
 * JWKS, CORS headers and preflights, /token, userinfo and end-session. Only the self-signed
 * certificate is accepted (ignoreHTTPSErrors), as a developer does for a local provider.
 */
import type { Page } from '@playwright/test'
import { test as base, expect } from './fixtures.ts'
import { APP_REDIRECT_URI, OP_USER, SPA_CLIENT_ID, startOidcProvider, type RunningProvider } from './support/oidc-provider.ts'

interface Entry {
  request: { method: string; url: string; postData?: { text?: string }; headers: { name: string; value: string }[] }
  response: { status: number; headers: { name: string; value: string }[] }
  _oauth: { step: string; error?: { error: string } }
}

const test = base.extend<{ op: RunningProvider }>({
  op: async ({ guard }, use) => {
    const op = await startOidcProvider()
    guard.allow(op.host)
    await use(op)
    await op.stop()
  },
})

test.use({ ignoreHTTPSErrors: true })

async function createProfile(page: Page, op: RunningProvider): Promise<void> {
  await page.goto('/#/signin')
  await page.getByRole('button', { name: 'New profile' }).click()
  const form = page.getByRole('form', { name: 'Connection profile' })
  await form.getByLabel('Name').fill('Local oidc-provider')
  await form.getByLabel('Kind').selectOption('oidc')
  await form.getByLabel('Authority (issuer URL)').fill(op.issuer)
  await form.getByLabel('Application (client) ID').fill(SPA_CLIENT_ID)
  await form.getByLabel('Redirect URI').fill(APP_REDIRECT_URI)
  await form.getByLabel('Scopes').fill('email')
  // OIDC Core §11: offline_access (which MSAL always asks for) is honoured only with
  // prompt=consent; oidc-provider applies that rule, so the profile sends it.
  await form.getByLabel('prompt').selectOption('consent')
  await form.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled()
}

/** The provider's own sign-in page (served by the test provider, not by the app). */
async function signInAtProvider(p: Page, op: RunningProvider): Promise<void> {
  await expect(p).toHaveURL(new RegExp(`^${op.issuer}/interaction/`), { timeout: 20_000 })
  await p.getByLabel('User name').fill('ada')
  await p.getByRole('button', { name: 'Sign in' }).click()
}

async function captured(page: Page): Promise<Entry[]> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('token-lens:capture:entries') ?? '[]') as Entry[])
}

const signedIn = (page: Page) => page.getByRole('heading', { name: /^Signed in as/ })

test.describe('a real OpenID provider (oidc-provider on https loopback)', () => {
  test('redirect sign-in with PKCE: every exchange captured, userinfo called, ID token Valid, refresh, sign-out at end_session_endpoint', async ({ page, op }) => {
    await createProfile(page, op)
    await expect(page.getByRole('switch', { name: 'Call userinfo after sign-in' })).toBeChecked()
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await signInAtProvider(page, op)
    await expect(signedIn(page)).toBeVisible({ timeout: 20_000 })
    await expect(signedIn(page)).toContainText(OP_USER.name)

    // userinfo: the provider's endpoint from discovery, its claims, sub checked (OIDC Core §5.3.2).
    const userinfo = page.getByTestId('userinfo')
    await expect(userinfo).toContainText(`GET ${op.issuer}/userinfo`)
    await expect(userinfo).toContainText('sub matches the ID token')
    await expect(userinfo).toContainText(OP_USER.email)

    const entries = await captured(page)
    const steps = entries.map((e) => e._oauth.step)
    expect(steps).toEqual(expect.arrayContaining(['discovery', 'jwks', 'authorize', 'redirect_back', 'token', 'userinfo']))
    const token = entries.find((e) => e._oauth.step === 'token')!
    expect(token.request.url.split("?")[0]).toBe(`${op.issuer}/token`)
    expect(token.response.status).toBe(200)
    const form = new URLSearchParams(token.request.postData?.text ?? '')
    expect(form.get('code_verifier')).toMatch(/^[\w~.-]{43,128}$/)
    expect(form.get('client_id')).toBe(SPA_CLIENT_ID)
    expect(form.has('client_secret')).toBe(false)
    const authorize = new URL(entries.find((e) => e._oauth.step === 'authorize')!.request.url)
    expect(authorize.origin + authorize.pathname).toBe(`${op.issuer}/auth`)
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
    const info = entries.find((e) => e._oauth.step === 'userinfo')!
    expect(info.response.status).toBe(200)
    // Real cross-origin calls reached the provider from the app's origin (it answered them with
    // its own CORS headers; the CORS test below shows the browser enforcing them).
    const log = op.log().join('\n')
    for (const line of ['POST /token origin=http://127.0.0.1:4173', 'GET /userinfo origin=http://127.0.0.1:4173']) expect(log).toContain(line)

    await page.screenshot({ path: 'test-results/signin-oidc-light.png', fullPage: true })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: 'test-results/signin-oidc-dark.png', fullPage: true })
    await page.emulateMedia({ colorScheme: 'light' })

    // Refresh with the refresh token the provider issued (a public client's is rotated).
    await page.getByRole('button', { name: 'Refresh silently' }).click()
    await expect(page.getByText(/Tokens refreshed silently/)).toBeVisible({ timeout: 15_000 })
    const refresh = (await captured(page)).filter((e) => e._oauth.step === 'refresh')
    expect(refresh.length).toBeGreaterThan(0)
    expect(refresh.at(-1)!.response.status).toBe(200)
    expect(refresh.at(-1)!.request.postData?.text).toContain('grant_type=refresh_token')

    // The ID token in the inspector: expectations from this flow, keys fetched automatically
    // (this tab's own sign-in), signature and claims Valid.
    await page.locator('#tokens').getByRole('button', { name: /Open the ID token/ }).first().click()
    await expect(page).toHaveURL(/#\/inspect/)
    await expect(page.getByText('Valid', { exact: true }).first()).toBeVisible({ timeout: 15_000 })
    await expect(page.getByText(op.currentKid()).first()).toBeVisible()

    // Sign-out goes to the provider's end_session_endpoint (from discovery) with the redirect back.
    await page.goto('/#/signin')
    await expect(signedIn(page)).toBeVisible({ timeout: 15_000 })
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(new RegExp(`^${op.issuer}/session/end`), { timeout: 15_000 })
    const logout = new URL(page.url())
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(APP_REDIRECT_URI)
    await page.getByRole('button', { name: 'Yes, sign me out' }).click()
    // oidc-provider ends its session; it sends the browser back to post_logout_redirect_uri only
    // when the request names the client (client_id or id_token_hint, RP-Initiated Logout §2),
    // otherwise it shows its own success page.
    await expect(page).toHaveURL(new RegExp(`^${op.issuer}/session/end/success|^http://127\\.0\\.0\\.1:4173/`), { timeout: 15_000 })
    expect(op.log().some((l) => l.startsWith('POST /session/end/confirm'))).toBe(true)
  })

  test('popup sign-in and the step-through pauses work against the real provider', async ({ page, op }) => {
    await createProfile(page, op)
    const popupPromise = page.waitForEvent('popup')
    await page.getByRole('button', { name: 'Sign in with a popup' }).click()
    const popup = await popupPromise
    await signInAtProvider(popup, op)
    await expect(signedIn(page)).toBeVisible({ timeout: 20_000 })
    await expect(page.getByTestId('userinfo')).toContainText('sub matches the ID token')
    expect((await captured(page)).map((e) => e._oauth.step)).toEqual(expect.arrayContaining(['discovery', 'jwks', 'redirect_back', 'token', 'userinfo']))

    // Step-through on a second, redirect sign-in (the provider session makes it skip the login page).
    await page.getByRole('switch', { name: 'Step through' }).click()
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Before /authorize' })).toBeVisible({ timeout: 15_000 })
    const before = op.log().length
    await page.getByRole('button', { name: 'Continue to the identity provider' }).click()
    await expect(page.getByRole('heading', { name: 'After the redirect back' })).toBeVisible({ timeout: 20_000 })
    expect(op.log().slice(before).some((l) => l.startsWith('POST /token'))).toBe(false)
    await page.getByRole('button', { name: /Continue: let MSAL check the response/ }).click()
    await expect(page.getByRole('heading', { name: 'Before the /token POST' })).toBeVisible()
    expect(op.log().slice(before).some((l) => l.startsWith('POST /token'))).toBe(false)
    await page.getByRole('button', { name: /Continue: send the token request/ }).click()
    await expect(signedIn(page)).toBeVisible({ timeout: 20_000 })
    expect(op.log().slice(before).some((l) => l.startsWith('POST /token'))).toBe(true)
  })

  test('key rotation between two sign-ins: the new kid is found (at most one more JWKS request) and the ID token is Valid', async ({ page, op }) => {
    await createProfile(page, op)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await signInAtProvider(page, op)
    await expect(signedIn(page)).toBeVisible({ timeout: 20_000 })
    const firstKid = op.currentKid()
    await page.locator('#tokens').getByRole('button', { name: /Open the ID token/ }).first().click()
    await expect(page.getByText('Valid', { exact: true }).first()).toBeVisible({ timeout: 15_000 })
    await expect(page.getByText(firstKid).first()).toBeVisible()

    // Second sign-in, paused before /authorize: the app has already fetched discovery and the
    // JWKS (still only the first key). The provider rotates now, so the new ID token carries a
    // kid that no copy in the tab knows.
    await page.goto('/#/signin')
    await expect(signedIn(page)).toBeVisible({ timeout: 15_000 })
    await page.getByRole('switch', { name: 'Step through' }).click()
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Before /authorize' })).toBeVisible({ timeout: 15_000 })
    const newKid = await op.rotateKeys()
    expect(newKid).not.toBe(firstKid)
    await page.getByRole('button', { name: 'Continue to the identity provider' }).click()
    // The provider session survived the rotation: straight back with a new code.
    await page.getByRole('button', { name: /Continue: let MSAL check the response/ }).click({ timeout: 20_000 })
    await page.getByRole('button', { name: /Continue: send the token request/ }).click({ timeout: 20_000 })
    await expect.poll(() => op.log().filter((l) => l.startsWith('POST /token')).length, { timeout: 20_000 }).toBe(2)
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled({ timeout: 20_000 })
    const jwksBefore = op.log().filter((l) => l.startsWith('GET /jwks')).length
    await page.locator('#tokens').getByRole('button', { name: /Open the ID token/ }).first().click()
    await expect(page).toHaveURL(/#\/inspect/)
    await expect(page.getByText(newKid).first()).toBeVisible({ timeout: 15_000 })
    await expect(page.getByText('Valid', { exact: true }).first()).toBeVisible({ timeout: 15_000 })
    // The tab's copies of the key set predate the rotation; at most one more JWKS request
    // reached the provider to find the new kid.
    expect(op.log().filter((l) => l.startsWith('GET /jwks')).length - jwksBefore).toBeLessThanOrEqual(1)
    expect(op.log().filter((l) => l.startsWith('GET /jwks')).length).toBeGreaterThanOrEqual(3)
    await page.screenshot({ path: 'test-results/signin-oidc-rotation-light.png', fullPage: true })
  })

  test('userinfo can be switched off like Graph /me', async ({ page, op }) => {
    await createProfile(page, op)
    await page.getByRole('switch', { name: 'Call userinfo after sign-in' }).click()
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await signInAtProvider(page, op)
    await expect(signedIn(page)).toBeVisible({ timeout: 20_000 })
    await expect(page.getByTestId('userinfo')).toHaveCount(0)
    expect(op.log().some((l) => l.startsWith('GET /userinfo'))).toBe(false)
  })

  test('no CORS for this origin at /token: the app says so and names the origin to allow', async ({ page, op }) => {
    op.setCors('token', false)
    await createProfile(page, op)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await signInAtProvider(page, op)
    const alert = page.getByRole('alert').filter({ hasText: 'CORS' })
    await expect(alert).toBeVisible({ timeout: 20_000 })
    await expect(alert.getByRole('heading')).toContainText("does not allow this page's origin (CORS)")
    await expect(alert.getByTestId('signin-error-explanation')).toContainText(`add http://127.0.0.1:4173 to the allowed origins (CORS / web origins) of client ${SPA_CLIENT_ID}`)
    await expect(alert).toContainText('cors_not_allowed')
    await expect(alert.getByTestId('signin-error-explanation')).toContainText(`browser calls to ${op.issuer}/token.`)
    // The provider did answer the POST: it is the browser that withheld the response.
    expect(op.log()).toEqual(expect.arrayContaining(['POST /token origin=http://127.0.0.1:4173']))
    await page.screenshot({ path: 'test-results/signin-oidc-cors-light.png', fullPage: true })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: 'test-results/signin-oidc-cors-dark.png', fullPage: true })
  })

  test('an authority that is not the issuer in discovery is refused before anything is sent', async ({ page, op, guard }) => {
    // 127.0.0.1 reaches the same provider, whose discovery names https://localhost:<port> as
    // issuer (OIDC Discovery §4.3 requires them to be identical).
    const port = new URL(op.issuer).port
    guard.allow(`127.0.0.1:${port}`)
    await createProfile(page, { ...op, issuer: `https://127.0.0.1:${port}` })
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'issuer_mismatch' })
    await expect(alert).toBeVisible({ timeout: 20_000 })
    await expect(alert.getByRole('heading')).toContainText('The issuer in discovery differs from the authority')
    await expect(alert.getByTestId('signin-error-explanation')).toContainText(`Set the profile's authority to ${op.issuer} exactly`)
    expect(op.log().filter((l) => !l.startsWith('GET /.well-known/openid-configuration') && !l.startsWith('GET /jwks'))).toEqual([])
  })

  test('unreachable discovery is explained, not a bare network error', async ({ page, op }) => {
    const port = new URL(op.issuer).port
    await op.stop()
    await createProfile(page, { ...op, issuer: `https://localhost:${port}` })
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'could not be reached' })
    await expect(alert).toBeVisible({ timeout: 20_000 })
    await expect(alert).toContainText('provider_unreachable')
    await expect(alert.getByTestId('signin-error-explanation')).toContainText(`localhost:${port}`)
  })
})
