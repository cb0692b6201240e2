/**
 * The tokens a captured flow produced, each with the expectations the inspector should check
 * it against: audience = client ID for ID tokens (OIDC Core §3.1.3.7 step 3), issuer from the
 * discovery document, the nonce sent in the authorization request (step 11), the access token
 * of the same response for at_hash (§3.1.3.8) and the code for c_hash (§3.3.2.11).
 */
import type { InspectOptions } from '../token/types.ts'
import type { CapturedEntry } from './types.ts'
import { responseParams } from './har.ts'

export type TokenKind = 'id_token' | 'access_token' | 'refresh_token'

export interface FlowToken {
  kind: TokenKind
  value: string
  /** Index of the captured entry that carried it. */
  entryIndex: number
  /** "Sign-in", "Refresh", "Graph (silent)"... */
  label: string
  scope?: string
  expected?: NonNullable<InspectOptions['expected']>
}

function jsonBody(entry: CapturedEntry): Record<string, unknown> | null {
  const text = entry.response.content.text
  if (!text) return null
  try {
    const parsed: unknown = JSON.parse(text)
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function param(entry: CapturedEntry, name: string): string | undefined {
  return new URLSearchParams(entry.request.postData?.text ?? '').get(name) ?? undefined
}

/** The issuer from the newest captured discovery document, with Entra's {tenantid} filled in. */
export function issuerFromCaptures(entries: CapturedEntry[], tenantId?: string): string | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]
    if (!e || e._oauth.step !== 'discovery') continue
    const doc = jsonBody(e)
    if (doc && typeof doc.issuer === 'string') return tenantId ? doc.issuer.replace('{tenantid}', tenantId) : doc.issuer
  }
  return undefined
}

/** The nonce of the newest authorization request before `index`. */
function nonceBefore(entries: CapturedEntry[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const e = entries[i]
    if (e?._oauth.step === 'authorize') return e.request.queryString.find((q) => q.name === 'nonce')?.value
  }
  return undefined
}

function codeBefore(entries: CapturedEntry[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const e = entries[i]
    if (e?._oauth.step === 'redirect_back') return responseParams(e.request.url).code
  }
  return undefined
}

/** Microsoft Graph's User.Read however it is written: bare, resource URI or app ID prefix. */
const GRAPH_USER_READ = /^(?:(?:https:\/\/graph\.microsoft\.com|00000003-0000-0000-c000-000000000000)\/)?User\.Read$/i

/**
 * Was this refresh-token POST the silent Graph User.Read request the app makes right after a
 * sign-in? True when its `_oauth` label or notes name Graph, or when it asked for User.Read
 * (RFC 6749 §6 `scope`) after an authorization-code redemption of the same flow. Such tokens
 * are labelled "Graph (silent)" instead of a plain "Refresh", so the list does not suggest the
 * user pressed a refresh button.
 */
export function isGraphSilentStep(entries: readonly CapturedEntry[], index: number): boolean {
  const entry = entries[index]
  if (!entry || param(entry, 'grant_type') !== 'refresh_token') return false
  const annotated = [entry._oauth.label ?? '', ...(entry._oauth.notes ?? [])].some((t) => /\bgraph\b/i.test(t))
  if (annotated) return true
  const scopes = (param(entry, 'scope') ?? '').split(/\s+/)
  if (!scopes.some((s) => GRAPH_USER_READ.test(s))) return false
  for (let i = index - 1; i >= 0; i--) {
    const e = entries[i]
    if (!e || e._oauth.flowId !== entry._oauth.flowId) continue
    if ((e._oauth.step === 'token' || e._oauth.step === 'refresh') && param(e, 'grant_type') === 'authorization_code') return true
  }
  return false
}

/** The label of the tokens one token response carried. */
function labelOf(entries: readonly CapturedEntry[], index: number, grant: string | undefined): string {
  if (grant !== 'refresh_token') return 'Sign-in'
  return isGraphSilentStep(entries, index) ? 'Graph (silent)' : 'Refresh'
}

export function tokensFromCaptures(entries: CapturedEntry[], clientId: string, tenantId?: string): FlowToken[] {
  const issuer = issuerFromCaptures(entries, tenantId)
  const out: FlowToken[] = []
  entries.forEach((entry, index) => {
    const step = entry._oauth.step
    if ((step !== 'token' && step !== 'refresh') || entry.response.status !== 200) return
    const body = jsonBody(entry)
    if (!body) return
    const grant = param(entry, 'grant_type')
    const label = labelOf(entries, index, grant)
    const scope = typeof body.scope === 'string' ? body.scope : undefined
    const accessToken = typeof body.access_token === 'string' ? body.access_token : undefined
    const scopeField = scope !== undefined ? { scope } : {}
    if (typeof body.id_token === 'string') {
      const nonce = grant === 'authorization_code' ? nonceBefore(entries, index) : undefined
      const code = grant === 'authorization_code' ? codeBefore(entries, index) : undefined
      out.push({
        kind: 'id_token',
        value: body.id_token,
        entryIndex: index,
        label,
        ...scopeField,
        expected: {
          tokenType: 'id_token',
          audience: clientId,
          clientId,
          ...(issuer ? { issuer } : {}),
          ...(nonce ? { nonce } : {}),
          ...(accessToken ? { accessToken } : {}),
          ...(code ? { code } : {}),
          ...(tenantId ? { tenantId } : {}),
        },
      })
    }
    if (accessToken) {
      out.push({
        kind: 'access_token',
        value: accessToken,
        entryIndex: index,
        label,
        ...scopeField,
        expected: { tokenType: 'access_token', clientId, ...(tenantId ? { tenantId } : {}) },
      })
    }
    if (typeof body.refresh_token === 'string') out.push({ kind: 'refresh_token', value: body.refresh_token, entryIndex: index, label, ...scopeField })
  })
  return out
}
