/**
 * Any OpenID provider, proven against a certified one running for real: panva's oidc-provider
 * on https://localhost:<port>, started by each test (e2e/support/oidc-provider.ts) and stopped
 * after it. No Playwright routing touches the provider: the browser meets its real discovery,
 * JWKS, CORS headers and preflights, /token, userinfo and end-session. Only the self-signed
 * certificate is accepted (ignoreHTTPSErrors), as a developer does for a local provider.
 */
import type { Page } from '@playwright/test'
import { test as base, expect } from './fixtures.ts'
import { launchOptions } from '../scripts/chromium.mjs'
import { APP_REDIRECT_URI, OP_USER, SPA_CLIENT_ID, startOidcProvider, type RunningProvider } from './support/oidc-provider.ts'

interface Entry {
  request: { method: string; url: string; postData?: { text?: string }; headers: { name: string; value: string }[] }
  response: { status: number; headers: { name: string; value: string }[]; content?: { text?: string } }
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

// No route() at all in this spec: with one, Playwright answers CORS preflights itself and the
// provider never sees them (shown by the OPTIONS assertion below, which failed with routing on).
// Nothing can leave the machine instead because Chromium resolves no name but the loopback ones.
test.use({
  ignoreHTTPSErrors: true,
  interceptNetwork: false,
  launchOptions: launchOptions(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1']),
})

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
  test('redirect sign-in with PKCE: every exchange captured, userinfo called, ID token Valid, refresh, sign-out at end_session_endpoint and back to the app', async ({
    page,
    op,
  }) => {
    test.setTimeout(120_000)
    await createProfile(page, op)
    await expect(page.getByRole('switch', { name: 'Call userinfo after sign-in' })).toBeChecked()
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await signInAtProvider(page, op)
    await expect(signedIn(page)).toBeVisible({ timeout: 20_000 })
    await expect(signedIn(page)).toContainText(OP_USER.name)
    // The account line names the issuer's host and the subject (an OpenID provider has no tenant).
    await expect(page.getByTestId('account-line')).toHaveText(`${OP_USER.preferred_username} · issuer ${op.host} · subject ${OP_USER.sub}`)

    // userinfo: the provider's endpoint from discovery, its claims, sub checked (OIDC Core §5.3.2).
    const userinfo = page.getByTestId('userinfo')
    await expect(userinfo).toContainText(`GET ${op.issuer}/userinfo`)
    await expect(userinfo).toContainText('sub matches the ID token')
    await expect(userinfo).toContainText(OP_USER.email)

    const entries = await captured(page)
    const steps = entries.map((e) => e._oauth.step)
    expect(steps).toEqual(expect.arrayContaining(['discovery', 'jwks', 'authorize', 'redirect_back', 'token', 'userinfo']))
    const token = entries.find((e) => e._oauth.step === 'token')!
    expect(token.request.url.split('?')[0]).toBe(`${op.issuer}/token`)
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
    for (const line of ['POST /token origin=http://127.0.0.1:4173', 'GET /userinfo origin=http://127.0.0.1:4173'])
      expect(log).toContain(line)
    // userinfo carries an Authorization header, so the browser asked the provider first (a CORS
    // preflight, Fetch Standard §4.8): the provider, not Playwright, answered it.
    expect(log).toContain('OPTIONS /userinfo origin=http://127.0.0.1:4173')

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
    await page
      .locator('#tokens')
      .getByRole('button', { name: /Open the ID token/ })
      .first()
      .click()
    await expect(page).toHaveURL(/#\/inspect/)
    await expect(page.getByText('Valid', { exact: true }).first()).toBeVisible({ timeout: 15_000 })
    await expect(page.getByText(op.currentKid()).first()).toBeVisible()

    // Sign-out goes to the provider's end_session_endpoint (from discovery) naming the client
    // (RP-Initiated Logout §2), and the provider sends the browser back to the app.
    await page.goto('/#/signin')
    await expect(signedIn(page)).toBeVisible({ timeout: 15_000 })
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(new RegExp(`^${op.issuer}/session/end`), { timeout: 15_000 })
    const logout = new URL(page.url())
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(APP_REDIRECT_URI)
    expect(logout.searchParams.get('client_id')).toBe(SPA_CLIENT_ID)
    expect(logout.searchParams.get('id_token_hint')).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(logout.searchParams.get('state')).toBeTruthy()
    await page.getByRole('button', { name: 'Yes, sign me out' }).click()
    // Back at the registered post_logout_redirect_uri, which hands over to the sign-in screen.
    await expect(page).toHaveURL('http://127.0.0.1:4173/#/signin', { timeout: 15_000 })
    await expect(page.getByText(/^Signed out at the identity provider/)).toContainText(
      `sent the browser back to ${APP_REDIRECT_URI} (the post_logout_redirect_uri)`,
    )
    await expect(signedIn(page)).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled()
    expect(op.log().some((l) => l.startsWith('POST /session/end/confirm'))).toBe(true)
    const back = (await captured(page)).filter((e) => e._oauth.step === 'logout')
    // The navigation to end_session_endpoint, then the return with the state MSAL sent.
    expect(back.map((e) => e.request.url.split('?')[0])).toEqual([`${op.issuer}/session/end`, APP_REDIRECT_URI])
    await page.screenshot({ path: 'test-results/signin-oidc-signed-out-light.png', fullPage: true })
  })

  test('popup sign-in and the step-through pauses work against the real provider', async ({ page, op }) => {
    await createProfile(page, op)
    const popupPromise = page.waitForEvent('popup')
    await page.getByRole('button', { name: 'Sign in with a popup' }).click()
    const popup = await popupPromise
    await signInAtProvider(popup, op)
    await expect(signedIn(page)).toBeVisible({ timeout: 20_000 })
    await expect(page.getByTestId('userinfo')).toContainText('sub matches the ID token')
    const entries = await captured(page)
    expect(entries.map((e) => e._oauth.step)).toEqual(
      expect.arrayContaining(['discovery', 'jwks', 'authorize', 'redirect_back', 'token', 'userinfo']),
    )
    // The address MSAL sent the popup to, recorded although no MSAL hook reports it; the provider
    // received it.
    const authorize = entries.filter((e) => e._oauth.step === 'authorize')
    expect(authorize).toHaveLength(1)
    const sent = new URL(authorize[0]!.request.url)
    expect(`${sent.origin}${sent.pathname}`).toBe(`${op.issuer}/auth`)
    expect(sent.searchParams.get('code_challenge_method')).toBe('S256')
    expect(op.log().some((l) => l.startsWith('GET /auth '))).toBe(true)

    // Step-through on a second, redirect sign-in (the provider session makes it skip the login page).
    await page.getByRole('switch', { name: 'Step through' }).click()
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Before /authorize' })).toBeVisible({ timeout: 15_000 })
    const before = op.log().length
    await page.getByRole('button', { name: 'Continue to the identity provider' }).click()
    await expect(page.getByRole('heading', { name: 'After the redirect back' })).toBeVisible({ timeout: 20_000 })
    expect(
      op
        .log()
        .slice(before)
        .some((l) => l.startsWith('POST /token')),
    ).toBe(false)
    await page.getByRole('button', { name: /Continue: let MSAL check the response/ }).click()
    await expect(page.getByRole('heading', { name: 'Before the /token POST' })).toBeVisible()
    expect(
      op
        .log()
        .slice(before)
        .some((l) => l.startsWith('POST /token')),
    ).toBe(false)
    await page.getByRole('button', { name: /Continue: send the token request/ }).click()
    await expect(signedIn(page)).toBeVisible({ timeout: 20_000 })
    expect(
      op
        .log()
        .slice(before)
        .some((l) => l.startsWith('POST /token')),
    ).toBe(true)
  })

  test('key rotation between two sign-ins: the page fetches the JWKS again exactly once for the new kid, and the inspector’s key chain says so', async ({
    page,
    op,
  }) => {
    // Two sign-ins and two inspections against a real server: more than the default minute on a busy machine.
    test.setTimeout(120_000)
    await createProfile(page, op)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await signInAtProvider(page, op)
    await expect(signedIn(page)).toBeVisible({ timeout: 20_000 })
    const firstKid = op.currentKid()
    const discovery = (await captured(page)).find((e) => e._oauth.step === 'discovery' && e.response.status === 200)!
    const jwksUri = (JSON.parse(discovery.response.content?.text ?? '{}') as { jwks_uri?: string }).jwks_uri!
    expect(jwksUri).toBe(`${op.issuer}/jwks`)

    // The inspector reads the first ID token and keeps this tab's copy of the key set (first key only).
    await page
      .locator('#tokens')
      .getByRole('button', { name: /Open the ID token/ })
      .first()
      .click()
    await expect(page.getByText('Valid', { exact: true }).first()).toBeVisible({ timeout: 15_000 })
    await expect(page.getByText(firstKid).first()).toBeVisible()

    // The provider rotates: a new signing key first, the old one still published.
    const newKid = await op.rotateKeys()
    expect(newKid).not.toBe(firstKid)

    // From here on, every request this page makes to the provider's jwks_uri is counted: the
    // sign-in list checks the new ID token as soon as it arrives, and that check (not a later one)
    // is the one that meets the new kid and fetches the key set again.
    const jwksRequests: string[] = []
    page.on('request', (r) => {
      if (r.url() === jwksUri) jwksRequests.push(r.method())
    })
    const providerJwksBefore = op.log().filter((l) => l.startsWith('GET /jwks')).length
    const capturedJwks = async () => (await captured(page)).filter((e) => e.request.url === jwksUri).length
    const capturedJwksBefore = await capturedJwks()

    // Second sign-in in a popup, so this page (and the inspector's copy of the key set) stays.
    // The provider session survived the rotation: the popup goes straight back with a code.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Sign in/ })
      .click()
    await expect(signedIn(page)).toBeVisible()
    const popupDone = page.waitForEvent('popup').then((p) => p.waitForEvent('close', { timeout: 20_000 }))
    await page.getByRole('button', { name: 'Sign in with a popup' }).click()
    await popupDone
    await expect.poll(() => op.log().filter((l) => l.startsWith('POST /token')).length, { timeout: 20_000 }).toBe(2)
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled({ timeout: 20_000 })

    // The new ID token was checked by the sign-in list with the issuer's keys: valid.
    await expect(page.locator('#tokens').getByTestId('token-verdict').first()).toHaveAttribute('data-verdict-kind', 'valid', {
      timeout: 15_000,
    })
    // Every state the key chain shows is recorded, as it is drawn.
    await page.evaluate(() => {
      const seen = new Set<string>()
      ;(window as unknown as { keyChainSeen: Set<string> }).keyChainSeen = seen
      const record = () => {
        for (const el of Array.from(document.querySelectorAll('[data-fetch-purpose]')))
          seen.add(`${el.getAttribute('data-fetch-purpose')}: ${el.textContent ?? ''}`)
        for (const el of Array.from(document.querySelectorAll('[aria-label="How the key was found"]')))
          seen.add(`chain: ${el.textContent ?? ''}`)
        if (
          document.body.textContent?.includes(
            'The key set was requested a second time because the token’s kid was not in it (keys rotate).',
          )
        )
          seen.add('note: requested a second time')
      }
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    await page
      .locator('#tokens')
      .getByRole('button', { name: /Open the ID token/ })
      .first()
      .click()
    await expect(page).toHaveURL(/#\/inspect/)
    await expect(page.getByText('Valid', { exact: true }).first()).toBeVisible({ timeout: 15_000 })
    await expect(page.getByRole('list', { name: 'How the key was found' })).toContainText(newKid)

    // What the key chain said for this token: the new kid, the note that the key set was requested
    // a second time for it, discovery from the session's copy; a "fetched again" entry, where this
    // run made the request itself, names the jwks_uri and was not read from the cache.
    const seen = await page.evaluate(() => [...(window as unknown as { keyChainSeen: Set<string> }).keyChainSeen])
    expect(seen).toContain('note: requested a second time')
    expect(seen.filter((t) => t.startsWith('chain: ') && t.includes(newKid)).length).toBeGreaterThan(0)
    const refetches = seen.filter((t) => t.startsWith('jwks_refetch: '))
    for (const line of refetches) {
      expect(line).toContain('Key set, fetched again (kid not found: keys may have rotated)')
      expect(line).toContain(jwksUri)
      expect(line).not.toContain('from this session’s cache')
    }
    expect(seen.some((t) => t.startsWith('discovery: ') && t.includes('from this session’s cache'))).toBe(true)
    // Since the rotation the page asked for the key set once for the checks (the sign-in list's and
    // the inspector's share the refreshed copy), besides the key sets the second sign-in itself
    // fetched and captured as its own exchanges; the provider received exactly those. A moment
    // later, no more: re-validations do not ask again.
    await page.waitForTimeout(1_000)
    const bySignIn = (await capturedJwks()) - capturedJwksBefore
    expect(jwksRequests).toEqual(Array.from({ length: bySignIn + 1 }, () => 'GET'))
    expect(op.log().filter((l) => l.startsWith('GET /jwks')).length - providerJwksBefore).toBe(bySignIn + 1)
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
    await expect(alert.getByTestId('signin-error-explanation')).toContainText(
      `add http://127.0.0.1:4173 to the allowed origins (CORS / web origins) of client ${SPA_CLIENT_ID}`,
    )
    await expect(alert).toContainText('cors_not_allowed')
    await expect(alert.getByTestId('signin-error-explanation')).toContainText(`browser calls to ${op.issuer}/token.`)
    // The provider did answer the POST: it is the browser that withheld the response.
    expect(op.log()).toEqual(expect.arrayContaining(['POST /token origin=http://127.0.0.1:4173']))
    await page.screenshot({ path: 'test-results/signin-oidc-cors-light.png', fullPage: true })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: 'test-results/signin-oidc-cors-dark.png', fullPage: true })
  })

  test('no CORS at userinfo for this client: the answer is withheld, the sign-in stands, and the note says which origin to allow', async ({
    page,
    op,
  }) => {
    op.setCors('userinfo', false)
    await createProfile(page, op)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await signInAtProvider(page, op)
    await expect(signedIn(page)).toBeVisible({ timeout: 20_000 })
    const userinfo = page.getByTestId('userinfo')
    await expect(userinfo).toContainText('userinfo did not answer with claims', { timeout: 20_000 })
    await expect(userinfo).toContainText(/CORS/)
    await expect(userinfo).toContainText('http://127.0.0.1:4173')
    // oidc-provider answers a preflight for any origin (the client is not known before the access
    // token arrives) and decides CORS per client on the GET itself: the browser asked first, sent
    // the GET, and withheld the answer that carried no Access-Control-Allow-Origin.
    expect(op.log()).toEqual(
      expect.arrayContaining(['OPTIONS /userinfo origin=http://127.0.0.1:4173', 'GET /userinfo origin=http://127.0.0.1:4173']),
    )
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
