/**
 * Decoding Entra's client_info and reading a grant type. Naming what an exchange is happens in
 * one classifier for every capture (core/flows/classify.ts classifyEntry). Pure.
 */
import { base64url } from 'jose'

export function grantTypeOf(body: string | undefined): string | undefined {
  if (!body) return undefined
  return new URLSearchParams(body).get('grant_type') ?? undefined
}

export interface ClientInfo {
  uid?: string
  utid?: string
  raw: string
  /** The decoded JSON text, or null when it does not decode. */
  json: string | null
}

/**
 * client_info is Entra's base64url-encoded JSON `{uid, utid}` (user object ID and home tenant
 * ID) returned when the request carried client_info=1. MSAL builds its home account ID from it.
 */
export function decodeClientInfo(raw: string): ClientInfo {
  try {
    // jose for base64url (DESIGN §10); Entra sometimes pads client_info, so strip '='.
    const bytes = base64url.decode(raw.replace(/=+$/, ''))
    const json = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    const parsed: unknown = JSON.parse(json)
    if (!parsed || typeof parsed !== 'object') return { raw, json }
    const o = parsed as Record<string, unknown>
    return {
      raw,
      json,
      ...(typeof o.uid === 'string' ? { uid: o.uid } : {}),
      ...(typeof o.utid === 'string' ? { utid: o.utid } : {}),
    }
  } catch {
    return { raw, json: null }
  }
}
