/**
 * Connection profiles: what the sign-in screen needs to build an MSAL configuration, and the
 * checks that refuse a bad value before anything is sent. Pure.
 */
import { DEMO_API_SCOPE, DEMO_CLIENT_ID, DEMO_TENANT_ID } from '../demo-tenant/types.ts'
import { DEMO_B2C_NAME, DEMO_B2C_POLICY, DEMO_CIAM_NAME } from '../demo-tenant/shapes.ts'

export type ProfileKind = 'demo' | 'entra' | 'b2c' | 'external' | 'oidc'
export type Cloud = 'public' | 'usgov' | 'china'

export interface ConnectionProfile {
  id: string
  name: string
  kind: ProfileKind
  cloud: Cloud
  /** Entra: GUID, domain, common, organizations or consumers. B2C/External ID: the tenant name or ID. */
  tenant: string
  /** B2C user flow (policy), e.g. B2C_1_signupsignin. */
  policy: string
  /** Other OpenID providers: the issuer/authority URL. */
  authority: string
  clientId: string
  redirectUri: string
  /** Space-separated scopes the app asks for (MSAL adds openid profile offline_access). */
  scopes: string
  prompt: string
  loginHint: string
  domainHint: string
  /** Extra query parameters, `name=value` pairs separated by & or new lines. */
  extraParams: string
  /**
   * Built-in demo profiles only: the demo tenant plays an Azure AD B2C user flow or an Entra
   * External ID tenant instead of an Entra workforce tenant.
   */
  demoShape?: 'b2c' | 'external'
}

export const CLOUD_HOSTS: Record<Cloud, string> = {
  public: 'login.microsoftonline.com',
  usgov: 'login.microsoftonline.us',
  china: 'login.chinacloudapi.cn',
}

export const KIND_LABELS: Record<ProfileKind, string> = {
  demo: 'Demo tenant (built in)',
  entra: 'Microsoft Entra ID',
  b2c: 'Azure AD B2C',
  external: 'Microsoft Entra External ID',
  oidc: 'Other OpenID provider',
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i
const TENANT_ALIASES = new Set(['common', 'organizations', 'consumers'])

export function isGuid(value: string): boolean {
  return GUID.test(value.trim())
}

export function demoProfile(redirectUri: string): ConnectionProfile {
  return {
    id: 'demo',
    name: 'Demo tenant',
    kind: 'demo',
    cloud: 'public',
    tenant: DEMO_TENANT_ID,
    policy: '',
    authority: '',
    clientId: DEMO_CLIENT_ID,
    redirectUri,
    scopes: DEMO_API_SCOPE,
    prompt: '',
    loginHint: '',
    domainHint: '',
    extraParams: '',
  }
}

/** The three built-in demo profiles: Entra workforce, B2C user flow, External ID (by tenant name). */
export function demoProfiles(redirectUri: string): ConnectionProfile[] {
  const entra = demoProfile(redirectUri)
  return [
    entra,
    { ...entra, id: 'demo-b2c', name: 'Demo B2C user flow', demoShape: 'b2c', tenant: DEMO_B2C_NAME, policy: DEMO_B2C_POLICY },
    { ...entra, id: 'demo-external', name: 'Demo External ID', demoShape: 'external', tenant: DEMO_CIAM_NAME },
  ]
}

export function blankProfile(id: string, redirectUri: string): ConnectionProfile {
  return { ...demoProfile(redirectUri), id, name: 'My tenant', kind: 'entra', tenant: '', clientId: '', scopes: 'User.Read' }
}

/** The MSAL authority for a profile. */
export function authorityOf(p: ConnectionProfile): string {
  const tenant = p.tenant.trim()
  switch (p.kind) {
    case 'demo':
      if (p.demoShape === 'b2c') return `https://${DEMO_B2C_NAME}.b2clogin.com/${DEMO_B2C_NAME}.onmicrosoft.com/${DEMO_B2C_POLICY}`
      if (p.demoShape === 'external') return `https://${DEMO_CIAM_NAME}.ciamlogin.com/${DEMO_CIAM_NAME}.onmicrosoft.com`
      return `https://${CLOUD_HOSTS.public}/${DEMO_TENANT_ID}`
    case 'entra':
      return `https://${CLOUD_HOSTS[p.cloud]}/${tenant}`
    case 'b2c': {
      const name = tenant.replace(/\.onmicrosoft\.com$/i, '').replace(/\.b2clogin\.com$/i, '')
      return `https://${name}.b2clogin.com/${name}.onmicrosoft.com/${p.policy.trim()}`
    }
    case 'external': {
      // A custom URL domain (https://login.contoso.com/{tenant-id}) is used as written.
      if (/^https:\/\//i.test(tenant)) return tenant.replace(/\/+$/, '')
      const name = tenant.replace(/\.onmicrosoft\.com$/i, '').replace(/\.ciamlogin\.com$/i, '')
      return isGuid(name) ? `https://${name}.ciamlogin.com/${name}` : `https://${name}.ciamlogin.com/${name}.onmicrosoft.com`
    }
    case 'oidc':
      return p.authority.trim().replace(/\/+$/, '')
  }
}

/** The discovery document URL the app fetches itself (MSAL 5 does not fetch it for Entra). */
export function discoveryUrlOf(p: ConnectionProfile): string {
  const authority = authorityOf(p)
  return p.kind === 'oidc' ? `${authority}/.well-known/openid-configuration` : `${authority}/v2.0/.well-known/openid-configuration`
}

/** The kind a profile signs in as: a demo profile's shape, or its own kind. */
export function effectiveKind(p: ConnectionProfile): ProfileKind {
  return p.kind === 'demo' && p.demoShape !== undefined ? p.demoShape : p.kind
}

/**
 * Hosts MSAL 5.30 knows every issuer of by heart (msal-common 16.17 InstanceDiscoveryMetadata,
 * the static cloud aliases); an issuer on one of them, or a one-label regional variant
 * (westus2.login.microsoft.com), is accepted for any authority.
 */
const MSAL_KNOWN_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.windows.net',
  'login.microsoft.com',
  'sts.windows.net',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
  'login.microsoftonline.de',
  'login.microsoftonline.us',
  'login.usgovcloudapi.net',
  'login-us.microsoftonline.com',
  'login.sovcloud-identity.fr',
  'login.sovcloud-identity.de',
  'login.sovcloud-identity.sg',
])

export type IssuerRule = 'same_host' | 'microsoft_host' | 'regional_microsoft_host' | 'ciam_pattern' | 'known_authority'

/**
 * MSAL 5.30's check of a discovery document's `issuer` (msal-common 16.17
 * Authority.validateIssuer, OIDC Discovery §4.3), restated so the app can predict it: the issuer
 * is accepted when it is https on the authority's host, on a well-known Microsoft host (or a
 * regional one), matches https://{t}.ciamlogin.com[/{t}[.onmicrosoft.com]][/v2.0] where {t} is
 * the authority's first path segment without .onmicrosoft.com (or the first label of its host), or
 * its host is in knownAuthorities. MSAL checks it only for metadata it fetched itself, and
 * reports a refusal as endpoints_resolution_error (the issuer_validation_failed inside is lost).
 * Returns the rule that accepts it, or null when MSAL refuses it.
 */
export function msalIssuerRule(authority: string, issuer: string, knownAuthorities: readonly string[]): IssuerRule | null {
  let a: URL
  let i: URL
  try {
    a = new URL(authority)
    i = new URL(issuer)
  } catch {
    return null
  }
  const ihost = i.host.toLowerCase()
  const ahost = a.host.toLowerCase()
  if (i.protocol === a.protocol && ihost === ahost) return 'same_host'
  if (i.protocol !== 'https:') return null
  if (MSAL_KNOWN_HOSTS.has(ihost)) return 'microsoft_host'
  const dot = ihost.indexOf('.')
  if (dot > 0 && MSAL_KNOWN_HOSTS.has(ihost.slice(dot + 1))) return 'regional_microsoft_host'
  const first = a.pathname.split('/').filter(Boolean)[0]?.toLowerCase()
  const tenant = first !== undefined ? first.replace(/\.onmicrosoft\.com$/, '') : ahost.split('.')[0]
  if (tenant) {
    const base = `https://${tenant}.ciamlogin.com`
    const shapes = [
      base,
      `${base}/${tenant}`,
      `${base}/${tenant}/v2.0`,
      `${base}/${tenant}.onmicrosoft.com`,
      `${base}/${tenant}.onmicrosoft.com/v2.0`,
    ]
    const path = i.pathname.replace(/\/+$/, '')
    if (shapes.includes((i.protocol + '//' + ihost + path).toLowerCase())) return 'ciam_pattern'
  }
  if (knownAuthorities.some((k) => hostOf(k) === ihost)) return 'known_authority'
  return null
}

function hostOf(hostOrUrl: string): string {
  try {
    return new URL(hostOrUrl.includes('://') ? hostOrUrl : `https://${hostOrUrl}`).host.toLowerCase()
  } catch {
    return hostOrUrl.toLowerCase()
  }
}

/** External ID issues tokens as https://{tid}.ciamlogin.com/{tid}/v2.0: the GUID host names the same tenant as its path. */
const CIAM_GUID_ISSUER =
  /^https:\/\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.ciamlogin\.com\/([0-9a-f-]{36})(?:\/v2\.0)?\/?$/i

export interface KnownAuthorities {
  hosts: string[]
  /** For the capture notes: what was added and why. */
  notes: string[]
  /** When MSAL will still refuse the discovery document's issuer: which, where, and what to change. */
  refusal?: { issuer: string; authority: string; advice: string }
}

/**
 * The knownAuthorities a profile's MSAL instance gets, from the discovery document the app read
 * before MSAL does. B2C, External ID and other providers need their own host listed (MSAL only
 * trusts Microsoft's cloud hosts by itself). An External ID authority by tenant name
 * ({name}.ciamlogin.com/{name}.onmicrosoft.com) publishes a GUID-based issuer on another host
 * ({tid}.ciamlogin.com), which MSAL accepts only when that host is listed too: it is added when it
 * is a *.ciamlogin.com issuer of the form https://{tid}.ciamlogin.com/{tid}/v2.0 (host and path
 * name the same tenant) that the tenant's own discovery document, fetched over https, names.
 */
export function knownAuthoritiesFor(p: ConnectionProfile, discovery: unknown): KnownAuthorities {
  const kind = effectiveKind(p)
  const authority = authorityOf(p)
  const hosts = kind === 'b2c' || kind === 'external' || kind === 'oidc' ? [hostOf(authority)] : []
  const notes: string[] = []
  const issuer = discovery && typeof discovery === 'object' ? (discovery as { issuer?: unknown }).issuer : undefined
  if (typeof issuer !== 'string' || kind === 'entra' || kind === 'demo') return { hosts, notes }
  const m = CIAM_GUID_ISSUER.exec(issuer)
  const ihost = hostOf(issuer)
  if (kind === 'external' && m && m[1]?.toLowerCase() === m[2]?.toLowerCase() && msalIssuerRule(authority, issuer, hosts) === null) {
    hosts.push(ihost)
    notes.push(
      `The discovery document names the issuer ${issuer}, on ${ihost} rather than the authority's host ${hostOf(authority)}. External ID issues tokens from its tenant-ID host whichever name the authority uses; MSAL 5.30 accepts an issuer on another host only when that host is in knownAuthorities, so Token Lens added ${ihost} to knownAuthorities.`,
    )
  }
  if (msalIssuerRule(authority, issuer, hosts) === null) {
    const advice =
      kind === 'external'
        ? `Use the tenant ID in the profile (the authority becomes https://{tenant-id}.ciamlogin.com/{tenant-id}, the issuer's own host), or, for a custom URL domain, make sure the domain's discovery document names https://{tenant-id}.ciamlogin.com/{tenant-id}/v2.0.`
        : `Use an authority on the issuer's own host (${ihost}), or check that ${authority} is the provider's issuer: MSAL accepts a discovery document only when its issuer is on the authority's host or a host in knownAuthorities.`
    return { hosts, notes, refusal: { issuer, authority, advice } }
  }
  return { hosts, notes }
}

export function scopesOf(p: ConnectionProfile): string[] {
  return p.scopes
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

export function extraParamsOf(p: ConnectionProfile): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of p.extraParams.split(/[&\n]+/)) {
    const trimmed = part.trim()
    if (!trimmed) continue
    const eq = trimmed.indexOf('=')
    const name = (eq < 0 ? trimmed : trimmed.slice(0, eq)).trim()
    const value = eq < 0 ? '' : trimmed.slice(eq + 1).trim()
    if (name) out[name] = value
  }
  return out
}

export interface ProfileProblem {
  field: keyof ConnectionProfile
  message: string
}

/** Parameters MSAL sets itself; overriding them through extra parameters breaks the flow. */
const RESERVED_PARAMS = new Set([
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'scope',
])

/**
 * Every problem with a profile, each with the field it concerns. `appOrigin` is the origin this
 * page is served from: a redirect URI elsewhere can never bring the response back to us.
 */
export function validateProfile(p: ConnectionProfile, appOrigin: string): ProfileProblem[] {
  const problems: ProfileProblem[] = []
  if (!p.name.trim()) problems.push({ field: 'name', message: 'Give the profile a name.' })
  if (p.kind !== 'demo') {
    const clientId = p.clientId.trim()
    if (!clientId) problems.push({ field: 'clientId', message: 'Enter the application (client) ID from the app registration.' })
    else if (p.kind !== 'oidc' && !isGuid(clientId))
      problems.push({
        field: 'clientId',
        message: `"${clientId}" is not a GUID. The application (client) ID looks like 00000000-0000-0000-0000-000000000000 (Overview page of the app registration).`,
      })
    const tenant = p.tenant.trim()
    if (p.kind === 'entra') {
      if (!tenant)
        problems.push({
          field: 'tenant',
          message: 'Enter the tenant: its ID (a GUID), a verified domain, or common / organizations / consumers.',
        })
      else if (/^[0-9a-f-]{30,}$/i.test(tenant) && !isGuid(tenant))
        problems.push({
          field: 'tenant',
          message: `"${tenant}" looks like a tenant ID but is not a well-formed GUID (8-4-4-4-12 hexadecimal digits).`,
        })
      else if (!isGuid(tenant) && !TENANT_ALIASES.has(tenant.toLowerCase()) && !DOMAIN.test(tenant))
        problems.push({
          field: 'tenant',
          message: `"${tenant}" is neither a tenant ID (GUID), a domain name, nor common / organizations / consumers.`,
        })
    }
    if ((p.kind === 'b2c' || p.kind === 'external') && !tenant)
      problems.push({
        field: 'tenant',
        message: 'Enter the tenant name (contoso or contoso.onmicrosoft.com) or, for External ID, its tenant ID.',
      })
    if (p.kind === 'b2c' && !/^[A-Za-z0-9_-]+$/.test(p.policy.trim()))
      problems.push({ field: 'policy', message: 'Enter the user flow name, for example B2C_1_signupsignin.' })
    if (p.kind === 'oidc') {
      const authority = p.authority.trim()
      let url: URL | null = null
      try {
        url = new URL(authority)
      } catch {
        problems.push({ field: 'authority', message: `"${authority}" is not a URL. Enter the issuer, e.g. https://accounts.example.com.` })
      }
      if (url && url.protocol !== 'https:')
        problems.push({
          field: 'authority',
          message: `The authority must use https:// (MSAL refuses ${url.protocol}// authorities: authority_uri_insecure). Tokens must never travel over plain HTTP.`,
        })
    }
  }
  let redirect: URL | null = null
  try {
    redirect = new URL(p.redirectUri.trim())
  } catch {
    problems.push({ field: 'redirectUri', message: `"${p.redirectUri}" is not an absolute URL.` })
  }
  if (redirect && redirect.origin !== appOrigin)
    problems.push({
      field: 'redirectUri',
      message: `The redirect URI is on ${redirect.origin}, but this page runs on ${appOrigin}. The response would be delivered to another site, so Token Lens could never receive it. Use a URI on ${appOrigin}.`,
    })
  if (redirect && redirect.hash)
    problems.push({
      field: 'redirectUri',
      message: 'A redirect URI must not contain a fragment (#…): the response itself is delivered in the fragment (RFC 6749 §3.1.2).',
    })
  if (!scopesOf(p).length && p.kind !== 'demo')
    problems.push({ field: 'scopes', message: 'Ask for at least one scope, for example User.Read.' })
  for (const name of Object.keys(extraParamsOf(p))) {
    if (RESERVED_PARAMS.has(name))
      problems.push({ field: 'extraParams', message: `"${name}" is set by MSAL itself and cannot be overridden here.` })
  }
  return problems
}

/** Keeps only known string fields of a stored or imported profile; null when unusable. */
export function sanitizeProfile(raw: unknown, fallbackId: string): ConnectionProfile | null {
  if (!raw || typeof raw !== 'object') return null
  const o = raw as Record<string, unknown>
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : '')
  const kinds: ProfileKind[] = ['demo', 'entra', 'b2c', 'external', 'oidc']
  const clouds: Cloud[] = ['public', 'usgov', 'china']
  const kind = kinds.find((k) => k === o.kind)
  if (!kind) return null
  return {
    id: str('id') || fallbackId,
    name: str('name') || 'Imported profile',
    kind,
    cloud: clouds.find((c) => c === o.cloud) ?? 'public',
    tenant: str('tenant'),
    policy: str('policy'),
    authority: str('authority'),
    clientId: str('clientId'),
    redirectUri: str('redirectUri'),
    scopes: str('scopes'),
    prompt: str('prompt'),
    loginHint: str('loginHint'),
    domainHint: str('domainHint'),
    extraParams: str('extraParams'),
  }
}

/**
 * Share links. A link comes from someone else, so what it carries is read strictly: it can
 * describe where a sign-in goes, never which of the reader's profiles it is. It therefore has
 * no id (the store gives it a fresh one), can never be the built-in demo profile, and must
 * resolve to an https authority whose host the screen shows before anything is added.
 */
export type SharedProfile = Omit<ConnectionProfile, 'id'>

export type SharedProfileReading = { ok: true; profile: SharedProfile; authority: string; host: string } | { ok: false; reason: string }

/** Longer than any real profile link; a bigger one is not ours (or is a payload). */
export const SHARE_LINK_MAX_CHARS = 8192

const TEXT_LIMITS = {
  name: 100,
  tenant: 256,
  policy: 128,
  authority: 2048,
  clientId: 256,
  redirectUri: 2048,
  scopes: 2048,
  prompt: 64,
  loginHint: 320,
  domainHint: 256,
  extraParams: 2048,
} as const satisfies Record<Exclude<keyof ConnectionProfile, 'id' | 'kind' | 'cloud' | 'demoShape'>, number>

type TextField = keyof typeof TEXT_LIMITS

/** C0/C1 controls and bidi overrides: they have no place in a name, host or ID and can disguise one. */
function hasControl(text: string, allowLineBreaks: boolean): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (allowLineBreaks && (c === 0x09 || c === 0x0a || c === 0x0d)) continue
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true
  }
  return false
}
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i

function refuse(reason: string): SharedProfileReading {
  return { ok: false, reason }
}

/** base64url (no padding needed) -> UTF-8 text; null when either layer is broken. */
function decodeLinkText(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(encoded)) return null
  const clean = encoded.replace(/=+$/, '')
  if (clean.length % 4 === 1) return null
  const bytes: number[] = []
  let buffer = 0
  let bits = 0
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  for (const ch of clean) {
    buffer = (buffer << 6) | alphabet.indexOf(ch)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((buffer >> bits) & 0xff)
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes))
  } catch {
    return null
  }
}

/** Why the sign-in authority a profile resolves to is unacceptable, or null when it is fine. */
function authorityProblem(p: SharedProfile): string | null {
  const tenant = p.tenant.trim()
  if (p.kind === 'entra' && !(isGuid(tenant) || TENANT_ALIASES.has(tenant.toLowerCase()) || DOMAIN.test(tenant)))
    return `The tenant "${tenant}" is neither a tenant ID (GUID), a domain name, nor common / organizations / consumers.`
  if (p.kind === 'b2c' || p.kind === 'external') {
    // The tenant name becomes part of the host name (contoso.b2clogin.com): one DNS label only.
    const name = tenant.replace(/\.onmicrosoft\.com$/i, '').replace(/\.(b2clogin|ciamlogin)\.com$/i, '')
    if (!HOST_LABEL.test(name) && !(p.kind === 'external' && isGuid(name)))
      return `The tenant "${tenant}" is not a tenant name (contoso or contoso.onmicrosoft.com): it would change the sign-in host.`
    if (p.kind === 'b2c' && !/^[A-Za-z0-9_-]+$/.test(p.policy.trim()))
      return `The user flow "${p.policy}" is not a user flow name (letters, digits, _ and -).`
  }
  if (p.kind === 'oidc') {
    let url: URL
    try {
      url = new URL(p.authority.trim())
    } catch {
      return `The authority "${p.authority}" is not a URL.`
    }
    if (url.protocol !== 'https:') return `The authority "${p.authority}" does not use https://. Tokens must never travel over plain HTTP.`
    if (url.username || url.password) return 'The authority carries a user name or password, which a real issuer URL never does.'
    if (url.search || url.hash) return 'The authority carries a query or fragment, which a real issuer URL never does.'
  }
  return null
}

/**
 * Reads the `profile` parameter of a share link. Every field must have the right type and a
 * sensible length; unknown fields and any `id` are ignored. `redirectUri` fills a missing one.
 */
export function readSharedProfile(encoded: string, defaults: { redirectUri: string }): SharedProfileReading {
  if (encoded.length > SHARE_LINK_MAX_CHARS)
    return refuse(`The link is ${encoded.length} characters long; a profile link is never longer than ${SHARE_LINK_MAX_CHARS}.`)
  const text = decodeLinkText(encoded.trim())
  if (text === null)
    return refuse('The link is damaged: its profile part is not base64url-encoded UTF-8 text (was it cut off when copied?).')
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return refuse('The link is damaged: its profile part is not JSON.')
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return refuse('The link does not carry a Token Lens profile (expected a JSON object).')
  const o = raw as Record<string, unknown>
  if (o.kind === 'demo')
    return refuse('The link names the built-in demo profile. It cannot be shared or replaced: every copy of Token Lens has its own.')
  const kind = (['entra', 'b2c', 'external', 'oidc'] as const).find((k) => k === o.kind)
  if (!kind) return refuse(`The link does not carry a Token Lens profile: "kind" must be entra, b2c, external or oidc.`)
  const cloud = o.cloud === undefined ? 'public' : (['public', 'usgov', 'china'] as const).find((c) => c === o.cloud)
  if (!cloud) return refuse('"cloud" must be public, usgov or china.')
  const texts = {} as Record<TextField, string>
  for (const field of Object.keys(TEXT_LIMITS) as TextField[]) {
    const value = o[field]
    if (value === undefined || value === null) {
      texts[field] = ''
      continue
    }
    if (typeof value !== 'string') return refuse(`"${field}" must be text, not ${Array.isArray(value) ? 'a list' : typeof value}.`)
    if (value.length > TEXT_LIMITS[field])
      return refuse(`"${field}" is ${value.length} characters long; at most ${TEXT_LIMITS[field]} are allowed.`)
    if (hasControl(value, field === 'extraParams')) return refuse(`"${field}" contains control or text-direction characters.`)
    texts[field] = value
  }
  const profile: SharedProfile = {
    ...texts,
    kind,
    cloud,
    name: texts.name.trim() || 'Shared profile',
    redirectUri: texts.redirectUri || defaults.redirectUri,
  }
  if (!profile.clientId.trim()) return refuse('"clientId" is missing: a profile without an application (client) ID cannot sign in.')
  const problem = authorityProblem(profile)
  if (problem) return refuse(problem)
  let url: URL
  try {
    url = new URL(authorityOf({ ...profile, id: '' }))
  } catch {
    return refuse('The profile does not resolve to a valid sign-in URL.')
  }
  if (url.protocol !== 'https:') return refuse('The profile does not resolve to an https:// sign-in URL.')
  return { ok: true, profile, authority: url.href.replace(/\/$/, ''), host: url.host }
}

/** `name`, or `name (shared)`, `name (shared 2)`… so a shared profile never looks like one already there. */
export function distinctName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.trim().toLowerCase()))
  if (!used.has(name.trim().toLowerCase())) return name
  for (let i = 1; ; i++) {
    const candidate = `${name} (shared${i === 1 ? '' : ` ${i}`})`
    if (!used.has(candidate.toLowerCase())) return candidate
  }
}
