/**
 * Claim-by-claim difference between two decoded payloads (or headers): which members were
 * added, removed or changed. Used to compare v1 with v2 tokens, or a token before and after an
 * optional-claims change. Pure and order-insensitive for object members (RFC 8259 §4: member
 * order carries no meaning), order-sensitive for arrays (JSON arrays are ordered).
 */

export type ClaimChange = 'added' | 'removed' | 'changed' | 'same'

export interface ClaimDiff {
  name: string
  change: ClaimChange
  /** Present when the claim exists in the first token. */
  before?: unknown
  /** Present when the claim exists in the second token. */
  after?: unknown
  /** For a changed array: the elements only in the first / only in the second (by canonical JSON). */
  elementsRemoved?: unknown[]
  elementsAdded?: unknown[]
}

export interface ClaimsComparison {
  /** False when either side is not a JSON object (nothing to compare claim by claim). */
  comparable: boolean
  diffs: ClaimDiff[]
  counts: Record<ClaimChange, number>
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** JSON with object members sorted, so {a,b} and {b,a} compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (isObject(value)) {
    const keys = Object.keys(value).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

function arrayDelta(before: unknown[], after: unknown[]): { removed: unknown[]; added: unknown[] } {
  const afterKeys = new Set(after.map(canonicalJson))
  const beforeKeys = new Set(before.map(canonicalJson))
  return {
    removed: before.filter((v) => !afterKeys.has(canonicalJson(v))),
    added: after.filter((v) => !beforeKeys.has(canonicalJson(v))),
  }
}

/**
 * Compare two payloads. Order of the result: claims of the first token in their order, then the
 * claims only the second token has, in its order.
 */
export function compareClaims(first: unknown, second: unknown): ClaimsComparison {
  const counts: Record<ClaimChange, number> = { added: 0, removed: 0, changed: 0, same: 0 }
  if (!isObject(first) || !isObject(second)) return { comparable: false, diffs: [], counts }
  const diffs: ClaimDiff[] = []
  const has = (o: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(o, k)
  for (const [name, before] of Object.entries(first)) {
    if (!has(second, name)) {
      diffs.push({ name, change: 'removed', before })
      continue
    }
    const after = second[name]
    if (canonicalJson(before) === canonicalJson(after)) {
      diffs.push({ name, change: 'same', before, after })
      continue
    }
    const diff: ClaimDiff = { name, change: 'changed', before, after }
    if (Array.isArray(before) && Array.isArray(after)) {
      const { removed, added } = arrayDelta(before, after)
      diff.elementsRemoved = removed
      diff.elementsAdded = added
    }
    diffs.push(diff)
  }
  for (const [name, after] of Object.entries(second)) {
    if (!has(first, name)) diffs.push({ name, change: 'added', after })
  }
  for (const d of diffs) counts[d.change] += 1
  return { comparable: true, diffs, counts }
}
