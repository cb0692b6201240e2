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
  /** "Sign-in", "Refresh", "More scopes"... */
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

export function tokensFromCaptures(entries: CapturedEntry[], clientId: string, tenantId?: string): FlowToken[] {
  const issuer = issuerFromCaptures(entries, tenantId)
  const out: FlowToken[] = []
  entries.forEach((entry, index) => {
    const step = entry._oauth.step
    if ((step !== 'token' && step !== 'refresh') || entry.response.status !== 200) return
    const body = jsonBody(entry)
    if (!body) return
    const grant = param(entry, 'grant_type')
    const label = grant === 'refresh_token' ? 'Refresh' : 'Sign-in'
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
