/**
 * The one character rule of every export (SVG, PNG drawn from it, Mermaid, PlantUML, the JSON
 * flow report). Exported values come from captured exchanges and tokens, so they may hold any
 * code point; some of them make a file invalid or unreadable elsewhere:
 * - XML 1.0 §2.2 (production [2] Char) allows only TAB, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD
 *   and U+10000–U+10FFFF. Anything else (the other C0 controls, a lone surrogate, U+FFFE,
 *   U+FFFF) makes the SVG ill-formed, so the browser refuses to decode it and PNG export fails.
 * - §2.2 also asks documents to avoid DEL, the C1 controls and the noncharacters (Unicode §23.7:
 *   U+FDD0–U+FDEF and the last two code points of every plane); text tools treat them as binary.
 * - A lone surrogate cannot be encoded as UTF-8 at all (Unicode §3.9, D92).
 *
 * Rule: each such code point becomes U+FFFD REPLACEMENT CHARACTER, Unicode's own sign for a
 * character that cannot be represented (Unicode §23.8, Specials), so a reader still sees that
 * something was there. TAB, LF and CR stay where the format gives them a meaning (JSON writes
 * them as \t, \n, \r); in a one-line diagram label they and the other line separators (VT, FF,
 * NEL, U+2028, U+2029) become one space, since a label cannot break a line itself.
 */

export const REPLACEMENT_CHARACTER = '\uFFFD'

/**
 * Whether the rule replaces this code point (see the module comment). Checked by number rather
 * than with a regular expression so no control character has to be written into a pattern.
 */
export function isForbiddenCodePoint(cp: number): boolean {
  if (cp < 0x20) return cp !== 0x09 && cp !== 0x0a && cp !== 0x0d
  if (cp >= 0x7f && cp <= 0x9f) return true // DEL and the C1 controls
  if (cp >= 0xd800 && cp <= 0xdfff) return true // a surrogate not paired by the string iterator
  if (cp >= 0xfdd0 && cp <= 0xfdef) return true
  return (cp & 0xfffe) === 0xfffe // U+FFFE, U+FFFF, U+1FFFE, ... U+10FFFF
}

/** Line breaks and tabs, including VT, FF, NEL and the Unicode line and paragraph separators. */
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g

/** Replaces forbidden code points with U+FFFD; TAB, LF, CR and everything else are kept. */
export function cleanExportText(s: string): string {
  if (isCleanExportText(s)) return s
  let out = ''
  // for...of walks code points: a valid surrogate pair arrives whole, a lone half alone.
  for (const ch of s) out += isForbiddenCodePoint(ch.codePointAt(0) ?? 0) ? REPLACEMENT_CHARACTER : ch
  return out
}

/** A label of a diagram export: forbidden code points replaced, line breaks made spaces, trimmed. */
export function exportLabel(s: string): string {
  return cleanExportText(s.replace(LINE_BREAKS, ' ')).trim()
}

/** True when s holds no code point the rule replaces. */
export function isCleanExportText(s: string): boolean {
  for (const ch of s) if (isForbiddenCodePoint(ch.codePointAt(0) ?? 0)) return false
  return true
}

/**
 * Every string inside a JSON-like value (objects, arrays, strings; other values as they are)
 * with cleanExportText applied, object keys included. Used for the JSON flow report.
 */
export function cleanExportValue<T>(value: T): T {
  return cleanValue(value) as T
}

function cleanValue(value: unknown): unknown {
  if (typeof value === 'string') return cleanExportText(value)
  if (Array.isArray(value)) return value.map(cleanValue)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[cleanExportText(k)] = cleanValue(v)
    return out
  }
  return value
}
