/**
 * Serves the demo tenant behind Playwright's network interception, in all three shapes it
 * plays: Entra (login.microsoftonline.com), Azure AD B2C ({b2cName}.b2clogin.com) and Entra
 * External ID ({ciamName}.ciamlogin.com and {tenantId}.ciamlogin.com); the host decides.
 * End-to-end tests thereby exercise the "real tenant" code path (the app talks to those hosts
 * and https://graph.microsoft.com as with any real tenant) with no network. The answers come from
 * the very same createDemoTenant code the app embeds (src/core), including the /authorize
 * navigation, which gets the emulator's own server-rendered sign-in page; its form posts back to
 * the emulator, which answers 302 to the redirect URI with the code.
 *
 * Playwright adds permissive CORS headers to fulfilled responses, so these tests cannot catch
 * CORS mistakes; the emulator sets Entra's CORS headers itself anyway (unit-tested in src/core).
 */
import type { BrowserContext, Request, Route } from '@playwright/test'
import { corsPreflight, createDemoTenant } from '../../src/core/demo-tenant/tenant.ts'
import type { DemoFaults, DemoTenant, DemoTenantOptions, EdgeRequest } from '../../src/core/demo-tenant/types.ts'

export const DEMO_TENANT_HOSTS = ['login.microsoftonline.com', 'graph.microsoft.com'] as const

export interface DemoTenantRouteOptions extends Omit<DemoTenantOptions, 'now'> {
  /** Clock in unix seconds (default: the real clock — e2e runs against a real browser). */
  now?: () => number
  /** Called once per emulated host, e.g. the e2e fixture's `guard.allow`, so the guard accepts them. */
  allow?: (host: string) => void
}

export interface RoutedExchange {
  method: string
  url: string
  status: number
  /** For 3xx answers: where the browser was sent. */
  location?: string
}

export interface DemoTenantRoute {
  tenant: DemoTenant
  /** Every request the emulator answered, in order. */
  exchanges: () => RoutedExchange[]
  setFaults: (faults: DemoFaults) => void
  unroute: () => Promise<void>
}

export async function routeDemoTenant(context: BrowserContext, options: DemoTenantRouteOptions = {}): Promise<DemoTenantRoute> {
  const { allow, now, ...rest } = options
  const tenant = await createDemoTenant({ ...rest, now: now ?? (() => Math.floor(Date.now() / 1000)) })
  const exchanges: RoutedExchange[] = []
  const hosts = [...new Set([...DEMO_TENANT_HOSTS, ...tenant.hosts])]
  for (const host of hosts) allow?.(host)
  const patterns = hosts.map((h) => `https://${h}/**`)

  const handler = async (route: Route, request: Request): Promise<void> => {
    const method = request.method()
    const headers = await request.allHeaders()
    let answer: { status: number; headers: Record<string, string>; body: string }
    if (method === 'OPTIONS') {
      answer = corsPreflight({ headers })
    } else if (method === 'GET' || method === 'POST') {
      const body = request.postData()
      const req: EdgeRequest = { method, url: request.url(), headers, ...(body !== null ? { body } : {}) }
      try {
        answer = await tenant.handle(req)
      } catch (error) {
        // Surface emulator bugs as a readable 500 instead of a hung request.
        answer = { status: 500, headers: { 'content-type': 'text/plain' }, body: `demo tenant crashed: ${String(error)}` }
      }
    } else {
      answer = { status: 405, headers: { allow: 'GET, POST, OPTIONS', 'access-control-allow-origin': '*' }, body: '' }
    }
    const location = answer.headers.location
    exchanges.push({ method, url: request.url(), status: answer.status, ...(location !== undefined ? { location } : {}) })
    await route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body })
  }

  for (const pattern of patterns) await context.route(pattern, handler)
  return {
    tenant,
    exchanges: () => [...exchanges],
    setFaults: (faults) => tenant.setFaults(faults),
    unroute: async () => {
      for (const pattern of patterns) await context.unroute(pattern, handler)
    },
  }
}
