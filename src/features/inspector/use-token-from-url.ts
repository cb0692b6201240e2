import { useEffect } from 'react'
import { useSearchParams } from 'react-router'
import { useInspectorStore } from '../../stores/inspector-store.ts'

/**
 * `#/inspect?token=<jwt>` (our links, and jwt.ms-style `#id_token=` links after
 * translateTokenFragment) opens the token, then drops it from the address bar: it lives on in
 * this tab's sessionStorage, and does not linger in history or in a screenshot of the URL.
 */
export function useTokenFromUrl(): void {
  const [params, setParams] = useSearchParams()
  const openToken = useInspectorStore((s) => s.openToken)
  const token = params.get('token')
  const accessToken = params.get('access_token')
  const from = params.get('from')
  useEffect(() => {
    if (!token) return
    openToken(token, {
      source: from === 'fragment' ? 'a redirect link (#id_token=…)' : 'a link',
      // Someone else chose this token: its issuer is contacted only after the user agrees
      // (openToken trusts an issuer only for this tab's own sign-ins).
      ...(accessToken ? { expected: { accessToken } } : {}),
    })
    setParams({}, { replace: true })
  }, [token, accessToken, from, openToken, setParams])
}
