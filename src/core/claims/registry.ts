/**
 * The claim registry: every name in CLAIM_NAMES has an entry (checked at compile time), and
 * platform-specific readings are merged over the base text on lookup. Lazily loaded.
 */
import type { ClaimName } from './claim-names.ts'
import type { ClaimContext } from './platform.ts'
import type { ClaimInfo, ClaimText } from './registry-types.ts'

const CLAIMS = {} satisfies Partial<Record<ClaimName, ClaimInfo>>

const VENDOR_VARIANTS: Partial<Record<ClaimName, Partial<Record<ClaimContext, Partial<ClaimText>>>>> = {}

const TABLE: Partial<Record<string, ClaimInfo>> = CLAIMS

/** Registry key for a claim name: directory extensions `extn.<attr>` share one entry. */
export function registryKey(name: string): string {
  return name.startsWith('extn.') ? 'extn.<attributename>' : name
}

export function claimEntry(name: string): ClaimInfo | undefined {
  const key = registryKey(name)
  return Object.hasOwn(TABLE, key) ? TABLE[key] : undefined
}

/** Every context the entry for `name` explains (base contexts plus vendor variants). */
export function claimContexts(name: string): ClaimContext[] {
  const info = claimEntry(name)
  if (info === undefined) return []
  const out = new Set<ClaimContext>(info.contexts)
  for (const c of Object.keys(info.variants ?? {})) out.add(c as ClaimContext)
  const extra = Object.hasOwn(VENDOR_VARIANTS, name) ? VENDOR_VARIANTS[name as ClaimName] : undefined
  for (const c of Object.keys(extra ?? {})) out.add(c as ClaimContext)
  return [...out]
}

/**
 * The entry for `name` as read on platform `context`. `variant` is the context whose override
 * was applied, or the entry's base context when none was.
 */
export function resolveClaim(name: string, context: ClaimContext): { info: ClaimInfo; variant: ClaimContext } | undefined {
  const base = claimEntry(name)
  if (base === undefined) return undefined
  const extra = Object.hasOwn(VENDOR_VARIANTS, name) ? VENDOR_VARIANTS[name as ClaimName] : undefined
  const override = base.variants?.[context] ?? extra?.[context]
  if (override !== undefined) return { info: { ...base, ...override, name }, variant: context }
  return { info: base.name === name ? base : { ...base, name }, variant: base.contexts[0] ?? 'standard' }
}

export const ALL_CLAIMS: Readonly<Partial<Record<string, ClaimInfo>>> = TABLE
