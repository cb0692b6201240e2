import type { Page } from '@playwright/test'
import { expect, expectAccessible } from '../fixtures.ts'

/**
 * Signs in to the built-in demo tenant through the app's own account picker (and its consent
 * page when it appears), and waits until the app says who is signed in.
 */
export async function demoSignIn(
  page: Page,
  options: { user?: RegExp; checkAccessible?: boolean; profile?: string; stay?: boolean } = {},
): Promise<void> {
  // `stay`: the test is already on the Sign in screen with state to keep (a share-link banner).
  if (!options.stay) await page.goto('/#/signin')
  if (options.profile) await page.getByLabel('Profile', { exact: true }).selectOption(options.profile)
  await page.getByRole('button', { name: /^Sign in to the demo tenant$/ }).click()
  await expect(page.getByRole('heading', { name: 'Pick an account' })).toBeVisible()
  if (options.checkAccessible) await expectAccessible(page, 'on the demo sign-in page')
  await page
    .getByRole('button', { name: options.user ?? /Member/ })
    .first()
    .click()
  const accept = page.getByRole('button', { name: 'Accept' })
  const signedIn = page.getByRole('heading', { name: /^Signed in as/ })
  await expect(accept.or(signedIn).first()).toBeVisible({ timeout: 20_000 })
  if (await accept.isVisible()) await accept.click()
  await expect(signedIn).toBeVisible({ timeout: 20_000 })
}
