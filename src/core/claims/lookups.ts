/**
 * GUID -> name look-ups over our data files (src/core/claims/data, provenance in PROVENANCE.md).
 * Each table is its own dynamic import, so Vite puts it in its own lazy chunk and a token only
 * pays for the tables it needs (Graph permission IDs alone are ~48 KB gzipped).
 */

export interface RoleEntry {
  name: string
  privileged?: boolean
  status?: 'deprecated' | 'hidden' | 'implicit'
  formerly?: string[]
}

export interface GraphScopeInfo {
  /** A delegated permission (oauth2PermissionScope) of Microsoft Graph with this name exists. */
  delegated: boolean
  /** The delegated permission needs an administrator's consent. */
  adminConsent: boolean
  /** An application permission (appRole) of Microsoft Graph with this name exists. */
  application: boolean
}

/** Microsoft Graph's application ID (same in every tenant and cloud). */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isGuid(value: unknown): boolean {
  return typeof value === 'string' && GUID.test(value)
}

/** Own-property read, so values like "__proto__" or "constructor" never hit Object.prototype. */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}

/** The first call starts the load; every later call shares its promise (one import per table per tab). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined
  return () => (pending ??= load())
}

const loadApps = once(() =>
  import('./data/first-party-apps.json').then((m) => ({
    apps: m.default.apps as Record<string, string>,
    common: new Set(m.default.common),
  })),
)
const loadRoles = once(() => import('./data/directory-roles.json').then((m) => m.default.roles as Record<string, RoleEntry>))
const loadGraphNames = once(() =>
  import('./data/graph-permission-names.json').then((m) => ({
    delegated: m.default.delegated as Record<string, number>,
    application: new Set(m.default.application),
  })),
)
const loadGraphIds = once(() =>
  import('./data/graph-permissions.json').then((m) => ({
    delegated: m.default.delegated as Record<string, string>,
    application: m.default.application as Record<string, string>,
  })),
)

/** Loads the first-party app names ahead of use (most Entra tokens name an app in aud or azp). */
export function prefetchAppNames(): Promise<void> {
  return loadApps().then(() => undefined)
}

/** Name of a Microsoft first-party application (client or resource) by app ID. */
export async function lookupFirstPartyApp(appId: string): Promise<string | undefined> {
  if (!isGuid(appId)) return undefined
  const t = await loadApps()
  return own(t.apps, appId.toLowerCase())
}

/** Directory role by template ID (the values of `wids`). */
export async function lookupDirectoryRole(templateId: string): Promise<RoleEntry | undefined> {
  if (!isGuid(templateId)) return undefined
  return own(await loadRoles(), templateId.toLowerCase())
}

/** Microsoft Graph permission by ID: delegated scopes and application roles have distinct IDs. */
export async function lookupGraphPermissionId(id: string): Promise<{ value: string; type: 'delegated' | 'application' } | undefined> {
  if (!isGuid(id)) return undefined
  const t = await loadGraphIds()
  const key = id.toLowerCase()
  const d = own(t.delegated, key)
  if (d !== undefined) return { value: d, type: 'delegated' }
  const a = own(t.application, key)
  return a === undefined ? undefined : { value: a, type: 'application' }
}

/** Whether `name` is a Microsoft Graph delegated and/or application permission. */
export async function lookupGraphPermissionName(name: string): Promise<GraphScopeInfo> {
  const t = await loadGraphNames()
  const consent = own(t.delegated, name)
  return { delegated: consent !== undefined, adminConsent: consent === 1, application: t.application.has(name) }
}
