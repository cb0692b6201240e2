/**
 * Which issuer family a payload comes from, so a claim that means different things on different
 * platforms (aud, iss, sub, acr, scp, ver, ...) gets the right explanation. Small and synchronous.
 */
import type { AnnotateContext } from './types.ts'

/** 'standard' = the meaning given by the RFCs / OIDC Core; the rest are vendor readings. */
export type ClaimContext = 'standard' | 'entra' | 'b2c' | 'google' | 'okta' | 'auth0' | 'keycloak' | 'dpop'

export const CONTEXT_LABEL: Record<ClaimContext, string> = {
  standard: 'Standard (RFC / OpenID Connect)',
  entra: 'Microsoft Entra',
  b2c: 'Azure AD B2C',
  google: 'Google',
  okta: 'Okta',
  auth0: 'Auth0',
  keycloak: 'Keycloak',
  dpop: 'DPoP proof (RFC 9449)',
}

/** Issuer hosts used by Entra in the public and sovereign clouds, plus B2C and External ID. */
const ENTRA_HOST =
  /^(sts\.windows\.net|login\.microsoftonline\.(com|us)|login\.partner\.microsoftonline\.cn|sts\.chinacloudapi\.cn|sts\.microsoftonline\.de|login\.windows\.net|[a-z0-9-]+\.(ciamlogin\.com|b2clogin\.com))$/i

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function host(iss: string): { host: string; path: string } | undefined {
  // URL parsing without the DOM: `URL` is a standard global in Node and browsers.
  try {
    const u = new URL(iss)
    return { host: u.hostname, path: u.pathname }
  } catch {
    return undefined
  }
}

/**
 * Azure AD B2C: its issuer host (`*.b2clogin.com`), or, for custom domains, the policy claim —
 * `tfp`, or `acr` when the tenant sends the policy there (B2C_1_… user flows, B2C_1A_… custom
 * policies). Same markers as the token family detection (src/core/token/family.ts).
 */
function isB2c(payload: Record<string, unknown>): boolean {
  const iss = payload['iss']
  const h = typeof iss === 'string' ? host(iss) : undefined
  if (h !== undefined && /\.b2clogin\.com$/i.test(h.host)) return true
  const acr = payload['acr']
  return typeof payload['tfp'] === 'string' || (typeof acr === 'string' && /^b2c_1a?_/i.test(acr))
}

/** Best guess at the platform that issued `payload`. `ctx.entra` wins when given (B2C is Entra's too). */
export function detectContext(payload: Record<string, unknown>, ctx: AnnotateContext): ClaimContext {
  if (ctx.entra !== false && isB2c(payload)) return 'b2c'
  if (ctx.entra === true) return 'entra'
  const iss = payload['iss']
  if (typeof iss === 'string') {
    if (iss === 'accounts.google.com') return 'google'
    const h = host(iss)
    if (h !== undefined) {
      if (ENTRA_HOST.test(h.host)) return ctx.entra === false ? 'standard' : 'entra'
      if (h.host === 'accounts.google.com') return 'google'
      if (/(^|\.)(okta|oktapreview|okta-emea|okta-gov)\.com$/i.test(h.host)) return 'okta'
      if (/(^|\.)auth0\.com$/i.test(h.host)) return 'auth0'
      if (/\/realms\/[^/]+\/?$/.test(h.path)) return 'keycloak'
    }
  }
  // A DPoP proof has htm/htu and no issuer (RFC 9449 §4.2).
  if (iss === undefined && typeof payload['htm'] === 'string' && typeof payload['htu'] === 'string') return 'dpop'
  // Entra tokens without a recognisable issuer (e.g. custom domains on CIAM) still carry tid + ver.
  if (ctx.entra !== false && typeof payload['tid'] === 'string' && GUID.test(payload['tid'])) {
    const ver = payload['ver']
    if (ver === '1.0' || ver === '2.0' || 'oid' in payload || 'appid' in payload || 'azp' in payload) return 'entra'
  }
  return 'standard'
}
