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
