/**
 * A minimal self-signed X.509 v3 certificate (RFC 5280 §4.1) for the signing key, DER-encoded by
 * hand because no small library does it and jose does not issue certificates. Entra publishes
 * each signing key with its certificate (`x5c`, RFC 7517 §4.7) and names the key by the
 * certificate's SHA-1 thumbprint (`x5t`, §4.8, = `kid`); with a real certificate our key set and
 * key IDs have exactly that shape.
 */
import { base64url, type CryptoKey } from 'jose'

function len(n: number): number[] {
  if (n < 0x80) return [n]
  const bytes: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256)
  return [0x80 | bytes.length, ...bytes]
}

function tlv(tag: number, content: Uint8Array | number[]): Uint8Array {
  const body = content instanceof Uint8Array ? content : Uint8Array.from(content)
  const head = [tag, ...len(body.length)]
  const out = new Uint8Array(head.length + body.length)
  out.set(head)
  out.set(body, head.length)
  return out
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

const seq = (...parts: Uint8Array[]): Uint8Array => tlv(0x30, concat(...parts))
/** DER INTEGER from unsigned big-endian bytes (leading zero when the high bit is set). */
function uint(bytes: Uint8Array): Uint8Array {
  let i = 0
  while (i < bytes.length - 1 && bytes[i] === 0) i++
  const trimmed = bytes.slice(i)
  return tlv(0x02, (trimmed[0] ?? 0) & 0x80 ? concat(Uint8Array.of(0), trimmed) : trimmed)
}
function oid(...bytes: number[]): Uint8Array {
  return tlv(0x06, bytes)
}
const NULL = Uint8Array.of(0x05, 0x00)
// 1.2.840.113549.1.1.11 sha256WithRSAEncryption; 1.2.840.113549.1.1.1 rsaEncryption; 2.5.4.3 commonName
const SHA256_WITH_RSA = seq(oid(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b), NULL)
const RSA_ENCRYPTION = seq(oid(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01), NULL)

function name(cn: string): Uint8Array {
  return seq(tlv(0x31, seq(oid(0x55, 0x04, 0x03), tlv(0x0c, new TextEncoder().encode(cn)))))
}

/** UTCTime (RFC 5280 §4.1.2.5.1): YYMMDDHHMMSSZ, for years 1950–2049. */
function utcTime(unixSeconds: number): Uint8Array {
  const iso = new Date(unixSeconds * 1000).toISOString() // 2026-11-25T20:33:12.000Z
  const s = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`
  return tlv(0x17, new TextEncoder().encode(s))
}

export interface SelfSignedCert {
  /** DER, standard base64 (the JWK `x5c` member's form). */
  x5c: string
  /** base64url SHA-1 of the DER certificate. */
  x5t: string
}

export async function selfSignedCertificate(opts: {
  n: string
  e: string
  privateKey: CryptoKey
  commonName: string
  notBefore: number
  /** Entra's signing certificates are valid for five years. */
  lifetimeSec?: number
  serial: Uint8Array
}): Promise<SelfSignedCert> {
  const rsaPublicKey = seq(uint(base64url.decode(opts.n)), uint(base64url.decode(opts.e)))
  const spki = seq(RSA_ENCRYPTION, tlv(0x03, concat(Uint8Array.of(0), rsaPublicKey)))
  const serial = Uint8Array.from(opts.serial)
  serial[0] = (serial[0] ?? 0) & 0x7f // positive (RFC 5280 §4.1.2.2)
  const tbs = seq(
    tlv(0xa0, tlv(0x02, [2])), // [0] EXPLICIT version v3
    uint(serial),
    SHA256_WITH_RSA,
    name(opts.commonName),
    seq(utcTime(opts.notBefore), utcTime(opts.notBefore + (opts.lifetimeSec ?? 5 * 365 * 86_400))),
    name(opts.commonName),
    spki,
  )
  const signature = new Uint8Array(await globalThis.crypto.subtle.sign('RSASSA-PKCS1-v1_5', opts.privateKey, new Uint8Array(tbs)))
  const der = seq(tbs, SHA256_WITH_RSA, tlv(0x03, concat(Uint8Array.of(0), signature)))
  let bin = ''
  for (const b of der) bin += String.fromCharCode(b)
  const thumb = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', new Uint8Array(der)))
  return { x5c: btoa(bin), x5t: base64url.encode(thumb) }
}
