/**
 * The demo tenant in the shape of the three Microsoft identity services a trainer may want to
 * compare, with no tenant of their own:
 * - Microsoft Entra ID (workforce): login.microsoftonline.com/{tenant}/…, issuer
 *   https://login.microsoftonline.com/{tid}/v2.0.
 * - Azure AD B2C user flow: {name}.b2clogin.com/{name}.onmicrosoft.com/{policy}/…, issuer
 *   https://{name}.b2clogin.com/{tid}/v2.0/ (trailing slash, as B2C publishes it), policy named in
 *   the token's `tfp` claim, errors numbered AADB2Cnnnnn.
 * - Microsoft Entra External ID: {name}.ciamlogin.com/{name}.onmicrosoft.com/… (or
 *   {tid}.ciamlogin.com/{tid}/…), issuer https://{tid}.ciamlogin.com/{tid}/v2.0 whichever URL was
 *   used: the host of the issuer is GUID-based even when the authority names the tenant.
 * Which shape answers is decided by the request's host alone. Pure.
 */
import { DEMO_TENANT_ID } from './types.ts'

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type DemoShape = 'entra' | 'b2c' | 'external'

/** Tenant names the demo answers for as B2C and External ID (ours; the in-page edge only). */
export const DEMO_B2C_NAME = 'tokenlensdemob2c'
export const DEMO_CIAM_NAME = 'tokenlensdemociam'
export const DEMO_B2C_POLICY = 'B2C_1_signupsignin'

export interface ShapeNames {
  /** {b2cName}.b2clogin.com and {b2cName}.onmicrosoft.com. */
  b2cName: string
  /** {ciamName}.ciamlogin.com and {ciamName}.onmicrosoft.com. */
  ciamName: string
  /**
   * B2C user flows the tenant knows, as registered. B2C matches policy names case-insensitively
   * (MSAL lower-cases the authority) and reports the registered spelling in `tfp`.
   */
  policies?: string[]
}

/** Where one request landed: the shape, its origin, and (B2C) the user flow named in the path. */
export interface ShapeAt {
  shape: DemoShape
  origin: string
  /** The tenant segment of the path ({name}.onmicrosoft.com, the GUID, common…). */
  segment: string
  /** B2C only: the policy (user flow) segment, as written. */
  policy?: string
  /** The rest of the path after the tenant (and policy) segments, starting with "/" (or ""). */
  rest: string
}

/** B2C user flows are B2C_1_…, custom policies B2C_1A_… (case-insensitive in B2C). */
export const POLICY_RE = /^b2c_1a?_[a-z0-9_-]+$/i

export function shapeOfHost(host: string, tid: string, names: ShapeNames): DemoShape | null {
  const h = host.toLowerCase()
  if (h === 'login.microsoftonline.com') return 'entra'
  if (h === `${names.b2cName}.b2clogin.com`.toLowerCase()) return 'b2c'
  if (h === `${names.ciamName}.ciamlogin.com`.toLowerCase() || h === `${tid}.ciamlogin.com`.toLowerCase()) return 'external'
  return null
}

/** Every host a tenant with these names answers for (the edge routes these to it). */
export function shapeHosts(tid: string, names: ShapeNames): string[] {
  return ['login.microsoftonline.com', `${names.b2cName}.b2clogin.com`, `${names.ciamName}.ciamlogin.com`, `${tid}.ciamlogin.com`].map(
    (h) => h.toLowerCase(),
  )
}

/**
 * Splits a URL into shape, tenant segment, policy and the remaining path. B2C also accepts the
 * policy as the `p` query parameter instead of a path segment (its older URL form).
 */
export function locate(url: URL, tid: string, names: ShapeNames): ShapeAt | null {
  const shape = shapeOfHost(url.host, tid, names)
  if (shape === null) return null
  const parts = url.pathname.split('/')
  const segment = decodeSegment(parts[1] ?? '')
  if (shape !== 'b2c') return { shape, origin: url.origin, segment, rest: parts.length > 2 ? `/${parts.slice(2).join('/')}` : '' }
  const canonical = (policy: string) => names.policies?.find((q) => q.toLowerCase() === policy.toLowerCase()) ?? policy
  const second = decodeSegment(parts[2] ?? '')
  if (POLICY_RE.test(second))
    return { shape, origin: url.origin, segment, policy: canonical(second), rest: parts.length > 3 ? `/${parts.slice(3).join('/')}` : '' }
  const p = url.searchParams.get('p')
  return {
    shape,
    origin: url.origin,
    segment,
    ...(p !== null && POLICY_RE.test(p) ? { policy: canonical(p) } : {}),
    rest: parts.length > 2 ? `/${parts.slice(2).join('/')}` : '',
  }
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Does the tenant segment name this tenant, in this shape? (B2C and External ID have no common/organizations.) */
export function segmentMatches(at: Pick<ShapeAt, 'shape' | 'segment'>, tid: string, domain: string, names: ShapeNames): boolean {
  const s = at.segment.toLowerCase()
  if (s === tid.toLowerCase()) return true
  if (at.shape === 'entra') return s === domain.toLowerCase() || s === 'common' || s === 'organizations'
  const name = at.shape === 'b2c' ? names.b2cName : names.ciamName
  return s === `${name}.onmicrosoft.com`.toLowerCase()
}

/** The `iss` of tokens (and discovery's `issuer`) in each shape. */
export function shapeIssuer(shape: DemoShape, tid: string, names: ShapeNames): string {
  if (shape === 'b2c') return `https://${names.b2cName}.b2clogin.com/${tid}/v2.0/`
  if (shape === 'external') return `https://${tid}.ciamlogin.com/${tid}/v2.0`
  return `https://login.microsoftonline.com/${tid}/v2.0`
}

/** The base every endpoint URL of a request's shape hangs off (origin + tenant [+ policy]). */
export function shapeBase(at: ShapeAt): string {
  return `${at.origin}/${encodeURIComponent(at.segment)}${at.policy !== undefined ? `/${encodeURIComponent(at.policy)}` : ''}`
}

export function isGuidTenant(segment: string): boolean {
  return GUID_RE.test(segment)
}

/**
 * Is this URL answered by the built-in demo tenant inside the page? Its Entra shape only under
 * its own tenant ID at login.microsoftonline.com; its B2C and External ID hosts are named after
 * it (and its tenant ID), so every path there is the demo's.
 */
export function isDemoTenantUrl(url: string): boolean {
  // Its own URL guard, not flows/http.ts's safeUrl: this runs in the first view (the network edge),
  // and importing the HAR readers here put them in the first view too (+0.9 kB gzip, measured).
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol !== 'https:') return false
  const host = u.host.toLowerCase()
  if (host === 'login.microsoftonline.com') return u.pathname.split('/')[1]?.toLowerCase() === DEMO_TENANT_ID
  return (
    shapeHosts(DEMO_TENANT_ID, { b2cName: DEMO_B2C_NAME, ciamName: DEMO_CIAM_NAME }).includes(host) && host !== 'login.microsoftonline.com'
  )
}
