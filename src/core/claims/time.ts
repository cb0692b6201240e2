/**
 * NumericDate rendering (RFC 7519 §2: seconds since 1970-01-01T00:00:00Z UTC, fractions allowed).
 * Kept tiny and synchronous: the inspector shows times before any lazy chunk has loaded.
 * The clock is an input (`now`), never read here (DESIGN §4 "Time is an input").
 */

/** Largest |ms| a JS Date can hold (ECMA-262 §21.4.1.22: ±8.64e15 ms). */
const MAX_DATE_MS = 8.64e15

/** A NumericDate above this (year 5138) is almost certainly milliseconds sent by mistake. */
const LIKELY_MILLISECONDS = 1e11

export interface HumanTime {
  /** "2026-11-25 20:24:45 UTC", or a short reason when the value is not a usable date. */
  text: string
  /** "in 52 min", "3 h 2 min ago", "just now"; absent when `text` is a reason. */
  relative?: string
  /** Set when the value cannot be a sensible NumericDate. */
  problem?: 'not_a_number' | 'out_of_range' | 'looks_like_milliseconds'
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** "2026-11-25 20:24:45 UTC" (fractional seconds kept as ".250" when present). */
export function formatUtc(sec: number): string | undefined {
  const ms = sec * 1000
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) return undefined
  const d = new Date(ms)
  const year = d.getUTCFullYear()
  const y = year < 0 ? `-${pad(-year, 6)}` : year > 9999 ? `+${pad(year, 6)}` : pad(year, 4)
  const frac = d.getUTCMilliseconds()
  const base = `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  return `${base}${frac === 0 ? '' : `.${pad(frac, 3)}`} UTC`
}

/** A span of seconds in words: "45 s", "52 min", "3 h 2 min", "2 d 4 h", "about 3 months", "about 2 years". */
export function formatDuration(totalSec: number): string {
  const s = Math.round(Math.abs(totalSec))
  if (s < 60) return `${s} s`
  const min = Math.floor(s / 60)
  if (min < 60) return `${min} min`
  const h = Math.floor(min / 60)
  const remMin = min % 60
  if (h < 24) return remMin === 0 ? `${h} h` : `${h} h ${remMin} min`
  const d = Math.floor(h / 24)
  const remH = h % 24
  if (d < 60) return remH === 0 || d >= 10 ? `${d} d` : `${d} d ${remH} h`
  if (d < 365) return `about ${Math.round(d / 30.44)} months`
  const years = d / 365.25
  return years < 10 ? `about ${Math.round(years * 10) / 10} years` : `about ${Math.round(years)} years`
}

/** Relative wording of `sec` seen from `now`: "in 52 min", "3 h 2 min ago", "just now" (within 5 s). */
export function relativeTime(sec: number, now: number): string {
  const delta = sec - now
  if (Math.abs(delta) < 5) return 'just now'
  const span = formatDuration(delta)
  return delta > 0 ? `in ${span}` : `${span} ago`
}

/**
 * Humanise a NumericDate value. Accepts unknown input so callers can pass raw claim values;
 * a non-number yields a `problem` instead of throwing.
 */
export function humaniseTime(sec: unknown, now: number): HumanTime {
  if (typeof sec !== 'number' || !Number.isFinite(sec)) {
    return { text: 'not a NumericDate (expected a number of seconds)', problem: 'not_a_number' }
  }
  const text = formatUtc(sec)
  if (text === undefined) return { text: 'outside the range of representable dates', problem: 'out_of_range' }
  if (Math.abs(sec) >= LIKELY_MILLISECONDS) {
    // RFC 7519 §2 says seconds; a 13-digit value is a classic milliseconds bug.
    const asSeconds = formatUtc(sec / 1000)
    return {
      text: `${text} — looks like milliseconds${asSeconds === undefined ? '' : ` (as seconds it would be ${asSeconds})`}`,
      relative: relativeTime(sec, now),
      problem: 'looks_like_milliseconds',
    }
  }
  return { text, relative: relativeTime(sec, now) }
}
