/**
 * Azure AD B2C user flow, end to end with the real MSAL: the emulator plays a B2C tenant behind
 * context.route (contoso.b2clogin.com, per-policy discovery, issuer
 * https://contoso.b2clogin.com/{tid}/v2.0/), and the built-in demo plays one inside the page.
 * The ID token verifies in the inspector through the policy's own discovery document (tfp).
 */
import { test, expect } from './fixtures.ts'
import { routeDemoTenant } from './support/demo-tenant-route.ts'
import { demoSignIn } from './support/demo-signin.ts'
import { captures, diagramNames, idTokenIsValid, pickOnServerPage, saveProfile } from './support/shape-signin.ts'
import { DEMO_API_SCOPE } from '../src/core/demo-tenant/types.ts'

const TENANT = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b'
const CLIENT = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d'
const POLICY = 'B2C_1_signupsignin'

test.describe('Azure AD B2C user flow', () => {
  test('signs in against contoso.b2clogin.com, the ID token is Valid through the policy keys, the diagram names the B2C host', async ({
    page,
    context,
    guard,
  }) => {
    const routed = await routeDemoTenant(context, { tenantId: TENANT, b2cName: 'contoso', acceptAnyClient: true, allow: guard.allow })
    await saveProfile(page, {
      name: 'Contoso B2C',
      kind: 'Azure AD B2C',
      tenant: 'contoso.onmicrosoft.com',
      policy: POLICY,
      clientId: CLIENT,
      scopes: DEMO_API_SCOPE,
    })
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await pickOnServerPage(
      page,
      /^https:\/\/contoso\.b2clogin\.com\/contoso\.onmicrosoft\.com\/B2C_1_signupsignin\/oauth2\/v2\.0\/authorize/i,
    )

    const entries = await captures(page)
    const token = entries.find((e) => e._oauth.step === 'token')!
    // MSAL lower-cases the authority it was given; B2C policy names are case-insensitive.
    expect(token.request.url.split('?')[0]?.toLowerCase()).toBe(
      `https://contoso.b2clogin.com/contoso.onmicrosoft.com/${POLICY.toLowerCase()}/oauth2/v2.0/token`,
    )
    const idToken = (JSON.parse(token.response.content.text ?? '{}') as { id_token: string }).id_token
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>
    expect(claims).toMatchObject({ iss: `https://contoso.b2clogin.com/${TENANT}/v2.0/`, tfp: POLICY, ver: '1.0' })
    // B2C has no Graph: nothing went to graph.microsoft.com.
    expect(routed.exchanges().some((x) => x.url.startsWith('https://graph.microsoft.com/'))).toBe(false)

    await idTokenIsValid(page)
    await expect(
      page.getByText(`https://contoso.b2clogin.com/${TENANT}/${POLICY}/v2.0/.well-known/openid-configuration`).first(),
    ).toBeAttached()
    await page.screenshot({ path: 'test-results/b2c-inspector-light.png', fullPage: false })
    await diagramNames(page, ['contoso.b2clogin.com'])
    const hosts = new Set(guard.requests().map((u) => new URL(u).host))
    hosts.delete(new URL(page.url()).host)
    expect([...hosts].sort()).toEqual(['contoso.b2clogin.com'])
  })

  test('a B2C token pasted from another tab verifies through its tfp policy (b2clogin.com is fetched automatically)', async ({
    page,
    context,
    guard,
  }) => {
    const routed = await routeDemoTenant(context, { tenantId: TENANT, b2cName: 'contoso', acceptAnyClient: true, allow: guard.allow })
    await saveProfile(page, {
      name: 'Contoso B2C',
      kind: 'Azure AD B2C',
      tenant: 'contoso',
      policy: POLICY,
      clientId: CLIENT,
      scopes: DEMO_API_SCOPE,
    })
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await pickOnServerPage(page, /^https:\/\/contoso\.b2clogin\.com\//)
    const token = (await captures(page)).find((e) => e._oauth.step === 'token')!
    const idToken = (JSON.parse(token.response.content.text ?? '{}') as { id_token: string }).id_token

    // Another tab: no sign-in of its own, so no session issuers; the token is pasted.
    const other = await context.newPage()
    await other.goto('/#/inspect')
    await other.getByLabel('Token', { exact: true }).fill(idToken)
    await expect(other.getByText('Valid', { exact: true }).first()).toBeVisible({ timeout: 15_000 })
    expect(
      routed.exchanges().some((x) => x.url === `https://contoso.b2clogin.com/${TENANT}/${POLICY}/v2.0/.well-known/openid-configuration`),
    ).toBe(true)
    await other.screenshot({ path: 'test-results/b2c-pasted-light.png' })
    await other.emulateMedia({ colorScheme: 'dark' })
    await other.screenshot({ path: 'test-results/b2c-pasted-dark.png' })
  })

  test('the built-in "Demo B2C user flow" signs in inside the page, with no network, and its token is Valid', async ({ page, guard }) => {
    await demoSignIn(page, { profile: 'demo-b2c' })
    const entries = await captures(page)
    expect(entries.find((e) => e._oauth.step === 'token')?.request.url).toMatch(
      /^https:\/\/tokenlensdemob2c\.b2clogin\.com\/tokenlensdemob2c\.onmicrosoft\.com\/B2C_1_signupsignin\/oauth2\/v2\.0\/token/i,
    )
    await idTokenIsValid(page)
    await diagramNames(page, ['tokenlensdemob2c.b2clogin.com'])
    expect(guard.requests().filter((u) => !u.startsWith(new URL(page.url()).origin))).toEqual([])
  })
})
