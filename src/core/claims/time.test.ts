import { describe, expect, it } from 'vitest'
import { formatDuration, formatUtc, humaniseTime, relativeTime } from './time.ts'

// 2026-11-25 20:24:45 UTC, computed independently (python calendar.timegm).
const T = 1795638285

describe('formatUtc', () => {
  it('renders a NumericDate as ISO-8601 UTC with a space separator', () => {
    expect(formatUtc(T)).toBe('2026-11-25 20:24:45 UTC')
    expect(formatUtc(0)).toBe('1970-01-01 00:00:00 UTC')
  })
  it('keeps fractional seconds (RFC 7519 §2 allows them)', () => {
    expect(formatUtc(T + 0.25)).toBe('2026-11-25 20:24:45.250 UTC')
  })
  it('returns undefined outside the Date range', () => {
    expect(formatUtc(1e16)).toBeUndefined()
    expect(formatUtc(Number.NaN)).toBeUndefined()
  })
})

describe('relativeTime', () => {
  it('says "just now" within 5 seconds', () => {
    expect(relativeTime(T, T)).toBe('just now')
    expect(relativeTime(T + 4, T)).toBe('just now')
  })
  it('uses seconds, minutes, hours and days', () => {
    expect(relativeTime(T + 30, T)).toBe('in 30 s')
    expect(relativeTime(T + 52 * 60, T)).toBe('in 52 min')
    expect(relativeTime(T - (3 * 3600 + 2 * 60), T)).toBe('3 h 2 min ago')
    expect(relativeTime(T - 2 * 3600, T)).toBe('2 h ago')
    expect(relativeTime(T + 2 * 86400 + 4 * 3600, T)).toBe('in 2 d 4 h')
    expect(relativeTime(T - 20 * 86400, T)).toBe('20 d ago')
  })
  it('rounds long spans to months and years', () => {
    expect(formatDuration(90 * 86400)).toBe('about 3 months')
    expect(formatDuration(2 * 365.25 * 86400)).toBe('about 2 years')
  })
})

describe('humaniseTime', () => {
  it('gives absolute and relative text', () => {
    expect(humaniseTime(T + 52 * 60, T)).toEqual({ text: '2026-11-25 21:16:45 UTC', relative: 'in 52 min' })
  })
  it('reports a non-number instead of throwing', () => {
    expect(humaniseTime('1795638285', T).problem).toBe('not_a_number')
    expect(humaniseTime(null, T).problem).toBe('not_a_number')
    expect(humaniseTime(Number.POSITIVE_INFINITY, T).problem).toBe('not_a_number')
  })
  it('spots a milliseconds value sent as a NumericDate', () => {
    const h = humaniseTime(T * 1000, T)
    expect(h.problem).toBe('looks_like_milliseconds')
    expect(h.text).toContain('as seconds it would be 2026-11-25 20:24:45 UTC')
  })
  it('reports values beyond the Date range', () => {
    expect(humaniseTime(1e20, T).problem).toBe('out_of_range')
  })
})
