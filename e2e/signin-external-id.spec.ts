/**
 * Microsoft Entra External ID, end to end with the real MSAL against the emulator in that shape
 * behind context.route. By tenant name the authority is contoso.ciamlogin.com but discovery
 * names the GUID-based issuer https://{tid}.ciamlogin.com/{tid}/v2.0, which MSAL 5.30 refuses
 * unless that host is in knownAuthorities: the app reads discovery first and adds it. By tenant
 * ID both are on one host. When MSAL still refuses an issuer, the error names it. When MSAL
 * would accept the issuer, it gets the document the app read (authorityMetadata) and does not
 * fetch it a second time.
 */
import { test, expect } from './fixtures.ts'
import { routeDemoTenant } from './support/demo-tenant-route.ts'
import { demoSignIn } from './support/demo-signin.ts'
import { captures, diagramNames, idTokenIsValid, pickOnServerPage, saveProfile } from './support/shape-signin.ts'

const TENANT = '8e2d4c6a-1b3f-4d5e-9a7c-2f4e6a8c0b1d'
const CLIENT = '4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f'
const ISSUER = `https://${TENANT}.ciamlogin.com/${TENANT}/v2.0`

test.describe('Entra External ID', () => {
  test('by tenant name: the GUID issuer host is added to knownAuthorities (noted in the capture), sign-in completes, the ID token is Valid', async ({
    page,
    context,
    guard,
  }) => {
    await routeDemoTenant(context, { tenantId: TENANT, ciamName: 'contoso', acceptAnyClient: true, allow: guard.allow })
    await saveProfile(page, {
      name: 'Contoso External ID',
      kind: 'Microsoft Entra External ID',
      tenant: 'contoso',
      clientId: CLIENT,
      scopes: 'User.Read',
    })
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await pickOnServerPage(page, /^https:\/\/contoso\.ciamlogin\.com\/contoso\.onmicrosoft\.com\/oauth2\/v2\.0\/authorize/)
    // The account line: who, and the tenant from the token's tid (no empty field).
    await expect(page.getByTestId('account-line')).toHaveText(new RegExp(`^[^·\\s]+ · tenant ${TENANT}$`))

    const entries = await captures(page)
    const DISCOVERY = 'https://contoso.ciamlogin.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration'
    const discovery = entries.find((e) => e._oauth.step === 'discovery' && e.request.url === DISCOVERY)!
    expect(discovery._oauth.notes?.join(' ')).toContain(`added ${TENANT}.ciamlogin.com to knownAuthorities`)
    // The document is read once per page that runs MSAL (the one that sends the browser to
    // /authorize, the one that redeems the code after the redirect back), by Token Lens, and MSAL
    // gets it as authorityMetadata instead of fetching it a second time.
    const reads = entries.filter((e) => e.request.url === DISCOVERY)
    expect(reads.map((e) => e._oauth.notes?.[0] ?? '')).toEqual([
      expect.stringContaining('Fetched by Token Lens itself before MSAL'),
      expect.stringContaining('Fetched by Token Lens itself before MSAL'),
    ])
    expect(reads[0]!._oauth.notes?.[0]).toContain('MSAL gets this document (authorityMetadata) and does not fetch it again')
    expect(guard.requests().filter((u) => u === DISCOVERY)).toHaveLength(2)
    const token = entries.find((e) => e._oauth.step === 'token')!
    expect(token.request.url.split('?')[0]).toBe('https://contoso.ciamlogin.com/contoso.onmicrosoft.com/oauth2/v2.0/token')
    const idToken = (JSON.parse(token.response.content.text ?? '{}') as { id_token: string }).id_token
    expect(JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString())).toMatchObject({ iss: ISSUER, tid: TENANT })

    await idTokenIsValid(page)
    await diagramNames(page, ['contoso.ciamlogin.com'])
    await page.screenshot({ path: 'test-results/external-id-flow-light.png' })
  })

  test('by tenant ID: authority and issuer share the host; sign-in completes and the ID token is Valid', async ({
    page,
    context,
    guard,
  }) => {
    await routeDemoTenant(context, { tenantId: TENANT, ciamName: 'contoso', acceptAnyClient: true, allow: guard.allow })
    await saveProfile(page, {
      name: 'Contoso External ID by ID',
      kind: 'Microsoft Entra External ID',
      tenant: TENANT,
      clientId: CLIENT,
      scopes: 'User.Read',
    })
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await pickOnServerPage(page, new RegExp(`^https://${TENANT}\\.ciamlogin\\.com/${TENANT}/oauth2/v2\\.0/authorize`))
    const discovery = (await captures(page)).find((e) => e._oauth.step === 'discovery')!
    expect(discovery.request.url).toBe(`https://${TENANT}.ciamlogin.com/${TENANT}/v2.0/.well-known/openid-configuration`)
    // Once per page that runs MSAL (before /authorize, after the redirect back): MSAL fetches none.
    expect(guard.requests().filter((u) => u === discovery.request.url)).toHaveLength(2)
    expect(discovery._oauth.notes?.join(' ')).not.toContain('to knownAuthorities')
    await idTokenIsValid(page)
    // The lane shows the host's start (long GUID hosts are shortened), never the Entra host.
    await diagramNames(page, [TENANT.slice(0, 30)])
    await expect(page.getByTestId('sequence-diagram')).not.toContainText('login.microsoftonline.com')
    const hosts = new Set(guard.requests().map((u) => new URL(u).host))
    hosts.delete(new URL(page.url()).host)
    expect([...hosts].sort()).toEqual([`${TENANT}.ciamlogin.com`, 'graph.microsoft.com'])
  })

  test('an issuer MSAL refuses: the error names the issuer, the authority and what to change', async ({ page, context, guard }) => {
    const routed = await routeDemoTenant(context, { tenantId: TENANT, ciamName: 'contoso', acceptAnyClient: true, allow: guard.allow })
    // The tenant's discovery document, but naming an issuer on a host that is no ciamlogin.com host of it.
    const foreign = 'https://issuer.contoso.example/contoso/v2.0'
    await context.route(
      'https://contoso.ciamlogin.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration',
      async (route, request) => {
        const answer = await routed.tenant.handle({ method: 'GET', url: request.url(), headers: {} })
        await route.fulfill({
          status: answer.status,
          headers: answer.headers,
          body: JSON.stringify({ ...(JSON.parse(answer.body) as object), issuer: foreign }),
        })
      },
    )
    await saveProfile(page, {
      name: 'Contoso External ID',
      kind: 'Microsoft Entra External ID',
      tenant: 'contoso',
      clientId: CLIENT,
      scopes: 'User.Read',
    })
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'endpoints_resolution_error' }).first()
    await expect(alert).toBeVisible({ timeout: 20_000 })
    await expect(alert).toContainText(`MSAL refused the issuer "${foreign}"`)
    await expect(alert).toContainText('https://contoso.ciamlogin.com/contoso.onmicrosoft.com')
    await expect(alert).toContainText('What to change: Use the tenant ID')
    await alert.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/external-id-refused-light.png' })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: 'test-results/external-id-refused-dark.png' })
    expect(guard.requests().some((u) => u.includes('/oauth2/v2.0/authorize'))).toBe(false)
  })

  test('the built-in "Demo External ID" signs in inside the page by tenant name, with no network, and its token is Valid', async ({
    page,
    guard,
  }) => {
    await demoSignIn(page, { profile: 'demo-external' })
    const discovery = (await captures(page)).find((e) => e._oauth.step === 'discovery')!
    expect(discovery._oauth.notes?.join(' ')).toContain('.ciamlogin.com to knownAuthorities')
    await idTokenIsValid(page)
    await diagramNames(page, ['tokenlensdemociam.ciamlogin.com'])
    expect(guard.requests().filter((u) => !u.startsWith(new URL(page.url()).origin))).toEqual([])
  })
})
