import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures.ts'

/**
 * What makes the first verdict fast (issue 15), asserted as behaviour rather than as a timing:
 * the report's code and the verifier are fetched while the page is idle, before anything is
 * pasted; the decoded claims come from the first view's own code; a second token updates the
 * same rows instead of rebuilding the report. `npm run bench:paste` measures the timings.
 */
const F = JSON.parse(readFileSync(new URL('./fixtures/tokens/scenarios.json', import.meta.url), 'utf8')) as {
  person: { name: string; email: string }
  jwks: unknown
  tokens: Record<'valid' | 'expired', string>
}

const LAZY = /\/assets\/(report-view|inspect)-[\w-]+\.js$/
const EXPLANATIONS = /\/assets\/(registry|header-registry|humanise)-[\w-]+\.js$/

function scriptsOf(page: Page): string[] {
  const seen: string[] = []
  page.on('request', (r) => {
    if (r.resourceType() === 'script') seen.push(new URL(r.url()).pathname)
  })
  return seen
}

async function usePastedKeys(page: Page) {
  await page.getByRole('radio', { name: /A key set I paste/ }).check()
  await page.getByRole('textbox', { name: 'Pasted JWKS or JWK' }).fill(JSON.stringify(F.jwks))
}

/** The verdict once the signature has been checked with the pasted keys (the fixtures' lifetimes may have passed). */
async function expectSignatureChecked(page: Page) {
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', /^(valid_other_keys|invalid)$/)
  await expect(page.locator('#verdict-title')).toContainText(/signature is good|Signature matches the key set you pasted/)
}

test('the report view and the verifier are fetched at idle, before the first paste, so the paste fetches nothing', async ({ page }) => {
  // Not part of the first view: index.html neither loads nor preloads them.
  const html = await (await page.request.get('/')).text()
  expect(html).not.toMatch(/report-view|\/inspect-/)
  const scripts = scriptsOf(page)
  await page.goto('/#/inspect')
  // Nobody touches the page: the chunks still arrive (idle-time prefetch).
  await expect
    .poll(
      () =>
        scripts
          .filter((s) => LAZY.test(s))
          .map((s) => LAZY.exec(s)?.[1])
          .sort(),
      { timeout: 10_000 },
    )
    .toEqual(['inspect', 'report-view'])
  // The claim explanations come in the same idle batch, not when a token first needs them.
  await expect.poll(() => scripts.filter((s) => EXPLANATIONS.test(s)).length, { timeout: 10_000 }).toBe(3)
  // What a person does before pasting: the page is read while its idle work (the off-screen
  // warm-up, marked `inspector:warm`) ends; on a busy machine that takes seconds.
  await page.waitForFunction(() => performance.getEntriesByName('inspector:warm').length > 0, null, { timeout: 30_000 })
  await page.waitForLoadState('networkidle')

  await usePastedKeys(page)
  const before = scripts.length
  await page.getByLabel('Token', { exact: true }).fill(F.tokens.valid)
  await expectSignatureChecked(page)
  await expect(page.locator('#contents tr[data-claim="name"]')).toContainText(F.person.name)
  expect(scripts.slice(before), 'scripts fetched because of the paste').toEqual([])
})

test('the decoded claims come from the first view’s own code, even when the report cannot be loaded', async ({ page }) => {
  // The report view and the verifier never arrive (as on a flaky network).
  await page.route(LAZY, (route) => route.abort('failed'))
  await page.goto('/#/inspect')
  await page.getByLabel('Token', { exact: true }).fill(F.tokens.valid)
  const preview = page.getByTestId('decoded-preview')
  await expect(preview.locator('tr[data-claim="name"]')).toContainText(F.person.name)
  await expect(preview.locator('tr[data-claim="exp"]')).toContainText('UTC')
  // The verdict is not guessed: it waits for the verifier, which says it could not be loaded.
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'pending')
  await expect(page.getByRole('alert').filter({ hasText: 'The verifier could not be loaded' })).toBeVisible()
  await expect(page.locator('#findings')).toContainText('Not checked: the verifier could not be loaded.')
  await page.screenshot({ path: 'test-results/first-verdict-preview-light.png', fullPage: true })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: 'test-results/first-verdict-preview-dark.png', fullPage: true })
})

test('a second token updates the same claim rows instead of rebuilding the report', async ({ page }) => {
  await page.goto('/#/inspect')
  await usePastedKeys(page)
  const field = page.getByLabel('Token', { exact: true })
  await field.fill(F.tokens.valid)
  await expectSignatureChecked(page)
  const row = await page.locator('#contents tr[data-claim="iss"]').elementHandle()
  const panel = await page.locator('#contents').elementHandle()
  await field.fill(F.tokens.expired)
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'invalid')
  await expect(page.locator('#verdict-title')).toContainText('signature is good')
  // The same DOM nodes, updated in place (stable keys; the report is never unmounted meanwhile).
  expect(await row?.evaluate((el) => el.isConnected)).toBe(true)
  expect(await panel?.evaluate((el) => el.isConnected)).toBe(true)
})

test('a token link draws its decoded claims in the first render, from first-view code, while the report’s code is still on its way', async ({
  page,
}) => {
  // The report's parts and the verifier are held back (each until released) while the claims are on screen.
  const gates = new Map<string, () => void>()
  const held = (name: string) => new Promise<void>((resolve) => gates.set(name, resolve))
  const gate = { 'report-view': held('report-view'), inspect: held('inspect') }
  const requested: string[] = []
  await page.route(LAZY, async (route) => {
    const name = LAZY.exec(new URL(route.request().url()).pathname)?.[1] as keyof typeof gate
    requested.push(name)
    await gate[name]
    await route.continue()
  })
  // Written down from the first script on: whether the empty page ("Paste a token…") was ever drawn.
  await page.addInitScript(() => {
    const w = window as unknown as { __sawEmpty: boolean }
    w.__sawEmpty = false
    new MutationObserver(() => {
      if (document.getElementById('empty-title')) w.__sawEmpty = true
    }).observe(document, { subtree: true, childList: true })
  })
  await page.goto(`/#/inspect?token=${F.tokens.valid}`)
  const preview = page.getByTestId('decoded-preview')
  await expect(preview.locator('tr[data-claim="name"]')).toContainText(F.person.name)
  // Requested (at startup), not arrived: the claims came from the first view's own code, and
  // the page went straight to them, with no empty page and second render before.
  expect(requested.sort()).toEqual(['inspect', 'report-view'])
  expect(await page.evaluate(() => (window as unknown as { __sawEmpty: boolean }).__sawEmpty)).toBe(false)
  // The token left the address bar before the router read it.
  await expect(page).toHaveURL(/#\/inspect$/)

  // The report's layout is already there (findings, contents, keys), so its parts fill it in
  // place: when they arrive, the panels at the top do not move (what Lighthouse counts as layout
  // shift; the keys panel below the claims follows their rows, which gain meanings).
  const tops = () =>
    page.evaluate(() => ['findings', 'contents'].map((id) => document.getElementById(id)?.getBoundingClientRect().top ?? null))
  const before = await tops()
  expect(before.every((t) => t !== null)).toBe(true)
  const contents = await page.locator('#contents').elementHandle()
  gates.get('report-view')?.()
  await expect(preview).toHaveCount(0)
  expect(await tops()).toEqual(before)
  expect(await contents?.evaluate((el) => el.isConnected)).toBe(true)

  gates.get('inspect')?.()
  // Someone else chose this token: its issuer waits for consent, and the report takes over.
  await expect(page.locator('#verdict-title')).toHaveText('Cannot be verified here — keys not fetched yet')
  await expect(page.locator('#contents tr[data-claim="name"]')).toContainText(F.person.name)
})
