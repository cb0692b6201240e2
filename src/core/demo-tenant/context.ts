/** What every endpoint of the demo tenant needs: configuration, the clock, randomness and state. */
import type { SigningKey } from './keys.ts'
import type { DemoUserRecord } from './users.ts'
import type { DemoTenantState, RandomSource } from './types.ts'
import { GUID_RE, randomGuid } from './encoding.ts'
import type { ErrorContext } from './errors.ts'
import { segmentMatches, shapeIssuer, type ShapeAt, type ShapeNames } from './shapes.ts'

export interface TenantContext {
  tid: string
  domain: string
  tenantName: string
  appDisplayName: string
  users: DemoUserRecord[]
  st: DemoTenantState
  key: SigningKey
  now: () => number
  random: RandomSource
  isKnownClient: (clientId: string) => boolean
  isRegisteredRedirect: (uri: string) => boolean
  idTokenAtHash: boolean
  /** Whether redirectUris was given (exact matching) or the default rule applies. */
  redirectListGiven: boolean
  /** The tenant's names as a B2C and an External ID tenant (hosts {name}.b2clogin.com, {name}.ciamlogin.com). */
  names: ShapeNames
  /** Where the request being answered landed (shape, origin, tenant segment, B2C policy); Entra when absent. */
  at?: ShapeAt
}

/** The same tenant, answering a request that landed at `at`. */
export function atShape(ctx: TenantContext, at: ShapeAt): TenantContext {
  return { ...ctx, at }
}

/** The issuer of tokens minted for the current request's shape. */
export function issuerOf(ctx: TenantContext): string {
  return shapeIssuer(ctx.at?.shape ?? 'entra', ctx.tid, ctx.names)
}

/** Authorization codes live about ten minutes at Entra. */
export const CODE_LIFETIME_SEC = 600
/** How long the demo sign-in page waits for an answer (our choice). */
export const PENDING_LIFETIME_SEC = 900
/** SPA refresh tokens: fixed 24 hours from sign-in. */
export const SPA_REFRESH_LIFETIME_SEC = 86_400

export function resolveTenant(ctx: TenantContext, segment: string): string | null {
  return segmentMatches({ shape: ctx.at?.shape ?? 'entra', segment }, ctx.tid, ctx.domain, ctx.names) ? ctx.tid : null
}

export function errorContext(ctx: TenantContext, correlationId?: string): ErrorContext {
  const cid = correlationId !== undefined && GUID_RE.test(correlationId) ? correlationId : randomGuid(ctx.random)
  return { now: ctx.now(), traceId: randomGuid(ctx.random), correlationId: cid, ...(ctx.at?.shape === 'b2c' ? { b2c: true } : {}) }
}

export function findUser(ctx: TenantContext, id: string): DemoUserRecord | undefined {
  return ctx.users.find((u) => u.id === id)
}

/**
 * MSAL's client_info (uid.utid = home account): for guests, their home tenant's identifiers. B2C
 * appends the user flow to the uid ({oid}-{policy}, lower case), so each policy is its own account
 * in MSAL's cache.
 */
export function clientInfo(user: DemoUserRecord, tid: string, policy?: string): string {
  const uid = policy !== undefined ? `${user.id}-${policy.toLowerCase()}` : (user.homeObjectId ?? user.id)
  const json = JSON.stringify({ uid, utid: policy !== undefined ? tid : (user.homeTenantId ?? tid) })
  let bin = ''
  for (const b of new TextEncoder().encode(json)) bin += String.fromCharCode(b)
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Drop expired codes, pending requests and refresh tokens so serialised state stays small. */
export function sweep(ctx: TenantContext): void {
  const now = ctx.now()
  const st = ctx.st
  for (const [k, v] of Object.entries(st.pending)) if (v.createdAt + PENDING_LIFETIME_SEC < now) delete st.pending[k]
  // Keep redeemed/expired codes a while longer than their life so a replay still gets AADSTS54005/70008.
  for (const [k, v] of Object.entries(st.codes)) if (v.issuedAt + 4 * CODE_LIFETIME_SEC < now) delete st.codes[k]
  for (const [k, v] of Object.entries(st.refreshTokens)) if (v.expiresAt + 3600 < now) delete st.refreshTokens[k]
  // The state lives in sessionStorage: keep only the newest entries of each kind.
  capNewest(st.pending, MAX_ENTRIES, (v) => v.createdAt)
  capNewest(st.codes, MAX_ENTRIES, (v) => v.issuedAt)
  capNewest(st.refreshTokens, MAX_ENTRIES, (v) => v.issuedAt)
}

const MAX_ENTRIES = 50

function capNewest<T>(record: Record<string, T>, max: number, time: (v: T) => number): void {
  const entries = Object.entries(record)
  if (entries.length <= max) return
  entries.sort((a, b) => time(a[1]) - time(b[1]))
  for (const [k] of entries.slice(0, entries.length - max)) delete record[k]
}

/**
 * Look up a caller-supplied key in a state record. Own properties only: a code, refresh token or
 * session id such as "constructor" or "__proto__" must not find Object.prototype's members.
 */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}
