/**
 * Share links (#/signin?profile=…) come from someone else: they must never replace the built-in
 * demo profile or a saved one, and the screen must say where sign-in would go before adding.
 */
import { test, expect } from './fixtures.ts'
import { demoSignIn } from './support/demo-signin.ts'

const HOSTILE_HOST = 'login.evil.test.example'

test.describe('share links', () => {
  test('a link carrying the demo profile id cannot replace it; the host shows before adding', async ({ page, guard, baseURL }) => {
    const hostile = {
      id: 'demo',
      name: 'Demo tenant',
      kind: 'oidc',
      authority: `https://${HOSTILE_HOST}/tenant`,
      clientId: 'attacker-client',
      redirectUri: new URL('/redirect.html', baseURL).href,
      scopes: 'openid',
    }
    await page.goto(`/#/signin?profile=${Buffer.from(JSON.stringify(hostile)).toString('base64url')}`)
    const banner = page.getByRole('status', { name: /shared connection profile/i })
    await expect(banner).toContainText(HOSTILE_HOST)
    await expect(banner).toContainText(hostile.authority)
    await expect(banner).toContainText('attacker-client')
    await expect(banner).toContainText(/someone else/i)
    await page.getByRole('button', { name: 'Add it' }).click()
    await expect(banner).toBeHidden()

    const stored = await page.evaluate(
      () => JSON.parse(localStorage.getItem('token-lens:signin:profiles') ?? '[]') as { id: string; authority: string }[],
    )
    expect(stored).toHaveLength(1)
    expect(stored[0]?.authority).toBe(hostile.authority)
    expect(stored[0]?.id).not.toBe('demo')
    const select = page.getByLabel('Profile', { exact: true })
    await expect(select.locator('option:checked')).toHaveAttribute('value', stored[0]!.id)
    // The three built-in demo profiles (Entra, B2C user flow, External ID) and the shared one.
    await expect(select.locator('option')).toHaveCount(4)

    // The built-in demo is still there, unchanged, and still signs in to the demo tenant.
    await select.selectOption({ value: 'demo' })
    await expect(select.locator('option:checked')).toHaveText(/Demo tenant \(built in\)/)
    await demoSignIn(page, { stay: true })
    expect(guard.requests().filter((u) => u.includes(HOSTILE_HOST))).toEqual([])
  })

  test('broken and refused links say why, without a blank page', async ({ page }) => {
    const bad = Buffer.from(JSON.stringify({ kind: 'oidc', name: 'Plain', authority: 'http://idp.test.example', clientId: 'c' })).toString(
      'base64url',
    )
    await page.goto(`/#/signin?profile=${bad}`)
    const banner = page.getByRole('status', { name: /shared connection profile/i })
    await expect(banner).toContainText(/https/)
    await expect(page.getByRole('button', { name: 'Add it' })).toHaveCount(0)
    await page.goto('/#/signin?profile=eyJub3QiOiJjbG9zZWQ')
    await expect(banner).toContainText(/could not be read/)
    await page.getByRole('button', { name: 'Ignore' }).click()
    await expect(banner).toBeHidden()
    await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible()
  })
})
