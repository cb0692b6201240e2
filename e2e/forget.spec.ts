/**
 * "Forget everything" lives in the app shell, so it is one click away on every screen that
 * shows secrets. After it, nothing of the session is left in storage or on screen.
 */
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures.ts'
import { demoSignIn } from './support/demo-signin.ts'

const HAR = resolve(import.meta.dirname, 'fixtures/har/demo-signin.har')

async function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...Object.keys(sessionStorage), ...Object.keys(localStorage)].filter((k) => k.startsWith('token-lens:') || k.startsWith('msal.')),
  )
}

test.describe('Forget everything from the app shell', () => {
  test('after a sign-in, a HAR import and an opened token, the Import screen forgets it all', async ({ page }) => {
    await demoSignIn(page)
    const nav = page.getByRole('navigation', { name: 'Main' })

    await nav.getByRole('link', { name: 'Import' }).click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Choose a HAR file…' }).click()
    await (await chooser).setFiles(HAR)
    await expect(page.getByTestId('import-summary')).toContainText('demo-signin.har')
    await page
      .getByTestId('flow-tokens')
      .getByRole('listitem')
      .filter({ hasText: 'ID token' })
      .getByRole('button', { name: 'Open in inspector' })
      .click()
    await expect(page).toHaveURL(/#\/inspect/)
    const tokenBox = page.getByRole('textbox', { name: /token/i }).first()
    await expect(tokenBox).not.toHaveValue('')
    expect((await storedKeys(page)).length).toBeGreaterThan(3)

    await nav.getByRole('link', { name: 'Import' }).click()
    await expect(page.getByTestId('import-summary')).toContainText('demo-signin.har')
    const header = page.getByRole('banner')
    await header.getByRole('button', { name: /^Forget all/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Forget everything?' })
    await expect(dialog).toContainText('tokens')
    await expect(dialog).toContainText('MSAL cache')
    // Cancel keeps everything.
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('import-summary')).toContainText('demo-signin.har')

    await header.getByRole('button', { name: /^Forget all/ }).click()
    await dialog.getByRole('button', { name: 'Forget everything' }).click()
    await expect(page.getByRole('status').filter({ hasText: /^Forgotten:/ })).toContainText(
      "nothing of this session is left in this browser's storage",
    )
    expect(await storedKeys(page)).toEqual([])
    await expect(page.getByTestId('import-summary')).toHaveCount(0)

    await nav.getByRole('link', { name: 'Inspect' }).click()
    await expect(page.getByRole('heading', { name: 'Paste a token to see the truth about it' })).toBeVisible()
    await expect(tokenBox).toHaveValue('')
    await nav.getByRole('link', { name: 'Flow' }).click()
    await expect(page.getByText('Nothing captured yet.')).toBeVisible()
    await nav.getByRole('link', { name: 'Sign in' }).click()
    await expect(page.getByRole('heading', { name: /^Signed in as/ })).toHaveCount(0)
    await expect(page.getByRole('button', { name: /^Sign in to the demo tenant$/ })).toBeEnabled()
    expect(await storedKeys(page)).toEqual([])
  })
})
