import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { harTextFromBytes } from './text.ts'

const utf8 = (s: string) => new TextEncoder().encode(s)
/** What the import did before: the plain UTF-8 decoding (as Blob.text() does). */
const plain = (b: Uint8Array) => new TextDecoder().decode(b)
const parsed = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

describe('harTextFromBytes', () => {
  it('leaves an all-ASCII file as it is', () => {
    const text = JSON.stringify({ log: { entries: [{ request: { url: 'https://a.example/?q=1' } }] } })
    expect(harTextFromBytes(utf8(text))).toEqual({ text, escaped: false })
  })

  it('writes non-ASCII characters as escapes that JSON.parse reads back to the same value', () => {
    const value = { title: 'Token Lens — finishing sign-in', name: 'Ærøskøbing · 東京 · 🙂', mixed: ['é', 'a\u00e9b', '\u{1F600}x'] }
    const r = harTextFromBytes(utf8(JSON.stringify(value)))
    expect(r.escaped).toBe(true)
    // One byte per character: every character of the rewritten text is ASCII.
    expect([...r.text].every((c) => c.charCodeAt(0) < 0x80)).toBe(true)
    expect(JSON.parse(r.text)).toEqual(value)
  })

  it('drops the first byte order mark only, as a plain decoding does', () => {
    const bom = [0xef, 0xbb, 0xbf]
    const one = new Uint8Array([...bom, ...utf8('{"a":"ü"}')])
    expect(JSON.parse(harTextFromBytes(one).text)).toEqual({ a: 'ü' })
    const two = new Uint8Array([...bom, ...bom, ...utf8('{"a":1}')])
    expect(parsed(harTextFromBytes(two).text).ok).toBe(false)
    expect(parsed(plain(two)).ok).toBe(false)
  })

  it('turns invalid UTF-8 into U+FFFD exactly where a plain decoding does', () => {
    const bytes = new Uint8Array([...utf8('{"a":"x'), 0xc3, ...utf8('y'), 0xff, 0xfe, 0xe2, 0x82, ...utf8('"}')])
    expect(JSON.parse(harTextFromBytes(bytes).text)).toEqual(JSON.parse(plain(bytes)))
  })

  it('decodes plainly when a backslash comes right before a non-ASCII character', () => {
    const text = JSON.stringify({ path: 'C:\\Ünï' })
    expect(harTextFromBytes(utf8(text))).toEqual({ text, escaped: false })
  })

  it('works on a view that does not start at a 4-byte boundary', () => {
    const whole = utf8(`xx${JSON.stringify({ k: 'aaaaaaaaaaaaaaaaaaaa—bbbbbbbbbbbbbbbbbbbbbbbbbbb' })}`)
    expect(JSON.parse(harTextFromBytes(whole.subarray(2)).text)).toEqual({ k: 'aaaaaaaaaaaaaaaaaaaa—bbbbbbbbbbbbbbbbbbbbbbbbbbb' })
  })

  it('property: any JSON value parses to the same value as from the plain decoding', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'grapheme' }), (value) => {
        const bytes = utf8(JSON.stringify(value))
        expect(JSON.parse(harTextFromBytes(bytes).text)).toEqual(JSON.parse(plain(bytes)))
      }),
      { numRuns: 300, seed: 20261203 },
    )
  })

  it('property: any bytes inside a JSON string give the same value, or fail in both decodings', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(3), (inner, pad) => {
        const bytes = new Uint8Array([...utf8(' '.repeat(pad) + '"'), ...inner, ...utf8('"')])
        const mine = parsed(harTextFromBytes(bytes).text)
        const theirs = parsed(plain(bytes))
        expect(mine).toEqual(theirs)
      }),
      { numRuns: 1000, seed: 7 },
    )
  })
})
