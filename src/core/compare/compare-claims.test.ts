import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { canonicalJson, compareClaims } from './compare-claims.ts'

describe('compareClaims', () => {
  it('finds added, removed, changed and unchanged claims (v1 vs v2 id token)', () => {
    const v1 = { aud: 'api://x', iss: 'https://sts.windows.net/t/', ver: '1.0', unique_name: 'a@b', oid: 'o' }
    const v2 = { aud: 'api://x', iss: 'https://login.microsoftonline.com/t/v2.0', ver: '2.0', preferred_username: 'a@b', oid: 'o' }
    const r = compareClaims(v1, v2)
    expect(r.comparable).toBe(true)
    const byName = Object.fromEntries(r.diffs.map((d) => [d.name, d]))
    expect(byName.aud?.change).toBe('same')
    expect(byName.oid?.change).toBe('same')
    expect(byName.iss).toEqual({ name: 'iss', change: 'changed', before: v1.iss, after: v2.iss })
    expect(byName.unique_name).toEqual({ name: 'unique_name', change: 'removed', before: 'a@b' })
    expect(byName.preferred_username).toEqual({ name: 'preferred_username', change: 'added', after: 'a@b' })
    expect(r.counts).toEqual({ added: 1, removed: 1, changed: 2, same: 2 })
    // First token's order, then the second's new claims.
    expect(r.diffs.map((d) => d.name)).toEqual(['aud', 'iss', 'ver', 'unique_name', 'oid', 'preferred_username'])
  })

  it('ignores member order inside objects but not element order inside arrays', () => {
    expect(compareClaims({ cnf: { a: 1, b: 2 } }, { cnf: { b: 2, a: 1 } }).counts.same).toBe(1)
    const r = compareClaims({ amr: ['pwd', 'mfa'] }, { amr: ['mfa', 'pwd'] })
    expect(r.diffs[0]?.change).toBe('changed')
    expect(r.diffs[0]?.elementsAdded).toEqual([])
    expect(r.diffs[0]?.elementsRemoved).toEqual([])
  })

  it('lists array elements added and removed (roles, wids, groups)', () => {
    const r = compareClaims({ roles: ['Reader', 'Writer'] }, { roles: ['Reader', 'Admin'] })
    expect(r.diffs[0]).toMatchObject({ change: 'changed', elementsRemoved: ['Writer'], elementsAdded: ['Admin'] })
  })

  it('treats a type change as a change (exp as a string vs a number)', () => {
    expect(compareClaims({ exp: 1 }, { exp: '1' }).diffs[0]?.change).toBe('changed')
  })

  it('says when there is nothing to compare', () => {
    expect(compareClaims('text', {}).comparable).toBe(false)
    expect(compareClaims({}, [1]).comparable).toBe(false)
    expect(compareClaims(null, {}).comparable).toBe(false)
  })

  it('does not treat inherited names as claims', () => {
    const r = compareClaims({ toString: 1 }, {})
    expect(r.diffs).toEqual([{ name: 'toString', change: 'removed', before: 1 }])
    expect(compareClaims({}, { constructor: 1 }).diffs[0]?.change).toBe('added')
  })

  it('property: comparing a payload with itself shows only unchanged claims; swapping sides swaps added/removed', () => {
    const payload = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }))
    fc.assert(
      fc.property(payload, payload, (a, b) => {
        const self = compareClaims(a, a)
        expect(self.counts.same).toBe(Object.keys(a).length)
        expect(self.counts.added + self.counts.removed + self.counts.changed).toBe(0)
        const ab = compareClaims(a, b).counts
        const ba = compareClaims(b, a).counts
        expect(ab.added).toBe(ba.removed)
        expect(ab.removed).toBe(ba.added)
        expect(ab.changed).toBe(ba.changed)
      }),
    )
  })
})

describe('canonicalJson', () => {
  it('sorts object members recursively', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}')
  })
})
