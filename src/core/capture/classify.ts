/**
 * Naming what an exchange is (discovery, token, JWKS...) from its URL and body, and decoding
 * Entra's client_info. Pure.
 */
import { base64url } from 'jose'
import type { StepKind } from './types.ts'

export function classifyStep(method: string, url: string, body?: string): StepKind {
  let path = ''
  let host = ''
  try {
    const u = new URL(url)
    path = u.pathname.toLowerCase()
    host = u.host.toLowerCase()
  } catch {
    return 'other'
  }
  if (path.endsWith('/.well-known/openid-configuration') || path.endsWith('/.well-known/oauth-authorization-server')) return 'discovery'
  if (path.includes('/discovery/') && path.includes('keys')) return 'jwks'
  if (path.endsWith('/jwks') || path.endsWith('/keys') || path.endsWith('/jwks.json') || path.endsWith('/certs')) return 'jwks'
  if (path.endsWith('/authorize')) return 'authorize'
  if (path.endsWith('/logout') || path.endsWith('/end_session') || path.endsWith('/endsession')) return 'logout'
  if (path.endsWith('/devicecode') || path.endsWith('/device_authorization')) return 'device_authorization'
  if (path.endsWith('/token')) {
    const grant = body ? new URLSearchParams(body).get('grant_type') : null
    return grant === 'refresh_token' ? 'refresh' : 'token'
  }
  if (path.endsWith('/userinfo')) return 'userinfo'
  if (host === 'graph.microsoft.com' || host.endsWith('.graph.microsoft.com') || host === 'microsoftgraph.chinacloudapi.cn') return 'graph'
  if (method.toUpperCase() === 'GET' && path.includes('/discovery/instance')) return 'discovery'
  return 'other'
}

export function grantTypeOf(body: string | undefined): string | undefined {
  if (!body) return undefined
  return new URLSearchParams(body).get('grant_type') ?? undefined
}

export interface ClientInfo {
  uid?: string
  utid?: string
  raw: string
  /** The decoded JSON text, or null when it does not decode. */
  json: string | null
}

/**
 * client_info is Entra's base64url-encoded JSON `{uid, utid}` (user object ID and home tenant
 * ID) returned when the request carried client_info=1. MSAL builds its home account ID from it.
 */
export function decodeClientInfo(raw: string): ClientInfo {
  try {
    // jose for base64url (DESIGN §10); Entra sometimes pads client_info, so strip '='.
    const bytes = base64url.decode(raw.replace(/=+$/, ''))
    const json = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    const parsed: unknown = JSON.parse(json)
    if (!parsed || typeof parsed !== 'object') return { raw, json }
    const o = parsed as Record<string, unknown>
    return {
      raw,
      json,
      ...(typeof o.uid === 'string' ? { uid: o.uid } : {}),
      ...(typeof o.utid === 'string' ? { utid: o.utid } : {}),
    }
  } catch {
    return { raw, json: null }
  }
}

const STEP_LABELS: Record<StepKind, string> = {
  discovery: 'Discovery document',
  jwks: 'Signing keys (JWKS)',
  authorize: 'Authorization request',
  redirect_back: 'Redirect back with the code',
  callback: 'Callback',
  token: 'Token request (code redemption)',
  refresh: 'Token refresh',
  userinfo: 'UserInfo',
  graph: 'Microsoft Graph',
  api: 'API call',
  logout: 'Sign-out',
  device_authorization: 'Device authorization',
  saml: 'SAML',
  other: 'Other request',
}

export function stepLabel(step: StepKind): string {
  return STEP_LABELS[step]
}
