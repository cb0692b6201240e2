import { test, expect, expectAccessible } from './fixtures.ts'
import type { Page } from '@playwright/test'

interface Entry {
  request: { method: string; url: string; postData?: { text?: string } }
  response: { status: number; content: { text?: string } }
  _oauth: { step: string; origin: string; notes?: string[]; error?: { error: string } }
}

async function captures(page: Page): Promise<Entry[]> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('token-lens:capture:entries') ?? '[]') as Entry[])
}

async function demoSignIn(page: Page, user: RegExp = /Member|Megan|member/i) {
  await page.goto('/#/signin')
  await page.getByRole('button', { name: /^Sign in to the demo tenant$/ }).click()
  await expect(page.getByRole('heading', { name: 'Pick an account' })).toBeVisible()
  await expectAccessible(page, 'on the demo sign-in page')
  await page.getByRole('button', { name: user }).first().click()
  const accept = page.getByRole('button', { name: 'Accept' })
  if (await accept.isVisible().catch(() => false)) await accept.click()
}

test.describe('sign-in with the demo tenant', () => {
  test('(a) redirect sign-in end to end: captures, tokens valid in the inspector with nonce and at_hash', async ({ page }) => {
    await demoSignIn(page)
    await expect(page.getByRole('heading', { name: /^Signed in as/ })).toBeVisible({ timeout: 20_000 })
    const entries = await captures(page)
    const steps = entries.map((e) => e._oauth.step)
    expect(steps).toEqual(expect.arrayContaining(['discovery', 'jwks', 'authorize', 'redirect_back', 'token']))
    const authorize = entries.find((e) => e._oauth.step === 'authorize')!
    expect(new URL(authorize.request.url).searchParams.get('code_challenge_method')).toBe('S256')
    const back = entries.find((e) => e._oauth.step === 'redirect_back')!
    expect(back.request.url).toMatch(/[#&]code=/)
    const token = entries.find((e) => e._oauth.step === 'token')!
    expect(token.request.postData?.text).toMatch(/code_verifier=/)
    expect(token._oauth.origin).toBe('simulated')
    expect(JSON.parse(token.response.content.text ?? '{}')).toHaveProperty('refresh_token')

    const tokens = page.locator('#tokens')
    await tokens.getByRole('button', { name: /Open the ID token/ }).click()
    await expect(page).toHaveURL(/#\/inspect/)
    await expect(page.getByText('Valid', { exact: true }).first()).toBeVisible({ timeout: 15_000 })
    // The expectations came from the flow: the nonce sent at /authorize and the access token
    // of the same response (at_hash); a mismatch on either would be an error finding.
    const nonce = new URL(authorize.request.url).searchParams.get('nonce')!
    await expect(page.getByLabel('Nonce', { exact: true })).toHaveValue(nonce)
    await expect(page.getByText('0 errors')).toBeVisible()
    const idPayload = JSON.parse(Buffer.from(JSON.parse(token.response.content.text!).id_token.split('.')[1], 'base64url').toString()) as { nonce: string; at_hash?: string }
    expect(idPayload.nonce).toBe(nonce)
    expect(idPayload.at_hash).toBeTruthy()

    // The demo API access token is valid too.
    await page.goBack()
    await page.locator('#tokens').getByRole('button', { name: /Open the Access token/ }).first().click()
    await expect(page).toHaveURL(/#\/inspect/)
    await expect(page.getByText('Valid', { exact: true }).first()).toBeVisible({ timeout: 15_000 })
  })
})
