/**
 * The OIDC `claims` request parameter (OIDC Core §5.5) as far as Entra honours it for ID tokens
 * in a SPA sign-in. MSAL.js 5 always asks for the optional claims `login_hint` (an opaque value
 * it later sends back as login_hint / logout_hint) and `signin_state`; we issue both. Unknown
 * names are ignored, as Entra does; a malformed parameter is ignored too (our choice).
 */
import { base64url } from 'jose'
import type { DemoUserRecord } from './users.ts'

const SUPPORTED = ['login_hint', 'signin_state'] as const

export function requestedIdTokenClaims(claimsParam: string | undefined): string[] {
  if (claimsParam === undefined || claimsParam === '') return []
  try {
    const parsed: unknown = JSON.parse(claimsParam)
    if (typeof parsed !== 'object' || parsed === null) return []
    const idToken = (parsed as Record<string, unknown>).id_token
    if (typeof idToken !== 'object' || idToken === null) return []
    return SUPPORTED.filter((c) => Object.hasOwn(idToken, c))
  } catch {
    return []
  }
}

/** Our opaque login_hint claim ("O." + base64url JSON; Entra's is "O." + an opaque blob too). */
export function loginHintClaim(user: DemoUserRecord, tid: string): string {
  return `O.${base64url.encode(JSON.stringify({ v: 1, oid: user.id, tid, upn: user.signInName }))}`
}

/** A login_hint as the app sends it: an address, or the opaque value from our login_hint claim. */
export function resolveLoginHint(hint: string, users: DemoUserRecord[]): DemoUserRecord | undefined {
  if (hint.startsWith('O.')) {
    try {
      const v = JSON.parse(new TextDecoder().decode(base64url.decode(hint.slice(2)))) as { oid?: unknown }
      return users.find((u) => u.id === v.oid)
    } catch {
      return undefined
    }
  }
  const h = hint.toLowerCase()
  return users.find((u) => u.signInName.toLowerCase() === h || u.userPrincipalName.toLowerCase() === h)
}
