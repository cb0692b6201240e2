import { describe, expect, it } from 'vitest'
import { render } from '@testing-library/react'
import { decodeToken } from '../../core/token/decode.ts'
import { PreviewTable, previewText, provisionalClaims } from './decoded-preview.tsx'
import { makeRedactor } from './redaction.ts'

const b64 = (v: unknown) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(v))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
const token = (payload: unknown) => `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(payload)}.c2ln`

describe('first-view decoded preview', () => {
  it('draws bidi and invisible characters as markers, never as themselves', () => {
    expect(previewText('admin\u202Egnp.exe')).toBe('admin⟨U+202E⟩gnp.exe')
    expect(previewText('a\u200Bb\uFEFF')).toBe('a⟨U+200B⟩b⟨U+FEFF⟩')
    expect(previewText('plain é 名前')).toBe('plain é 名前')
  })

  it('shows every claim and its time at once, with markers in names and values', () => {
    const d = decodeToken(token({ sub: 'user-1', exp: 1_900_000_000, 'ro\u202Ele': 'x\u200By' }))
    const { container } = render(
      <PreviewTable
        kind="claim"
        caption="claims"
        items={provisionalClaims(d.payload)}
        now={1_800_000_000}
        redactor={makeRedactor(false, [])}
      />,
    )
    const table = container.querySelector('[data-testid="decoded-preview"]')
    if (!table) throw new Error('no preview table')
    expect(table.querySelector('tr[data-claim="sub"]')?.textContent).toContain('user-1')
    expect(table.querySelector('tr[data-claim="exp"]')?.textContent).toContain('UTC')
    expect(table.textContent).toContain('ro⟨U+202E⟩le')
    expect(table.textContent).toContain('x⟨U+200B⟩y')
    expect(table.textContent).not.toContain('\u202E')
  })

  it('hides every value while redaction is on (no annotation says which claims are personal yet)', () => {
    const d = decodeToken(token({ name: 'Ada Lovelace', tid: 'tenant-1' }))
    const { container } = render(
      <PreviewTable kind="claim" caption="claims" items={provisionalClaims(d.payload)} now={0} redactor={makeRedactor(true, [])} />,
    )
    const table = container.querySelector('[data-testid="decoded-preview"]')
    if (!table) throw new Error('no preview table')
    expect(table.textContent).not.toContain('Ada Lovelace')
    expect(table.textContent).not.toContain('tenant-1')
    expect(table.textContent).toContain('hidden')
  })

  it('claims no meaning it does not have: no titles or summaries, time claims typed as dates', () => {
    const claims = provisionalClaims({ iat: 1, aud: 'x' })
    expect(claims.map((c) => [c.name, c.kind, c.title, c.summary])).toEqual([
      ['iat', 'numeric_date', undefined, undefined],
      ['aud', undefined, undefined, undefined],
    ])
  })
})
