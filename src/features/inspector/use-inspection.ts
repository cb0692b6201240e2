/** Runs the inspection of the current input with the store's keys and settings, and decodes once per input. */
import { useEffect, useMemo, useState } from 'react'
import type { DecodedToken, InspectOptions, InspectionReport, KeyOrigin } from '../../core/token/types.ts'
import type { FetchDecision } from '../../core/token/fetch-policy.ts'
import { decodeToken } from '../../core/token/decode.ts'
import { createKeyFetcher } from '../../stores/inspector-store.ts'
import type * as InspectModule from '../../core/token/inspect.ts'

/**
 * The verifier (jose's crypto and the claims knowledge) is loaded on demand: the first view of
 * #/inspect must stay within its JavaScript budget (DESIGN §9). Decoding alone is static.
 */
let coreModule: Promise<typeof InspectModule> | null = null
export function loadInspectCore() {
  coreModule ??= import('../../core/token/inspect.ts')
  return coreModule
}

let lastDecoded: { input: string; decoded: DecodedToken } | null = null

/**
 * decodeToken with its last answer kept: one render asks for the same input's decoding twice (the
 * page for the issuer it may need consent for, the inspection for everything else).
 */
export function decodeInput(input: string): DecodedToken {
  if (lastDecoded?.input !== input) lastDecoded = { input, decoded: decodeToken(input) }
  return lastDecoded.decoded
}

/**
 * Where this inspection's keys come from: the issuer (through the fetch policy, with the hosts
 * the user trusts for this token), a pasted key set, the key set of the capture the token was
 * opened from (bound to that token), or none.
 */
export type KeyMode =
  | { kind: 'issuer'; trustedHosts: readonly string[] }
  | { kind: 'pasted'; text: string }
  | { kind: 'capture'; jwks: unknown; origin: KeyOrigin }
  | { kind: 'none' }

export interface InspectionInput {
  input: string
  now: number
  clockToleranceSec: number
  expected: InspectOptions['expected']
  keys: KeyMode
}

export interface InspectionResult {
  decoded: DecodedToken | null
  /** The report for the current input, or null while it is being computed. */
  report: InspectionReport | null
  pending: boolean
  /** URLs answered from the session cache in the last run. */
  fromCache: ReadonlySet<string>
  /** Why the pasted JWKS could not be read as JSON, if so. */
  jwksError: string | null
  /** The first URL of the last run that the fetch policy held back (needs consent), if any. */
  blocked: { url: string; decision: FetchDecision } | null
  /** Milliseconds the last inspection took. */
  durationMs: number | null
  /** Set when the verifier itself could not be loaded (offline after an update, ...). */
  loadError: string | null
}

function parsePastedJwks(text: string): { jwks?: unknown; error: string | null } {
  if (text.trim() === '') return { error: null }
  try {
    return { jwks: JSON.parse(text) as unknown, error: null }
  } catch (e) {
    return { error: `The pasted key set is not valid JSON: ${e instanceof Error ? e.message : String(e)}` }
  }
}

interface Run {
  key: string
  report: InspectionReport
  fromCache: ReadonlySet<string>
  blocked: { url: string; decision: FetchDecision } | null
  durationMs: number
}

export function useInspection({ input, now, clockToleranceSec, expected, keys }: InspectionInput): InspectionResult {
  const trimmed = input.trim()
  const decoded = useMemo(() => (trimmed === '' ? null : decodeInput(input)), [input, trimmed])
  const pastedText = keys.kind === 'pasted' ? keys.text : ''
  const pasted = useMemo(() => parsePastedJwks(pastedText), [pastedText])
  const expectedKey = JSON.stringify(expected ?? {})
  // Re-run when the hosts the user trusts change (a consent click), not on every new array.
  const trustKey = keys.kind === 'issuer' ? keys.trustedHosts.join(' ') : ''
  const captureJwks = keys.kind === 'capture' ? keys.jwks : null
  const captureOrigin = keys.kind === 'capture' ? keys.origin : null
  const [run, setRun] = useState<Run | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)

  useEffect(() => {
    if (trimmed === '') return
    let cancelled = false
    const fetcher = keys.kind === 'issuer' ? createKeyFetcher(trustKey === '' ? [] : trustKey.split(' '), input) : null
    const options: InspectOptions = { now, clockToleranceSec }
    const exp = JSON.parse(expectedKey) as NonNullable<InspectOptions['expected']>
    if (Object.keys(exp).length > 0) options.expected = exp
    if (fetcher) options.keys = { fetchJson: fetcher.fetchJson }
    else if (keys.kind === 'pasted' && pasted.jwks !== undefined) options.keys = { jwks: pasted.jwks }
    else if (keys.kind === 'capture' && captureOrigin !== null) options.keys = { jwks: captureJwks, origin: captureOrigin }
    loadInspectCore()
      .then(async ({ inspectToken }) => {
        const started = performance.now()
        const report = await inspectToken(input, options)
        const durationMs = performance.now() - started
        if (!cancelled) {
          setLoadError(null)
          setRun({ key: input, report, fromCache: new Set(fetcher?.fromCache ?? []), blocked: fetcher?.blocked ?? null, durationMs })
        }
      })
      .catch((e: unknown) => {
        if (!cancelled)
          setLoadError(`The verifier could not be loaded: ${e instanceof Error ? e.message : String(e)}. Reload the page to try again.`)
      })
    return () => {
      cancelled = true
    }
  }, [input, trimmed, now, clockToleranceSec, expectedKey, keys.kind, pasted, trustKey, captureJwks, captureOrigin])

  // A report computed for another input is never shown for this one; one for the same input
  // stays on screen while a re-validation (new clock tick, new expectation) runs.
  const current = run !== null && run.key === input && trimmed !== '' ? run : null
  return {
    decoded,
    report: current?.report ?? null,
    pending: trimmed !== '' && current === null,
    fromCache: current?.fromCache ?? new Set(),
    blocked: current?.blocked ?? null,
    jwksError: keys.kind === 'pasted' ? pasted.error : null,
    durationMs: current?.durationMs ?? null,
    loadError,
  }
}
