/**
 * "Is this a HAR at all?" Support engineers are sent all kinds of files; when the input is a
 * token, a JWKS or a discovery document, saying what it *is* helps more than "invalid HAR".
 */
import type { NotHarKind } from './types.ts'

const JWS_RE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/
const JWE_RE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/

export interface NotHar {
  kind: NotHarKind
  message: string
}

/** Looks at raw text before JSON parsing: empty, a compact JWT/JWE, a ZIP archive, XML/HTML. */
export function sniffText(text: string): NotHar | null {
  const head = text.slice(0, 512).trimStart()
  if (head.length === 0) return { kind: 'empty', message: 'The file is empty.' }
  if (head.startsWith('PK\u0003\u0004')) {
    return {
      kind: 'zip',
      message:
        'This is a ZIP archive. Playwright .zip HAR files are opened by the Import screen directly; this text was read without the archive step.',
    }
  }
  if (head.startsWith('<')) {
    return {
      kind: 'xml',
      message: /saml/i.test(head)
        ? 'This is an XML document that looks like a SAML message, not a HAR file. SAML is recognised inside HAR captures but not analysed.'
        : 'This is an XML or HTML document, not a HAR file. A HAR file is JSON with a top-level "log" object.',
    }
  }
  if (text.length < 20_000) {
    const trimmed = text.trim().replace(/^Bearer\s+/i, '')
    if (JWE_RE.test(trimmed)) {
      return {
        kind: 'jwe',
        message: 'This is an encrypted token (compact JWE, five segments), not a HAR file. Open it in the inspector to see its header.',
      }
    }
    if (JWS_RE.test(trimmed) && trimmed.startsWith('eyJ')) {
      return { kind: 'jwt', message: 'This is a JWT, not a HAR file. Paste it into the inspector instead.' }
    }
  }
  return null
}

/** Classifies parsed JSON that has no `log.entries` array. */
export function sniffJson(value: unknown): NotHar | null {
  if (Array.isArray(value)) {
    return {
      kind: 'json_array',
      message: 'This is a JSON array, not a HAR file. A HAR file is a JSON object with a "log" object holding an "entries" array.',
    }
  }
  if (typeof value !== 'object' || value === null) {
    return {
      kind: 'json_other',
      message: `This is a JSON ${value === null ? 'null' : typeof value}, not a HAR file. A HAR file is a JSON object with a "log" object.`,
    }
  }
  const obj = value as Record<string, unknown>
  if ('log' in obj) return null
  if (Array.isArray(obj.keys)) {
    return {
      kind: 'jwks',
      message: 'This is a JSON Web Key Set (JWKS), not a HAR file. Paste it into the inspector as keys to verify a token.',
    }
  }
  if (typeof obj.issuer === 'string' && ('jwks_uri' in obj || 'authorization_endpoint' in obj)) {
    return { kind: 'discovery', message: 'This is an OpenID Connect discovery document, not a HAR file.' }
  }
  if (typeof obj.access_token === 'string' || typeof obj.id_token === 'string') {
    return {
      kind: 'token_response',
      message: 'This is a token endpoint response, not a HAR file. Paste its tokens into the inspector instead.',
    }
  }
  return {
    kind: 'json_other',
    message: 'This JSON has no top-level "log" object, so it is not a HAR file (HAR 1.2 puts everything under "log").',
  }
}

/** JSON.parse error text with line and column, when the position can be found. */
export function describeJsonError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error)
  const reported = /position (\d+)/.exec(raw)?.[1]
  const at = reported !== undefined ? Number(reported) : locateJsonError(text)
  if (at !== null) {
    const before = text.slice(0, at)
    const line = before.split('\n').length
    const column = at - before.lastIndexOf('\n')
    return `The file is not valid JSON (line ${line}, column ${column}): ${raw}`
  }
  return `The file is not valid JSON: ${raw}`
}

/**
 * Recent V8 versions no longer say where the error is. A prefix of valid JSON fails only with
 * "end of input", so a binary search over prefix lengths finds the first bad character. Only for
 * files up to 2 MB: each probe parses the prefix again.
 */
function locateJsonError(text: string): number | null {
  if (text.length > 2_000_000) return null
  const failsEarly = (n: number): boolean => {
    try {
      JSON.parse(text.slice(0, n))
      return false
    } catch (e) {
      const msg = e instanceof Error ? e.message : ''
      if (/end of (JSON )?input/i.test(msg)) return false
      const pos = /position (\d+)/.exec(msg)?.[1]
      return pos === undefined || Number(pos) < n
    }
  }
  let lo = 0
  let hi = text.length
  if (!failsEarly(hi)) return null
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (failsEarly(mid + 1)) hi = mid
    else lo = mid + 1
  }
  return lo
}
