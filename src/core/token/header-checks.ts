/**
 * Checks on the JOSE header that do not need keys: alg none, unsupported or unexpected alg,
 * key-carrying parameters (never trusted), crit, suspicious kid, typ, and Entra's Graph nonce.
 */
import type { Finding, InspectOptions } from './types.ts'
import { KNOWN_UNSUPPORTED, algInfo } from './algorithms.ts'
import { finding, show } from './findings.ts'
import { KID_INJECTION, SPEC } from './spec-refs.ts'

export interface HeaderVerdict {
  /** Why the signature cannot be checked at all, when that is decided by the header alone. */
  blocker?: { status: 'none' | 'unverifiable'; reason: string }
  alg: string | null
  kid: string | undefined
}

/** Header parameters this implementation understands, for `crit` (RFC 7515 §4.1.11). None are extensions. */
const UNDERSTOOD_EXTENSIONS = new Set<string>()

function suspiciousKid(kid: string): string | undefined {
  // Base64 kids (e.g. AWS Cognito) legitimately contain "/", "+", "=" and "--", so the patterns
  // below look for traversal segments, absolute system paths, URLs and SQL/shell syntax only.
  if (/(^|[/\\])\.\.([/\\]|$)/.test(kid) || /^\/(etc|dev|proc|var|tmp|home|usr|root|windows)\b/i.test(kid) || /^[a-z]:\\/i.test(kid)) {
    return 'it looks like a file path (path traversal)'
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(kid) || /^file:/i.test(kid)) return 'it is a URL'
  // Quote characters are written as \x22 \x27 \x60 so source scanners do not take them for strings.
  if (
    /[\x22\x27\x60;]|\s--|\/\*|\bunion\s+(all\s+)?select\b|\bselect\s.+\sfrom\b|\binsert\s+into\b|\bdrop\s+table\b|\bsleep\s*\(|\bor\s+[\x22\x27]?\w+[\x22\x27]?\s*=\s*[\x22\x27]?\w+/i.test(
      kid,
    )
  ) {
    return 'it contains SQL-like syntax'
  }
  if (/[|&$<>]/.test(kid)) return 'it contains shell or markup metacharacters'
  // Checked by code point rather than a control-character regex (which lint rightly flags as
  // usually a mistake): here matching C0 controls and DEL is the point.
  if (
    [...kid].some((ch) => {
      const c = ch.codePointAt(0) ?? 0
      return c < 0x20 || c === 0x7f
    })
  )
    return 'it contains control characters'
  if (kid.length > 256) return `it is ${kid.length} characters long`
  return undefined
}

/**
 * Header parameters through which a token could pick its own verification key (RFC 7515 §4.1.2-4.1.6,
 * RFC 8725 §3.10): never used, each reported once (DESIGN §4: keys come from the issuer only).
 */
const SELF_CHOSEN_KEY = [
  {
    name: 'jku',
    pointer: true,
    code: 'untrusted_jku',
    message: (at: string) =>
      `The header points to a key set at ${at}. It was not fetched: whoever made the token chose that URL, so keys from it prove nothing. Keys come from the issuer's discovery document only.`,
  },
  {
    name: 'x5u',
    pointer: true,
    code: 'untrusted_x5u',
    message: (at: string) =>
      `The header points to a certificate at ${at}. It was not fetched: a token cannot choose the key it is checked with.`,
  },
  {
    name: 'jwk',
    pointer: false,
    code: 'embedded_jwk',
    message: () =>
      'The header carries its own public key ("jwk"). It was ignored: a token that brings its own key can be signed by anyone (the CVE-2018-0114 pattern).',
  },
  {
    name: 'x5c',
    pointer: false,
    code: 'embedded_x5c',
    message: () =>
      'The header carries a certificate chain ("x5c"). It was ignored: without checking the chain against a trust anchor it proves nothing, and identity providers publish their keys through discovery instead.',
  },
] as const

export function checkHeader(header: Record<string, unknown>, options: InspectOptions, findings: Finding[]): HeaderVerdict {
  const verdict: HeaderVerdict = { alg: null, kid: undefined }
  const rawAlg = header['alg']
  const alg = typeof rawAlg === 'string' && rawAlg.length > 0 ? rawAlg : null
  verdict.alg = alg
  if (alg === null) {
    findings.push(
      finding(
        'malformed',
        'error',
        'header.alg',
        'The header has no "alg" string, which every JWS must have (RFC 7515 §4.1.1).',
        SPEC.alg,
        { actual: rawAlg ?? '(missing)' },
      ),
    )
    verdict.blocker = { status: 'unverifiable', reason: 'The header names no algorithm.' }
  } else if (alg.toLowerCase() === 'none') {
    findings.push(
      finding(
        'alg_none',
        'error',
        'header.alg',
        `The token is unsecured: alg "${alg}" means there is no signature, so anyone could have written it. Never accept it as an ID or access token (RFC 8725 §3.1).`,
        SPEC.algNoneBcp,
        { actual: alg },
      ),
    )
    verdict.blocker = { status: 'none', reason: `alg "${alg}": the token is not signed.` }
  } else if (!algInfo(alg)) {
    const why = KNOWN_UNSUPPORTED[alg] ?? 'It is not a JWS signature algorithm that jose and WebCrypto can verify here.'
    findings.push(
      finding('unsupported_alg', 'warning', 'header.alg', `Algorithm "${alg}" cannot be verified: ${why}`, SPEC.jwaAlgs, { actual: alg }),
    )
    verdict.blocker = { status: 'unverifiable', reason: `Algorithm "${alg}" is not supported.` }
  }

  const expectedAlg = options.expected?.alg
  if (expectedAlg !== undefined && alg !== null && alg !== expectedAlg) {
    findings.push(
      finding(
        'alg_mismatch',
        'error',
        'header.alg',
        `The client is registered for ${expectedAlg} but the token is signed with ${alg}; the algorithm must come from configuration, not from the token (RFC 8725 §3.1, OIDC Core §3.1.3.7 step 7).`,
        SPEC.algVerification,
        { expected: expectedAlg, actual: alg },
      ),
    )
  }

  for (const p of SELF_CHOSEN_KEY) {
    const value = header[p.name]
    if (value === undefined) continue
    // A pointer (a URL) is shown as the finding's value; an embedded key or chain is not (it can be long).
    const actual = p.pointer ? { actual: value } : {}
    findings.push(finding(p.code, 'warning', `header.${p.name}`, p.message(show(value)), SPEC[p.name], actual))
  }

  const crit = header['crit']
  if (crit !== undefined) {
    const list = Array.isArray(crit) ? crit : null
    if (!list || list.length === 0 || !list.every((c) => typeof c === 'string')) {
      findings.push(
        finding(
          'crit_unsupported',
          'error',
          'header.crit',
          '"crit" must be a non-empty array of header parameter names (RFC 7515 §4.1.11); this one is not, so the token must be rejected.',
          SPEC.crit,
          { actual: crit },
        ),
      )
    } else {
      const unknown = list.filter((c) => !UNDERSTOOD_EXTENSIONS.has(c as string)) as string[]
      if (unknown.length > 0) {
        const b64 = unknown.includes('b64')
        findings.push(
          finding(
            'crit_unsupported',
            'error',
            'header.crit',
            `The header marks ${unknown.map((u) => `"${u}"`).join(', ')} as critical, and this verifier does not implement ${unknown.length === 1 ? 'that extension' : 'those extensions'}, so it must reject the token (RFC 7515 §4.1.11).${b64 ? ` "b64" (RFC 7797) changes what the signature covers: it was not verified, not even as if b64 were true (RFC 7797 §6 requires rejecting it when the extension is not implemented, and §7 says JWTs do not use the unencoded payload option).${header['b64'] === true ? ' Here b64 is true, the default, which still does not make the header acceptable.' : ''}` : ''}`,
            b64 ? SPEC.b64Crit : SPEC.crit,
            { actual: unknown.join(', ') },
          ),
        )
      }
    }
    verdict.blocker ??= { status: 'unverifiable', reason: 'The header lists critical extensions this verifier does not implement.' }
  } else if (header['b64'] !== undefined) {
    findings.push(
      finding(
        'crit_unsupported',
        'error',
        'header.b64',
        '"b64" appears without being listed in "crit" (RFC 7797 §6 requires it), and JWTs do not use the unencoded payload option (RFC 7797 §7). The signature was not verified.',
        SPEC.b64Crit,
        { actual: header['b64'] },
      ),
    )
    verdict.blocker ??= { status: 'unverifiable', reason: 'The header uses the "b64" extension, which JWTs must not use.' }
  }

  const kid = header['kid']
  if (kid !== undefined) {
    if (typeof kid !== 'string') {
      findings.push(
        finding(
          'claim_type_invalid',
          'warning',
          'header.kid',
          `"kid" must be a string (RFC 7515 §4.1.4); here it is ${show(kid)}.`,
          SPEC.kid,
          { actual: kid },
        ),
      )
    } else {
      verdict.kid = kid
      const why = suspiciousKid(kid)
      if (why) {
        findings.push(
          finding(
            'suspicious_kid',
            'warning',
            'header.kid',
            `The kid looks like an injection attempt: ${why}. A verifier that uses kid to build a file path, query or URL can be tricked; this one only compares it with the key set.`,
            KID_INJECTION,
            { actual: kid },
          ),
        )
      }
    }
  }
  return verdict
}
