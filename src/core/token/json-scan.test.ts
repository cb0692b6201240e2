import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { findDuplicateKeys } from './json-scan.ts'

describe('findDuplicateKeys', () => {
  it.each([
    ['{"a":1,"b":2}', []],
    ['{"a":1,"a":2}', ['a']],
    ['{"a":1,"a":2,"a":3}', ['a']],
    ['{"a":{"x":1,"x":2},"b":[{"y":1,"y":2}]}', ['a.x', 'b[0].y']],
    ['{"a":{"x":1},"b":{"x":1}}', []],
    ['{"\\u0061":1,"a":2}', ['a']],
    ['{"a\\"b":1,"a\\"b":2}', ['a"b']],
    [' { "a" : "}" , "a" : "{" } ', ['a']],
    ['[{"a":1,"a":1},{"b":1}]', ['[0].a']],
    ['"a string"', []],
    ['{}', []],
    ['{"a":[],"b":{},"a":null}', ['a']],
  ])('%s -> %j', (text, expected) => {
    expect(findDuplicateKeys(text)).toEqual(expected)
  })

  it('agrees with a reference on random JSON objects (no false positives)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        // JSON.stringify of a parsed value can never contain duplicates.
        expect(findDuplicateKeys(JSON.stringify(v))).toEqual([])
      }),
    )
  })

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(Array.isArray(findDuplicateKeys(s))).toBe(true)
      }),
    )
  })

  it('deeply nested input does not blow the stack', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000)
    expect(findDuplicateKeys(deep)).toEqual([])
  })
})
