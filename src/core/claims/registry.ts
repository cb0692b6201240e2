/**
 * The claim registry: every name in CLAIM_NAMES has an entry (checked at compile time), and
 * platform-specific readings are merged over the base text on lookup. Lazily loaded.
 */
import type { ClaimName } from './claim-names.ts'
import type { ClaimContext } from './platform.ts'
import type { ClaimInfo } from './registry-types.ts'
import { ENTRA_OPTIONAL_CLAIMS } from './registry-entra-optional.ts'
import { ENTRA_CLAIMS } from './registry-entra.ts'
import { OAUTH_CLAIMS } from './registry-oauth.ts'
import { PROFILE_CLAIMS } from './registry-profile.ts'
import { STANDARD_CLAIMS } from './registry-standard.ts'
import { VENDOR_CLAIMS, VENDOR_VARIANTS } from './registry-vendor.ts'
import { B2C_VARIANTS } from './registry-b2c.ts'

// A name missing from every part fails this `satisfies` (DESIGN §4: missing entries don't compile).
const CLAIMS = {
  ...STANDARD_CLAIMS,
  ...PROFILE_CLAIMS,
  ...OAUTH_CLAIMS,
  ...ENTRA_CLAIMS,
  ...ENTRA_OPTIONAL_CLAIMS,
  ...VENDOR_CLAIMS,
} satisfies Record<ClaimName, ClaimInfo>

const TABLE: Partial<Record<string, ClaimInfo>> = CLAIMS

/** Registry key for a claim name: directory extensions (`extn.<attr>`, `extension_…`) share one entry. */
export function registryKey(name: string): string {
  return name.startsWith('extn.') || name.startsWith('extension_') ? 'extn.<attributename>' : name
}

export function claimEntry(name: string): ClaimInfo | undefined {
  const key = registryKey(name)
  return Object.hasOwn(TABLE, key) ? TABLE[key] : undefined
}

/** Readings kept outside the base entry: vendor ones and, for B2C tokens, the B2C one. */
function extraVariants(name: string): Partial<Record<ClaimContext, Partial<ClaimInfo>>> | undefined {
  const key = registryKey(name)
  const vendor = Object.hasOwn(VENDOR_VARIANTS, key) ? VENDOR_VARIANTS[key as ClaimName] : undefined
  const b2c = Object.hasOwn(B2C_VARIANTS, key) ? B2C_VARIANTS[key as ClaimName] : undefined
  if (b2c === undefined) return vendor
  return { ...vendor, b2c }
}

/** Every context the entry for `name` explains (base contexts plus vendor variants). */
export function claimContexts(name: string): ClaimContext[] {
  const info = claimEntry(name)
  if (info === undefined) return []
  const out = new Set<ClaimContext>(info.contexts)
  for (const c of Object.keys(info.variants ?? {})) out.add(c as ClaimContext)
  for (const c of Object.keys(extraVariants(name) ?? {})) out.add(c as ClaimContext)
  return [...out]
}

/**
 * The entry for `name` as read on platform `context`. `variant` is the context whose override
 * was applied, or the entry's base context when none was.
 */
export function resolveClaim(name: string, context: ClaimContext): { info: ClaimInfo; variant: ClaimContext } | undefined {
  const base = claimEntry(name)
  if (base === undefined) return undefined
  const override = base.variants?.[context] ?? extraVariants(name)?.[context]
  if (override !== undefined) return { info: { ...base, ...override, name }, variant: context }
  // A B2C token is an Entra token first: where B2C says nothing special, the Entra reading applies.
  const parent = context === 'b2c' ? base.variants?.entra : undefined
  if (parent !== undefined) return { info: { ...base, ...parent, name }, variant: 'entra' }
  return { info: base.name === name ? base : { ...base, name }, variant: base.contexts[0] ?? 'standard' }
}

export const ALL_CLAIMS: Readonly<Partial<Record<string, ClaimInfo>>> = TABLE
