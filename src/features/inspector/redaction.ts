/** Hides claim values on screen (for screen sharing) while keeping names and structure. */
import type { ClaimAnnotation } from '../../core/claims/types.ts'

export const MASK = '•••••• hidden'

/**
 * Redaction mode (for a projector or a screenshot). Which claims are personal comes from the
 * claims registry (`ClaimAnnotation.personal`); this only decides how to hide them on screen:
 * the claim's own cell, and every other place its value could appear as text (findings, the
 * decoded JSON, the comparison).
 */
export interface Redactor {
  active: boolean
  isPersonal: (claimName: string) => boolean
  /** Replaces every personal value occurring in `text`. */
  text: (text: string) => string
  /** A JSON-able copy of a payload with personal members masked (and personal values inside others). */
  payload: (payload: unknown) => unknown
}

function collectStrings(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    // Very short values ("1", "en") would mask unrelated text; they identify nobody anyway.
    if (value.length >= 3) out.add(value)
  } else if (typeof value === 'number' && Number.isFinite(value) && String(value).length >= 6) {
    out.add(String(value))
  } else if (Array.isArray(value)) {
    for (const v of value) collectStrings(v, out)
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) collectStrings(v, out)
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const OFF: Redactor = { active: false, isPersonal: () => false, text: (t) => t, payload: (p) => p }

export function makeRedactor(active: boolean, annotations: readonly (readonly ClaimAnnotation[])[]): Redactor {
  if (!active) return OFF
  const personal = new Set<string>()
  const annotated = new Set<string>()
  const values = new Set<string>()
  for (const list of annotations) {
    for (const claim of list) {
      annotated.add(claim.name)
      if (!claim.personal) continue
      personal.add(claim.name)
      collectStrings(claim.value, values)
    }
  }
  const sorted = [...values].sort((a, b) => b.length - a.length)
  const pattern = sorted.length === 0 ? null : new RegExp(sorted.map(escapeRegExp).join('|'), 'g')
  const text = (t: string) => (pattern === null ? t : t.replace(pattern, '••••••'))
  const deep = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value)
    if (Array.isArray(value)) return value.map(deep)
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deep(v)]))
    }
    return value
  }
  return {
    active: true,
    // A claim whose annotation has not arrived yet (a second token still being inspected) is
    // hidden until we know: redaction errs on the safe side.
    isPersonal: (name) => personal.has(name) || !annotated.has(name),
    text,
    payload: (payload) => {
      if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return deep(payload)
      return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, personal.has(k) || !annotated.has(k) ? MASK : deep(v)]))
    },
  }
}
