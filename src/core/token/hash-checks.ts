/**
 * at_hash / c_hash checks for ID tokens (OIDC Core §3.1.3.6, §3.2.2.9–10, §3.3.2.10–11):
 * compared when the caller gives the access token or code, required when the response type
 * returned the ID token from the authorization endpoint together with that artifact.
 */
import type { Finding, InspectOptions } from './types.ts'
import { finding } from './findings.ts'
import { SPEC } from './spec-refs.ts'
import { hashForAlg, oidcHash } from './hashes.ts'

function words(responseType: string | undefined): Set<string> {
  return new Set((responseType ?? '').split(/\s+/).filter(Boolean))
}

export async function checkHashes(
  payload: Record<string, unknown>,
  alg: string,
  crv: string | undefined,
  options: InspectOptions,
  findings: Finding[],
): Promise<void> {
  const rt = words(options.expected?.responseType)
  const fromAuthz = rt.has('id_token')
  const items = [
    {
      claim: 'at_hash',
      value: options.expected?.accessToken,
      required: fromAuthz && rt.has('token'),
      ref: rt.has('code') ? SPEC.hybridIdToken : SPEC.implicitIdToken,
      validateRef: SPEC.implicitAtHash,
      what: 'access token',
    },
    {
      claim: 'c_hash',
      value: options.expected?.code,
      required: fromAuthz && rt.has('code'),
      ref: SPEC.hybridIdToken,
      validateRef: SPEC.codeValidation,
      what: 'authorization code',
    },
  ] as const
  for (const it of items) {
    const present = Object.prototype.hasOwnProperty.call(payload, it.claim)
    const code = it.claim === 'at_hash' ? 'missing_at_hash' : 'missing_c_hash'
    if (!present) {
      if (it.required) {
        findings.push(
          finding(
            code,
            'error',
            it.claim,
            `With response_type "${options.expected?.responseType ?? ''}" the ID token must carry "${it.claim}", which binds it to the ${it.what} returned with it.`,
            it.ref,
          ),
        )
      }
      continue
    }
    if (it.value === undefined) continue
    const claimed = payload[it.claim]
    if (alg.toLowerCase() === 'none') {
      // OIDC Core §3.1.3.6 takes the hash from the JOSE alg; an unsecured token (RFC 7519 §6)
      // has none, so there is nothing to compare with: a note, never a mismatch.
      findings.push(
        finding(
          'hash_not_computable',
          'info',
          it.claim,
          `"${it.claim}" cannot be checked: the token is unsigned (alg "${alg}"), and OIDC Core takes the hash function for ${it.claim} from the signing algorithm, so there is none to compute it with. This is not a mismatch; the missing signature is the problem.`,
          it.validateRef,
          { actual: claimed },
        ),
      )
      continue
    }
    const hash = hashForAlg(alg, crv)
    if (!hash) {
      // Not a mismatch either: without a defined hash there is no value to compare with.
      findings.push(
        finding(
          'hash_not_computable',
          'info',
          it.claim,
          `"${it.claim}" cannot be computed for alg "${alg}"${crv ? ` with curve ${crv}` : ''}: no hash function is defined for it, so it was not compared.`,
          alg.startsWith('Ed') ? SPEC.eddsaHash : it.validateRef,
          { actual: claimed },
        ),
      )
      continue
    }
    const computed = await oidcHash(it.value, alg, crv)
    if (computed !== claimed) {
      findings.push(
        finding(
          it.claim === 'at_hash' ? 'at_hash_mismatch' : 'c_hash_mismatch',
          'error',
          it.claim,
          `"${it.claim}" does not match the ${it.what}: the left half of its ${hash} hash is ${computed}. The ${it.what} was swapped or belongs to another response.`,
          alg === 'EdDSA' || alg === 'Ed25519' ? SPEC.eddsaHash : it.validateRef,
          { expected: computed, actual: claimed },
        ),
      )
    }
  }
}
