import { test, expect } from './fixtures.ts'

/**
 * Issue 14 / 17 item 2 in the real page: an Azure AD B2C token's claims get their B2C reading,
 * and a token whose payload bytes are not UTF-8 is reported as malformed (RFC 7519 §7.2 step 10).
 * Both tokens are unsigned or undecodable, so the page contacts nobody.
 */
const SHOTS = process.env['EXPLAIN_SHOTS'] ?? 'test-results/inspector-explanations'
const b64url = (s: string | Uint8Array): string => Buffer.from(s).toString('base64url')
const NOW = 1795638285
const TID = '775527ff-9a37-4307-8b3d-cc311f58d925'
const b2cToken = `${b64url('{"alg":"none","typ":"JWT"}')}.${b64url(
  JSON.stringify({
    iss: `https://contoso.b2clogin.com/${TID}/v2.0/`,
    aud: '6e74172b-be56-4843-9ff4-e66a39bb12e3',
    sub: 'u-1',
    oid: 'u-1',
    acr: 'b2c_1a_signup_signin',
    idp: 'google.com',
    newUser: true,
    emails: ['ada@example.com'],
    extension_tier: 'gold',
    tid: TID,
    ver: '1.0',
    iat: NOW - 60,
    exp: NOW + 3600,
  }),
)}.`
const notUtf8 = `${b64url('{"alg":"RS256"}')}.${b64url(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]))}.c2ln`

test('a B2C token is explained with B2C readings; a non-UTF-8 payload is malformed', async ({ page }) => {
  await page.clock.install({ time: NOW * 1000 })
  await page.goto('/#/inspect')
  await page.getByLabel('Token', { exact: true }).fill(b2cToken)
  await expect(page.getByText('Azure AD B2C custom policy').first()).toBeVisible()
  await expect(page.getByText('B2C policy (acr)').first()).toBeVisible()
  await expect(page.getByText('B2C custom attribute').first()).toBeVisible()
  // sub === oid is the B2C default, not Entra's app-only signal.
  await expect(page.getByText('Same as oid: the user’s object ID (the B2C default)')).toBeVisible()
  await expect(page.getByText('an app-only token for this service principal')).toHaveCount(0)
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${SHOTS}/b2c-${theme}.png`, fullPage: true })
  }

  await page.getByLabel('Token', { exact: true }).fill(notUtf8)
  await expect(page.getByText(/not valid UTF-8, so it cannot be a JWT claims set \(RFC 7519 §7\.2 step 10\)/).first()).toBeVisible()
  await page.emulateMedia({ colorScheme: 'light' })
  await page.screenshot({ path: `${SHOTS}/not-utf8-light.png` })
})

test('bidi overrides and zero-width characters in a claim are drawn as visible markers, never applied', async ({ page }) => {
  // "admin" + RIGHT-TO-LEFT OVERRIDE + "nimda" would display reversed; a zero-width space (U+200B) hides inside "admin".
  const spoof = `${b64url('{"alg":"none","typ":"JWT"}')}.${b64url(
    JSON.stringify({
      iss: 'https://issuer.test.example',
      sub: 'u-1',
      name: 'adm\u202Enimda',
      role: 'ad\u200Bmin',
      iat: NOW,
      exp: NOW + 3600,
    }),
  )}.`
  await page.clock.install({ time: NOW * 1000 })
  await page.goto('/#/inspect')
  await page.getByLabel('Token', { exact: true }).fill(spoof)
  const name = page.locator('[data-claim="name"]').first()
  await expect(name.locator('[data-invisible="U+202E"]').first()).toBeVisible()
  await expect(page.locator('[data-claim="role"]').first().locator('[data-invisible="U+200B"]').first()).toBeVisible()
  // The control itself is not in the page's text, so the display cannot be reordered and copying the screen copies the marker.
  const text = await page.locator('main').innerText()
  expect(text).not.toContain('\u202E')
  expect(text).not.toContain('\u200B')
  await expect(page.getByRole('button', { name: 'Copy the real value' }).first()).toBeVisible()
})
