import type { Page } from '@playwright/test'
import { expect } from '../fixtures.ts'

export interface CaptureEntry {
  request: { url: string; postData?: { text?: string } }
  response: { status: number; content: { text?: string } }
  _oauth: { step: string; origin: string; notes?: string[] }
}

export const captures = (page: Page) =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem('token-lens:capture:entries') ?? '[]') as CaptureEntry[])

/** Fills and saves a profile of another kind through the real profile form. */
export async function saveProfile(
  page: Page,
  p: { name: string; kind: string; tenant: string; policy?: string; clientId: string; scopes: string },
): Promise<void> {
  await page.goto('/#/signin')
  await page.getByRole('button', { name: 'New profile' }).click()
  const form = page.getByRole('form', { name: 'Connection profile' })
  await form.getByLabel('Name').fill(p.name)
  await form.getByLabel('Kind').selectOption({ label: p.kind })
  await form.getByLabel(/^Tenant/).fill(p.tenant)
  if (p.policy !== undefined) await form.getByLabel('User flow (policy)').fill(p.policy)
  await form.getByLabel('Application (client) ID').fill(p.clientId)
  await form.getByLabel('Redirect URI').fill(new URL('/redirect.html', page.url()).href)
  await form.getByLabel('Scopes').fill(p.scopes)
  await form.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByLabel('Profile', { exact: true }).locator('option:checked')).toHaveText(new RegExp(p.name))
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled()
}

/** On the emulator's own server-rendered sign-in page (at the routed host): pick the first account. */
export async function pickOnServerPage(page: Page, host: RegExp): Promise<void> {
  await expect(page).toHaveURL(host)
  await expect(page.getByRole('heading', { name: 'Pick an account' })).toBeVisible()
  await page.getByRole('radio').first().check()
  await page.getByRole('button', { name: /Accept and sign in/ }).click()
  await expect(page.getByRole('heading', { name: /^Signed in as/ })).toBeVisible({ timeout: 20_000 })
}

/** Opens the ID token from the sign-in screen and waits for the inspector's Valid verdict. */
export async function idTokenIsValid(page: Page): Promise<void> {
  await page
    .locator('#tokens')
    .getByRole('button', { name: /Open the ID token \(sign-in\)/ })
    .click()
  await expect(page).toHaveURL(/#\/inspect/)
  await expect(page.getByText('Valid', { exact: true }).first()).toBeVisible({ timeout: 15_000 })
}

/** The Flow screen's sequence diagram names these hosts. */
export async function diagramNames(page: Page, hosts: string[]): Promise<void> {
  await page.goto('/#/flow')
  const diagram = page.getByTestId('sequence-diagram')
  await expect(diagram).toBeVisible()
  for (const host of hosts) await expect(diagram).toContainText(host)
}
