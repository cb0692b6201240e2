/**
 * Trust boundaries, tried the way an attacker would hand things to a user: hostile tokens, a
 * hostile HAR file and a hostile share link. Data that arrives inside a file or a link is never
 * trusted more than its source: its keys verify only its own tokens (and say so), importing it
 * adds no trusted host, nothing is fetched before the user agrees, and consent for one host does
 * not cover another. Every test runs under the request guard (any request to a host not allowed
 * fails it), and also fails on any dialog (alert/confirm/prompt) and any uncaught page error.
 */
import type { Page } from '@playwright/test'
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose'
import { DEMO_TENANT_ID } from '../src/core/demo-tenant/types.ts'
import { test, expect } from './fixtures.ts'

const NOW = Math.floor(Date.now() / 1000)
const EVIL_TENANT = '0badc0de-0000-4000-8000-00000000beef'
const ENTRA_ISS = `https://login.microsoftonline.com/${EVIL_TENANT}/v2.0`
const CLIENT = '11111111-2222-4333-8444-555555555555'
const XSS = '<img src=x onerror="alert(document.domain)"><script>alert(1)</script>'

interface Attacker {
  jwks: { keys: JWK[] }
  sign: (payload: Record<string, unknown>, kid?: string) => Promise<string>
}

/** An attacker's own RSA key: the tokens it signs verify against its own JWKS, and nothing else. */
async function attacker(): Promise<Attacker> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = { ...(await exportJWK(publicKey)), kid: 'file-key', use: 'sig', alg: 'RS256' }
  return {
    jwks: { keys: [jwk] },
    sign: (payload, kid = 'file-key') => new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(privateKey),
  }
}

let clock = 0
function entry(method: string, url: string, status: number, opts: { body?: string; mime?: string; location?: string; post?: string } = {}) {
  return {
    startedDateTime: new Date((NOW - 60) * 1000 + 100 * ++clock).toISOString(),
    time: 5,
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      headers: opts.post ? [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }] : [],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: opts.post?.length ?? 0,
      ...(opts.post ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: opts.post } } : {}),
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: opts.location ? [{ name: 'Location', value: opts.location }] : [],
      cookies: [],
      content: {
        size: opts.body?.length ?? 0,
        mimeType: opts.mime ?? 'application/json',
        ...(opts.body !== undefined ? { text: opts.body } : {}),
      },
      redirectURL: opts.location ?? '',
      headersSize: -1,
      bodySize: opts.body?.length ?? 0,
    },
    cache: {},
    timings: { send: 0, wait: 5, receive: 0 },
  }
}

/**
 * A SPA sign-in as a browser would record it, against issuer `iss`, with the token response
 * carrying `idToken`; when `jwks` is given, the file also holds the key set response.
 */
function signinHar(iss: string, idToken: string, jwks?: unknown): string {
  const base = iss.replace(/\/v2\.0$/, '')
  const app = 'https://app.test.example/callback'
  const authorize = `${base}/oauth2/v2.0/authorize?client_id=${CLIENT}&response_type=code&redirect_uri=${encodeURIComponent(app)}&scope=openid%20profile&state=st-1&nonce=n-1&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256`
  const entries = [
    entry('GET', `${iss}/.well-known/openid-configuration`, 200, {
      body: JSON.stringify({
        issuer: iss,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
      }),
    }),
    ...(jwks ? [entry('GET', `${base}/discovery/v2.0/keys`, 200, { body: JSON.stringify(jwks) })] : []),
    entry('GET', authorize, 302, { location: `${app}?code=code-1&state=st-1`, mime: 'text/html' }),
    entry('GET', `${app}?code=code-1&state=st-1`, 200, { body: `<html>${XSS}</html>`, mime: 'text/html' }),
    entry('POST', `${base}/oauth2/v2.0/token`, 200, {
      post: `client_id=${CLIENT}&grant_type=authorization_code&code=code-1&redirect_uri=${encodeURIComponent(app)}&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk`,
      body: JSON.stringify({ token_type: 'Bearer', scope: 'openid profile', expires_in: 3600, id_token: idToken }),
    }),
  ]
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'hostile-test', version: '1' }, entries } })
}

async function importHar(page: Page, name: string, text: string) {
  await page.goto('/#/import')
  await page.getByTestId('har-file-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) })
  await expect(page.getByTestId('import-summary')).toContainText(name)
}

async function paste(page: Page, token: string) {
  await page.getByLabel('Token', { exact: true }).fill(token)
}

const verdict = (page: Page) => page.locator('[data-verdict]')

/** Light and dark screenshots of what the user sees at this point, for looking at (test-results/). */
async function shots(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
    await page.screenshot({ path: `test-results/hostile-shots/${name}-${scheme}.png` })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

function idClaims(iss: string, extra: Record<string, unknown> = {}) {
  return {
    iss,
    aud: CLIENT,
    sub: 'victim',
    tid: EVIL_TENANT,
    nonce: 'n-1',
    iat: NOW - 60,
    nbf: NOW - 60,
    exp: NOW + 3600,
    ver: '2.0',
    name: XSS,
    ...extra,
  }
}

test.describe('hostile input', () => {
  let dialogs: string[]
  test.beforeEach(({ page }) => {
    dialogs = []
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`)
      void d.dismiss()
    })
  })
  test.afterEach(() => {
    expect(dialogs, 'dialogs opened by hostile content').toEqual([])
  })

  test('keys inside an imported HAR verify only that file’s tokens, name the file, and never vouch for a later token', async ({
    page,
    guard,
  }) => {
    const evil = await attacker()
    const fileToken = await evil.sign(idClaims(ENTRA_ISS))
    await importHar(page, 'evil.har', signinHar(ENTRA_ISS, fileToken, evil.jwks))
    const idRow = page.getByTestId('flow-tokens').getByRole('listitem').filter({ hasText: 'ID token' })
    await expect(idRow.getByTestId('token-verdict')).toContainText('matches the capture’s keys, not the issuer’s')
    await idRow.getByRole('button', { name: 'Open in inspector' }).click()

    // The file's key verifies the file's token, and the verdict says where the key came from.
    await expect(verdict(page)).toHaveAttribute('data-verdict', 'valid_other_keys')
    await expect(verdict(page).getByRole('heading')).toHaveText(
      'Signature matches the keys in the imported file “evil.har” — not checked against the issuer',
    )
    await expect(page.getByTestId('capture-keys-note')).toContainText('not from the issuer')
    await expect(page.getByLabel('A key set I paste')).not.toBeChecked()
    await shots(page, 'capture-keys-verdict')

    // A later pasted token signed with the file's key, claiming an Entra issuer (the built-in
    // demo tenant, answered inside the page), is checked against that issuer's own keys.
    const forged = await evil.sign(idClaims(`https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0`, { tid: DEMO_TENANT_ID }))
    await paste(page, forged)
    await expect(verdict(page)).toHaveAttribute('data-verdict', /^(unverifiable|invalid)$/)
    await expect(verdict(page)).not.toContainText('Valid')
    await expect(page.locator('[data-finding-code="kid_not_found"]')).toBeVisible()
    expect(await page.evaluate(() => sessionStorage.getItem('token-lens:inspector:jwks'))).toBeNull()
    // Nothing left the page: the file's Entra issuer was never contacted.
    expect(guard.requests().filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([])
    // The hostile claim value is shown as text.
    expect(await page.locator('img[src="x"]').count()).toBe(0)
  })

  test('opening a token from an imported HAR asks before contacting its issuer, and adds no trusted host', async ({ page, guard }) => {
    const evil = await attacker()
    const iss = 'https://idp.evil.test.example'
    const token = await evil.sign(idClaims(iss, { tid: undefined }))
    await importHar(page, 'no-keys.har', signinHar(iss, token))
    const idRow = page.getByTestId('flow-tokens').getByRole('listitem').filter({ hasText: 'ID token' })
    await idRow.getByRole('button', { name: 'Open in inspector' }).click()
    await expect(page.getByTestId('key-consent')).toContainText('Fetch the signing keys from idp.evil.test.example?')
    await expect(verdict(page)).toContainText('keys not fetched yet')
    expect(await page.evaluate(() => sessionStorage.getItem('token-lens:inspector:session-issuers'))).toBeNull()

    // Same from the diagram's message panel.
    await page.goto('/#/diagram')
    const picker = page.getByTestId('source-picker')
    const value = await picker.locator('option', { hasText: 'no-keys.har' }).first().getAttribute('value')
    await picker.selectOption(value!)
    // The token endpoint's answer carries the id token.
    const tokenAnswer = page.getByTestId('sequence-diagram').locator('[data-row][data-kind="response"]', { hasText: 'id_token' }).first()
    await tokenAnswer.focus()
    await tokenAnswer.press('Enter')
    await page.getByTestId('message-panel').getByRole('button', { name: 'Open in inspector' }).first().click()
    await expect(page.getByTestId('key-consent')).toContainText('idp.evil.test.example')
    expect(await page.evaluate(() => sessionStorage.getItem('token-lens:inspector:session-issuers'))).toBeNull()
    expect(guard.requests().filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([])
  })

  test('consent for an issuer does not cover a jwks_uri on another host', async ({ page, context, guard }) => {
    const evil = await attacker()
    const iss = 'https://issuer.test.example'
    guard.allow('issuer.test.example')
    await context.route(`${iss}/.well-known/openid-configuration`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify({ issuer: iss, jwks_uri: 'https://keys.elsewhere.test.example/jwks' }),
      }),
    )
    await page.goto('/#/inspect')
    await paste(page, await evil.sign(idClaims(iss, { tid: undefined })))
    await expect(page.getByTestId('key-consent')).toContainText('Fetch the signing keys from issuer.test.example?')
    expect(guard.requests().filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([])
    await page.getByTestId('key-consent').getByRole('button', { name: 'Fetch once' }).click()
    // Discovery was fetched; its key set lives elsewhere, so the page asks again.
    const second = page.getByTestId('key-consent')
    await expect(second).toContainText('puts its keys on another host')
    await expect(second).toContainText('keys.elsewhere.test.example')
    await second.scrollIntoViewIfNeeded()
    await shots(page, 'jwks-elsewhere-consent')
    await expect(verdict(page)).toContainText('keys not fetched yet')
    expect(guard.requests().filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([`${iss}/.well-known/openid-configuration`])
  })

  test('a token naming a private-network or metadata issuer gets a warning and no request', async ({ page, guard }) => {
    const evil = await attacker()
    await page.goto('/#/inspect')
    for (const iss of [
      'https://169.254.169.254/latest/meta-data',
      'https://localhost:8443/realms/x',
      'https://10.0.0.1/adfs',
      'https://router.local',
    ]) {
      await paste(page, await evil.sign(idClaims(iss, { tid: undefined })))
      await expect(page.getByTestId('key-consent')).toHaveAttribute('data-private-network', 'true')
      await expect(page.getByTestId('private-network-warning')).toContainText('private network')
    }
    await page.getByTestId('key-consent').scrollIntoViewIfNeeded()
    await shots(page, 'private-network-consent')
    // http:// issuers are never fetched at all.
    await paste(page, await evil.sign(idClaims('http://issuer.test.example', { tid: undefined })))
    await expect(page.getByTestId('key-consent')).toHaveCount(0)
    await expect(verdict(page)).toContainText('not an https URL')
    expect(guard.requests().filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([])
  })

  test('a hostile link (token and profile) opens nothing by itself and runs no script', async ({ page, guard }) => {
    const evil = await attacker()
    const token = await evil.sign(
      idClaims('https://evil.test.example', { tid: undefined, picture: 'javascript:alert(1)', website: 'javascript:alert(2)' }),
    )
    await page.goto(`/#/inspect?token=${token}`)
    await expect(page.getByTestId('key-consent')).toContainText('evil.test.example')
    await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0)
    const profile = {
      id: 'demo',
      kind: 'oidc',
      name: `Demo ${XSS}`,
      authority: 'https://login.evil.test.example/tenant',
      clientId: CLIENT,
      redirectUri: 'javascript:alert(3)',
      scopes: 'openid',
    }
    await page.goto(`/#/signin?profile=${Buffer.from(JSON.stringify(profile)).toString('base64url')}`)
    await expect(page.getByRole('status', { name: /shared connection profile/i })).toContainText('login.evil.test.example')
    expect(await page.locator('img[src="x"]').count()).toBe(0)
    expect(guard.requests().filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([])
  })
})
