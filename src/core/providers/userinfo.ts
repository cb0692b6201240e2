/**
 * Reading a userinfo answer (OIDC Core §5.3.2; errors per RFC 6750 §3). Pure: the adapter
 * (src/adapters/msal/userinfo.ts) makes the call.
 */

export type Userinfo =
  | { status: 'ok'; endpoint: string; claims: [string, string][]; subMatches: boolean | null }
  | { status: 'failed'; endpoint: string; errorCode: string; message: string; explanation: string }
  | { status: 'skipped'; reason: UserinfoSkipReason }

/** Why userinfo was not called after a sign-in; the sign-in screen words each one. */
export type UserinfoSkipReason = 'no_https_endpoint' | 'no_access_token'

export interface UserinfoAnswer {
  status: number
  /** Lower-case header names. */
  headers: Record<string, string>
  body: string
}

function text(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value) ?? ''
}

/** RFC 6750 §3: a refused Bearer token is explained in WWW-Authenticate (error, error_description). */
function bearerError(header: string | undefined): { error?: string; description?: string } {
  if (!header) return {}
  const error = /error="([^"]*)"/.exec(header)?.[1]
  const description = /error_description="([^"]*)"/.exec(header)?.[1]
  return { ...(error ? { error } : {}), ...(description ? { description } : {}) }
}

/**
 * What the userinfo endpoint answered. `idTokenSub` is the ID token's sub: OIDC Core §5.3.2
 * says the userinfo sub MUST be checked to match it exactly (a mismatch means the response must
 * not be used).
 */
export function summarizeUserinfo(endpoint: string, answer: UserinfoAnswer, idTokenSub: string | undefined): Userinfo {
  if (answer.status === 200) {
    let body: unknown
    try {
      body = JSON.parse(answer.body)
    } catch {
      // OIDC Core §5.3.2 also allows a signed/encrypted JWT answer (application/jwt).
      const jwt = /^application\/jwt/i.test(answer.headers['content-type'] ?? '')
      return {
        status: 'failed',
        endpoint,
        errorCode: jwt ? 'signed_userinfo' : 'not_json',
        message: answer.body.slice(0, 200),
        explanation: jwt
          ? 'The provider answers userinfo as a JWT (userinfo_signed_response_alg is set for this client); open it in the inspector from the Flow screen.'
          : 'The userinfo endpoint answered 200 with a body that is not JSON.',
      }
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return {
        status: 'failed',
        endpoint,
        errorCode: 'not_an_object',
        message: answer.body.slice(0, 200),
        explanation: 'The userinfo endpoint must answer with a JSON object of claims (OIDC Core §5.3.2).',
      }
    const claims = Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, text(v)] as [string, string])
    const sub = (body as Record<string, unknown>).sub
    return { status: 'ok', endpoint, claims, subMatches: idTokenSub === undefined ? null : sub === idTokenSub }
  }
  const bearer = bearerError(answer.headers['www-authenticate'])
  const errorCode = bearer.error ?? `HTTP ${answer.status}`
  const explanation =
    answer.status === 401
      ? 'The provider refused the access token at userinfo (expired, revoked, or issued for another API: some providers accept only tokens whose audience is their own userinfo).'
      : answer.status === 403
        ? 'The access token lacks the scope userinfo needs (openid, and profile or email for those claims).'
        : 'The userinfo endpoint did not return claims. The sign-in itself is unaffected.'
  return { status: 'failed', endpoint, errorCode, message: bearer.description ?? answer.body.slice(0, 300), explanation }
}
