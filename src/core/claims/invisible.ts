/**
 * Characters that change or hide what a value looks like without being seen: bidirectional
 * formatting controls and default-ignorable code points. A claim value such as
 * `admin\u202Enimda` renders as something else than it is ("Trojan Source", CVE-2021-42574), and
 * a zero-width space makes two different values look identical. Trainers copy values from the
 * screen, so the screen must show each such character as a visible marker, never apply it.
 *
 * Pure: text in, positions and names out. The screen decides how a marker looks.
 */

/** Why a character is flagged: it reorders text, it is invisible, or it is a control character. */
export type InvisibleKind = 'bidi' | 'invisible' | 'control'

export interface InvisibleChar {
  /** 1-based position in code points, as a person counts characters. */
  position: number
  /** Index in UTF-16 code units, for slicing the string. */
  index: number
  codePoint: number
  /** `U+202E` */
  code: string
  /** Unicode name (or a range name): `RIGHT-TO-LEFT OVERRIDE`. */
  name: string
  kind: InvisibleKind
}

/** A value cut into plain text and markers, in order; joining `text` and the characters gives it back. */
export type VisiblePart = { kind: 'text'; text: string } | { kind: 'marker'; char: InvisibleChar; label: string }

/**
 * Bidirectional formatting characters, Unicode Standard Annex #9 (TR9) §2.1–2.6: the implicit
 * marks (LRM, RLM, ALM), the embeddings and overrides with their terminator (LRE, RLE, LRO, RLO,
 * PDF) and the isolates (LRI, RLI, FSI, PDI). These are the characters CVE-2021-42574 abuses.
 */
const BIDI: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
}

/**
 * Single default-ignorable code points (UAX #44, DerivedCoreProperties.txt
 * Default_Ignorable_Code_Point): rendered as nothing when not supported. The line and paragraph
 * separators are not default-ignorable, but they end a bidi paragraph (TR9 type B) and most
 * fonts draw nothing for them, so they are flagged too.
 */
const INVISIBLE: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x17b4: 'KHMER VOWEL INHERENT AQ',
  0x17b5: 'KHMER VOWEL INHERENT AA',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
}

/** Default-ignorable ranges (same source), named by block. */
const INVISIBLE_RANGES: readonly [number, number, string][] = [
  [0x180b, 0x180d, 'MONGOLIAN FREE VARIATION SELECTOR'],
  [0x180f, 0x180f, 'MONGOLIAN FREE VARIATION SELECTOR FOUR'],
  [0x2065, 0x2065, 'unassigned format character'],
  [0x206a, 0x206f, 'deprecated format character'],
  [0xfff0, 0xfff8, 'unassigned specials character'],
  [0x1bca0, 0x1bca3, 'SHORTHAND FORMAT CONTROL'],
  [0x1d173, 0x1d17a, 'MUSICAL SYMBOL FORMAT CONTROL'],
  // Tag characters spell hidden ASCII text ("ASCII smuggling"); they have no use in a token.
  [0xe0000, 0xe00ff, 'TAG CHARACTER'],
  [0xe01f0, 0xe0fff, 'unassigned default-ignorable character'],
]

/**
 * Variation selectors are default-ignorable too, but one right after a visible character is how
 * emoji and some ideographs pick their look (❤️ is U+2764 U+FE0F): only a selector that follows
 * no visible character, or another selector, is flagged (a run of them can carry hidden data).
 */
const VARIATION_SELECTORS: readonly [number, number][] = [
  [0xfe00, 0xfe0f],
  [0xe0100, 0xe01ef],
]

function inRanges<R extends readonly [number, number, ...unknown[]]>(cp: number, ranges: readonly R[]): R | undefined {
  return ranges.find(([lo, hi]) => cp >= lo && cp <= hi)
}

export function codeLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * C0 and C1 controls (Unicode general category Cc), except tab and line breaks, which a multi-line
 * value may carry (OIDC `address.formatted`).
 */
function controlName(cp: number): string | null {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return null
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return cp === 0 ? 'NULL' : 'control character'
  return null
}

function classify(cp: number, previous: number | null): { name: string; kind: InvisibleKind } | null {
  const bidi = BIDI[cp]
  if (bidi) return { name: bidi, kind: 'bidi' }
  const single = INVISIBLE[cp]
  if (single) return { name: single, kind: 'invisible' }
  const range = inRanges(cp, INVISIBLE_RANGES)
  if (range) return { name: range[2], kind: 'invisible' }
  if (inRanges(cp, VARIATION_SELECTORS)) {
    const afterVisible = previous !== null && !inRanges(previous, VARIATION_SELECTORS) && classify(previous, null) === null
    return afterVisible ? null : { name: 'VARIATION SELECTOR', kind: 'invisible' }
  }
  const control = controlName(cp)
  return control ? { name: control, kind: 'control' } : null
}

/** Every invisible or reordering character in `text`, in order. */
export function findInvisible(text: string): InvisibleChar[] {
  const found: InvisibleChar[] = []
  // Fast path: the common value is plain ASCII without controls.
  if (!/[^\x20-\x7e\t\n\r]/.test(text)) return found
  let index = 0
  let position = 0
  let previous: number | null = null
  for (const ch of text) {
    position += 1
    const cp = ch.codePointAt(0) ?? 0
    const hit = classify(cp, previous)
    if (hit) found.push({ position, index, codePoint: cp, code: codeLabel(cp), name: hit.name, kind: hit.kind })
    previous = cp
    index += ch.length
  }
  return found
}

/** The marker text shown in place of a character: `⟨U+202E⟩`. */
export function markerLabel(c: InvisibleChar): string {
  return `⟨${c.code}⟩`
}

/** `text` cut into plain runs and markers, for a screen that draws markers its own way. */
export function splitInvisible(text: string, found: readonly InvisibleChar[] = findInvisible(text)): VisiblePart[] {
  const parts: VisiblePart[] = []
  let from = 0
  for (const c of found) {
    if (c.index > from) parts.push({ kind: 'text', text: text.slice(from, c.index) })
    parts.push({ kind: 'marker', char: c, label: markerLabel(c) })
    from = c.index + String.fromCodePoint(c.codePoint).length
  }
  if (from < text.length || parts.length === 0) parts.push({ kind: 'text', text: text.slice(from) })
  return parts
}

/** `text` with every flagged character replaced by its marker: safe to show, copy or export. */
export function withMarkers(text: string): string {
  return splitInvisible(text)
    .map((p) => (p.kind === 'text' ? p.text : p.label))
    .join('')
}

const LISTED = 5

/**
 * One sentence for the note next to a value: what was found and where. `subject` names what is
 * described ("This value", "This claim name"). Null when there is nothing to say.
 */
export function describeInvisible(found: readonly InvisibleChar[], subject = 'This value'): string | null {
  if (found.length === 0) return null
  const listed = found.slice(0, LISTED).map((c) => `${c.name} (${c.code}) at position ${c.position}`)
  const more = found.length > LISTED ? `, and ${found.length - LISTED} more` : ''
  const bidi = found.filter((c) => c.kind === 'bidi').length
  const reorders =
    bidi === 0
      ? ''
      : found.length === 1
        ? ' It reorders the text around it, so the value may read differently from what it is.'
        : ` ${bidi === 1 ? 'One of them reorders' : 'Some of them reorder'} the text around them, so the value may read differently from what it is.`
  return `${subject} contains ${found.length === 1 ? 'an invisible character' : `${found.length} invisible characters`}: ${listed.join('; ')}${more}.${reorders}`
}
