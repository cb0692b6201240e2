import { describe, expect, it } from 'vitest'
import { segmentRuns } from './segments.ts'

describe('segmentRuns', () => {
  it('colours each segment and keeps every character, so the mirror lines up with the textarea', () => {
    const raw = 'Bearer eyJh.eyJz\n  dWIi.c2ln '
    const runs = segmentRuns(raw)
    expect(runs.map((r) => r.text).join('')).toBe(raw)
    expect(runs.map((r) => r.kind)).toEqual(['prefix', 'segment0', 'dot', 'segment1', 'space', 'segment1', 'dot', 'segment2', 'space'])
  })

  it('handles five-segment JWEs and empty input', () => {
    expect(
      segmentRuns('a.b.c.d.e')
        .filter((r) => r.kind.startsWith('segment'))
        .map((r) => r.kind),
    ).toEqual(['segment0', 'segment1', 'segment2', 'segment3', 'segment4'])
    expect(segmentRuns('')).toEqual([])
  })
})

describe('segmentRuns, run for run as the character walk it replaces', () => {
  // The former implementation, kept here as the reference: one character at a time.
  function reference(raw: string) {
    const runs: { kind: string; text: string }[] = []
    const push = (kind: string, ch: string) => {
      const last = runs[runs.length - 1]
      if (last && last.kind === kind) last.text += ch
      else runs.push({ kind, text: ch })
    }
    const prefix = /^\s*(?:authorization:\s*)?(?:bearer\s+)?["']?/i.exec(raw)?.[0] ?? ''
    if (prefix) runs.push({ kind: 'prefix', text: prefix })
    let segment = 0
    for (const ch of raw.slice(prefix.length)) {
      if (ch === '.') {
        push('dot', ch)
        segment += 1
      } else if (/\s|["']/.test(ch)) push('space', ch)
      else push(`segment${segment}`, ch)
    }
    return runs
  }

  it.each([
    'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln',
    'Authorization: Bearer "eyJh..eyJz . c2ln"',
    "  'a.b.c.d.e'  ",
    'a...b\t\r\nc\u00a0d\u2028e "x" \'y\'',
    '.leading.and.trailing.',
    'ünïcödé.😀😀.\ud800lone',
    'bearer',
  ])('%j', (raw) => {
    expect(segmentRuns(raw)).toEqual(reference(raw))
  })
})
