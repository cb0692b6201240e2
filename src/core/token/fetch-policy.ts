/**
 * Which URLs the app may fetch on the user's behalf, decided in one place: key discovery, the
 * inspector's consent prompt and the network edge all ask `fetchPolicy`.
 *
 * Why a policy at all: fetching `<iss>/.well-known/openid-configuration` and its `jwks_uri`
 * reveals the user's IP address to whatever host a token (or an imported file, or a link) names,
 * and confirms the token was opened. A hostile token can name any host, including ones inside the
 * user's own network (a router's admin page, a cloud metadata service). So:
 * - only `https:` is ever fetched: discovery documents and key sets are served over TLS (OIDC
 *   Discovery §4, RFC 8414 §3), and the page's CSP allows nothing else;
 * - Microsoft Entra (all clouds, B2C, External ID) and Google are fetched without asking;
 * - every other host needs the user's consent for that host: a consent for the issuer does not
 *   cover a `jwks_uri` somewhere else;
 * - hosts inside a private network (loopback, link-local, private ranges, `.local`/`.internal`
 *   names, cloud metadata names) are never fetched automatically, and the prompt says why.
 */

/** Exact hosts of Microsoft Entra ID (public and sovereign clouds) and Google. */
const WELL_KNOWN_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'sts.windows.net',
  'login.windows.net',
  'accounts.google.com',
  'www.googleapis.com',
])

/** Entra External ID / Azure AD B2C tenants live on subdomains of these. */
const WELL_KNOWN_SUFFIXES = ['.b2clogin.com', '.ciamlogin.com']

export type NetworkScope = 'public' | 'loopback' | 'link-local' | 'private' | 'local-name'

export type FetchVerdict = 'auto' | 'ask' | 'refuse'

export interface FetchDecision {
  verdict: FetchVerdict
  /** The host (with a non-default port) that would be contacted; null when the URL is refused unparsed. */
  host: string | null
  scope: NetworkScope | null
  /** One sentence: why this verdict. Shown in the UI next to the prompt or the refusal. */
  reason: string
}

export interface FetchContext {
  /**
   * Hosts the user has agreed to contact (always, or once for the current token) and issuers of
   * this tab's own sign-ins (the app already talked to them, so a fetch reveals nothing new).
   */
  trustedHosts: readonly string[]
}

/** The host (with a non-default port, if any) of an `https:` URL, lower-cased; null otherwise. */
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

function ipv4Scope(hostname: string): NetworkScope | null {
  // The WHATWG URL parser has already turned 0x7f.1, 2130706433 and friends into dotted decimal.
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname)
  if (!m) return null
  const [a, b] = [Number(m[1]), Number(m[2])]
  if (a === 127 || a === 0) return 'loopback'
  if (a === 169 && b === 254) return 'link-local'
  // RFC 1918 private ranges, RFC 6598 shared address space, RFC 2544 benchmarking.
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private'
  if (a === 100 && b >= 64 && b <= 127) return 'private'
  if (a === 198 && (b === 18 || b === 19)) return 'private'
  return 'public'
}

function ipv6Scope(hostname: string): NetworkScope | null {
  if (!hostname.startsWith('[')) return null
  const ip = hostname.slice(1, -1).toLowerCase()
  if (ip === '::1' || ip === '::') return 'loopback'
  // IPv4-mapped addresses (::ffff:7f00:1 is 127.0.0.1): judge the IPv4 address inside.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip)
  if (mapped) {
    const hi = parseInt(mapped[1] ?? '0', 16)
    const lo = parseInt(mapped[2] ?? '0', 16)
    return ipv4Scope(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`)
  }
  if (/^fe[89ab]/.test(ip)) return 'link-local' // fe80::/10
  if (/^f[cd]/.test(ip)) return 'private' // fc00::/7 unique local (RFC 4193)
  return 'public'
}

/**
 * Names that only resolve inside a network: RFC 6761 `.localhost`, RFC 6762 `.local`, RFC 8375
 * `home.arpa`, ICANN's reserved `.internal`.
 */
const LOCAL_SUFFIXES = ['.local', '.localhost', '.internal', '.home.arpa', '.lan', '.intranet', '.corp']
/** Cloud instance-metadata service names (they answer on 169.254.169.254 inside the VM). */
const METADATA_NAMES = new Set(['metadata', 'metadata.google.internal', 'instance-data', 'instance-data.ec2.internal'])

/** Whether a hostname (as the URL parser gives it) is inside a private network. */
export function networkScope(hostname: string): NetworkScope {
  const h = hostname.toLowerCase().replace(/\.$/, '')
  const ip = ipv4Scope(h) ?? ipv6Scope(h)
  if (ip !== null) return ip
  if (h === 'localhost') return 'loopback'
  if (METADATA_NAMES.has(h)) return 'link-local'
  if (LOCAL_SUFFIXES.some((s) => h.endsWith(s))) return 'local-name'
  // A single-label name ("intranet", "keycloak") resolves through the local search domain.
  if (!h.includes('.')) return 'local-name'
  return 'public'
}

const SCOPE_WORDS: Record<Exclude<NetworkScope, 'public'>, string> = {
  loopback: 'this computer (loopback)',
  'link-local': 'a link-local address (cloud metadata services live there)',
  private: 'a private network address',
  'local-name': 'a name that only resolves inside a local network',
}

/**
 * The decision for one URL. Pure: the caller passes the hosts the user trusts, the function
 * says whether to fetch now, ask first, or never.
 */
export function fetchPolicy(url: string, context: FetchContext): FetchDecision {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { verdict: 'refuse', host: null, scope: null, reason: `"${url}" is not a URL.` }
  }
  if (parsed.protocol !== 'https:') {
    return {
      verdict: 'refuse',
      host: parsed.host.toLowerCase() || null,
      scope: parsed.hostname ? networkScope(parsed.hostname) : null,
      reason: `Only https:// addresses are fetched (OIDC Discovery §4 serves discovery and keys over TLS); ${parsed.protocol}// is refused.`,
    }
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return {
      verdict: 'refuse',
      host: parsed.host.toLowerCase(),
      scope: networkScope(parsed.hostname),
      reason: 'The address carries a user name or password; such URLs are never fetched.',
    }
  }
  const host = parsed.host.toLowerCase()
  const scope = networkScope(parsed.hostname)
  const trusted = context.trustedHosts.includes(host)
  if (scope !== 'public') {
    return trusted
      ? { verdict: 'auto', host, scope, reason: `${host} is ${SCOPE_WORDS[scope]}, and you chose to contact it.` }
      : {
          verdict: 'ask',
          host,
          scope,
          reason: `${host} is ${SCOPE_WORDS[scope]}. A token or file that names it could make this page probe your own network; it is contacted only if you agree.`,
        }
  }
  if (isWellKnownIssuerHost(host)) return { verdict: 'auto', host, scope, reason: `${host} is a Microsoft Entra or Google sign-in host.` }
  if (trusted) return { verdict: 'auto', host, scope, reason: `You chose to contact ${host}, or this tab signed in there.` }
  return {
    verdict: 'ask',
    host,
    scope,
    reason: `${host} has not been contacted by this tab yet; it would see your IP address and learn that this token was opened.`,
  }
}

/** Thrown by a fetcher that was not allowed to fetch a URL (the policy said ask or refuse). */
export class FetchNotAllowedError extends Error {
  constructor(
    readonly url: string,
    readonly decision: FetchDecision,
  ) {
    super(
      decision.verdict === 'ask'
        ? `Not requested: ${decision.host ?? url} needs your consent first. ${decision.reason}`
        : `Refused: ${decision.reason}`,
    )
    this.name = 'FetchNotAllowedError'
  }
}
