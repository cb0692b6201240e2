/**
 * Scope parsing the way Entra's v2 endpoint reads `scope`: OIDC scopes (openid, profile, email,
 * offline_access) are about the sign-in itself; every other scope names exactly one resource.
 * Unprefixed names (User.Read) and https://graph.microsoft.com/… are Microsoft Graph; our demo
 * API answers to api://{DEMO_API_APP_ID}/… and {DEMO_API_APP_ID}/…. One token request may target
 * one resource only (AADSTS28000); an OIDC-only request yields a Graph token, as Entra does.
 */
import { DEMO_API_APP_ID } from './types.ts'
import { E, type EntraError } from './errors.ts'

export const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access'])
export const API_SCOPES = new Set(['Notes.Read'])
const GRAPH_PREFIXES = ['https://graph.microsoft.com/', 'https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000/']
const API_PREFIXES = [`api://${DEMO_API_APP_ID}/`, `${DEMO_API_APP_ID}/`]

export interface ScopeRequest {
  /** As the app sent them (order kept, duplicates dropped). */
  requested: string[]
  oidc: string[]
  graph: string[]
  api: string[]
}

export function splitScope(raw: string): string[] {
  return [...new Set(raw.split(/\s+/).filter((s) => s !== ''))]
}

export function classifyScopes(raw: string): ScopeRequest | EntraError {
  const requested = splitScope(raw)
  const out: ScopeRequest = { requested, oidc: [], graph: [], api: [] }
  for (const s of requested) {
    if (OIDC_SCOPES.has(s)) {
      out.oidc.push(s)
      continue
    }
    const api = API_PREFIXES.find((p) => s.startsWith(p))
    if (api !== undefined) {
      const name = s.slice(api.length)
      if (name === '.default') {
        out.api.push(...API_SCOPES)
        continue
      }
      if (!API_SCOPES.has(name)) return E.invalidScope(s)
      out.api.push(name)
      continue
    }
    const graph = GRAPH_PREFIXES.find((p) => s.startsWith(p))
    if (graph !== undefined) {
      const name = s.slice(graph.length).replace(/^\//, '')
      out.graph.push(name === '.default' || name === '' ? 'User.Read' : name)
      continue
    }
    if (s.includes('://') || s.includes('/')) {
      const resource = s.includes('://') ? s.slice(0, s.indexOf('/', s.indexOf('://') + 3)) : s.slice(0, s.indexOf('/'))
      return E.unknownResource(resource === '' ? s : resource)
    }
    if (!/^[A-Za-z][A-Za-z0-9.]*$/.test(s)) return E.invalidScope(s)
    out.graph.push(s)
  }
  out.api = [...new Set(out.api)]
  out.graph = [...new Set(out.graph)]
  return out
}

export function isEntraError(x: unknown): x is EntraError {
  return typeof x === 'object' && x !== null && 'code' in x && 'error' in x && 'message' in x
}

/** Graph `scp` as Entra writes it for a sign-in: the OIDC consents plus User.Read and any extra Graph scopes. */
export function graphScp(req: ScopeRequest): string[] {
  const extra = req.graph.filter((s) => s !== 'User.Read')
  return ['openid', 'profile', 'User.Read', ...extra, 'email']
}

/**
 * Canonical consent keys (`graph:User.Read`, `api:Notes.Read`, `offline_access`…), so that the
 * same permission written two ways (User.Read vs https://graph.microsoft.com/User.Read) is one
 * consent. A sign-in with only OIDC scopes consents Graph's User.Read, as Entra does.
 */
export function consentKeys(req: ScopeRequest): string[] {
  const keys = [...req.oidc.filter((s) => s !== 'openid'), ...resourceKeys(req)]
  if (req.graph.length === 0 && req.api.length === 0) keys.push('graph:User.Read')
  return [...new Set(keys)]
}

export function resourceKeys(req: ScopeRequest): string[] {
  return [...req.graph.map((s) => `graph:${s}`), ...req.api.map((s) => `api:${s}`)]
}

/** Canonical keys for scopes that were already validated once (stored with a code or grant). */
export function consentKeysOf(scopes: string[]): string[] {
  const req = classifyScopes(scopes.join(' '))
  return isEntraError(req) ? [] : consentKeys(req)
}
