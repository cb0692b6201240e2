/**
 * The README's privacy section names every storage key the app writes. This test uses the app
 * the way a person does (demo sign-in, inspector with pasted keys and an approved host, options,
 * theme) and fails if any key it finds in either storage area is not in that table, or if
 * anything of ours is in localStorage that the table puts in sessionStorage (secrets must not
 * outlive the tab).
 */
import { readFileSync } from 'node:fs'
import { test, expect } from './fixtures.ts'
import { demoSignIn } from './support/demo-signin.ts'

interface Row {
  area: 'sessionStorage' | 'localStorage'
  patterns: RegExp[]
}

/** The table under "What is stored, where": each row's area and its key patterns. */
function documentedKeys(): Row[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const table = readme.slice(readme.indexOf('### What is stored, where'))
  const rows: Row[] = []
  for (const line of table.split('\n')) {
    const m = /^\| (sessionStorage|localStorage) \| (.+?) \| .+\|$/.exec(line)
    if (!m) continue
    const names = [...(m[2] ?? '').matchAll(/`([^`]+)`/g)].map((x) => x[1] ?? '')
    // `…:x` continues the prefix of the first name in the cell; `*` and "MSAL's own keys" are wildcards.
    const first = names[0] ?? ''
    const prefix = first.slice(0, first.lastIndexOf(':') + 1)
    const patterns = names.map((n) => {
      const full = n.startsWith('…:') ? prefix + n.slice(2) : n
      return new RegExp(`^${full.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`)
    })
    if ((m[2] ?? '').includes('MSAL')) patterns.push(/^msal\./, /^[0-9a-f-]{36}\./, /^[0-9a-f-]{36}$/)
    rows.push({ area: m[1] as Row['area'], patterns })
  }
  return rows
}

test('every storage key the app writes is documented in the README, in the right area', async ({ page }) => {
  const rows = documentedKeys()
  expect(rows.length).toBeGreaterThan(8)
  await demoSignIn(page)
  // Inspector: a token from the sign-in, a pasted key set, a second token, settings.
  await page
    .getByRole('button', { name: /^Open the ID token/ })
    .first()
    .click()
  await expect(page.locator('[data-verdict]')).toBeVisible()
  await page.getByLabel('A key set I paste').check()
  await page.getByLabel('Pasted JWKS or JWK').fill('{"keys":[]}')
  await page.getByRole('switch', { name: 'Redact personal data' }).click()
  await page.getByRole('radio', { name: 'Dark theme' }).click()

  const stored = await page.evaluate(() => ({ session: Object.keys(sessionStorage), local: Object.keys(localStorage) }))
  expect(stored.session.length).toBeGreaterThan(5)
  const undocumented: string[] = []
  for (const [area, keys] of [
    ['sessionStorage', stored.session],
    ['localStorage', stored.local],
  ] as const) {
    for (const key of keys) {
      const row = rows.find((r) => r.patterns.some((p) => p.test(key)))
      if (!row) undocumented.push(`${area}: ${key}`)
      else if (row.area !== area) undocumented.push(`${area}: ${key} (the README puts it in ${row.area})`)
    }
  }
  expect(undocumented, 'storage keys missing from the README table').toEqual([])
})
