/**
 * #/import end to end, in the production build: HAR files go through the file chooser (or a
 * drop), the worker parses them, flows, lint findings and tokens show up, and every export is
 * checked for the secrets planted in the fixtures (scripts/gen-har-fixtures.mjs).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Download, Page } from '@playwright/test'
import { test, expect, expectAccessible } from './fixtures.ts'

const DIR = resolve(import.meta.dirname, 'fixtures/har')
const SECRETS = JSON.parse(readFileSync(resolve(DIR, 'har-fixture-secrets.json'), 'utf8')) as Record<string, Record<string, string>>

async function importViaChooser(page: Page, file: string) {
  await page.goto('/#/import')
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Choose a HAR file…' }).click()
  await (await chooser).setFiles(resolve(DIR, file))
  await expect(page.getByTestId('import-summary')).toContainText(file)
}

async function text(download: Download): Promise<string> {
  return readFileSync(await download.path(), 'utf8')
}

function forms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), new URLSearchParams({ x: secret }).toString().slice(2)]
}

test.describe('HAR import', () => {
  test('a leaked client secret is flagged, and neither export contains any secret', async ({ page }) => {
    await importViaChooser(page, 'leaked-secret.har')
    await expect(page.getByTestId('flow-list').getByRole('button')).toHaveCount(1)
    const findings = page.getByTestId('flow-findings')
    await expect(findings.locator('[data-code=client_secret_exposed]')).toHaveCount(2)
    await expect(findings.locator('[data-code=pkce_missing]')).toBeVisible()
    await expect(page.getByTestId('flow-steps').getByRole('listitem')).toHaveCount(5)
    await expect(page.getByTestId('flow-tokens')).toContainText('Refresh token')
    await expect(page.getByTestId('flow-diagram').locator('svg').first()).toBeVisible()
    await expectAccessible(page, 'on #/import with a flow')

    const secrets = Object.values(SECRETS.leak ?? {})
    expect(secrets.length).toBeGreaterThan(5)
    for (const button of ['export-all-har', 'export-flow-har', 'export-report']) {
      const dl = page.waitForEvent('download')
      await page.getByTestId(button).click()
      const body = await text(await dl)
      expect(body.length).toBeGreaterThan(200)
      for (const s of secrets) for (const f of forms(s)) expect(body.includes(f), `${button} leaks ${f.slice(0, 10)}…`).toBe(false)
      if (button !== 'export-report') expect(body).toContain('[redacted:client_secret:1]')
    }
    // The opt-in keeps access and ID tokens, never the client secret or refresh tokens.
    await page.getByRole('switch', { name: 'Keep access and ID tokens in the HAR' }).click()
    const dl = page.waitForEvent('download')
    await page.getByTestId('export-all-har').click()
    const kept = await text(await dl)
    expect(kept).toContain(SECRETS.leak?.accessToken)
    for (const k of ['clientSecret', 'refreshToken', 'refreshToken2', 'code'])
      expect(kept.includes(SECRETS.leak?.[k] ?? '?'), k).toBe(false)
  })

  test('the implicit flow is flagged and the confidential web app shows its server-side token call', async ({ page }) => {
    await importViaChooser(page, 'implicit-flow.har')
    await expect(page.getByTestId('flow-findings').locator('[data-code=implicit_flow]')).toContainText('error')
    await expect(page.getByTestId('flow-view')).toContainText('Implicit flow')

    await importViaChooser(page, 'webapp-confidential.har')
    const steps = page.getByTestId('flow-steps')
    await expect(steps.getByRole('listitem')).toHaveCount(4)
    await expect(steps.getByRole('listitem').last()).toContainText('not observed')
    await expect(page.getByTestId('flow-findings').locator('[data-code=token_call_not_observed]')).toBeVisible()
    await expect(page.getByTestId('flow-list')).toContainText('lint clean')
    const dl = page.waitForEvent('download')
    await page.getByTestId('export-all-har').click()
    const body = await text(await dl)
    for (const s of Object.values(SECRETS.webapp ?? {})) for (const f of forms(s)) expect(body.includes(f)).toBe(false)
    expect(body).toContain('[redacted:password:1]')
    // The same flow opens in the Diagram screen, inferred server-side step included.
    await page.getByRole('link', { name: 'Open in the Diagram screen' }).click()
    await expect(page).toHaveURL(/#\/diagram\?source=import/)
    await expect(page.getByTestId('sequence-diagram').first()).toContainText('Inferred: the code reached a server')
  })

  test('the recorded demo sign-in rebuilds, lints clean, validates its tokens and opens them in the inspector', async ({ page }) => {
    // The recording is a snapshot: its ID token expires an hour after it was made, so the
    // inspector's "now" is pinned to a minute after the recorded token response.
    const recorded = JSON.parse(readFileSync(resolve(DIR, 'demo-signin.har'), 'utf8')) as {
      log: { entries: { startedDateTime: string; response: { content: { text?: string } } }[] }
    }
    const tokenResponse = recorded.log.entries.find((e) => e.response.content.text?.includes('"id_token"'))!
    await page.clock.setFixedTime(new Date(tokenResponse.startedDateTime).getTime() + 60_000)
    await importViaChooser(page, 'demo-signin.har')
    await expect(page.getByTestId('flow-list')).toContainText('lint clean')
    const tokens = page.getByTestId('flow-tokens')
    const idRow = tokens.getByRole('listitem').filter({ hasText: 'ID token' })
    // Verified here with the key set inside the file: the badge says so, never a plain "valid".
    // The core's one verdict (core/token/verdict.ts): no error found, and the keys named as the file's.
    await expect(idRow.getByTestId('token-verdict')).toHaveAttribute('data-verdict-kind', 'valid_other_keys')
    await expect(idRow.getByTestId('token-verdict')).toContainText('matches the capture’s keys, not the issuer’s')
    await expect(page.getByTestId('flow-diagram').getByRole('button').first()).toBeVisible()
    await page.getByTestId('flow-diagram').getByRole('button').first().click()
    await expect(page.getByTestId('diagram-selection')).toBeVisible()
    await page.emulateMedia({ colorScheme: 'dark' })
    await expectAccessible(page, 'on #/import with a flow (dark)')
    await idRow.getByRole('button', { name: 'Open in inspector' }).click()
    await expect(page).toHaveURL(/#\/inspect/)
    // The file's own key set verifies the file's own token, and the verdict names where the key came from.
    await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'valid_other_keys', { timeout: 15_000 })
    await expect(page.locator('[data-verdict]')).toContainText('not checked against the issuer')
    await expect(page.locator('[data-verdict]')).toContainText('the imported file “demo-signin.har”')
  })

  test('a token opened from an old file is judged as of its capture, as the list beside it, until asked for now', async ({ page }) => {
    // No clock pinned: the recording's ID token expired long ago, an hour after it was made.
    await importViaChooser(page, 'demo-signin.har')
    const idRow = page.getByTestId('flow-tokens').getByRole('listitem').filter({ hasText: 'ID token' })
    await expect(idRow.getByTestId('token-verdict')).toHaveAttribute('data-verdict-kind', 'valid_other_keys')
    await idRow.getByRole('button', { name: 'Open in inspector' }).click()
    const verdict = page.locator('[data-verdict]')
    // The inspector agrees with the list: same moment, same keys, same verdict.
    await expect(verdict).toHaveAttribute('data-verdict', 'valid_other_keys', { timeout: 15_000 })
    await expect(verdict).toContainText('judged as of its capture')
    await expect(page.locator('#findings')).not.toContainText('expired')
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: 'test-results/import-as-of-capture-light.png' })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: 'test-results/import-as-of-capture-dark.png' })
    // Today it is expired, and the page says so when asked.
    await verdict.getByRole('button', { name: 'Judge at the current time' }).click()
    await expect(verdict).toHaveAttribute('data-verdict', 'invalid')
    await expect(verdict).not.toContainText('judged as of its capture')
    await expect(page.locator('#findings')).toContainText(/expired/i)
  })

  test('files that are not HAR, or broken HAR, get a precise message', async ({ page }) => {
    await page.goto('/#/import')
    const input = page.getByTestId('har-file-input')
    await input.setInputFiles({
      name: 'token.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln'),
    })
    await expect(page.getByTestId('import-error')).toContainText('This is a JWT, not a HAR file')
    const broken = {
      log: {
        version: '1.2',
        creator: { name: 'x', version: '1' },
        entries: [{ startedDateTime: '2026-01-01T00:00:00Z', request: { method: 'GET', headers: [] }, response: { status: 200 } }],
      },
    }
    await input.setInputFiles({ name: 'broken.har', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) })
    await expect(page.getByTestId('import-error')).toContainText('log.entries[0].request.url')
    await input.setInputFiles({ name: 'jwks.json', mimeType: 'application/json', buffer: Buffer.from('{"keys":[]}') })
    await expect(page.getByTestId('import-error')).toContainText('JSON Web Key Set')
    await expectAccessible(page, 'on #/import with an error')
  })

  test('drag and drop imports a file', async ({ page }) => {
    await page.goto('/#/import')
    const har = readFileSync(resolve(DIR, 'implicit-flow.har'), 'utf8')
    const data = await page.evaluateHandle((content) => {
      const dt = new DataTransfer()
      dt.items.add(new File([content], 'dropped.har', { type: 'application/json' }))
      return dt
    }, har)
    await page.getByTestId('har-drop-zone').dispatchEvent('drop', { dataTransfer: data })
    await expect(page.getByTestId('import-summary')).toContainText('dropped.har')
    await expect(page.getByTestId('flow-findings').locator('[data-code=implicit_flow]')).toBeVisible()
  })

  test('a 5,000-entry file imports in the worker while the page keeps painting', async ({ page }) => {
    await page.goto('/#/import')
    const base = readFileSync(resolve(DIR, 'leaked-secret.har'), 'utf8')
    // The file is built inside the page before measuring, so the probe sees the app's work only
    // (handing a large buffer over from the test would itself block the page).
    const transfer = await page.evaluateHandle((baseHar) => {
      const har = JSON.parse(baseHar) as { log: { entries: unknown[] } }
      const filler = 'x'.repeat(3000)
      for (let i = 0; i < 5000; i++) {
        har.log.entries.push({
          startedDateTime: new Date(Date.UTC(2026, 0, 15, 12) + i * 50).toISOString(),
          time: 1,
          request: {
            method: 'GET',
            url: `https://cdn.example.test/asset-${i}.js`,
            httpVersion: 'h2',
            headers: [],
            queryString: [],
            cookies: [],
            headersSize: -1,
            bodySize: 0,
          },
          response: {
            status: 200,
            statusText: 'OK',
            httpVersion: 'h2',
            headers: [],
            cookies: [],
            content: { size: 3000, mimeType: 'application/javascript', text: `/* ${i} */ ${filler}` },
            redirectURL: '',
            headersSize: -1,
            bodySize: 3000,
          },
          cache: {},
          timings: { send: 0, wait: 1, receive: 0 },
        })
      }
      const dt = new DataTransfer()
      dt.items.add(new File([JSON.stringify(har)], 'big.har', { type: 'application/json' }))
      return dt
    }, base)
    // Let the page collect the garbage of building that file before measuring.
    await page.waitForTimeout(1500)
    await page.evaluate(() => {
      const w = window as unknown as { __gap: number; __frames: number; __probe: boolean }
      w.__gap = 0
      w.__frames = 0
      w.__probe = true
      let last = performance.now()
      const tick = () => {
        const now = performance.now()
        w.__gap = Math.max(w.__gap, now - last)
        w.__frames++
        last = now
        if (w.__probe) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    await page.getByTestId('har-drop-zone').dispatchEvent('drop', { dataTransfer: transfer })
    await expect(page.getByTestId('import-summary')).toContainText('5006 entries', { timeout: 30_000 })
    await expect(page.getByTestId('flow-list').getByRole('button')).toHaveCount(1)
    const { gap, frames } = await page.evaluate(() => {
      const w = window as unknown as { __gap: number; __frames: number; __probe: boolean }
      w.__probe = false
      return { gap: w.__gap, frames: w.__frames }
    })
    expect(frames).toBeGreaterThan(3)
    // Parsing and flow detection run in the worker: the main thread only renders the result.
    expect(gap).toBeLessThan(500)
  })

  test('the live capture of a demo sign-in exports sanitised from #/import', async ({ page }) => {
    await page.goto('/#/signin')
    await page.getByRole('button', { name: /^Sign in to the demo tenant$/ }).click()
    await page
      .getByRole('button', { name: /Member|Megan|member/i })
      .first()
      .click()
    const accept = page.getByRole('button', { name: 'Accept' })
    if (await accept.isVisible().catch(() => false)) await accept.click()
    await expect(page.getByRole('heading', { name: /^Signed in as/ })).toBeVisible({ timeout: 20_000 })
    const captured = await page.evaluate(() => sessionStorage.getItem('token-lens:capture:entries') ?? '[]')
    const values = new Set<string>()
    for (const m of captured.matchAll(/"(?:access_token|id_token|refresh_token|code)\\?"\s*:\s*\\?"([A-Za-z0-9._~-]{20,})/g))
      if (m[1]) values.add(m[1])
    for (const m of captured.matchAll(/[#?&](?:code|id_token|access_token)=([A-Za-z0-9._~-]{20,})/g)) if (m[1]) values.add(m[1])
    expect(values.size).toBeGreaterThan(2)

    await page.goto('/#/import')
    await page.getByTestId('use-capture').click()
    await expect(page.getByTestId('import-summary')).toContainText('Live capture of this tab')
    await expect(page.getByTestId('flow-list')).toContainText('Authorization code flow')
    const dl = page.waitForEvent('download')
    await page.getByTestId('export-all-har').click()
    const body = await text(await dl)
    for (const v of values) expect(body.includes(v), `export leaks ${v.slice(0, 10)}…`).toBe(false)
    expect(body).toContain('[redacted:')

    // One analysis for every capture: the live capture and the same sign-in exported as HAR and
    // imported again give the same flows, steps, token places and findings. The export gives each
    // secret one numbered placeholder for the whole file, so the refresh, the Graph call and the
    // userinfo call still join the sign-in by the placeholders of its tokens.
    const read = async () => {
      const buttons = page.getByTestId('flow-list').getByRole('button')
      // Label, client, and the counts of steps, tokens, errors and warnings of every flow.
      const flows = await buttons.allInnerTexts()
      const detail: { steps: string[]; tokens: string[]; findings: (string | null)[] }[] = []
      for (let i = 0; i < flows.length; i++) {
        await buttons.nth(i).click()
        await expect(buttons.nth(i)).toHaveAttribute('aria-current', 'true')
        detail.push({
          // Label, method, URL and status of each step; a URL of the file shows the placeholder's number, the live one none.
          steps: (await page.getByTestId('flow-steps').getByRole('listitem').allInnerTexts()).map((t) =>
            t.replace(/(\[redacted:[a-z0-9_]+):\d+\]/g, '$1]'),
          ),
          // Kind, place, step, label and "same token as" of each token place; not the value, its verdict or
          // the inspector button (JWTs only).
          tokens: await page
            .getByTestId('flow-tokens')
            .getByRole('listitem')
            .evaluateAll((items) =>
              items.map((li) => {
                const copy = li.cloneNode(true) as HTMLElement
                copy.querySelectorAll('code, button, [data-testid="token-verdict"]').forEach((el) => el.remove())
                return copy.textContent ?? ''
              }),
            ),
          findings: await page
            .getByTestId('flow-findings')
            .locator('[data-code]')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-code'))),
        })
      }
      return { flows, detail }
    }
    const live = await read()
    // The sign-in, its code redemption and the later refresh that needs the refresh token to be linked.
    expect(live.flows[0]).toMatch(/^Authorization code flow/)
    expect(live.detail[0]?.steps.some((s) => s.includes('Token request (authorization code)'))).toBe(true)
    expect(live.detail[0]?.steps.some((s) => s.includes('Token refresh') || s.includes('Token request (refresh token)'))).toBe(true)
    expect(live.detail[0]?.tokens.filter((t) => t.startsWith('Refresh token')).length).toBeGreaterThan(1)

    const reimport = async (name: string, har: string) => {
      await page.getByTestId('har-file-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(har) })
      await expect(page.getByTestId('import-summary')).toContainText(name)
      return read()
    }
    // Everything redacted: codes, access, ID and refresh tokens are placeholders, and still link.
    expect(await reimport('live-export.har', body)).toEqual(live)
    // With access and ID tokens kept (codes and refresh tokens stay redacted): the same again.
    await page.goto('/#/import')
    await page.getByTestId('use-capture').click()
    await expect(page.getByTestId('import-summary')).toContainText('Live capture of this tab')
    const keep = page.waitForEvent('download')
    await page.getByRole('switch', { name: 'Keep access and ID tokens in the HAR' }).click()
    await page.getByTestId('export-all-har').click()
    const kept = await text(await keep)
    expect(kept).toContain('[redacted:refresh_token:1]')
    expect(await reimport('live-export-kept.har', kept)).toEqual(live)
  })

  test('a file with unusable entries is analysed anyway and names what it skipped (light and dark)', async ({ page }) => {
    const good = JSON.parse(readFileSync(resolve(DIR, 'webapp-confidential.har'), 'utf8')) as { log: { entries: unknown[] } }
    good.log.entries.splice(1, 0, {
      startedDateTime: '2026-01-01T00:00:00Z',
      request: { method: 'GET', url: 'https://exa mple.com:99999/<b>x</b>', headers: [] },
      response: { status: 200 },
    })
    good.log.entries.push('not an entry')
    await page.goto('/#/import')
    await page
      .getByTestId('har-file-input')
      .setInputFiles({ name: 'partly-broken.har', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) })
    await expect(page.getByTestId('import-summary')).toContainText('partly-broken.har')
    const notes = page.getByTestId('entry-notes')
    await expect(notes).toContainText('2 entries skipped as unusable')
    await notes.getByText(/entries skipped/).click()
    // Named as written, rendered as text (the <b> stays literal).
    await expect(notes.getByTestId('skipped-entry').first()).toContainText('#1 GET https://exa mple.com:99999/<b>x</b>')
    await expect(page.getByTestId('flow-steps').getByRole('listitem')).toHaveCount(4)
    await expect(page.getByTestId('client-type')).toContainText('confidential client')
    await page.screenshot({ path: 'test-results/import-skipped-light.png', fullPage: true })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: 'test-results/import-skipped-dark.png', fullPage: true })
    await expectAccessible(page, 'on #/import with skipped entries (dark)')
  })
})
