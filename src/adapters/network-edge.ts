/**
 * The app's own HTTP calls (discovery, JWKS, Graph). One place so that (a) the demo tenant can
 * answer at the network edge and (b) every failure becomes a readable sentence (offline, CORS,
 * non-JSON) instead of a bare TypeError.
 */

import { isDemoTenantUrl } from '../core/demo-tenant/shapes.ts'

export class EdgeFetchError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly kind: 'network' | 'http' | 'json' | 'timeout',
    readonly status?: number,
  ) {
    super(message)
    this.name = 'EdgeFetchError'
  }
}

const TIMEOUT_MS = 10_000

export async function fetchJsonAtEdge(url: string): Promise<unknown> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new EdgeFetchError(`"${url}" is not a URL.`, url, 'network')
  }
  if (parsed.protocol !== 'https:') {
    throw new EdgeFetchError(`Refused to fetch ${url}: only https:// endpoints are fetched.`, url, 'network')
  }
  // login.microsoftonline.com/{demo tenant}/… and the demo's B2C / External ID hosts are answered
  // by the demo tenant in this page, never the network.
  if (isDemoTenantUrl(parsed.href)) return fetchFromDemoTenant(parsed)
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
  let response: Response
  try {
    // credentials: 'omit' — no cookies go to the identity provider; referrerPolicy keeps our URL (and any token in its fragment) private.
    response = await fetch(url, {
      signal: controller.signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { accept: 'application/json' },
    })
  } catch (error) {
    const aborted = controller.signal.aborted
    throw new EdgeFetchError(
      aborted
        ? `${parsed.host} did not answer within ${TIMEOUT_MS / 1000} s.`
        : `Could not reach ${parsed.host}: you may be offline, or the server does not allow browser requests from this page (CORS). ${error instanceof Error ? error.message : ''}`.trim(),
      url,
      aborted ? 'timeout' : 'network',
    )
  } finally {
    clearTimeout(timer)
  }
  if (!response.ok) {
    throw new EdgeFetchError(`${parsed.host} answered HTTP ${response.status} for ${parsed.pathname}.`, url, 'http', response.status)
  }
  const text = await response.text()
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new EdgeFetchError(`${parsed.host} answered ${parsed.pathname} with something that is not JSON.`, url, 'json', response.status)
  }
}

/**
 * The demo tenant's discovery and JWKS come from the emulator, loaded on demand (it is only
 * asked for when a demo token is inspected) with the keys it signed with, restored from
 * sessionStorage.
 */
async function fetchFromDemoTenant(url: URL): Promise<unknown> {
  const { demoFetch } = await import('./msal/demo-edge.ts')
  const response = await demoFetch({ method: 'GET', url: url.href, headers: { accept: 'application/json' } })
  if (response.status < 200 || response.status >= 300) {
    throw new EdgeFetchError(`The demo tenant answered HTTP ${response.status} for ${url.pathname}.`, url.href, 'http', response.status)
  }
  try {
    return JSON.parse(response.body) as unknown
  } catch {
    throw new EdgeFetchError(`The demo tenant answered ${url.pathname} with something that is not JSON.`, url.href, 'json', response.status)
  }
}
