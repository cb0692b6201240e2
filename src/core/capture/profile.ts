/**
 * Connection profiles: what the sign-in screen needs to build an MSAL configuration, and the
 * checks that refuse a bad value before anything is sent. Pure.
 */
import { DEMO_API_SCOPE, DEMO_CLIENT_ID, DEMO_TENANT_ID } from '../demo-tenant/types.ts'

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

export function blankProfile(id: string, redirectUri: string): ConnectionProfile {
  return { ...demoProfile(redirectUri), id, name: 'My tenant', kind: 'entra', tenant: '', clientId: '', scopes: 'User.Read' }
}

/** The MSAL authority for a profile. */
export function authorityOf(p: ConnectionProfile): string {
  const tenant = p.tenant.trim()
  switch (p.kind) {
    case 'demo':
      return `https://${CLOUD_HOSTS.public}/${DEMO_TENANT_ID}`
    case 'entra':
      return `https://${CLOUD_HOSTS[p.cloud]}/${tenant}`
    case 'b2c': {
      const name = tenant.replace(/\.onmicrosoft\.com$/i, '').replace(/\.b2clogin\.com$/i, '')
      return `https://${name}.b2clogin.com/${name}.onmicrosoft.com/${p.policy.trim()}`
    }
    case 'external': {
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

export function scopesOf(p: ConnectionProfile): string[] {
  return p.scopes.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean)
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
const RESERVED_PARAMS = new Set(['client_id', 'redirect_uri', 'response_type', 'response_mode', 'state', 'nonce', 'code_challenge', 'code_challenge_method', 'scope'])

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
      problems.push({ field: 'clientId', message: `"${clientId}" is not a GUID. The application (client) ID looks like 00000000-0000-0000-0000-000000000000 (Overview page of the app registration).` })
    const tenant = p.tenant.trim()
    if (p.kind === 'entra') {
      if (!tenant) problems.push({ field: 'tenant', message: 'Enter the tenant: its ID (a GUID), a verified domain, or common / organizations / consumers.' })
      else if (/^[0-9a-f-]{30,}$/i.test(tenant) && !isGuid(tenant))
        problems.push({ field: 'tenant', message: `"${tenant}" looks like a tenant ID but is not a well-formed GUID (8-4-4-4-12 hexadecimal digits).` })
      else if (!isGuid(tenant) && !TENANT_ALIASES.has(tenant.toLowerCase()) && !DOMAIN.test(tenant))
        problems.push({ field: 'tenant', message: `"${tenant}" is neither a tenant ID (GUID), a domain name, nor common / organizations / consumers.` })
    }
    if ((p.kind === 'b2c' || p.kind === 'external') && !tenant) problems.push({ field: 'tenant', message: 'Enter the tenant name (contoso or contoso.onmicrosoft.com) or, for External ID, its tenant ID.' })
    if (p.kind === 'b2c' && !/^[A-Za-z0-9_-]+$/.test(p.policy.trim())) problems.push({ field: 'policy', message: 'Enter the user flow name, for example B2C_1_signupsignin.' })
    if (p.kind === 'oidc') {
      const authority = p.authority.trim()
      let url: URL | null = null
      try {
        url = new URL(authority)
      } catch {
        problems.push({ field: 'authority', message: `"${authority}" is not a URL. Enter the issuer, e.g. https://accounts.example.com.` })
      }
      if (url && url.protocol !== 'https:')
        problems.push({ field: 'authority', message: `The authority must use https:// (MSAL refuses ${url.protocol}// authorities: authority_uri_insecure). Tokens must never travel over plain HTTP.` })
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
  if (redirect && redirect.hash) problems.push({ field: 'redirectUri', message: 'A redirect URI must not contain a fragment (#…): the response itself is delivered in the fragment (RFC 6749 §3.1.2).' })
  if (!scopesOf(p).length && p.kind !== 'demo') problems.push({ field: 'scopes', message: 'Ask for at least one scope, for example User.Read.' })
  for (const name of Object.keys(extraParamsOf(p))) {
    if (RESERVED_PARAMS.has(name)) problems.push({ field: 'extraParams', message: `"${name}" is set by MSAL itself and cannot be overridden here.` })
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
