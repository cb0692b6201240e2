import { describe, expect, it } from 'vitest'
import { describeInvisible, findInvisible, splitInvisible, withMarkers } from './invisible.ts'

describe('findInvisible', () => {
  it('finds nothing in ordinary values, accented text, emoji with their selectors and multi-line text', () => {
    for (const text of ['admin', 'José Müller', 'user@contoso.com', '❤️ team', '1 Main St\nSpringfield', 'Ελληνικά', 'שלום']) {
      expect(findInvisible(text)).toEqual([])
    }
  })

  it('names a RIGHT-TO-LEFT OVERRIDE and gives its 1-based position (CVE-2021-42574)', () => {
    expect(findInvisible('user\u202Enimda')).toEqual([
      { position: 5, index: 4, codePoint: 0x202e, code: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE', kind: 'bidi' },
    ])
  })

  it('covers every bidi formatting character of TR9 and the common zero-width ones', () => {
    const bidi = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]
    const zeroWidth = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]
    for (const cp of bidi) expect(findInvisible(`a${String.fromCodePoint(cp)}b`)[0]?.kind, cp.toString(16)).toBe('bidi')
    for (const cp of zeroWidth) expect(findInvisible(`a${String.fromCodePoint(cp)}b`)[0]?.kind, cp.toString(16)).toBe('invisible')
  })

  it('counts positions in code points, not UTF-16 units, after astral characters', () => {
    const found = findInvisible('😀\u200Bx')
    expect(found[0]).toMatchObject({ position: 2, index: 2, code: 'U+200B' })
  })

  it('flags tag characters (hidden ASCII), stray variation selectors and control characters', () => {
    const tags = findInvisible(`ok${String.fromCodePoint(0xe0061, 0xe0062)}`)
    expect(tags.map((c) => c.code)).toEqual(['U+E0061', 'U+E0062'])
    expect(tags[0]?.name).toBe('TAG CHARACTER')
    expect(findInvisible('\uFE0Fabc')[0]?.name).toBe('VARIATION SELECTOR')
    expect(findInvisible('x\uFE0F\uFE0E').map((c) => c.code)).toEqual(['U+FE0E'])
    expect(findInvisible('a\u0000b')[0]).toMatchObject({ name: 'NULL', kind: 'control' })
  })
})

describe('markers and the note', () => {
  it('splits a value into text and markers that join back to the value', () => {
    const value = 'ab\u202Ecd\u200B'
    const parts = splitInvisible(value)
    expect(parts).toEqual([
      { kind: 'text', text: 'ab' },
      expect.objectContaining({ kind: 'marker', label: '⟨U+202E⟩' }),
      { kind: 'text', text: 'cd' },
      expect.objectContaining({ kind: 'marker', label: '⟨U+200B⟩' }),
    ])
    const rejoined = parts.map((p) => (p.kind === 'text' ? p.text : String.fromCodePoint(p.char.codePoint))).join('')
    expect(rejoined).toBe(value)
    expect(withMarkers(value)).toBe('ab⟨U+202E⟩cd⟨U+200B⟩')
  })

  it('keeps plain text whole, including the empty string', () => {
    expect(splitInvisible('plain')).toEqual([{ kind: 'text', text: 'plain' }])
    expect(splitInvisible('')).toEqual([{ kind: 'text', text: '' }])
  })

  it('describes what was found and where, and warns when text is reordered', () => {
    expect(describeInvisible(findInvisible('user\u202Enimda'))).toBe(
      'This value contains an invisible character: RIGHT-TO-LEFT OVERRIDE (U+202E) at position 5. It reorders the text around it, so the value may read differently from what it is.',
    )
    expect(describeInvisible(findInvisible('a\u200Bb\u200Bc'), 'This claim name')).toBe(
      'This claim name contains 2 invisible characters: ZERO WIDTH SPACE (U+200B) at position 2; ZERO WIDTH SPACE (U+200B) at position 4.',
    )
    expect(describeInvisible(findInvisible('\u200B'.repeat(7)))).toMatch(/7 invisible characters: .*, and 2 more\.$/)
    expect(describeInvisible([])).toBeNull()
  })
})
