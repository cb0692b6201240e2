import { test, expect, expectAccessible } from './fixtures.ts'
import { demoSignIn } from './support/demo-signin.ts'
import type { Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'

// Screenshots stay inside the repository (test-results/ is ignored by git).
const SHOTS = process.env.DIAGRAM_SHOTS ?? 'test-results/diagram-shots'
mkdirSync(SHOTS, { recursive: true })

/** The accessible names of the drawn messages, in order ("Step n: from to to: label, details"). */
async function rowNames(page: Page): Promise<string[]> {
  const rows = page.getByTestId('sequence-diagram').locator('[data-row]')
  return rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))
}

const counterText = (page: Page) => page.getByTestId('presentation-counter').innerText()

/** The app follows the system theme by default: switch it the way a user's OS would. */
async function setTheme(page: Page, theme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: theme })
  await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/)
  await page.waitForTimeout(400) // let colour transitions finish before a screenshot
}

test.describe('diagram of a captured demo-tenant sign-in', () => {
  test('shows discovery, authorize, redirect back, token, JWKS and Graph in order; the token POST carries code_verifier', async ({
    page,
  }) => {
    await demoSignIn(page)
    await page.setViewportSize({ width: 1600, height: 900 })
    await page.goto('/#/diagram')
    await expect(page.getByTestId('source-picker')).toHaveValue('capture')
    await expect(page.getByTestId('template-banner')).toHaveCount(0)
    const names = await rowNames(page)
    const find = (re: RegExp) => names.findIndex((n) => re.test(n))
    const order = [
      find(/: GET \/…\/v2\.0\/\.well-known\/openid-configuration/),
      find(/Authorization endpoint: GET \/…\/oauth2\/v2\.0\/authorize, .*response_type=code.*code_challenge_method=S256/),
      find(/Authorization endpoint to .*: redirect to \/.*code=.*state=/),
      find(/Token endpoint: POST \/…\/oauth2\/v2\.0\/token, grant_type=authorization_code/),
      find(/Token endpoint to .*: 200 OK, access_token, id_token, refresh_token/),
    ]
    for (const i of order) expect(i, names.join('\n')).toBeGreaterThanOrEqual(0)
    expect(
      [...order].sort((a, b) => a - b),
      names.join('\n'),
    ).toEqual(order)
    const jwks = find(/Discovery & JWKS: GET \/…\/discovery\/v2\.0\/keys/)
    expect(jwks).toBeGreaterThan(order[0]!)
    const graph = find(/Microsoft Graph: GET \/v1\.0\/me/)
    if (graph >= 0) expect(graph).toBeGreaterThan(order[3]!)
    // The diagram follows the capture exactly: one request arrow per captured exchange, same order.
    const captured = await page.evaluate(() =>
      (JSON.parse(sessionStorage.getItem('token-lens:capture:entries') ?? '[]') as { _oauth: { step: string }; startedDateTime: string }[])
        .sort((a, b) => (a.startedDateTime < b.startedDateTime ? -1 : a.startedDateTime > b.startedDateTime ? 1 : 0))
        .map((e) => e._oauth.step),
    )
    const drawnSteps = await page
      .getByTestId('sequence-diagram')
      .locator('[data-row][data-kind="request"], [data-row][data-kind="redirect"]')
      .count()
    expect(drawnSteps).toBeGreaterThanOrEqual(captured.length)
    expect(captured.indexOf('jwks')).toBeGreaterThanOrEqual(0)

    // Click the token request: the side panel shows the form body with code_verifier.
    await page.getByTestId('sequence-diagram').locator(`[data-row="${order[3]}"]`).click()
    const panel = page.getByTestId('message-panel')
    await expect(panel.getByRole('heading', { name: 'POST /…/oauth2/v2.0/token' })).toBeVisible()
    await expect(panel.locator('dt', { hasText: /^code_verifier$/ })).toBeVisible()
    await expect(panel.getByLabel('Request body')).toContainText('code_verifier=')
    // The response's tokens open in the inspector.
    await page.getByTestId('sequence-diagram').locator(`[data-row="${order[4]}"]`).click()
    await expect(panel.getByRole('button', { name: 'Open in inspector' }).first()).toBeVisible()
    await page.screenshot({ path: `${SHOTS}/captured-light.png` })
    await setTheme(page, 'dark')
    await page.screenshot({ path: `${SHOTS}/captured-dark.png` })
    await expectAccessible(page, 'diagram with a captured flow')
    // Presentation of the captured flow, by keyboard.
    await page.getByRole('button', { name: /Present/ }).click()
    await expect(page.getByTestId('presentation-counter')).toHaveText(new RegExp(`^Step ${order[4]! + 1} of ${names.length}$`))
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowRight')
    await expect(page.getByTestId('presentation-counter')).toHaveText(`Step 2 of ${names.length}`)
    await expect(page.getByTestId('presentation-explanation')).toContainText('discovery document arrives')
    await page.keyboard.press('End')
    await expect(page.getByTestId('presentation-counter')).toHaveText(`Step ${names.length} of ${names.length}`)
    await page.screenshot({ path: `${SHOTS}/present-captured-dark.png` })
    await setTheme(page, 'light')
    await page.screenshot({ path: `${SHOTS}/present-captured-light.png` })
    await page.keyboard.press('Escape')
    if (await page.getByTestId('presentation').isVisible()) await page.keyboard.press('Escape')
    await expect(page.getByTestId('presentation')).toHaveCount(0)
    // Leaving the presentation selects the step it ended on (the last one); open the token answer.
    await expect(panel).toContainText(`Step ${names.length}`)
    if (order[4] !== names.length - 1) await page.getByTestId('sequence-diagram').locator(`[data-row="${order[4]}"]`).click()
    await expect(panel).toContainText(`Step ${order[4]! + 1}`)
    await panel.getByRole('button', { name: 'Open in inspector' }).first().click()
    await expect(page).toHaveURL(/#\/inspect/)
  })

  test('redaction mode masks codes and verifiers on the arrows and in the panel', async ({ page }) => {
    await demoSignIn(page)
    await page.goto('/#/diagram')
    await page.getByRole('switch', { name: 'Redact' }).click()
    const names = (await rowNames(page)).join('\n')
    expect(names).toContain('code_verifier=•••')
    expect(names).not.toMatch(/code=(?!•••)[A-Za-z0-9]/)
    const token = (await rowNames(page)).findIndex((n) => /POST .*token/.test(n))
    await page.getByTestId('sequence-diagram').locator(`[data-row="${token}"]`).click()
    await expect(page.getByTestId('message-panel').getByLabel('Request body')).toContainText('code_verifier=•••')
  })
})

test.describe('diagram templates, keyboard and presentation', () => {
  test('templates are labelled and keyboard operable (Enter opens a message)', async ({ page }) => {
    await page.goto('/#/diagram?source=template:auth-code-pkce-spa')
    await expect(page.getByTestId('template-banner')).toContainText('Template.')
    const rows = page.getByTestId('sequence-diagram').locator('[role="button"][data-row]')
    await expect(rows).toHaveCount(13)
    await rows.first().focus()
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown')
    await expect(rows.nth(6)).toBeFocused()
    await page.keyboard.press('Enter')
    const panel = page.getByTestId('message-panel')
    await expect(panel.locator('dt', { hasText: /^code_verifier$/ })).toBeVisible()
    await expectAccessible(page, 'diagram template')
    for (const id of ['auth-code-web', 'client-credentials', 'refresh-token', 'on-behalf-of', 'device-code']) {
      await page.getByTestId('source-picker').selectOption(`template:${id}`)
      await expect(page.getByTestId('template-banner')).toBeVisible()
      expect(await rows.count()).toBeGreaterThan(2)
    }
    await expect(page.getByTestId('sequence-diagram').locator('[data-failed="true"]')).toHaveCount(0) // device code: pending is not a failure
    await page.getByTestId('source-picker').selectOption('template:refresh-token')
    await expect(page.getByTestId('sequence-diagram').locator('[data-failed="true"]')).toHaveCount(1)
  })

  test('presentation mode reveals one message per key press, with explanations', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 900 })
    await page.goto('/#/diagram?source=template:auth-code-pkce-spa')
    await page.getByRole('button', { name: /Present/ }).click()
    const deck = page.getByTestId('presentation')
    await expect(deck).toBeVisible()
    const counter = page.getByTestId('presentation-counter')
    await expect(counter).toHaveText('Step 1 of 13')
    const drawn = deck.locator('[data-row]')
    await expect(drawn).toHaveCount(1)
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect(counter).toHaveText('Step 3 of 13')
    await expect(drawn).toHaveCount(3)
    await page.keyboard.press(' ')
    await expect(counter).toHaveText('Step 4 of 13')
    await expect(page.getByTestId('presentation-explanation')).toContainText('The browser goes to the authorization endpoint')
    await page.keyboard.press('ArrowLeft')
    await expect(counter).toHaveText('Step 3 of 13')
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight')
    await expect(page.getByTestId('presentation-explanation')).toContainText('PKCE verifier')
    await expect(page.getByTestId('presentation-explanation').getByRole('link', { name: 'RFC 7636 §4.5' })).toHaveAttribute(
      'href',
      'https://www.rfc-editor.org/rfc/rfc7636#section-4.5',
    )
    await page.screenshot({ path: `${SHOTS}/present-light.png` })
    await setTheme(page, 'dark')
    await page.screenshot({ path: `${SHOTS}/present-dark.png` })
    await page.keyboard.press('End')
    await expect(counter).toHaveText('Step 13 of 13')
    await page.keyboard.press('Escape')
    if (await deck.isVisible()) await page.keyboard.press('Escape') // the first Esc may only leave browser full screen
    await expect(deck).toHaveCount(0)
  })

  test('presentation mode keeps Tab inside the overlay, makes the page inert and gives focus back to Present', async ({ page }) => {
    await page.goto('/#/diagram?source=template:auth-code-pkce-spa')
    const present = page.getByRole('button', { name: /Present/ })
    await present.click()
    const deck = page.getByTestId('presentation')
    await expect(deck).toBeVisible()
    await expect(page.locator('#root')).toHaveAttribute('inert', '')
    await page.keyboard.press('ArrowRight') // step 2: the "previous" button is enabled too
    // Where does focus sit after each Tab? Never outside the overlay, never on the bare page.
    const focusOutside = () =>
      page.evaluate(() => {
        const overlay = document.querySelector('[data-testid="presentation"]')
        const a = document.activeElement
        if (!overlay || !a || a === document.body || !overlay.contains(a))
          return a ? `${a.tagName}${a.id ? `#${a.id}` : ''} ${a.textContent?.slice(0, 40) ?? ''}` : 'nothing'
        return null
      })
    const visited = new Set<string>()
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      expect(await focusOutside(), `after Tab ${i + 1}`).toBeNull()
      visited.add(
        await page.evaluate(() => {
          const a = document.activeElement
          return `${a?.tagName ?? ''} ${a?.getAttribute('aria-label') ?? a?.textContent ?? ''}`
        }),
      )
    }
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Shift+Tab')
      expect(await focusOutside(), `after Shift+Tab ${i + 1}`).toBeNull()
    }
    // It cycled through the overlay's own controls (previous, next, exit and the explanation's links).
    expect(visited.size).toBeGreaterThanOrEqual(3)
    await expect(counterText(page)).resolves.toBe('Step 2 of 13') // Tab moved focus, not the slides
    await page.keyboard.press('Escape')
    if (await deck.isVisible()) await page.keyboard.press('Escape')
    await expect(deck).toHaveCount(0)
    await expect(page.locator('#root')).not.toHaveAttribute('inert', /.*/)
    await expect(present).toBeFocused()
  })

  test('presentation honours redaction', async ({ page }) => {
    await page.goto('/#/diagram?source=template:auth-code-pkce-spa')
    await page.getByRole('switch', { name: 'Redact' }).click()
    await page.getByRole('button', { name: /Present/ }).click()
    await page.keyboard.press('End')
    const text = await page.getByTestId('presentation').innerText()
    expect(text).toContain('Redacted')
    const svgText = await page.getByTestId('presentation').locator('svg').allTextContents()
    expect(svgText.join(' ')).not.toMatch(/dBjftJeZ|b4f1e0c2-state|0\.AXkA-exa/)
    expect(svgText.join(' ')).toContain('code_verifier=•••')
  })
})
