import { createElement, useSyncExternalStore } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import type { InspectionReport } from '../../core/token/types.ts'
import { decodeToken } from '../../core/token/decode.ts'
import { makeRedactor } from './redaction.ts'
import type * as ReportViewModule from './report-view.tsx'
import { loadInspectCore } from './use-inspection.ts'

/**
 * The report's code (the annotated tables, findings, keys panel) and the verifier (jose, the
 * claims registry and its humanisers) stay out of the first view's JavaScript (DESIGN §9), but a
 * person must not wait for them after pasting: they are fetched while the page is idle right
 * after the first paint, and at once when the pointer or focus reaches the token field. The
 * verifier is also run once on a throwaway token so its first real use finds WebCrypto, jose and
 * the claims tables warm.
 */

let reportModule: typeof ReportViewModule | null = null
let reportPromise: Promise<typeof ReportViewModule> | null = null
const listeners = new Set<() => void>()

export function loadReportView(): Promise<typeof ReportViewModule> {
  reportPromise ??= import('./report-view.tsx').then(
    (m) => {
      reportModule = m
      for (const l of listeners) l()
      return m
    },
    (e: unknown) => {
      // Offline after an update, say: the next attempt may succeed, and the page keeps showing
      // the decoded token from the first view's own code meanwhile.
      reportPromise = null
      throw e
    },
  )
  return reportPromise
}

const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => {
    listeners.delete(l)
  }
}

/** The report view's module once it has loaded (null before): rendered without a Suspense gap. */
export function useReportView(): typeof ReportViewModule | null {
  return useSyncExternalStore(subscribe, () => reportModule, () => reportModule)
}

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
const b64urlJson = (v: unknown) => b64url(new TextEncoder().encode(JSON.stringify(v)))

/**
 * A token signed here with a key made here, verified once with that key given as a pasted JWKS
 * (so nothing is fetched and no store is touched). It has the shape of a usual ID token so the
 * same claim tables load that a real one needs. RS256 (RFC 7518 §3.3) is what most issuers sign
 * with, so it is the WebCrypto path worth warming.
 */
async function warmVerifier(): Promise<InspectionReport | null> {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) return null
  const { inspectToken } = await loadInspectCore()
  const key = await subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify'])
  const jwk = { ...(await subtle.exportKey('jwk', key.publicKey)), kid: 'warm-up', alg: 'RS256', use: 'sig' }
  delete jwk.key_ops
  delete jwk.ext
  const now = Math.floor(Date.now() / 1000)
  const payload = {
    iss: 'https://login.microsoftonline.com/00000000-0000-4000-8000-000000000001/v2.0',
    aud: '00000000-0000-4000-8000-000000000002',
    sub: 'warm-up',
    iat: now,
    nbf: now,
    exp: now + 600,
    name: 'Warm-up',
    preferred_username: 'warm-up@example.com',
    oid: '00000000-0000-4000-8000-000000000003',
    tid: '00000000-0000-4000-8000-000000000001',
    roles: ['Reader'],
    ver: '2.0',
  }
  const signingInput = `${b64urlJson({ alg: 'RS256', typ: 'JWT', kid: 'warm-up' })}.${b64urlJson(payload)}`
  const sig = new Uint8Array(await subtle.sign('RSASSA-PKCS1-v1_5', key.privateKey, new TextEncoder().encode(signingInput)))
  return inspectToken(`${signingInput}.${b64url(sig)}`, { now, keys: { jwks: { keys: [jwk] } } })
}

/**
 * Draws the warm-up report once into an element that is not in the document, then drops it: the
 * report's components are compiled and their formatters (Intl.DateTimeFormat) created, with no
 * style or layout work, so the first real paste costs what a second one does. Nothing is shown,
 * stored or sent.
 */
function warmRenderer(m: typeof ReportViewModule, report: InspectionReport): void {
  const root = createRoot(document.createElement('div'))
  const noop = () => undefined
  try {
    flushSync(() => {
      root.render(
        createElement(m.ReportView, {
          result: { decoded: decodeToken(report.input), report, pending: false, fromCache: new Set<string>(), jwksError: null, blocked: null, durationMs: 1, loadError: null },
          now: report.evaluatedAt,
          redactor: makeRedactor(false, []),
          pretend: false,
          documents: {},
          onUsePasted: noop,
          consent: null,
        }),
      )
    })
  } finally {
    root.unmount()
  }
}

let started: Promise<void> | null = null

/** Loads the report view and the verifier, then warms the verifier. Safe to call often. */
export function prefetchInspector(): Promise<void> {
  started ??= Promise.all([loadReportView(), loadInspectCore()])
    .then(async ([m]) => {
      const report = await warmVerifier()
      if (report && typeof document !== 'undefined') warmRenderer(m, report)
    })
    .catch(() => {
      // Best effort: a failed prefetch is retried by the next call, and a real inspection
      // reports its own loading error.
      started = null
    })
  return started
}

/** After the first paint, when the main thread is idle (or within a second on a busy one). */
export function prefetchWhenIdle(): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => void prefetchInspector(), { timeout: 1000 })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(() => void prefetchInspector(), 200)
  return () => clearTimeout(id)
}
