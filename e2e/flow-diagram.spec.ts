import { test, expect, expectAccessible } from './fixtures.ts'
import { demoSignIn } from './support/demo-signin.ts'
import type { Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'

const SHOTS = process.env.FLOW_SHOTS ?? 'test-results/flow-shots'
mkdirSync(SHOTS, { recursive: true })

/** Waits until a smooth scroll has come to rest (two frames in a row at the same scrollY). */
async function scrollSettled(page: Page) {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const y = window.scrollY
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.scrollY === y)))
      }),
  )
}

/** The app follows the system theme by default: switch it the way a user's OS would. */
async function setTheme(page: Page, theme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: theme })
  await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/)
  await page.waitForTimeout(400) // let colour transitions finish before a screenshot
}

test.describe('Flow screen: sequence diagram of the live capture', () => {
  test('draws authorize and token; clicking the token message opens the token exchange with code_verifier', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    // Reduced motion: the jump to the row is instant, so the screenshots show where it lands.
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await demoSignIn(page)
    await page.goto('/#/flow')
    const section = page.getByRole('button', { name: 'Sequence diagram' })
    await expect(section).toHaveAttribute('aria-expanded', 'true')
    const diagram = page.getByTestId('sequence-diagram')
    const authorize = diagram.getByRole('button', {
      name: /^Step \d+: This app to Authorization endpoint: GET \/…\/oauth2\/v2\.0\/authorize, .*code_challenge_method=S256/,
    })
    const token = diagram.getByRole('button', {
      name: /^Step \d+: This app to Token endpoint: POST \/…\/oauth2\/v2\.0\/token, grant_type=authorization_code/,
    })
    await expect(authorize).toBeVisible()
    await expect(token).toHaveCount(1)
    await page.screenshot({ path: `${SHOTS}/flow-light.png` })
    await expectAccessible(page, 'Flow screen with the diagram (light)')

    const list = page.getByRole('list', { name: 'Captured exchanges' })
    const tokenRow = list.getByRole('button', { name: /Token request \(authorization code\)/ })
    await expect(tokenRow).toHaveAttribute('aria-expanded', 'false')
    await token.scrollIntoViewIfNeeded()
    await token.click()
    await expect(tokenRow).toHaveAttribute('aria-expanded', 'true')
    await expect(tokenRow).toBeFocused()
    await expect(tokenRow).toBeInViewport()
    const detail = page.locator(`#${await tokenRow.getAttribute('aria-controls').then((id) => CSS_escape(id ?? ''))}`)
    await expect(detail.locator('dt', { hasText: /^code_verifier\b/ })).toBeVisible()
    await scrollSettled(page)
    await expect(tokenRow).toBeInViewport()
    await page.screenshot({ path: `${SHOTS}/flow-token-open-light.png` })

    // Enter on the authorize arrow does the same for its row.
    await authorize.focus()
    await page.keyboard.press('Enter')
    const authorizeRow = list.getByRole('button', { name: /Authorization request/ })
    await expect(authorizeRow).toHaveAttribute('aria-expanded', 'true')
    await expect(authorizeRow).toBeFocused()

    await scrollSettled(page)
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }))
    await setTheme(page, 'dark')
    await page.screenshot({ path: `${SHOTS}/flow-dark.png` })
    await expectAccessible(page, 'Flow screen with the diagram (dark)')

    // The link goes to the Diagram screen with the same flow.
    await page.getByRole('link', { name: 'Open in the Diagram screen' }).click()
    await expect(page).toHaveURL(/#\/diagram\?source=capture$/)
    await expect(page.getByTestId('source-picker')).toHaveValue('capture')
  })

  test('the shared redaction switch masks state and code on the arrows', async ({ page }) => {
    await demoSignIn(page)
    await page.goto('/#/flow')
    const diagram = page.getByTestId('sequence-diagram')
    const redirect = diagram.getByRole('button', { name: /^Step \d+: Authorization endpoint to This app: redirect to / })
    await expect(redirect).toHaveAttribute('aria-label', /code=(?!•)/)
    const redact = page.getByRole('switch', { name: 'Redact' })
    if ((await redact.getAttribute('aria-checked')) !== 'true') await redact.click()
    await expect(redact).toHaveAttribute('aria-checked', 'true')
    const label = (await redirect.getAttribute('aria-label')) ?? ''
    const back = await page.evaluate(
      () =>
        (
          JSON.parse(sessionStorage.getItem('token-lens:capture:entries') ?? '[]') as {
            _oauth: { step: string }
            request: { url: string }
          }[]
        ).find((e) => e._oauth.step === 'redirect_back')?.request.url ?? '',
    )
    const params = new URLSearchParams(back.split('#')[1] ?? back.split('?')[1] ?? '')
    const code = params.get('code') ?? ''
    const state = params.get('state') ?? ''
    expect(code.length).toBeGreaterThan(8)
    expect(label).not.toContain(code.slice(0, 8))
    expect(label).not.toContain(state.slice(0, 8))
    // The same switch is the Diagram screen's.
    await page.goto('/#/diagram')
    await expect(page.getByRole('switch', { name: 'Redact' })).toHaveAttribute('aria-checked', 'true')
  })
})

/** CSS.escape for an id from useId() (":r1:" style ids need escaping in a selector). */
function CSS_escape(id: string): string {
  return id.replace(/([^a-zA-Z0-9_-])/g, '\\$1')
}
