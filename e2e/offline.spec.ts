/**
 * Offline and installing (README "Offline and installing", issue 15 "Repeat visits and offline"):
 * after one visit online, the service worker has precached the whole build, a repeat visit's first
 * view comes from the cache, and with the network off the inspector, the demo tenant, the diagram
 * and HAR import all work — at the root path and under the GitHub Pages sub-path. A new version is
 * announced and applied only when the user clicks "Reload"; another tab is told, not reloaded.
 *
 * The other specs block service workers (playwright.config.ts): they route and count requests,
 * which a worker answering from its cache would hide. This file allows them.
 */
import { createServer, type Server } from 'node:http'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { extname, join, relative, resolve } from 'node:path'
import type { Page, Response } from '@playwright/test'
import { test, expect, expectAccessible } from './fixtures.ts'
import { demoSignIn } from './support/demo-signin.ts'

test.use({ serviceWorkers: 'allow' })

const ROOT = resolve(import.meta.dirname, '..')
const F = JSON.parse(readFileSync(resolve(ROOT, 'e2e/fixtures/tokens/scenarios.json'), 'utf8')) as {
  now: number
  jwks: unknown
  tokens: Record<'valid', string>
}
const HAR = resolve(ROOT, 'e2e/fixtures/har/implicit-flow.har')

/** Every file of a build folder, relative to it. */
function filesOf(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out.push(relative(dir, p).split('\\').join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

/** The precache list Workbox wrote into sw.js (relative URLs, one per file). */
function precacheOf(dir: string): string[] {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8')
  return [...new Set([...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1] ?? ''))].sort()
}

/**
 * Waits until the worker registered at idle is active (its install, i.e. the whole precache, has
 * succeeded) and controls this page (clientsClaim).
 */
async function waitForWorker(page: Page): Promise<{ scope: string; script: string }> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
    }
    return { scope: registration.scope, script: navigator.serviceWorker.controller?.scriptURL ?? '' }
  })
}

/** What the page's Cache Storage holds, as paths relative to the app's base URL. */
async function cachedPaths(page: Page, base: string): Promise<string[]> {
  return page.evaluate(async (baseUrl) => {
    const names = await caches.keys()
    const paths: string[] = []
    for (const name of names) {
      for (const request of await (await caches.open(name)).keys()) {
        const url = new URL(request.url)
        paths.push(url.href.slice(baseUrl.length).replace(/\?.*$/, ''))
      }
    }
    return [...new Set(paths)].sort()
  }, base)
}

const VARIANTS = [
  { name: 'at the root path', base: 'http://127.0.0.1:4173/', dist: 'dist' },
  { name: 'under the GitHub Pages sub-path', base: 'http://127.0.0.1:4174/token-lens/', dist: 'dist-subpath' },
] as const

for (const variant of VARIANTS) {
  test.describe(`offline ${variant.name}`, () => {
    test('after one visit the whole app comes from the cache and works with the network off', async ({ page, context, guard }) => {
      test.setTimeout(120_000)
      const dir = resolve(ROOT, variant.dist)
      const precache = precacheOf(dir)
      // Every file of the build (HTML, every lazy chunk, the HAR worker, CSS, icons, manifest) is in
      // the precache; nothing else is (e.g. nothing of the extension build).
      expect(precache).toEqual(filesOf(dir).filter((f) => f !== 'sw.js'))
      expect(precache).toEqual(
        expect.arrayContaining([
          'index.html',
          'redirect.html',
          'manifest.webmanifest',
          'icons/icon-512.png',
          'icons/icon-maskable-512.png',
        ]),
      )
      expect(precache.some((f) => /^assets\/har-worker-entry-.*\.js$/.test(f))).toBe(true)

      // Requests the worker itself makes: only this origin, only the precache.
      const workerRequests: string[] = []
      context.on('request', (r) => {
        if (r.serviceWorker()) workerRequests.push(r.url())
      })

      // First visit, online.
      await page.goto(variant.base)
      await expect(page.getByLabel('Token', { exact: true })).toBeVisible()
      const worker = await waitForWorker(page)
      expect(worker.scope).toBe(variant.base)
      expect(worker.script).toBe(`${variant.base}sw.js`)
      await expect(page.getByRole('status').filter({ hasText: 'Token Lens now works offline.' })).toBeVisible()
      expect(await cachedPaths(page, variant.base)).toEqual(precache)
      expect(workerRequests.length).toBeGreaterThan(0)
      expect(workerRequests.filter((u) => !u.startsWith(variant.base))).toEqual([])

      // The worker has no route for other origins: a request to an identity provider goes to the
      // network as the page made it, not through the worker.
      guard.allow('idp.offline-check.example')
      await context.route('https://idp.offline-check.example/**', (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          headers: { 'access-control-allow-origin': '*' },
          body: '{"issuer":"https://idp.offline-check.example"}',
        }),
      )
      const idpResponse = page.waitForResponse('https://idp.offline-check.example/.well-known/openid-configuration')
      expect(
        await page.evaluate(() => fetch('https://idp.offline-check.example/.well-known/openid-configuration').then((r) => r.json())),
      ).toEqual({ issuer: 'https://idp.offline-check.example' })
      expect((await idpResponse).fromServiceWorker()).toBe(false)
      expect(workerRequests.filter((u) => u.includes('offline-check'))).toEqual([])

      // A repeat visit, still online: the first view (document, scripts, styles) is answered by
      // the worker's cache.
      const firstView: { url: string; fromWorker: boolean }[] = []
      const onResponse = (r: Response) => {
        if (r.url().startsWith(variant.base)) firstView.push({ url: r.url(), fromWorker: r.fromServiceWorker() })
      }
      page.on('response', onResponse)
      await page.reload()
      await expect(page.getByLabel('Token', { exact: true })).toBeVisible()
      page.off('response', onResponse)
      expect(firstView.length).toBeGreaterThan(2)
      expect(firstView.filter((r) => !r.fromWorker)).toEqual([])

      // Network off. From here every request of the page must be answered by the worker.
      await context.setOffline(true)
      const failed: string[] = []
      const notFromWorker: string[] = []
      page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`))
      page.on('response', (r) => {
        if (/^https?:/.test(r.url()) && !r.fromServiceWorker()) notFromWorker.push(r.url())
      })
      // The fixtures' moment, so the token's lifetime means the same on every run.
      await page.clock.install({ time: F.now * 1000 })
      const reloaded = await page.reload()
      expect(reloaded?.fromServiceWorker()).toBe(true)

      // Inspector: paste a token, it is decoded; a pasted key set verifies it (the verifier is a
      // lazy chunk).
      await page.getByLabel('Token', { exact: true }).fill(F.tokens.valid)
      await expect(page.locator('[data-claim="name"]')).toContainText('Ada Lovelace')
      await page.getByTestId('key-consent').getByRole('button', { name: 'Paste a JWKS instead' }).click()
      await page.getByLabel('Pasted JWKS or JWK').fill(JSON.stringify(F.jwks))
      await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'valid_other_keys')

      // The worker never answers a non-navigation request with index.html: a file that is not in
      // the build is simply unavailable offline.
      expect(
        await page.evaluate(() =>
          fetch('assets/not-in-the-build.js').then(
            (r) => `HTTP ${r.status}`,
            () => 'network error',
          ),
        ),
      ).toBe('network error')
      failed.length = 0

      // Demo tenant: a whole sign-in, answered inside the page.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).click()
      await demoSignIn(page, { stay: true })

      // Diagram of that sign-in.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diagram' }).click()
      await expect(page.getByTestId('source-picker')).toHaveValue('capture')
      await expect(page.getByTestId('sequence-diagram').locator('[data-row]').first()).toBeVisible()
      expect(await page.getByTestId('sequence-diagram').locator('[data-row][data-kind="request"]').count()).toBeGreaterThan(3)

      // HAR import: the file is parsed by the worker script, itself from the cache.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click()
      await page.getByTestId('har-file-input').setInputFiles(HAR)
      await expect(page.getByTestId('import-summary')).toContainText('implicit-flow.har')
      await expect(page.getByTestId('flow-list').getByRole('button').first()).toBeVisible()

      expect(failed, 'requests that failed with the network off').toEqual([])
      expect(notFromWorker, 'responses not answered by the service worker').toEqual([])
      await context.setOffline(false)
    })
  })
}

/**
 * A static server for one build folder whose sw.js can be changed while the test runs, as a new
 * deployment would change it. The preview servers on 4173/4174 are shared with every other spec,
 * so the update test does not touch them.
 */
async function deployment(dir: string): Promise<{ server: Server; origin: string; publish: () => void }> {
  const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.json': 'application/json',
    '.webmanifest': 'application/manifest+json',
  }
  let build = 1
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = resolve(dir, `.${path.endsWith('/') ? `${path}index.html` : path}`)
    if (!file.startsWith(`${dir}/`)) {
      res.writeHead(403).end()
      return
    }
    let body: Buffer
    try {
      body = readFileSync(file)
    } catch {
      res.writeHead(404).end()
      return
    }
    // A new deployment: the worker script differs by a byte, as any rebuild makes it differ.
    if (path === '/sw.js' && build > 1) body = Buffer.concat([body, Buffer.from(`\n// deployment ${build}\n`)])
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return { server, origin: `http://127.0.0.1:${address.port}`, publish: () => void build++ }
}

async function screenshotNotice(page: Page, name: string, theme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: theme })
  await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/)
  await page.waitForTimeout(300) // colour transitions
  await page.screenshot({ path: test.info().outputPath(`${name}-${theme}.png`) })
}

test.describe('a new version', () => {
  let site: Awaited<ReturnType<typeof deployment>>
  test.beforeAll(async () => {
    site = await deployment(resolve(ROOT, 'dist'))
  })
  test.afterAll(async () => {
    await new Promise((done) => site.server.close(done))
  })

  test('is announced in every open tab and applied only by the user’s Reload; the other tab is told, not reloaded', async ({
    page,
    context,
    guard,
  }) => {
    test.setTimeout(90_000)
    guard.allow(new URL(site.origin).host)
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.goto(`${site.origin}/#/inspect`)
    await waitForWorker(page)
    const other = await context.newPage()
    await other.goto(`${site.origin}/#/inspect`)
    await waitForWorker(other)
    // Markers that a reload would wipe.
    for (const p of [page, other]) await p.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true))
    const stillHere = (p: Page) => p.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere === true)

    // A new deployment, found by the hourly check (called here rather than waited for).
    site.publish()
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update()
    })
    const notice = (p: Page) => p.getByRole('status').filter({ hasText: 'A new version of Token Lens is ready.' })
    await expect(notice(page)).toBeVisible({ timeout: 30_000 })
    await expect(notice(page).getByRole('button', { name: 'Reload' })).toBeVisible()
    // The other tab learns of the waiting version when it looks (the browser checks on navigation).
    await other.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update()
    })
    await other.reload()
    await other.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true))
    await expect(notice(other)).toBeVisible({ timeout: 30_000 })

    // Nothing happens by itself: the new worker waits, both pages stay as they are.
    await page.waitForTimeout(2000)
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(true)
    expect(await stillHere(page)).toBe(true)
    expect(await stillHere(other)).toBe(true)
    await expect(page.getByRole('button', { name: 'Reload' })).not.toBeFocused()
    await expectAccessible(page, 'with the update notice')
    await screenshotNotice(page, 'update-notice', 'light')
    await screenshotNotice(page, 'update-notice', 'dark')
    await page.emulateMedia({ colorScheme: 'light' })

    // The user's click: the new version takes over and this page reloads into it.
    const reloaded = page.waitForEvent('load')
    await notice(page).getByRole('button', { name: 'Reload' }).click()
    await reloaded
    await expect(page.getByLabel('Token', { exact: true })).toBeVisible()
    expect(await stillHere(page)).toBe(false)
    expect(
      await page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration()
        return { waiting: Boolean(r?.waiting), active: r?.active?.state }
      }),
    ).toEqual({ waiting: false, active: 'activated' })
    await expect(notice(page)).toHaveCount(0)

    // The other tab now runs old code under the new worker: it says so and keeps its state.
    const elsewhere = other.getByRole('status').filter({ hasText: 'Token Lens was updated in another tab.' })
    await expect(elsewhere).toBeVisible()
    await other.waitForTimeout(1000)
    expect(await stillHere(other)).toBe(true)
    await screenshotNotice(other, 'updated-elsewhere', 'light')
  })
})
