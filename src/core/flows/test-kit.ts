/** Test helper: the made-up IdP and app of the flow-analysis unit tests, and builders for their requests. */
import type { Entry } from 'har-format'
import type { CapturedEntry } from '../capture/types.ts'
import { parseHar } from '../har/parse.ts'
import { HAR_FIXTURES } from '../har/test-fixtures.ts'
import { mkEntry, type EntrySpec } from '../har/test-entry.ts'
import { stampEntry } from './stamp.ts'
import { analyzeFlows } from './detect.ts'
import type { Flow } from './types.ts'

export const IDP = 'https://login.example.com/tenant/oauth2/v2.0'
export const APP = 'https://app.example'
/** A JWT-shaped value, distinct per `n` (the analysis links places by value; it never verifies these). */
export const jwt = (n: string) => `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI${n}In0.c2lnbmF0dXJl${n}`

/** An authorization request of client-1 with PKCE, state and nonce; `extra` overrides or adds parameters, undefined leaves one out. */
export function authorizeUrl(extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams()
  const all = {
    client_id: 'client-1',
    redirect_uri: `${APP}/cb`,
    response_type: 'code',
    scope: 'openid profile',
    state: 'st-1',
    nonce: 'n-1',
    code_challenge: 'abc',
    code_challenge_method: 'S256',
    ...extra,
  }
  for (const [name, value] of Object.entries(all)) if (value !== undefined) params.set(name, value)
  return `${IDP}/authorize?${params}`
}

/** A POST to the IdP's token endpoint with this form body and JSON answer (RFC 6749 §3.2). */
export function tokenCall(form: Record<string, string>, json: unknown, more: Omit<EntrySpec, 'url' | 'form' | 'json'> = {}): Entry {
  return mkEntry({ url: `${IDP}/token`, form, json, ...more })
}

/** The step kinds of each flow found, `*` marking an inferred (not observed) step. */
export function kinds(entries: Entry[]): string[][] {
  return analyzeFlows(entries).flows.map((f) => f.steps.map((s) => `${s.kind}${s.origin === 'not_observed' ? '*' : ''}`))
}

/** A flow's step kinds in order, one space apart: reads like the sign-in it is. */
export function stepLine(flow: Flow | undefined): string {
  return flow ? flow.steps.map((s) => s.kind).join(' ') : '(no flow)'
}

/**
 * One tab's capture made of the sign-ins of these fixture files in turn (by default the demo SPA
 * and the confidential web app), stamped as the live capture stamps its exchanges.
 */
export function stampedCapture(names: string[] = ['demo-signin.har', 'webapp-confidential.har']): CapturedEntry[] {
  const entries: CapturedEntry[] = []
  for (const name of names) {
    const r = parseHar(HAR_FIXTURES[name] ?? '')
    if (!r.ok) throw new Error(r.message)
    for (const e of r.entries) {
      const prior = (e as Partial<CapturedEntry>)._oauth
      entries.push(stampEntry({ ...e, _oauth: prior ?? { step: 'other', flowId: name, origin: 'observed', redactions: [] } }))
    }
  }
  return entries
}
