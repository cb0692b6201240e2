/**
 * The shared e2e fixture. Every test gets, automatically:
 * - a request guard: each request the browser makes is recorded, requests to hosts the test did
 *   not allow are aborted, and the test fails listing them (tokens must never leave the page
 *   except toward the identity provider they belong to);
 * - a CSP guard: any Content-Security-Policy violation fails the test;
 * - an error guard: any uncaught exception in the page fails the test.
 * Allow hosts with `test.use({ allowedHosts: ['issuer.test.example'] })` or `guard.allow(host)`.
 */
import { test as base, expect, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'

const LOCAL_HOSTS = ['127.0.0.1:4173', '127.0.0.1:4174']

export interface Guard {
  /** Allow requests to this host (host or host:port) for the rest of the test. */
  allow: (host: string) => void
  /** Every http(s) URL requested so far. */
  requests: () => string[]
  /** Requests that went to a host the test did not allow. */
  blocked: () => string[]
  cspViolations: () => string[]
  pageErrors: () => string[]
}

interface Fixtures {
  allowedHosts: string[]
  /** Set to true in a test that provokes page errors on purpose. */
  allowPageErrors: boolean
  /**
   * Abort requests to hosts not allowed (default). Playwright answers CORS preflights itself
   * whenever a route is set, so a spec whose point is real CORS turns this off and keeps stray
   * requests from leaving the machine another way (see signin-oidc.spec.ts); the guard still
   * fails the test on any request to a host it did not allow.
   */
  interceptNetwork: boolean
  guard: Guard
}

export const test = base.extend<Fixtures>({
  allowedHosts: [[], { option: true }],
  allowPageErrors: [false, { option: true }],
  interceptNetwork: [true, { option: true }],
  guard: [
    async ({ context, allowedHosts, allowPageErrors, interceptNetwork }, use) => {
      const allowed = new Set([...LOCAL_HOSTS, ...allowedHosts])
      const requested: string[] = []
      const blocked: string[] = []
      const csp: string[] = []
      const errors: string[] = []
      const isAllowed = (url: URL) => allowed.has(url.host) || allowed.has(url.hostname)

      context.on('request', (request) => {
        const url = new URL(request.url())
        if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'ws:' && url.protocol !== 'wss:') return
        requested.push(request.url())
        if (!isAllowed(url)) blocked.push(`${request.method()} ${request.url()}`)
      })
      // Abort rather than let a stray request reach the network. Routes a test adds later take
      // precedence, but the 'request' listener above still records them.
      if (interceptNetwork)
        await context.route(
          (url) => (url.protocol === 'http:' || url.protocol === 'https:') && !isAllowed(url),
          (route) => route.abort('blockedbyclient'),
        )
      await context.exposeBinding('__tokenLensCspViolation', (_source, text: string) => {
        csp.push(text)
      })
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __tokenLensCspViolation?: (t: string) => void }).__tokenLensCspViolation
          report?.(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`)
        })
      })
      context.on('console', (msg) => {
        if (msg.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(msg.text())) csp.push(msg.text())
      })
      context.on('weberror', (err) => {
        errors.push(String(err.error()?.stack ?? err.error()))
      })

      await use({
        allow: (host) => allowed.add(host),
        requests: () => [...requested],
        blocked: () => [...blocked],
        cspViolations: () => [...new Set(csp)],
        pageErrors: () => [...errors],
      })

      expect(blocked, 'requests to hosts this test did not allow').toEqual([])
      expect([...new Set(csp)], 'Content-Security-Policy violations').toEqual([])
      if (!allowPageErrors) expect(errors, 'uncaught exceptions in the page').toEqual([])
    },
    { auto: true },
  ],
})

/** Fails on any serious or critical axe-core violation of the current page. */
export async function expectAccessible(page: Page, context = ''): Promise<void> {
  // After a theme switch the colours fade (transition-colors); measured mid-fade, a link can read
  // as too faint (CI once failed so on #/import in dark). Check the colours the page settles on
  // (transitions only: a spinner's endless animation would never end).
  await page.waitForFunction(
    () => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
    undefined,
    { timeout: 5_000 },
  )
  const results = await new AxeBuilder({ page }).analyze()
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    )
  expect(bad, `accessibility violations ${context}`).toEqual([])
}

export { expect }
