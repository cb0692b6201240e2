import { test, expect } from './fixtures.ts'
import { demoSignIn } from './support/demo-signin.ts'
import type { Page } from '@playwright/test'

interface Entry {
  request: { method: string; url: string; postData?: { text?: string } }
  response: { status: number; content: { text?: string } }
  _oauth: { step: string; origin: string; flowId: string; grantType?: string; notes?: string[]; error?: { error: string } }
}

async function captures(page: Page): Promise<Entry[]> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('token-lens:capture:entries') ?? '[]') as Entry[])
}

test.describe('sign-in with the demo tenant', () => {
  test('(a) redirect sign-in end to end: captures, tokens valid in the inspector with nonce and at_hash', async ({ page }) => {
    await demoSignIn(page, { checkAccessible: true })
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

    // Graph /me after the sign-in (on by default): a silent User.Read token from the refresh
    // token (real MSAL, captured), then GET /me with it, all in the sign-in's flow.
    const tokenAt = steps.indexOf('token')
    const graphAt = steps.indexOf('graph')
    expect(graphAt, steps.join(',')).toBeGreaterThan(tokenAt)
    const silent = entries.slice(tokenAt + 1, graphAt).find((e) => e._oauth.step === 'refresh')!
    expect(silent.request.postData?.text).toMatch(/grant_type=refresh_token/)
    expect(new URLSearchParams(silent.request.postData?.text).get('scope')).toMatch(/User\.Read/)
    const graph = entries[graphAt]!
    expect(graph.request.method).toBe('GET')
    expect(graph.request.url).toBe('https://graph.microsoft.com/v1.0/me')
    expect(graph.response.status).toBe(200)
    expect(graph._oauth.origin).toBe('simulated')
    expect(new Set([token, silent, graph].map((e) => e._oauth.flowId)).size).toBe(1)
    const me = JSON.parse(graph.response.content.text ?? '{}') as { displayName: string; userPrincipalName: string; id: string }
    const panel = page.getByTestId('graph-me')
    await expect(panel).toContainText('200 OK')
    await expect(panel).toContainText(me.displayName)
    await expect(panel).toContainText(me.userPrincipalName)
    await expect(panel).toContainText(me.id)

    const tokens = page.locator('#tokens')
    await expect(tokens.getByText(/for Microsoft Graph/)).toHaveCount(1)
    await tokens.getByRole('button', { name: /Open the ID token \(sign-in\)/ }).click()
    await expect(page).toHaveURL(/#\/inspect/)
    await expect(page.getByText('Valid', { exact: true }).first()).toBeVisible({ timeout: 15_000 })
    // The expectations came from the flow: the nonce sent at /authorize and the access token
    // of the same response (at_hash); a mismatch on either would be an error finding.
    const nonce = new URL(authorize.request.url).searchParams.get('nonce')!
    await expect(page.getByLabel('Nonce', { exact: true })).toHaveValue(nonce)
    await expect(page.getByText('0 errors')).toBeVisible()
    const idPayload = JSON.parse(Buffer.from(JSON.parse(token.response.content.text!).id_token.split('.')[1], 'base64url').toString()) as {
      nonce: string
      at_hash?: string
    }
    expect(idPayload.nonce).toBe(nonce)
    expect(idPayload.at_hash).toBeTruthy()

    // The demo API access token is valid too.
    await page.goBack()
    await page
      .locator('#tokens')
      .getByRole('button', { name: /Open the Access token \(sign-in\)/ })
      .click()
    await expect(page).toHaveURL(/#\/inspect/)
    await expect(page.getByText('Valid', { exact: true }).first()).toBeVisible({ timeout: 15_000 })

    // The Graph token is the teaching point: its header nonce makes it unverifiable by anyone
    // but Graph, and the inspector says so.
    await page.goBack()
    const graphRow = page.locator('#tokens li').filter({ hasText: /for Microsoft Graph/ })
    await graphRow.getByRole('button', { name: /Open the Access token/ }).click()
    await expect(page).toHaveURL(/#\/inspect/)
    await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'unverifiable', { timeout: 15_000 })
    await expect(page.locator('[data-verdict]').getByRole('heading')).toHaveText('Cannot be verified here')
    await expect(page.locator('[data-finding-code="graph_nonce_header"]')).toBeVisible()
  })

  test('the Graph /me option is persisted; switched off, a sign-in makes no Graph calls', async ({ page }) => {
    await page.goto('/#/signin')
    const option = page.getByRole('switch', { name: 'Call Microsoft Graph /me after sign-in' })
    await expect(option).toHaveAttribute('aria-checked', 'true')
    await option.click()
    await page.reload()
    await expect(page.getByRole('switch', { name: 'Call Microsoft Graph /me after sign-in' })).toHaveAttribute('aria-checked', 'false')
    await demoSignIn(page)
    await expect(page.getByRole('heading', { name: /^Signed in as/ })).toBeVisible({ timeout: 20_000 })
    const steps = (await captures(page)).map((e) => e._oauth.step)
    expect(steps).toContain('token')
    expect(steps).not.toContain('graph')
    expect(steps).not.toContain('refresh')
    await expect(page.getByTestId('graph-me')).toHaveCount(0)
  })
})
