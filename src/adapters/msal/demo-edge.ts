/**
 * The demo tenant plugged in at the network edge. Loaded on demand (it carries key generation
 * and token signing), restored from sessionStorage so its keys, sessions and codes survive the
 * redirect round trip, and saved back after every call that may change it.
 */
import { isDemoTenantUrl as isDemoUrl } from '../../core/demo-tenant/shapes.ts'
import {
  type AuthorizeOutcome,
  type DemoFaults,
  type DemoTenant,
  type DemoTenantState,
  type EdgeRequest,
  type EdgeResponse,
} from '../../core/demo-tenant/types.ts'
import { readStored, writeStored } from '../storage.ts'

const STATE_KEY = 'demo-tenant:state'
const FAULTS_KEY = 'demo-tenant:faults'

type DemoTenantPort = DemoTenant

let loading: Promise<DemoTenantPort> | null = null

/** Is this URL answered by the demo tenant? (its Entra authority, or its B2C / External ID hosts). */
export function isDemoTenantUrl(url: string): boolean {
  return isDemoUrl(url)
}

export function readDemoFaults(): DemoFaults {
  try {
    const raw = readStored('session', FAULTS_KEY)
    const parsed: unknown = raw ? JSON.parse(raw) : {}
    return parsed && typeof parsed === 'object' ? (parsed as DemoFaults) : {}
  } catch {
    return {}
  }
}

export async function setDemoFaults(faults: DemoFaults): Promise<void> {
  writeStored('session', FAULTS_KEY, JSON.stringify(faults))
  if (loading) (await loading).setFaults(faults)
}

export function loadDemoTenant(): Promise<DemoTenantPort> {
  loading ??= (async () => {
    const mod = await import('../../core/demo-tenant/tenant.ts')
    const raw = readStored('session', STATE_KEY)
    let saved: DemoTenantState | undefined
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : undefined
      if (parsed && typeof parsed === 'object' && (parsed as { version?: unknown }).version === 1) saved = parsed as DemoTenantState
    } catch {
      saved = undefined
    }
    // A damaged saved state must not lock the user out: start a fresh tenant instead.
    const create = (state?: DemoTenantState) =>
      mod.createDemoTenant({
        now: () => Math.floor(Date.now() / 1000),
        ...(state ? { state } : {}),
        faults: readDemoFaults(),
        // Entra leaves at_hash out of ID tokens from /token; the demo adds it so the inspector
        // can show the check (OIDC Core §3.1.3.8, §3.3.2.11).
        idTokenAtHash: true,
      })
    let tenant: DemoTenantPort
    try {
      tenant = await create(saved)
    } catch {
      tenant = await create()
    }
    save(tenant)
    return tenant
  })()
  loading.catch(() => {
    loading = null
  })
  return loading
}

function save(tenant: DemoTenantPort): void {
  writeStored('session', STATE_KEY, JSON.stringify(tenant.serialize()))
}

/** Answers one HTTP request from the demo tenant and persists its state afterwards. */
export async function demoFetch(request: EdgeRequest): Promise<EdgeResponse> {
  const tenant = await loadDemoTenant()
  const response = await tenant.handle(request)
  save(tenant)
  return response
}

export async function demoBeginAuthorize(url: string): Promise<AuthorizeOutcome> {
  const tenant = await loadDemoTenant()
  const outcome = await tenant.beginAuthorize(url)
  save(tenant)
  return outcome
}

export async function demoCompleteAuthorize(sessionId: string, choice: { userId: string; consent: boolean }): Promise<AuthorizeOutcome> {
  const tenant = await loadDemoTenant()
  const outcome = await tenant.completeAuthorize(sessionId, choice)
  save(tenant)
  return outcome
}

/** Forget the demo tenant's keys, sessions and codes (a fresh tenant on next use). */
export function forgetDemoTenant(): void {
  loading = null
  writeStored('session', STATE_KEY, null)
  writeStored('session', FAULTS_KEY, null)
}
