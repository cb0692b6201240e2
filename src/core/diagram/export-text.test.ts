import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { allXmlChars } from './hostile-har.ts'
import {
  cleanExportText,
  cleanExportValue,
  exportLabel,
  isCleanExportText,
  isForbiddenCodePoint,
  REPLACEMENT_CHARACTER,
} from './export-text.ts'

describe('the export character rule', () => {
  it('replaces controls, DEL, C1, surrogates and noncharacters, and nothing else', () => {
    const replaced = [
      0x0, 0x1, 0x8, 0xb, 0xc, 0xe, 0x1f, 0x7f, 0x85, 0x9f, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfdd0, 0xfdef, 0xfffe, 0xffff, 0x1fffe,
      0x10ffff,
    ]
    const kept = [0x9, 0xa, 0xd, 0x20, 0x7e, 0xa0, 0xd7ff, 0xe000, 0xfdcf, 0xfdf0, 0xfffd, 0x10000, 0x1f511, 0x10fffd]
    for (const cp of replaced) expect(isForbiddenCodePoint(cp), cp.toString(16)).toBe(true)
    for (const cp of kept) expect(isForbiddenCodePoint(cp), cp.toString(16)).toBe(false)
  })

  it('marks each bad code point with one visible U+FFFD and keeps pairs, TAB, LF and CR', () => {
    expect(cleanExportText('a\u0001b\u007fc\ud800d\udc00e\uffff\ufdd0')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFD\uFFFD')
    expect(cleanExportText('key 🔑 \ud83d\udd11 tab\tline\r\n')).toBe('key 🔑 \ud83d\udd11 tab\tline\r\n')
    expect(cleanExportText('\udc00\ud800')).toBe(`${REPLACEMENT_CHARACTER}${REPLACEMENT_CHARACTER}`) // reversed halves are not a pair
  })

  it('makes a one-line label: every line break or tab is one space', () => {
    expect(exportLabel('  a\r\nb\tc\u2028d\u0085e\u000b\u000cf \n')).toBe('a b c d e f')
  })

  it('always yields text XML 1.0 accepts, and leaves clean text alone (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const out = cleanExportText(s)
        expect(allXmlChars(out)).toBe(true)
        expect(isCleanExportText(out)).toBe(true)
        expect([...out].length).toBe([...s].length) // one U+FFFD for each replaced code point
        if (isCleanExportText(s)) expect(out).toBe(s)
      }),
    )
  })

  it('cleans every string of a JSON value, keys included, and keeps the other values', () => {
    expect(cleanExportValue({ 'k\u0000': ['v\ud800', 1, null, true, { n: 'ok\n' }] })).toEqual({
      'k\uFFFD': ['v\uFFFD', 1, null, true, { n: 'ok\n' }],
    })
  })
})
