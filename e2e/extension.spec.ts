/// <reference types="chrome" />
/**
 * The browser extension (dist-extension/, built by scripts/e2e.mjs before Playwright runs),
 * loaded unpacked into Chromium. Each test gets its own profile under test-results/. The
 * recorder is driven through the service worker's command handler, the very function the
 * toolbar popup sends its messages to; the viewer is the extension's own page.
 */
import { test, expect, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test'
import { readFileSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { generateKeyPair, SignJWT } from 'jose'
import { launchOptions } from '../scripts/chromium.mjs'
import { routeDemoTenant } from './support/demo-tenant-route.ts'

const EXTENSION = resolve(import.meta.dirname, '..', 'dist-extension')
const APP = 'http://127.0.0.1:4173'
const TENANT = '72f988bf-0000-4000-8000-00000000c0de'
const CLIENT = '0d6c1a2b-3c4d-4e5f-8a9b-1c2d3e4f5a6b'

interface Status {
  tabId: number
  recording: boolean
  keepAll: boolean
  kept: number
  oauth: number
  error?: string
}
interface HarEntry {
  request: { method: string; url: string; postData?: { text?: string } }
  response: { status: number; content: { text?: string; mimeType: string } }
  _oauth: { step: string; origin: string }
}

interface Ext {
  context: BrowserContext
  worker: Worker
  id: string
  /** Every http(s) request the browser made, for the "nothing sent anywhere" check. */
  requests: string[]
}

const ALLOWED_HOSTS = new Set(['127.0.0.1:4173', 'login.microsoftonline.com', 'graph.microsoft.com'])

async function launch(name: string, extraHosts: string[] = []): Promise<Ext> {
  const allowed = new Set([...ALLOWED_HOSTS, ...extraHosts])
  const userDataDir = resolve(import.meta.dirname, '..', 'test-results', `extension-profile-${name}`)
  rmSync(userDataDir, { recursive: true, force: true })
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless: true,
    ...launchOptions(['--headless=new', `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`]),
  })
  const requests: string[] = []
  context.on('request', (r) => {
    if (/^https?:/.test(r.url())) requests.push(r.url())
  })
  // Nothing may reach the network: hosts the test does not serve are refused.
  await context.route(
    (url) => /^https?:$/.test(url.protocol) && !allowed.has(url.host),
    (route) => route.abort('blockedbyclient'),
  )
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))
  return { context, worker, id: new URL(worker.url()).host, requests }
}

/** The id of the tab showing `page` (brought to the front first; the popup asks the same way). */
async function tabIdOf(ext: Ext, page: Page): Promise<number> {
  await page.bringToFront()
  return ext.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true })
    return tab?.id ?? -1
  })
}

async function command(ext: Ext, cmd: Record<string, unknown>): Promise<Status> {
  return ext.worker.evaluate(
    (c) =>
      (globalThis as unknown as { tokenLensRecorder: { handleCommand: (c: unknown) => Promise<Status> } }).tokenLensRecorder.handleCommand(
        c,
      ),
    cmd,
  )
}

async function badge(ext: Ext, tabId: number): Promise<string> {
  return ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)
}

async function openViewer(ext: Ext, tabId: number): Promise<Page> {
  const viewer = await ext.context.newPage()
  const errors: string[] = []
  viewer.on('pageerror', (e) => errors.push(e.message))
  viewer.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text())
  })
  await viewer.goto(`chrome-extension://${ext.id}/viewer.html?tab=${tabId}#/import`)
  ;(viewer as Page & { errors?: string[] }).errors = errors
  return viewer
}

function viewerErrors(viewer: Page): string[] {
  return (viewer as Page & { errors?: string[] }).errors ?? []
}

async function createProfile(page: Page) {
  await page.goto(`${APP}/#/signin`)
  await page.getByRole('button', { name: 'New profile' }).click()
  const form = page.getByRole('form', { name: 'Connection profile' })
  await form.getByLabel('Name').fill('Contoso (recorded)')
  await form.getByLabel('Tenant').fill(TENANT)
  await form.getByLabel('Application (client) ID').fill(CLIENT)
  await form.getByLabel('Redirect URI').fill(`${APP}/redirect.html`)
  await form.getByLabel('Scopes').fill('User.Read')
  await form.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled()
}

/**
 * A classic server-side web app and its identity provider, two tiny real HTTP servers on
 * loopback (Playwright does not route the redirects of a fulfilled response, and real 302s are
 * what the recorder must follow): /login sends the browser to the IdP's /authorize, which
 * answers straight back to the server's /signin-oidc with a code; the server (which would redeem
 * the code on its own back channel, never seen by the browser) sets a session cookie and goes home.
 */
interface WebApp {
  app: string
  idp: string
  close: () => Promise<void>
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ origin: string; server: Server }> {
  const server = createServer(handler)
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

/**
 * `form_post`: the IdP answers /authorize with an auto-submitting form that POSTs code, state and
 * an ID token to the callback (OAuth 2.0 Form Post Response Mode; "code id_token", as ASP.NET
 * Core's OpenID Connect handler asks by default). Either way the app offers /logout, which sends
 * the browser to the IdP's end-session endpoint with id_token_hint (OIDC RP-Initiated Logout §2)
 * and comes back to /signed-out.
 */
async function startWebApp(mode: 'query' | 'form_post' = 'query', idToken = ''): Promise<WebApp> {
  let appOrigin = ''
  const idp = await listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://idp')
    const redirect = url.searchParams.get('redirect_uri') ?? ''
    const state = url.searchParams.get('state') ?? ''
    if (url.pathname === '/oauth2/authorize' && redirect.startsWith(appOrigin)) {
      if (url.searchParams.get('response_mode') === 'form_post') {
        const field = (name: string, value: string) => `<input type="hidden" name="${name}" value="${value.replace(/[&"<>]/g, '')}">`
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            `<!doctype html><title>Working…</title><body onload="document.forms[0].submit()"><form method="post" action="${redirect}">` +
              `${field('code', 'web-code-123')}${field('id_token', idToken)}${field('state', state)}</form></body>`,
          )
      } else res.writeHead(302, { location: `${redirect}?code=web-code-123&state=${encodeURIComponent(state)}` }).end()
    } else if (url.pathname === '/oauth2/logout' && (url.searchParams.get('post_logout_redirect_uri') ?? '').startsWith(appOrigin)) {
      res.writeHead(302, { location: url.searchParams.get('post_logout_redirect_uri') ?? '' }).end()
    } else res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request')
  })
  const app = await listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://app')
    if (url.pathname === '/login') {
      const authz = new URL(`${idp.origin}/oauth2/authorize`)
      authz.search = new URLSearchParams({
        client_id: 'web-app-1',
        response_type: mode === 'form_post' ? 'code id_token' : 'code',
        redirect_uri: `${appOrigin}/signin-oidc`,
        scope: 'openid profile',
        state: 'st-web-42',
        nonce: 'n-42',
        ...(mode === 'form_post' ? { response_mode: 'form_post' } : {}),
      }).toString()
      res.writeHead(302, { location: authz.href }).end()
    } else if (url.pathname === '/signin-oidc') {
      res.writeHead(302, { location: '/', 'set-cookie': 'session=abc; path=/; httponly' }).end()
    } else if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Web app</title><h1>Welcome back</h1>')
    } else if (url.pathname === '/logout') {
      const end = new URL(`${idp.origin}/oauth2/logout`)
      end.search = new URLSearchParams({
        id_token_hint: idToken,
        post_logout_redirect_uri: `${appOrigin}/signed-out`,
        state: 'st-out-7',
      }).toString()
      res.writeHead(302, { location: end.href, 'set-cookie': 'session=; path=/; max-age=0' }).end()
    } else if (url.pathname === '/signed-out') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Web app</title><h1>Signed out</h1>')
    } else res.writeHead(404).end()
  })
  appOrigin = app.origin
  return {
    app: app.origin,
    idp: idp.origin,
    close: async () => {
      await new Promise((done) => app.server.close(done))
      await new Promise((done) => idp.server.close(done))
    },
  }
}

test.describe('browser extension: record any tab', () => {
  test.setTimeout(120_000)
  test('records an SPA sign-in (MSAL, PKCE) live: flow, token POST with code_verifier, valid ID token, diagram, sanitised HAR', async () => {
    const ext = await launch('spa')
    try {
      await routeDemoTenant(ext.context, { tenantId: TENANT, acceptAnyClient: true })
      const page = ext.context.pages()[0] ?? (await ext.context.newPage())
      await createProfile(page)
      const tabId = await tabIdOf(ext, page)
      const started = await command(ext, { type: 'start', tabId })
      expect(started).toMatchObject({ recording: true, kept: 0 })
      expect(await badge(ext, tabId)).toBe('REC')
      const viewer = await openViewer(ext, tabId)
      await expect(viewer.getByTestId('recording-status')).toContainText(`Recording tab ${tabId}: 0 OAuth exchanges`)

      await page.bringToFront()
      await page.getByRole('button', { name: 'Sign in', exact: true }).click()
      await expect(page).toHaveURL(/^https:\/\/login\.microsoftonline\.com\//)
      await page.getByRole('radio').first().check()
      await page.getByRole('button', { name: /Accept and sign in/ }).click()
      await expect(page.getByRole('heading', { name: /^Signed in as/ })).toBeVisible({ timeout: 20_000 })

      // Live: the viewer followed without a reload.
      await expect(viewer.getByTestId('flow-list')).toBeVisible()
      const steps = viewer.getByTestId('flow-steps')
      await expect(steps).toContainText('Authorization request')
      await expect(steps).toContainText(/Token request \(authorization.code|auth code\)/i)
      await expect(
        steps
          .locator('li')
          .filter({ hasText: /Token request/ })
          .first(),
      ).toContainText('captured')
      await expect(steps.locator('li').filter({ hasText: 'Authorization request' }).first()).toContainText('observed')
      await expect(viewer.getByTestId('client-type')).toContainText('public client')
      await expect(viewer.getByTestId('flow-diagram').locator('svg').first()).toBeVisible()
      await expect(viewer.getByTestId('token-verdict').first()).toBeVisible({ timeout: 15_000 })
      const status = await command(ext, { type: 'status', tabId })
      expect(status.oauth).toBeGreaterThanOrEqual(4)
      expect(await badge(ext, tabId)).toBe(String(status.oauth))
      await expect(viewer.getByTestId('recording-status')).toContainText(`${status.oauth} OAuth exchanges`)
      await viewer.screenshot({ path: 'test-results/extension-viewer-light.png', fullPage: true })
      await viewer.emulateMedia({ colorScheme: 'dark' })
      await viewer.screenshot({ path: 'test-results/extension-viewer-dark.png', fullPage: true })
      await viewer.emulateMedia({ colorScheme: 'light' })

      // The HAR export (sanitised by default) holds the token POST with code_verifier and its JSON answer.
      const download = viewer.waitForEvent('download')
      await viewer.getByTestId('export-all-har').click()
      const file = resolve(import.meta.dirname, '..', 'test-results', 'extension-recording.har')
      await (await download).saveAs(file)
      const har = JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: HarEntry[] } }
      const kinds = har.log.entries.map((e) => e._oauth.step)
      expect(kinds).toEqual(expect.arrayContaining(['authorize', 'token']))
      const token = har.log.entries.find((e) => e._oauth.step === 'token')!
      expect(token.request.method).toBe('POST')
      expect(token.request.url).toContain(`/${TENANT}/oauth2/v2.0/token`)
      expect(token.request.postData?.text).toContain('code_verifier=')
      expect(token.request.postData?.text).toContain('grant_type=authorization_code')
      expect(token.response.status).toBe(200)
      const answer = JSON.parse(token.response.content.text ?? '{}') as Record<string, unknown>
      expect(Object.keys(answer)).toEqual(expect.arrayContaining(['id_token', 'access_token', 'token_type']))
      expect(String(answer.id_token)).toMatch(/^\[redacted/)
      // The redirect back with the code was recorded, its code redacted in the export.
      const back = har.log.entries.find((e) => e._oauth.step === 'redirect_back' || e._oauth.step === 'callback')
      expect(back).toBeTruthy()
      expect(JSON.stringify(har)).not.toMatch(/eyJ[\w-]{10,}\.eyJ[\w-]{10,}\./)

      // The ID token opens in the inspector with the flow's expectations and shows as valid.
      const idToken = viewer.getByTestId('flow-tokens').locator('li').filter({ hasText: 'ID token' }).first()
      // The core's one verdict: no check failed (keys from the capture are named, never plain "valid").
      await expect(idToken.getByTestId('token-verdict')).toHaveAttribute('data-verdict-kind', /^(valid|valid_other_keys|unverifiable)$/)
      await expect(idToken.getByTestId('token-verdict')).not.toContainText(/error|failed/)
      await idToken.getByRole('button', { name: /Open in inspector/ }).click()
      await expect(viewer).toHaveURL(/#\/inspect/)
      // Keys recorded in a capture vouch only for that capture: check against the issuer's own.
      await viewer.getByRole('radio', { name: /From the issuer/ }).check()
      await expect(viewer.getByText('Valid', { exact: true }).first()).toBeVisible({ timeout: 15_000 })
      await viewer.screenshot({ path: 'test-results/extension-inspector-light.png' })

      // The exported file opens in the web app.
      const web = await ext.context.newPage()
      await web.goto(`${APP}/#/import`)
      await web.getByTestId('har-file-input').setInputFiles(file)
      await expect(web.getByTestId('flow-list')).toBeVisible()
      await expect(web.getByTestId('flow-steps')).toContainText('Authorization request')

      expect(viewerErrors(viewer)).toEqual([])
      expect(ext.requests.filter((u) => !ALLOWED_HOSTS.has(new URL(u).host))).toEqual([])
    } finally {
      await ext.context.close()
    }
  })

  test('records a confidential web app: authorize, callback to the server route, token call shown as not observed', async () => {
    const web = await startWebApp()
    const ext = await launch('web', [new URL(web.app).host, new URL(web.idp).host])
    try {
      const page = ext.context.pages()[0] ?? (await ext.context.newPage())
      await page.goto(`${web.app}/`)
      const tabId = await tabIdOf(ext, page)
      await command(ext, { type: 'start', tabId })
      const viewer = await openViewer(ext, tabId)
      await page.goto(`${web.app}/login`)
      await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible()

      const steps = viewer.getByTestId('flow-steps')
      await expect(steps).toContainText('Authorization request')
      const inferred = steps.locator('li').filter({ hasText: 'not observed' })
      await expect(inferred).toHaveCount(1)
      await expect(inferred).toContainText(/Token request/)
      await expect(viewer.getByTestId('flow-view')).toContainText('has a server-side step')
      await expect(viewer.getByTestId('flow-findings')).toContainText(/not observed|server/i)
      await expect(viewer.getByTestId('flow-diagram').locator('svg').first()).toBeVisible()
      // The recorded tab is the browser's view: the code is redeemed by the app's server, not by
      // the browser (or a "This app" lane the recording knows nothing of).
      const diagram = viewer.getByTestId('flow-diagram')
      await expect(diagram.getByRole('img', { name: /participants Browser, App \(redirect URI\), / })).toBeVisible()
      await expect(diagram.getByRole('button', { name: /^Step \d+: App \(redirect URI\) to Token endpoint: POST / })).toHaveCount(1)
      await viewer.screenshot({ path: 'test-results/extension-webapp-light.png', fullPage: true })
      expect(viewerErrors(viewer)).toEqual([])
    } finally {
      await ext.context.close()
      await web.close()
    }
  })

  test('records a form_post callback and the sign-out with id_token_hint; "Keep everything" keeps the pages too', async () => {
    // An ID token as such an IdP would issue it: what is checked here is where it was seen (the
    // form_post body, the sign-out's id_token_hint), not its signature.
    const { privateKey } = await generateKeyPair('RS256')
    const now = Math.floor(Date.now() / 1000)
    const token = await new SignJWT({ nonce: 'n-42', name: 'Form Post Person' })
      .setProtectedHeader({ alg: 'RS256', kid: 'fp-1', typ: 'JWT' })
      .setIssuer('https://idp.form-post.example')
      .setAudience('web-app-1')
      .setSubject('fp-subject')
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(privateKey)
    const web = await startWebApp('form_post', token)
    const ext = await launch('formpost', [new URL(web.app).host, new URL(web.idp).host])
    try {
      const page = ext.context.pages()[0] ?? (await ext.context.newPage())
      await page.goto(`${web.app}/`)
      const tabId = await tabIdOf(ext, page)
      expect(await command(ext, { type: 'start', tabId, keepAll: true })).toMatchObject({ recording: true, keepAll: true })
      const viewer = await openViewer(ext, tabId)
      await page.bringToFront()
      await page.goto(`${web.app}/login`)
      await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible()
      await page.goto(`${web.app}/logout`)
      await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible()

      // Everything was kept: the app's own pages too, not only the OAuth exchanges.
      await expect.poll(async () => (await command(ext, { type: 'status', tabId })).oauth).toBeGreaterThanOrEqual(3)
      const status = await command(ext, { type: 'status', tabId })
      expect(status.kept).toBeGreaterThan(status.oauth)

      const steps = viewer.getByTestId('flow-steps')
      await expect(steps).toContainText('Authorization request')
      await expect(steps).toContainText('Callback at the redirect URI')
      await expect(steps).toContainText('Sign-out')
      // The form_post body was recorded, so the ID token is found in it, and again in the
      // sign-out's id_token_hint: one token, two places.
      const tokens = viewer.getByTestId('flow-tokens')
      await expect(tokens).toContainText('form_post body')
      await expect(tokens).toContainText('id_token_hint of the sign-out request')
      await expect(tokens).toContainText(/same token as #\d/)
      // The server redeemed the code where the browser cannot see: inferred, not invented.
      await expect(steps.locator('li').filter({ hasText: 'not observed' })).toContainText('Token request')
      await viewer.screenshot({ path: 'test-results/extension-formpost-light.png', fullPage: true })
      expect(viewerErrors(viewer)).toEqual([])
    } finally {
      await ext.context.close()
      await web.close()
    }
  })

  test('records nothing before "Record this tab", nothing in other tabs, nothing after "Stop"', async () => {
    const web = await startWebApp()
    const ext = await launch('optin', [new URL(web.app).host, new URL(web.idp).host])
    try {
      const chosen = ext.context.pages()[0] ?? (await ext.context.newPage())
      const other = await ext.context.newPage()
      const chosenId = await tabIdOf(ext, chosen)
      const otherId = await tabIdOf(ext, other)
      expect(chosenId).not.toBe(otherId)

      // A full sign-in before recording: nothing is kept.
      await chosen.goto(`${web.app}/login`)
      await expect(chosen.getByRole('heading', { name: 'Welcome back' })).toBeVisible()
      expect(await command(ext, { type: 'status', tabId: chosenId })).toMatchObject({ recording: false, kept: 0 })
      expect(await badge(ext, chosenId)).toBe('')

      expect(await command(ext, { type: 'start', tabId: chosenId })).toMatchObject({ recording: true, kept: 0 })
      // The other tab signs in while the chosen one records: not a single exchange of it is kept.
      await other.bringToFront()
      await other.goto(`${web.app}/login`)
      await expect(other.getByRole('heading', { name: 'Welcome back' })).toBeVisible()
      expect(await command(ext, { type: 'status', tabId: chosenId })).toMatchObject({ recording: true, kept: 0, oauth: 0 })
      expect(await command(ext, { type: 'status', tabId: otherId })).toMatchObject({ recording: false, kept: 0 })
      expect(await badge(ext, otherId)).toBe('')

      // The chosen tab's sign-in is kept.
      await chosen.goto(`${web.app}/login`)
      await expect(chosen.getByRole('heading', { name: 'Welcome back' })).toBeVisible()
      await expect.poll(async () => (await command(ext, { type: 'status', tabId: chosenId })).oauth).toBeGreaterThanOrEqual(2)
      const recorded = await command(ext, { type: 'status', tabId: chosenId })
      // Only what matters: the home page HTML after the sign-in is not kept by default.
      expect(recorded.kept).toBe(recorded.oauth)
      expect(await badge(ext, chosenId)).toBe(String(recorded.oauth))

      // After Stop, nothing more.
      expect(await command(ext, { type: 'stop', tabId: chosenId })).toMatchObject({ recording: false, kept: recorded.kept })
      expect(await badge(ext, chosenId)).toBe('')
      await chosen.goto(`${web.app}/login`)
      await expect(chosen.getByRole('heading', { name: 'Welcome back' })).toBeVisible()
      expect(await command(ext, { type: 'status', tabId: chosenId })).toMatchObject({ recording: false, kept: recorded.kept })

      // The toolbar popup renders its state for the tab it is shown on (here its own tab).
      const popup = await ext.context.newPage()
      await popup.goto(`chrome-extension://${ext.id}/popup.html`)
      await expect(popup.getByRole('status')).toHaveText('Not recording this tab.')
      await expect(popup.getByRole('button', { name: 'Record this tab' })).toBeEnabled()
      await popup.screenshot({ path: 'test-results/extension-popup-light.png' })

      const viewer = await openViewer(ext, chosenId)
      await expect(viewer.getByTestId('recording-status')).toContainText(`Not recording tab ${chosenId}. ${recorded.kept} exchanges kept.`)
      await expect(viewer.getByTestId('flow-list').locator('li')).toHaveCount(1)
    } finally {
      await ext.context.close()
      await web.close()
    }
  })
})
