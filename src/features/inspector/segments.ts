/**
 * Splits the text of the paste area into runs for the coloured mirror: the prefix we tolerate
 * (`Bearer `, quotes, whitespace), then one run per dot-separated segment. Works on the raw
 * text, character for character, so the mirror lines up exactly with the textarea above it.
 */
import { MAX_TOKEN_INPUT_CHARS } from '../../core/token/decode.ts'

export type RunKind = 'prefix' | 'dot' | 'space' | `segment${number}`

export interface Run {
  kind: RunKind
  text: string
}

const PREFIX = /^\s*(?:authorization:\s*)?(?:bearer\s+)?["']?/i

// One match per run: dots, separators (whitespace and quotes, as the decoder ignores them) or
// segment text. A run per match, not per character: building runs one character at a time (a
// regular expression test and a string concatenation each) was the costliest step of a paste's
// render in the first view (about 1 ms for a 1 kB token, measured with bench:paste --profile).
const PIECES = /(\.+)|([\s"']+)|([^.\s"']+)/g

/** Text over the input limit gets no runs: walking and mirroring megabytes character by character froze the tab. */
export function segmentRuns(raw: string): Run[] {
  const runs: Run[] = []
  if (raw.length > MAX_TOKEN_INPUT_CHARS) return runs
  const prefix = PREFIX.exec(raw)?.[0] ?? ''
  if (prefix) runs.push({ kind: 'prefix', text: prefix })
  let segment = 0
  for (const m of raw.slice(prefix.length).matchAll(PIECES)) {
    const [text, dots, space] = m
    if (dots !== undefined) {
      runs.push({ kind: 'dot', text })
      segment += dots.length
    } else if (space !== undefined) {
      runs.push({ kind: 'space', text })
    } else {
      runs.push({ kind: `segment${segment}`, text })
    }
  }
  return runs
}

/** Names of the segments for a token with `count` segments (RFC 7515 §7.1, RFC 7516 §7.1). */
export function segmentNames(count: number): string[] {
  if (count === 5) return ['protected header', 'encrypted key', 'initialization vector', 'ciphertext', 'authentication tag']
  return ['header', 'payload', 'signature']
}

/** Text colour classes per segment index; the legend shows the same colours with names. */
export const SEGMENT_CLASSES = [
  'text-rose-600 dark:text-rose-400',
  'text-violet-700 dark:text-violet-300',
  'text-sky-700 dark:text-sky-300',
  'text-amber-700 dark:text-amber-300',
  'text-emerald-700 dark:text-emerald-300',
]
export const SEGMENT_DOTS = ['bg-rose-500', 'bg-violet-500', 'bg-sky-500', 'bg-amber-500', 'bg-emerald-500']

export function segmentClass(kind: RunKind): string {
  if (kind === 'dot') return 'text-slate-900 font-bold dark:text-white'
  if (kind === 'prefix' || kind === 'space') return 'text-slate-500 dark:text-slate-400'
  const index = Number(kind.slice('segment'.length))
  return SEGMENT_CLASSES[index] ?? 'text-red-700 underline decoration-wavy dark:text-red-300'
}
