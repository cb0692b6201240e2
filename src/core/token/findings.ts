/** Small builders for findings, so every check writes them the same way (code, severity, subject, spec link). */
import type { Finding, FindingCode, Severity } from './types.ts'
import type { SpecLink } from '../spec-links.ts'
import { rawText } from '../claims/raw-text.ts'

/** Builds a Finding; `expected`/`actual` are omitted when undefined (exactOptionalPropertyTypes). */
export function finding(
  code: FindingCode,
  severity: Severity,
  subject: string,
  message: string,
  specRef: SpecLink,
  values: { expected?: unknown; actual?: unknown } = {},
): Finding {
  const f: Finding = { code, severity, subject, message, specRef: { label: specRef.label, url: specRef.url } }
  if (values.expected !== undefined) f.expected = show(values.expected)
  if (values.actual !== undefined) f.actual = show(values.actual)
  return f
}

/** Renders a value for `expected`/`actual`: the value as the token had it (strings as-is, the rest as JSON). */
export const show = rawText
