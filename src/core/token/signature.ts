/**
 * Signature verification: choose keys from the resolved set, say why each one was or was not
 * used, then let jose verify (RFC 7515 §5.2). The algorithm comes from the header but is only
 * accepted when the key agrees with it (RFC 8725 §3.1): an HMAC algorithm is never tried with a
 * public key (RFC 8725 §2.1, the classic key-confusion attack).
 */
import { compactVerify, errors } from 'jose'
import type { Finding, KeyCandidate, KeyChain, SignatureResult, KeySummary } from './types.ts'
import { algInfo, isHmac } from './algorithms.ts'
import { finding } from './findings.ts'
import { SPEC } from './spec-refs.ts'
import type { Jwk, KeySource } from './keys.ts'
import { importFor, summarize } from './key-cache.ts'

type Category = 'ok' | 'kid' | 'hs_public' | 'incompatible' | 'alg' | 'use'

interface Evaluated {
  jwk: Jwk
  summary: KeySummary
  category: Category
  reason: string
}

function describe(s: KeySummary): string {
  const kid = s.kid !== undefined ? `"${s.kid}"` : '(no kid)'
  return `${kid} (${[s.kty, s.size].filter(Boolean).join(' ')})`
}

function evaluate(
  jwk: Jwk,
  summary: KeySummary,
  alg: string,
  kid: string | undefined,
  setHasKids: boolean,
  x5t: string | undefined,
): Evaluated {
  const info = algInfo(alg)
  const base = { jwk, summary }
  // Without a kid, a header x5t (SHA-1 certificate thumbprint, RFC 7515 §4.1.7; ADFS sends only
  // this) names the key just as well, when the published keys carry x5t too.
  if (kid === undefined && x5t !== undefined && jwk['x5t'] !== x5t) {
    return {
      ...base,
      category: 'kid',
      reason: `Its x5t is ${typeof jwk['x5t'] === 'string' ? `"${jwk['x5t']}"` : 'missing'}, not the token's "${x5t}".`,
    }
  }
  // A pasted key without any kid (common when copying one key) is still a candidate: nothing in
  // the set contradicts the token's kid. Once keys carry kids, they must match exactly.
  if (kid !== undefined && jwk['kid'] !== kid && (setHasKids || jwk['kid'] !== undefined)) {
    const own = typeof jwk['kid'] === 'string' ? `"${jwk['kid']}"` : 'no kid'
    return { ...base, category: 'kid', reason: `Its kid is ${own}, not the token's "${kid}".` }
  }
  if (isHmac(alg) && jwk.kty !== 'oct') {
    return {
      ...base,
      category: 'hs_public',
      reason: `${alg} is a shared-secret (HMAC) algorithm; using this ${jwk.kty} public key as the secret is the key-confusion attack, so it is refused.`,
    }
  }
  if (info && jwk.kty !== info.kty) {
    return { ...base, category: 'incompatible', reason: `A ${jwk.kty} key cannot verify ${alg}, which needs a ${info.kty} key.` }
  }
  if (info?.crv !== undefined && jwk['crv'] !== info.crv) {
    return { ...base, category: 'incompatible', reason: `Curve ${String(jwk['crv'])} cannot verify ${alg}, which needs ${info.crv}.` }
  }
  if (jwk['use'] === 'enc') {
    return {
      ...base,
      category: 'use',
      reason: 'The key is marked "use": "enc" (encryption only, RFC 7517 §4.2); it must not verify signatures.',
    }
  }
  if (Array.isArray(jwk['key_ops']) && !(jwk['key_ops'] as unknown[]).includes('verify')) {
    return {
      ...base,
      category: 'use',
      reason: `The key's "key_ops" (${(jwk['key_ops'] as unknown[]).map(String).join(', ')}) do not include "verify" (RFC 7517 §4.3).`,
    }
  }
  if (typeof jwk['alg'] === 'string' && jwk['alg'] !== alg) {
    return { ...base, category: 'alg', reason: `The key is registered for ${jwk['alg']} (RFC 7517 §4.4), but the token says ${alg}.` }
  }
  return { ...base, category: 'ok', reason: `Compatible with ${alg}.` }
}

export interface VerifyInput {
  token: string
  alg: string
  kid: string | undefined
  /** The header's x5t, used to name the key only when there is no kid. */
  x5t?: string | undefined
  source: KeySource
}

/**
 * Where the verifying key came from, in words. Only the issuer's own published keys vouch for
 * the issuer (OIDC Core §10.1, OIDC Discovery §4): a key handed in by the user or found inside a
 * file says only that the file's author had the matching private key.
 */
function keyProvenance(chain: KeyChain): string {
  if (chain.source === 'issuer') return "from the issuer's published keys"
  if (chain.source === 'capture' && chain.origin) return `from ${chain.origin.label}, not from the issuer`
  return 'from the key set you pasted, not fetched from the issuer'
}

function result(status: SignatureResult['status'], alg: string | null, reason: string, chain: KeyChain): SignatureResult {
  return { status, alg, reason, chain }
}

/** Verifies with the resolved keys and explains the outcome. Pushes findings into `findings`. */
export async function verifyWithKeys(input: VerifyInput, findings: Finding[]): Promise<SignatureResult> {
  const { token, alg, kid, source } = input
  // x5t narrows the choice only when some published key carries an x5t to compare with.
  const x5t = kid === undefined && input.x5t !== undefined && source.keys.some((k) => k['x5t'] === input.x5t) ? input.x5t : undefined
  const chain = source.chain
  if (source.keys.length === 0) {
    return result('unverifiable', alg, source.unavailable ?? 'No keys to verify against.', chain)
  }

  const evaluated: Evaluated[] = []
  const setHasKids = source.keys.some((k) => k['kid'] !== undefined)
  for (const jwk of source.keys) {
    const summary = await summarize(jwk, chain.source === 'issuer' ? chain.issuer : undefined)
    evaluated.push(evaluate(jwk, summary, alg, kid, setHasKids, x5t))
  }
  const candidates: KeyCandidate[] = evaluated.map((e) => ({ key: e.summary, used: false, reason: e.reason }))
  chain.candidates = candidates

  const named = evaluated.filter((e) => e.category !== 'kid')
  if (kid !== undefined && named.length === 0) {
    const where =
      chain.source === 'issuer'
        ? `the issuer's key set${chain.refetched ? ' (fetched twice, in case of rotation)' : ''}`
        : chain.source === 'capture' && chain.origin
          ? `the key set from ${chain.origin.label}`
          : 'the key set you gave'
    const causes =
      chain.source === 'issuer'
        ? ' Likely causes: the token comes from another tenant or environment (test vs production), the app signs with its own keys (Entra: add ?appid=<client id> to jwks_uri, which needs the client ID), or the key was retired.'
        : " Check that the key set belongs to the token's issuer and is current."
    findings.push(
      finding('kid_not_found', 'error', 'header.kid', `No key with kid "${kid}" is in ${where}.${causes}`, SPEC.kid, {
        expected: kid,
        actual: evaluated.map((e) => e.summary.kid ?? '(none)').join(', '),
      }),
    )
    return result('unverifiable', alg, `No key in the set has the token's kid "${kid}".`, chain)
  }

  const usable = named.filter((e) => e.category === 'ok')
  if (usable.length === 0) {
    const hsPublic = named.find((e) => e.category === 'hs_public')
    if (hsPublic) {
      findings.push(
        finding(
          'hs_with_public_key',
          'error',
          'header.alg',
          `The token asks for ${alg} (a shared secret) but the ${kid !== undefined ? 'key it names' : 'available key'} is ${/^[AEIOR]/.test(hsPublic.jwk.kty) ? 'an' : 'a'} ${hsPublic.jwk.kty} public key. Accepting it would let anyone who knows the public key forge tokens; a correct verifier refuses.`,
          SPEC.keyConfusion,
          { expected: `an algorithm for ${hsPublic.jwk.kty} keys`, actual: alg },
        ),
      )
      return result('invalid', alg, `${alg} cannot be checked with a public key; the token is rejected.`, chain)
    }
    const useMismatch = named.filter((e) => e.category === 'use')
    for (const e of useMismatch) {
      findings.push(
        finding('key_use_mismatch', 'error', 'key', `Key ${describe(e.summary)}: ${e.reason}`, SPEC.use, {
          expected: 'use "sig" / key_ops "verify"',
          actual: String(e.jwk['use'] ?? JSON.stringify(e.jwk['key_ops'])),
        }),
      )
    }
    const algMismatch = named.filter((e) => e.category === 'alg')
    for (const e of algMismatch) {
      findings.push(
        finding('alg_mismatch', 'error', 'header.alg', `Key ${describe(e.summary)}: ${e.reason}`, SPEC.keyAlg, {
          expected: String(e.jwk['alg']),
          actual: alg,
        }),
      )
    }
    const namedByKid = kid !== undefined && named.some((e) => e.jwk['kid'] === kid)
    if (useMismatch.length > 0 || algMismatch.length > 0 || namedByKid) {
      const first = named[0]
      if (namedByKid && first && first.category === 'incompatible') {
        findings.push(
          finding(
            'signature_invalid',
            'error',
            'signature',
            `The key named by kid "${kid}" cannot have made this signature: ${first.reason}`,
            SPEC.algVerification,
            { actual: alg },
          ),
        )
      }
      return result('invalid', alg, `No key that matches the token may verify it. ${named.map((e) => e.reason).join(' ')}`, chain)
    }
    return result('unverifiable', alg, `None of the ${evaluated.length} key${evaluated.length === 1 ? '' : 's'} can verify ${alg}.`, chain)
  }

  let verified: Evaluated | undefined
  const failures: string[] = []
  for (const e of usable) {
    try {
      const key = await importFor(e.jwk, alg)
      await compactVerify(token, key, { algorithms: [alg] })
      verified = e
      break
    } catch (err) {
      failures.push(
        err instanceof errors.JWSSignatureVerificationFailed
          ? `${describe(e.summary)}: signature does not match.`
          : `${describe(e.summary)}: ${err instanceof Error ? err.message : String(err)}`,
      )
    }
  }
  usable.forEach((e) => {
    const c = candidates[evaluated.indexOf(e)]
    if (!c) return
    if (e === verified) {
      c.used = true
      c.reason = `Verified the signature (${alg}).`
    } else if (verified === undefined || usable.indexOf(e) < usable.indexOf(verified)) {
      c.reason = `Tried: the signature does not verify with it.`
    } else {
      c.reason = `Compatible, not needed: another key verified first.`
    }
  })

  if (kid === undefined && x5t === undefined && usable.length > 1) {
    findings.push(
      finding(
        'kid_ambiguous',
        'warning',
        'header.kid',
        `The token has no kid and ${usable.length} keys could verify ${alg}, so each was tried in turn${verified ? `; key ${describe(verified.summary)} verified it` : '; none verified it'}. Issuers with several keys should name the key (RFC 7515 §4.1.4).`,
        SPEC.kid,
      ),
    )
  }

  if (verified) {
    chain.selected = verified.summary
    return result('valid', alg, `Verified with key ${describe(verified.summary)} ${keyProvenance(chain)}.`, chain)
  }
  findings.push(
    finding(
      'signature_invalid',
      'error',
      'signature',
      `The signature does not verify with ${usable.length === 1 ? 'the matching key' : `any of the ${usable.length} matching keys`}: the token was changed after signing, or it was signed by a different key. ${failures.join(' ')}`.trim(),
      SPEC.jwsParse,
    ),
  )
  return result('invalid', alg, 'The signature does not match the key.', chain)
}
