/**
 * Tokens in the URL fragment. The fragment never reaches a server (RFC 3986 §3.5), which is why
 * jwt.ms-style links and implicit-flow redirects put tokens there, and why we accept them:
 *   #/inspect?token=<jwt>                    our own link (a router path)
 *   #id_token=<jwt>[&access_token=<jwt>&…]   an OAuth 2.0 fragment response (OAuth 2.0 §4.2.2,
 *   #access_token=<jwt>[&token_type=…]       OIDC Core §3.2.2.5), as jwt.ms receives them
 * The second form is not a router path, so `translateTokenFragment` rewrites it into the first
 * before the router renders (history.replaceState: no extra history entry, nothing reloaded).
 */

export interface FragmentLocation {
  hash: string
  pathname: string
  search: string
  origin: string
}

/** The router hash for an OAuth-style token fragment or for the bare address, or null when the hash needs no rewriting. */
export function routerHashForFragment(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash
  // The bare address opens the inspector, rewritten here rather than by the router's redirect,
  // which would paint the empty shell first and then move its footer (a layout shift).
  if (body === '' || body === '/') return '#/inspect'
  if (body.startsWith('/')) return null
  let params: URLSearchParams
  try {
    params = new URLSearchParams(body)
  } catch {
    return null
  }
  const idToken = params.get('id_token')
  const accessToken = params.get('access_token')
  const token = idToken ?? accessToken
  if (!token) return null
  const out = new URLSearchParams({ token, from: 'fragment' })
  // With both, the id token is the one to inspect and the access token feeds its at_hash check
  // (OIDC Core §3.2.2.9).
  if (idToken && accessToken) out.set('access_token', accessToken)
  return `#/inspect?${out.toString()}`
}

/** Call once before the router renders. Safe outside a browser (does nothing). */
export function translateTokenFragment(): void {
  if (typeof window === 'undefined') return
  try {
    const next = routerHashForFragment(window.location.hash)
    if (next === null) return
    const { pathname, search } = window.location
    window.history.replaceState(window.history.state, '', `${pathname}${search}${next}`)
  } catch {
    // A fragment we cannot read is simply not a token link.
  }
}

/** A shareable link that opens `token` in the inspector; the token stays in the fragment. */
export function inspectLinkFor(token: string, loc: Pick<FragmentLocation, 'origin' | 'pathname' | 'search'> = window.location): string {
  return `${loc.origin}${loc.pathname}${loc.search}#/inspect?${new URLSearchParams({ token }).toString()}`
}
