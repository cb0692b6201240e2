/**
 * Failures only a browser-based client meets, said in words a person can act on. A SPA talks to
 * the provider with fetch(), so the provider must answer cross-origin requests with CORS headers
 * for this page's origin (Fetch Standard §3.2); when it does not, the browser hides the response
 * and the app sees only "Failed to fetch" — the same as when the host cannot be reached. The
 * adapter tells the two apart with an opaque (no-cors) probe: if that reaches the host, CORS is
 * the cause. Pure: no fetch, no DOM.
 */

export type FailedStep = 'token' | 'refresh' | 'userinfo' | 'discovery' | 'jwks'

export interface BrowserFailure {
  /** A short code for the badge: cors_not_allowed, provider_unreachable, issuer_mismatch. */
  code: 'cors_not_allowed' | 'provider_unreachable' | 'issuer_mismatch'
  title: string
  /** What happened and what to change at the provider. */
  explanation: string
}

const STEP_NAMES: Record<FailedStep, string> = {
  token: 'The token endpoint (POST /token)',
  refresh: 'The token endpoint (refresh_token grant)',
  userinfo: 'The userinfo endpoint',
  discovery: 'The discovery document',
  jwks: 'The signing keys (jwks_uri)',
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

/**
 * A fetch to the provider failed at the network level (status 0). `reachable` is what the
 * opaque probe found: true = the host answered, so the browser withheld the response for lack
 * of CORS headers; false = nothing answered (DNS, TLS, offline, firewall).
 */
export function explainNetworkFailure(input: {
  step: FailedStep
  url: string
  pageOrigin: string
  clientId: string
  reachable: boolean
}): BrowserFailure {
  const what = STEP_NAMES[input.step]
  const host = hostOf(input.url)
  const client = input.clientId.trim() ? `client ${input.clientId.trim()}` : 'this client'
  if (input.reachable) {
    const metadata = input.step === 'discovery' || input.step === 'jwks'
    return {
      code: 'cors_not_allowed',
      title: `${what} does not allow this page's origin (CORS)`,
      explanation: metadata
        ? `${host} answered, but without an Access-Control-Allow-Origin header for ${input.pageOrigin}, so the browser kept the response from the app. Public metadata is normally served to every origin: ask the provider to send CORS headers on ${input.url}.`
        : `${host} answered, but without an Access-Control-Allow-Origin header for ${input.pageOrigin}, so the browser kept the response from the app (it is not a network outage). At the provider, add ${input.pageOrigin} to the allowed origins (CORS / web origins) of ${client}, and make sure ${client} is registered as a public single-page application, which is what permits browser calls to ${input.url}.`,
    }
  }
  return {
    code: 'provider_unreachable',
    title: `${what} could not be reached`,
    explanation: `Nothing answered at ${host} from this browser (a wrong host name, an untrusted TLS certificate, no network, or a proxy or extension blocking it). Open ${input.url} in a new tab to see what the browser says; fix the authority in the profile if the host is wrong.`,
  }
}

/** Drop one trailing slash: issuers are compared as strings (OIDC Discovery §4.3), but a profile's authority is typed by a person. */
function bare(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url
}

/**
 * OIDC Discovery 1.0 §4.3: the issuer in the document MUST be identical to the URL discovery was
 * fetched from (without the well-known suffix), and every ID token's iss must equal it (OIDC
 * Core §3.1.3.7 step 2). A mismatch makes every token fail validation, so say it before sign-in.
 */
export function checkDiscoveredIssuer(authority: string, issuer: unknown): BrowserFailure | null {
  if (typeof issuer !== 'string' || !issuer) {
    return {
      code: 'issuer_mismatch',
      title: 'The discovery document names no issuer',
      explanation: `The document at ${bare(authority)}/.well-known/openid-configuration has no "issuer" string (required by OIDC Discovery §3). Check that the authority points at an OpenID provider.`,
    }
  }
  if (issuer === authority || bare(issuer) === bare(authority)) return null
  return {
    code: 'issuer_mismatch',
    title: 'The issuer in discovery differs from the authority',
    explanation: `Discovery says the issuer is ${issuer}, but the profile's authority is ${authority}. They must be identical (OIDC Discovery §4.3), and ID tokens will carry ${issuer} as iss. Set the profile's authority to ${issuer} exactly; if the provider sits behind a proxy, configure its public issuer URL there.`,
  }
}
