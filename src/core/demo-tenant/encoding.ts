/**
 * Small helpers shared by the demo tenant: identifiers, hashing and form bodies. jose supplies
 * base64url; WebCrypto (standard in Node 20 and browsers) supplies SHA digests.
 */
import { base64url } from 'jose'
import type { RandomSource } from './types.ts'

const encoder = new TextEncoder()

export const defaultRandom: RandomSource = (bytes) => globalThis.crypto.getRandomValues(new Uint8Array(bytes))

export function randomB64url(random: RandomSource, bytes: number): string {
  return base64url.encode(random(bytes))
}

/** RFC 9562 version-4 GUID built from injected randomness. */
export function randomGuid(random: RandomSource): string {
  const b = random(16)
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** Standard (not url-safe) base64, for values Entra emits in that alphabet (e.g. `aio`). */
export function randomB64(random: RandomSource, bytes: number): string {
  let s = ''
  for (const x of random(bytes)) s += String.fromCharCode(x)
  return btoa(s)
}

export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text)))
}

export async function sha256B64url(text: string): Promise<string> {
  return base64url.encode(await sha256(text))
}

export function b64urlJson(value: unknown): string {
  return base64url.encode(JSON.stringify(value))
}

export function decodeB64urlJson(segment: string): unknown {
  return JSON.parse(new TextDecoder().decode(base64url.decode(segment))) as unknown
}

export const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** application/x-www-form-urlencoded body -> map (first value wins, as Entra reads single-valued params). */
export function parseForm(body: string | undefined): Map<string, string> {
  const out = new Map<string, string>()
  if (body === undefined) return out
  for (const [k, v] of new URLSearchParams(body)) if (!out.has(k)) out.set(k, v)
  return out
}

export function header(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v
  return undefined
}

/** Entra's timestamp format in error bodies: `2026-11-25 20:33:12Z`. */
export function entraTimestamp(unixSeconds: number): string {
  return new Date(unixSeconds * 1000)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z')
}

/** decodeURIComponent that never throws (a malformed %-escape stays as written). */
export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
