import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { test, expect, expectAccessible } from './fixtures.ts'

const ROUTES = [
  { path: '/inspect', heading: /inspect/i },
  { path: '/signin', heading: /sign in/i },
  { path: '/flow', heading: /flow/i },
  { path: '/diagram', heading: /diagram/i },
  { path: '/import', heading: /import/i },
] as const

test.describe('app shell', () => {
  for (const route of ROUTES) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`#${route.path} renders, is accessible and CSP-clean in ${scheme} theme`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme })
        await page.goto(`/#${route.path}`)
        await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(route.heading)
        await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
        await expect(page.getByText(/runs entirely in your browser/i)).toBeVisible()
        await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark).*$/)
        await expectAccessible(page, `on #${route.path} (${scheme})`)
      })
    }
  }

  test('the root redirects to the inspector and a deep link survives a reload', async ({ page }) => {
    await page.goto('/')
    await expect(page).toHaveURL(/#\/inspect$/)
    await page.goto('/#/diagram')
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(/diagram/i)
  })

  test('navigation works with the keyboard alone', async ({ page }) => {
    await page.goto('/#/inspect')
    const signIn = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })
    await signIn.focus()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/#\/signin/)
    await expect(signIn).toHaveAttribute('aria-current', 'page')
  })

  test('the theme toggle overrides the system and persists across reloads', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto('/#/inspect')
    await expect(page.locator('html')).not.toHaveClass(/dark/)
    await page.getByRole('radio', { name: 'Dark theme' }).click()
    await expect(page.locator('html')).toHaveClass(/dark/)
    await page.reload()
    await expect(page.locator('html')).toHaveClass(/dark/)
    await expect(page.getByRole('radio', { name: 'Dark theme' })).toHaveAttribute('aria-checked', 'true')
    await page.getByRole('radio', { name: 'Follow system theme' }).click()
    await expect(page.locator('html')).not.toHaveClass(/dark/)
  })

  test('an unknown route says so and links back', async ({ page }) => {
    await page.goto('/#/no-such-screen')
    await expect(page.getByRole('heading', { name: 'Nothing here' })).toBeVisible()
    await page.getByRole('link', { name: 'Go to the inspector' }).click()
    await expect(page).toHaveURL(/#\/inspect/)
  })

  test('the production page carries the Content-Security-Policy meta tag', async ({ page }) => {
    await page.goto('/#/inspect')
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("base-uri 'self'")
    expect(csp).toContain("connect-src 'self' https:")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
  })

  test('the first view of the inspector loads no MSAL and stays within 110 KiB of gzipped JavaScript', async ({ page }) => {
    // .build-stats/chunks.json is written by the build that produced dist/ (vite.config.ts).
    const chunks = JSON.parse(readFileSync('.build-stats/chunks.json', 'utf8')) as Record<string, { modules: string[] }>
    const msalChunks = Object.entries(chunks)
      .filter(([, c]) => c.modules.some((m) => m.includes('@azure/msal')))
      .map(([file]) => file.split('/').pop() ?? file)
    expect(msalChunks.length).toBeGreaterThan(0)
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname.split('/').pop() ?? '')
    })
    await page.goto('/#/inspect', { waitUntil: 'load' })
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
    // After the load event, the page fetches the report view and the verifier while idle (so a
    // paste fetches nothing); MSAL is still never among them.
    await page.waitForLoadState('networkidle')
    // On a busy machine the idle callback can come after the network has looked idle: wait for it.
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/report-view-[\w-]+\.js$/.test(r.name))), {
        timeout: 15_000,
      })
      .toBe(true)
    // The first view is what the page started fetching before its load event, read from the
    // page's own clock (Resource and Navigation Timing), not from when the test heard of it.
    const { firstView, afterLoad } = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      const js = performance.getEntriesByType('resource').filter((r) => new URL(r.name).pathname.endsWith('.js'))
      const name = (r: PerformanceEntry) => new URL(r.name).pathname.split('/').pop() ?? ''
      return {
        firstView: js.filter((r) => r.startTime < nav.loadEventStart).map(name),
        afterLoad: js.filter((r) => r.startTime >= nav.loadEventStart).map(name),
      }
    })
    expect(firstView.length).toBeGreaterThan(0)
    expect(afterLoad.some((s) => s.startsWith('report-view-'))).toBe(true)
    expect(scripts.filter((s) => msalChunks.includes(s))).toEqual([])
    // The same budget as scripts/budget.mjs, measured on what the browser fetched for the first view.
    const gzipped = firstView.reduce((sum, s) => sum + gzipSync(readFileSync(`dist/assets/${s}`), { level: 9 }).length, 0)
    expect(gzipped).toBeLessThanOrEqual(110 * 1024)
  })
})

test.describe('GitHub Pages sub-path build', () => {
  test.use({ baseURL: 'http://127.0.0.1:4174' })

  test('loads from /token-lens/ with every asset under the sub-path, and a deep link survives a reload', async ({ page, guard }) => {
    await page.goto('/token-lens/#/import')
    await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(/import/i)
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(/import/i)
    const assets = guard.requests().filter((u) => /\.(js|css|svg)(\?|$)/.test(u))
    expect(assets.length).toBeGreaterThan(1)
    for (const url of assets) expect(new URL(url).pathname.startsWith('/token-lens/')).toBe(true)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diagram' }).click()
    await expect(page).toHaveURL('http://127.0.0.1:4174/token-lens/#/diagram')
  })

  test('redirect.html is emitted under the sub-path', async ({ page }) => {
    const response = await page.goto('/token-lens/redirect.html')
    expect(response?.status()).toBe(200)
    await expect(page.locator('body')).toContainText(/sign-in/i)
  })
})
