import { describe, expect, it } from 'vitest'
import type { ClaimAnnotation } from '../../core/claims/types.ts'
import { makeRedactor, MASK } from './redaction.ts'

const claim = (name: string, value: unknown, personal: boolean): ClaimAnnotation => ({
  name,
  value,
  known: true,
  definedIn: [],
  tokenTypes: [],
  versions: [],
  human: [],
  personal,
})

describe('makeRedactor', () => {
  const claims = [
    claim('name', 'Ada Lovelace', true),
    claim('emails', ['ada@x.example', 'ab'], true),
    claim('aud', 'api://x', false),
    claim('oid', '2b0c4e6a-8d1f', true),
  ]

  it('is a no-op when off', () => {
    const r = makeRedactor(false, [claims])
    expect(r.text('Ada Lovelace')).toBe('Ada Lovelace')
    expect(r.isPersonal('name')).toBe(false)
  })

  it('masks personal claims and their values wherever they occur in text', () => {
    const r = makeRedactor(true, [claims])
    expect(r.isPersonal('name')).toBe(true)
    expect(r.isPersonal('aud')).toBe(false)
    // Not annotated (yet): hidden until the registry says otherwise.
    expect(r.isPersonal('preferred_username')).toBe(true)
    expect(r.text('Signed in as Ada Lovelace (ada@x.example), oid 2b0c4e6a-8d1f, for api://x')).toBe(
      'Signed in as •••••• (••••••), oid ••••••, for api://x',
    )
    // Very short values are left alone (they would mask unrelated text and identify nobody).
    expect(r.text('ab')).toBe('ab')
  })

  it('masks personal members of a payload and personal values nested elsewhere', () => {
    const r2 = makeRedactor(true, [[...claims, claim('note', null, false)]])
    expect(r2.payload({ name: 'Ada Lovelace', aud: 'api://x', note: { by: 'Ada Lovelace' }, other: 1 })).toEqual({
      name: MASK,
      aud: 'api://x',
      note: { by: '••••••' },
      other: MASK,
    })
  })

  it('treats regular-expression characters in values literally', () => {
    const r = makeRedactor(true, [[claim('upn', 'a.b+(c)@x.example', true)]])
    expect(r.text('upn a.b+(c)@x.example and aXb+(c)@x.example')).toBe('upn •••••• and aXb+(c)@x.example')
  })
})
