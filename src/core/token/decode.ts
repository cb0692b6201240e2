/**
 * Strict, step-by-step decoding of a compact JWS/JWE (RFC 7515 §5.2, RFC 7519 §7.2, RFC 7516 §9).
 *
 * Kept apart from inspect.ts on purpose: the inspector's first view decodes with this file alone,
 * so it must not import jose's verification code (only jose's tiny base64url helper).
 * It never throws: every failure becomes a DecodeProblem naming the segment and the reason.
 */
import { base64url } from 'jose'
import type { DecodedToken, DecodeProblem, SegmentName } from './types.ts'
import { findDuplicateKeys } from './json-scan.ts'
import { detectOpaque } from './opaque.ts'

/**
 * Inputs above 64 KiB are refused before decoding. Real tokens are a few KiB (Entra switches to
 * the groups overage claim precisely to stay small), and HTTP servers cap request header fields
 * at 8–64 KiB (RFC 9110 §5.4 lets them refuse larger ones), so a bigger "token" could never be
 * sent as a bearer token. The cap also keeps decoding well inside the inspector's time budget.
 */
export const MAX_TOKEN_CHARS = 64 * 1024

/**
 * The most text any token input accepts (paste, drop, opened file, link, sessionStorage): twice
 * a token's limit, so that a maximum-size token copied with line wrapping, indentation or a
 * `Bearer ` prefix still fits. The screens refuse longer text before rendering or storing it:
 * the coloured copy of a 5 MB paste blocked the tab for seconds, and sessionStorage brought it
 * back on every reload. The decoder refuses it too, with the same message.
 */
export const MAX_TOKEN_INPUT_CHARS = 2 * MAX_TOKEN_CHARS

/**
 * Token files (open or drop) are read up to this size: a saved token response may carry an id
 * token, an access token and a refresh token, pretty-printed. The token taken out of the file
 * must still fit MAX_TOKEN_INPUT_CHARS. Derived from the input limit so the two cannot drift.
 */
export const MAX_TOKEN_FILE_BYTES = 8 * MAX_TOKEN_INPUT_CHARS

const count = new Intl.NumberFormat('en-US')

/** "5.0 MB" / "97.7 KB": sizes in binary units, written the way people read them. */
export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

/**
 * The one explanation for text that is too long to be a token, shown by the decoder (problem
 * `too_large`) and by every input that refuses such text, so the user reads the same words.
 */
export function tokenTooLargeMessage(chars: number): string {
  return (
    `This text is ${count.format(chars)} characters long (${formatSize(chars)}); a token is at most ` +
    `${formatSize(MAX_TOKEN_CHARS)} (${count.format(MAX_TOKEN_CHARS)} characters), or ${formatSize(MAX_TOKEN_INPUT_CHARS)} ` +
    'with line breaks and a Bearer prefix. Real tokens are a few kilobytes, and servers refuse request headers this large.'
  )
}

/** The refusal message when `text` is longer than any token input accepts, else null. */
export function inputTooLarge(text: string): string | null {
  return text.length > MAX_TOKEN_INPUT_CHARS ? tokenTooLargeMessage(text.length) : null
}

const B64URL = /^[A-Za-z0-9_-]*$/
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Trims whitespace, wrapping line breaks, surrounding quotes and a `Bearer ` prefix. */
export function normalizeTokenInput(input: string): string {
  let s = typeof input === 'string' ? input.trim() : ''
  if (s.length > 1 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")))) {
    s = s.slice(1, -1).trim()
  }
  s = s.replace(/^(?:authorization:\s*)?bearer\s+/i, '')
  // A token copied from wrapped output (or from the RFC examples) has line breaks inside.
  if (/[\r\n]/.test(s)) s = s.replace(/\s*[\r\n]+\s*/g, '')
  return s
}

type SegmentResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: DecodeProblem }

function decodeSegment(seg: string, segment: SegmentName, label: string): SegmentResult {
  if (seg.length === 0) {
    return { ok: false, problem: { segment, reason: 'empty', message: `The ${label} segment is empty.` } }
  }
  if (!B64URL.test(seg)) {
    if (/=+$/.test(seg) && B64URL.test(seg.replace(/=+$/, ''))) {
      return {
        ok: false,
        problem: {
          segment,
          reason: 'base64url_padding',
          message: `The ${label} segment ends with "=" padding; JWS/JWT segments are base64url without padding (RFC 7515 §2).`,
        },
      }
    }
    const bad = [...seg].find((c) => !/[A-Za-z0-9_-]/.test(c)) ?? '?'
    const hint = bad === '+' || bad === '/' ? ' It looks like standard base64: base64url uses "-" and "_" instead of "+" and "/".' : ''
    return {
      ok: false,
      problem: {
        segment,
        reason: 'base64url_alphabet',
        message: `The ${label} segment contains ${JSON.stringify(bad)} at position ${seg.indexOf(bad)}, which is not in the base64url alphabet.${hint}`,
      },
    }
  }
  if (seg.length % 4 === 1) {
    return {
      ok: false,
      problem: {
        segment,
        reason: 'base64url_length',
        message: `The ${label} segment has ${seg.length} characters; no base64url encoding has a length of 4n+1, so it was truncated or has an extra character.`,
      },
    }
  }
  try {
    return { ok: true, bytes: base64url.decode(seg) }
  } catch {
    return { ok: false, problem: { segment, reason: 'base64url_alphabet', message: `The ${label} segment is not valid base64url.` } }
  }
}

type JsonResult = { ok: true; value: unknown; text: string } | { ok: false; text: string | null; problem: DecodeProblem }

function decodeJson(bytes: Uint8Array, segment: 'header' | 'payload', label: string): JsonResult {
  let text: string
  try {
    text = strictUtf8.decode(bytes)
  } catch {
    return {
      ok: false,
      text: null,
      // RFC 7519 §7.2 step 4 (header) and step 10 (claims set): each must be UTF-8 JSON, so
      // bytes that are not UTF-8 make the token malformed, not merely "a JWS with other content".
      problem: {
        segment,
        reason: 'utf8',
        message: `The ${label} is not valid UTF-8, so it cannot be a JWT ${segment === 'header' ? 'header (RFC 7519 §7.2 step 4, RFC 7515 §5.2 step 3)' : 'claims set (RFC 7519 §7.2 step 10)'}.`,
      },
    }
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown, text }
  } catch (e) {
    const detail = e instanceof Error ? ` (${e.message})` : ''
    return { ok: false, text, problem: { segment, reason: 'json', message: `The ${label} is not valid JSON${detail}.` } }
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function base(normalized: string): DecodedToken {
  return {
    normalized,
    decodes: false,
    form: 'malformed',
    formReason: '',
    segments: normalized.length > 0 ? normalized.split('.') : [],
    header: null,
    payload: null,
    payloadText: null,
    problems: [],
    duplicateKeys: [],
  }
}

/** Decodes the header segment; returns the header object or records problems. */
function decodeHeader(out: DecodedToken, seg: string): Record<string, unknown> | null {
  const j = segmentJson(out, seg, 'header')
  if (!j) return null
  if (!j.ok) {
    out.problems.push(j.problem)
    return null
  }
  if (!isObject(j.value)) {
    notAnObject(out, 'header', j.value, 'not an object (RFC 7515 §5.2 step 3)')
    return null
  }
  noteDuplicateKeys(out, 'header', j.text)
  return j.value
}

/** A segment's bytes read as JSON text; null when the segment itself did not decode (its problem is recorded). */
function segmentJson(out: DecodedToken, seg: string, segment: 'header' | 'payload'): JsonResult | null {
  const b = decodeSegment(seg, segment, segment)
  if (b.ok) return decodeJson(b.bytes, segment, segment)
  out.problems.push(b.problem)
  return null
}

function notAnObject(out: DecodedToken, segment: 'header' | 'payload', value: unknown, rule: string): void {
  const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`
  out.problems.push({ segment, reason: 'not_object', message: `The ${segment} is JSON but ${kind}, ${rule}.` })
}

function noteDuplicateKeys(out: DecodedToken, segment: 'header' | 'payload', text: string): void {
  const names = findDuplicateKeys(text)
  if (names.length > 0) out.duplicateKeys.push({ segment, names })
}

function decodePayload(out: DecodedToken, seg: string): boolean {
  if (seg.length === 0) {
    // An empty payload is legal JWS (and RFC 7797 detached content), just not a JWT.
    out.payload = ''
    out.payloadText = ''
    out.problems.push({ segment: 'payload', reason: 'empty', message: 'The payload segment is empty, so there are no claims.' })
    return true
  }
  const j = segmentJson(out, seg, 'payload')
  if (!j) return false
  if (!j.ok) {
    out.problems.push(j.problem)
    out.payloadText = j.text
    out.payload = j.text
    // Text that is not JSON is still a JWS (with other content); bytes that are not UTF-8 cannot
    // even be read as text, so the token does not decode (RFC 7519 §7.2 step 10).
    return j.problem.reason !== 'utf8'
  }
  out.payload = j.value
  out.payloadText = j.text
  if (!isObject(j.value)) notAnObject(out, 'payload', j.value, 'not a claims object (RFC 7519 §7.2 step 10)')
  else noteDuplicateKeys(out, 'payload', j.text)
  return true
}

function isAlgNone(header: Record<string, unknown> | null): boolean {
  return typeof header?.['alg'] === 'string' && header['alg'].toLowerCase() === 'none'
}

/** Decodes a token without verifying anything. Never throws. */
export function decodeToken(input: string): DecodedToken {
  try {
    return decodeUnsafe(input)
  } catch (e) {
    const out = base('')
    out.formReason = 'The input could not be read.'
    out.problems.push({ segment: 'token', reason: 'internal', message: e instanceof Error ? e.message : String(e) })
    return out
  }
}

function decodeUnsafe(input: string): DecodedToken {
  const raw = typeof input === 'string' ? input : ''
  const refused = inputTooLarge(raw)
  if (refused !== null) {
    const out = base('')
    out.segments = []
    out.formReason = refused
    out.problems.push({ segment: 'token', reason: 'too_large', message: out.formReason })
    return out
  }
  const normalized = normalizeTokenInput(raw)
  const out = base(normalized)
  if (normalized.length === 0) {
    out.formReason = 'Nothing to decode: the input is empty.'
    out.problems.push({ segment: 'token', reason: 'empty', message: out.formReason })
    return out
  }
  if (normalized.length > MAX_TOKEN_CHARS) {
    out.segments = []
    out.formReason = tokenTooLargeMessage(normalized.length)
    out.problems.push({ segment: 'token', reason: 'too_large', message: out.formReason })
    return out
  }
  if (/\s/.test(normalized)) {
    out.formReason = 'The input contains spaces inside it; a JWT is one unbroken string of base64url segments separated by dots.'
    out.problems.push({ segment: 'token', reason: 'whitespace', message: out.formReason })
    return out
  }

  const parts = out.segments
  const first = parts[0] ?? ''
  // Refresh tokens and other opaque strings may contain dots; only call them opaque when the
  // first segment is not a JSON header.
  if (!first.startsWith('eyJ')) {
    const opaque = detectOpaque(normalized)
    if (opaque) {
      out.form = 'opaque'
      out.formReason = `Not a JWT. ${opaque.reason}`
      out.problems.push({ segment: 'token', reason: `opaque:${opaque.kind}`, message: opaque.reason })
      return out
    }
  }

  if (parts.length === 3) {
    const [h = '', p = '', s = ''] = parts
    const header = decodeHeader(out, h)
    out.header = header
    const payloadOk = decodePayload(out, p)
    if (s.length > 0 && !B64URL.test(s)) {
      const r = decodeSegment(s, 'signature', 'signature')
      if (!r.ok) out.problems.push(r.problem)
    }
    if (header && payloadOk) {
      out.decodes = true
      if (isAlgNone(header)) {
        out.form = 'unsecured'
        out.formReason = `Three segments with a JSON header whose alg is "${String(header['alg'])}": an unsecured JWS (RFC 7519 §6), nothing proves who made it.`
      } else {
        out.form = 'jws'
        out.formReason = 'Three base64url segments with a JSON object header: a compact JWS (RFC 7515 §7.1).'
      }
    } else {
      out.formReason = `Three segments, but the ${header ? 'payload' : 'header'} does not decode: ${out.problems[0]?.message ?? ''}`.trim()
    }
    return out
  }

  if (parts.length === 5) {
    const header = decodeHeader(out, parts[0] ?? '')
    out.header = header
    if (header) {
      out.decodes = true
      out.form = 'jwe'
      const enc = typeof header['enc'] === 'string' ? ` with enc "${header['enc']}"` : ''
      out.formReason = `Five segments with a JSON header${enc}: a compact JWE (RFC 7516 §9). The claims are encrypted; only the holder of the decryption key can read them.`
    } else {
      out.formReason = `Five segments like a JWE, but its protected header does not decode: ${out.problems[0]?.message ?? ''}`.trim()
    }
    return out
  }

  // Anything else is malformed; still try to show a header so the user sees what it was.
  if (parts.length === 2 && first.startsWith('eyJ')) {
    out.header = decodeHeader(out, first)
    decodePayload(out, parts[1] ?? '')
    out.formReason =
      'Two segments: the signature segment and its dot are missing. A compact JWS has three segments (header.payload.signature), even when the signature is empty.'
  } else if (parts.length === 1 && first.startsWith('eyJ')) {
    out.header = decodeHeader(out, first)
    out.formReason = 'One base64url JSON segment: only part of a token was copied. A JWT has three segments separated by dots.'
  } else {
    out.formReason = `${parts.length} segment${parts.length === 1 ? '' : 's'}: a compact JWS has 3 and a compact JWE has 5 (RFC 7515 §7.1, RFC 7516 §9), and it does not look like a known opaque token.`
  }
  out.problems.unshift({ segment: 'token', reason: 'segment_count', message: out.formReason })
  out.decodes = false
  out.form = 'malformed'
  return out
}
