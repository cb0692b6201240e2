/** Base64 bodies of HAR entries (content.encoding "base64") decoded to bytes or UTF-8 text. */
import { base64url } from 'jose'

/**
 * Standard base64 (RFC 4648 §4) to bytes through jose's base64url decoder (RFC 4648 §5 differs
 * only in two alphabet characters and padding), so no hand-written decoder and no DOM `atob`.
 */
export function base64ToBytes(value: string): Uint8Array {
  const url = value.replace(/\s+/g, '').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  return base64url.decode(url)
}

export function base64ToText(value: string): string {
  // Created per call: a module-level instance would be a top-level side effect that defeats tree-shaking.
  return new TextDecoder('utf-8', { fatal: false }).decode(base64ToBytes(value))
}
