/** Opens a token carried in the address fragment (#/inspect?token=, #id_token=) and cleans the address. */
import { useEffect } from 'react'
import { useSearchParams } from 'react-router'
import { useInspectorStore } from '../../stores/inspector-store.ts'

/**
 * `#/inspect?token=<jwt>` (our links, and jwt.ms-style `#id_token=` links after
 * translateTokenFragment) opens the token, then drops it from the address bar: it lives on in
 * this tab's sessionStorage, and does not linger in history or in a screenshot of the URL.
 */
function openLinked(params: URLSearchParams): boolean {
  const token = params.get('token')
  if (!token) return false
  const accessToken = params.get('access_token')
  useInspectorStore.getState().openToken(token, {
    source: params.get('from') === 'fragment' ? 'a redirect link (#id_token=…)' : 'a link',
    // Someone else chose this token: its issuer is contacted only after the user agrees
    // (openToken trusts an issuer only for this tab's own sign-ins).
    ...(accessToken ? { expected: { accessToken } } : {}),
  })
  return true
}

const LINK = /^#\/inspect\?(.*)$/s

/**
 * The page was opened with a token link: the token goes into the store and out of the address
 * bar before React's first render, so that render already draws the decoded claims (one render
 * from the first view's own code, instead of an empty page, an effect and a second render).
 * Returns whether a token was opened. Call once, after translateTokenFragment, before the router
 * reads the address; later in-app navigations to such a link are handled by useTokenFromUrl.
 */
export function openTokenFromAddress(
  loc: Pick<Location, 'hash' | 'pathname' | 'search'> = window.location,
  history: Pick<History, 'state' | 'replaceState'> = window.history,
): boolean {
  const m = LINK.exec(loc.hash)
  if (!m) return false
  let params: URLSearchParams
  try {
    params = new URLSearchParams(m[1])
  } catch {
    return false
  }
  if (!openLinked(params)) return false
  history.replaceState(history.state, '', `${loc.pathname}${loc.search}#/inspect`)
  return true
}

export function useTokenFromUrl(): void {
  const [params, setParams] = useSearchParams()
  const token = params.get('token')
  const accessToken = params.get('access_token')
  const from = params.get('from')
  useEffect(() => {
    if (!token) return
    const p = new URLSearchParams({ token })
    if (accessToken) p.set('access_token', accessToken)
    if (from) p.set('from', from)
    openLinked(p)
    setParams({}, { replace: true })
  }, [token, accessToken, from, setParams])
}
