/**
 * Which issuers the inspector may contact without asking. Fetching `<iss>/.well-known/
 * openid-configuration` and its `jwks_uri` reveals the user's IP address to whatever host the
 * token names and confirms the token was opened; a hostile token could name any host. So only
 * well-known public identity providers are contacted automatically; every other host needs the
 * user's consent (or a pasted JWKS). OIDC Discovery §4 puts the document under the issuer URL.
 */

/** Exact hosts of Microsoft Entra ID (public and sovereign clouds) and Google. */
const WELL_KNOWN_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'sts.windows.net',
  'login.windows.net',
  'accounts.google.com',
])

/** Entra External ID / Azure AD B2C tenants live on subdomains of these. */
const WELL_KNOWN_SUFFIXES = ['.b2clogin.com', '.ciamlogin.com']

/**
 * The host (with a non-default port, if any) of an `https:` issuer, lower-cased; null when the
 * issuer is not an https URL (then nothing is fetched from it at all).
 */
export function issuerHost(iss: unknown): string | null {
  if (typeof iss !== 'string') return null
  let url: URL
  try {
    url = new URL(iss)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' || url.host === '') return null
  return url.host.toLowerCase()
}

/** True for a host the app contacts without asking (see the module comment). */
export function isWellKnownIssuerHost(host: string): boolean {
  const h = host.toLowerCase()
  if (WELL_KNOWN_HOSTS.has(h)) return true
  return WELL_KNOWN_SUFFIXES.some((suffix) => h.endsWith(suffix) && h.length > suffix.length)
}
