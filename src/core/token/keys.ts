/**
 * Where verification keys come from: only the caller's JWKS or the issuer's own discovery
 * document (OIDC Discovery §4: iss + /.well-known/openid-configuration -> jwks_uri). Header
 * parameters that name keys (jku, x5u, jwk, x5c) are never followed (RFC 8725 §3.10).
 */
import type { Finding, FetchPurpose, FetchRecord, InspectOptions, KeyChain } from './types.ts'
import { finding } from './findings.ts'
import { SPEC } from './spec-refs.ts'
import { isEntraIssuer } from './entra.ts'
import { FetchNotAllowedError, fetchPolicy } from './fetch-policy.ts'
import { b2cDiscoveryUrl, discoveryUrlFor, substituteTenant } from './discovery-url.ts'

export type Jwk = Record<string, unknown> & { kty: string }

export interface KeySource {
  keys: Jwk[]
  chain: KeyChain
  findings: Finding[]
  /** When no keys could be obtained: why, in one sentence. */
  unavailable?: string
  /** The discovery document's issuer, when one was fetched. */
  discoveredIssuer?: string
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isJwk(v: unknown): v is Jwk {
  return isObject(v) && typeof v['kty'] === 'string'
}

/** Accepts a JWK Set, a single JWK, an array of JWKs, or any of these as JSON text. */
export function normalizeJwks(input: unknown): { keys: Jwk[]; error?: string } {
  let v = input
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v) as unknown
    } catch {
      return { keys: [], error: 'The key set is not valid JSON.' }
    }
  }
  if (Array.isArray(v)) return { keys: v.filter(isJwk) }
  if (isObject(v) && Array.isArray(v['keys'])) {
    const keys = (v['keys'] as unknown[]).filter(isJwk)
    if (keys.length === 0) return { keys, error: 'The key set has no usable keys (each key needs a "kty").' }
    return { keys }
  }
  if (isJwk(v)) return { keys: [v] }
  return { keys: [], error: 'This is not a JWK Set ({"keys":[...]}) nor a single JWK.' }
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name
  return String(e)
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The application ID for Entra's app-specific signing keys (`jwks_uri?appid=`), if known. */
function entraAppId(expected: InspectOptions['expected']): string | undefined {
  for (const candidate of [expected?.clientId, expected?.audience]) {
    if (typeof candidate !== 'string') continue
    const id = candidate.replace(/^api:\/\//i, '').replace(/\/.*$/, '')
    if (GUID.test(id)) return id.toLowerCase()
  }
  return undefined
}

function hasKid(keys: Jwk[], kid: string): boolean {
  return keys.some((k) => k['kid'] === kid)
}

/** Only what the fetch policy could ever allow is attempted (https, no credentials in the URL). */
function isFetchableUrl(u: string): boolean {
  return fetchPolicy(u, { trustedHosts: [] }).verdict !== 'refuse'
}

export async function resolveKeys(
  payload: Record<string, unknown> | null,
  kid: string | undefined,
  options: InspectOptions,
): Promise<KeySource> {
  const chain: KeyChain = { source: 'none', fetches: [], refetched: false, candidates: [] }
  if (kid !== undefined) chain.kid = kid
  const findings: Finding[] = []
  const keysOpt = options.keys
  if (!keysOpt) {
    return {
      keys: [],
      chain,
      findings,
      unavailable: "No keys were given: paste the issuer's JWKS, or let the app discover them from the issuer.",
    }
  }
  if ('jwks' in keysOpt) {
    chain.source = keysOpt.origin ? 'capture' : 'pasted'
    if (keysOpt.origin) chain.origin = keysOpt.origin
    const { keys, error } = normalizeJwks(keysOpt.jwks)
    if (error !== undefined || keys.length === 0) {
      const msg = error ?? 'The key set is empty.'
      const what = keysOpt.origin ? `The key set from ${keysOpt.origin.label}` : 'The pasted keys'
      findings.push(finding('keys_unavailable', 'warning', 'key', `${what} cannot be used: ${msg}`, SPEC.jwsParse))
      return { keys, chain, findings, unavailable: msg }
    }
    return { keys, chain, findings }
  }

  chain.source = 'issuer'
  const fetchJson = keysOpt.fetchJson
  const iss = payload?.['iss']
  if (typeof iss !== 'string' || iss.length === 0) {
    const msg = 'The token has no "iss" claim, so there is no issuer to discover keys from. Paste the JWKS instead.'
    findings.push(finding('keys_unavailable', 'warning', 'key', msg, SPEC.discovery))
    return { keys: [], chain, findings, unavailable: msg }
  }
  chain.issuer = iss
  if (!isFetchableUrl(discoveryUrlFor(iss))) {
    const msg = `The issuer "${iss}" is not an https URL, so it has no discovery document to fetch (OIDC Discovery §4). Paste the JWKS instead.`
    findings.push(finding('keys_unavailable', 'warning', 'key', msg, SPEC.discovery))
    return { keys: [], chain, findings, unavailable: msg }
  }

  const fetchOne = async (url: string, purpose: FetchPurpose): Promise<{ ok: true; doc: unknown } | { ok: false; error: string }> => {
    const rec: FetchRecord = { url, purpose, ok: false }
    chain.fetches.push(rec)
    try {
      const doc = await fetchJson(url)
      rec.ok = true
      rec.document = doc
      return { ok: true, doc }
    } catch (e) {
      rec.error = errorText(e)
      if (e instanceof FetchNotAllowedError && e.decision.verdict !== 'auto') {
        rec.notSent = { verdict: e.decision.verdict, host: e.decision.host, reason: e.decision.reason }
      }
      return { ok: false, error: rec.error }
    }
  }

  const unavailable = (msg: string): KeySource => {
    findings.push(finding('keys_unavailable', 'warning', 'key', msg, SPEC.discovery))
    return { keys: [], chain, findings, unavailable: msg }
  }

  const policyUrl = b2cDiscoveryUrl(iss, payload)
  if (policyUrl === null && /^https:\/\/[^/]+\.b2clogin\.com\//i.test(iss)) {
    return unavailable(
      `"${iss}" is an Azure AD B2C issuer, and B2C serves its keys per policy (user flow), but the token names no policy in "tfp" or "acr" (B2C_1_… or B2C_1A_…). Paste the JWKS from https://{host}/{tenant}/{policy}/discovery/v2.0/keys instead.`,
    )
  }
  const discoveryUrl = policyUrl ?? discoveryUrlFor(iss)
  chain.discoveryUrl = discoveryUrl
  const disc = await fetchOne(discoveryUrl, 'discovery')
  const discNotSent = chain.fetches[chain.fetches.length - 1]?.notSent
  if (!disc.ok && discNotSent) {
    return unavailable(
      `Nothing was requested from ${discNotSent.host ?? discoveryUrl}: ${discNotSent.reason} Approve it, or paste the issuer's JWKS instead.`,
    )
  }
  if (!disc.ok) {
    return unavailable(
      `Could not fetch the issuer's discovery document ${discoveryUrl}: ${disc.error}. If you are offline or the browser blocked the request (CORS), paste the issuer's JWKS instead.`,
    )
  }
  const doc = disc.doc
  if (!isObject(doc)) return unavailable(`The discovery document at ${discoveryUrl} is not a JSON object.`)
  const source: KeySource = { keys: [], chain, findings }
  if (typeof doc['issuer'] === 'string') {
    source.discoveredIssuer = doc['issuer']
    const expectedIss = substituteTenant(doc['issuer'], payload?.['tid'])
    if (expectedIss !== iss) {
      findings.push(
        finding(
          'iss_mismatch',
          'error',
          'iss',
          `The discovery document at ${discoveryUrl} names the issuer "${doc['issuer']}", not the token's "${iss}". OIDC Discovery §4.3 requires them to be identical; keys from this document do not vouch for this token.`,
          SPEC.discoveryIssuer,
          { expected: expectedIss, actual: iss },
        ),
      )
    }
  }
  const jwksUri = doc['jwks_uri']
  if (typeof jwksUri !== 'string' || !isFetchableUrl(jwksUri)) {
    return unavailable(`The discovery document at ${discoveryUrl} has no https "jwks_uri".`)
  }
  chain.jwksUri = jwksUri

  const loadSet = async (url: string, purpose: FetchPurpose): Promise<Jwk[] | string> => {
    const r = await fetchOne(url, purpose)
    const notSent = chain.fetches[chain.fetches.length - 1]?.notSent
    // Consent for the issuer's host does not cover a key set on another host (the discovery
    // document, i.e. whoever controls the issuer URL, chose it).
    if (!r.ok && notSent)
      return `The discovery document puts the keys at ${url}; nothing was requested from ${notSent.host ?? url}: ${notSent.reason}`
    if (!r.ok) return `Could not fetch the key set ${url}: ${r.error}.`
    const { keys, error } = normalizeJwks(r.doc)
    if (keys.length === 0) return `The key set at ${url} has no keys${error ? ` (${error})` : ''}.`
    return keys
  }

  const first = await loadSet(jwksUri, 'jwks')
  if (typeof first === 'string') {
    const blocked = chain.fetches[chain.fetches.length - 1]?.notSent !== undefined
    return unavailable(
      blocked
        ? `${first} Approve that host, or paste the JWKS instead.`
        : `${first} If you are offline or the browser blocked the request (CORS), paste the JWKS instead.`,
    )
  }
  source.keys = first
  if (kid === undefined || hasKid(first, kid)) return source

  // Unknown kid: the issuer may have rotated its keys since we (or a cache) last looked
  // (OIDC Core §10.1.1), so fetch once more before giving up.
  chain.refetched = true
  const again = await loadSet(jwksUri, 'jwks_refetch')
  if (typeof again !== 'string') {
    source.keys = again
    findings.push(
      finding(
        'keys_refetched',
        'info',
        'key',
        hasKid(again, kid)
          ? `The key "${kid}" was not in the key set at first; a second fetch (key rotation, OIDC Core §10.1.1) found it.`
          : `The key "${kid}" is not in the key set; it was fetched a second time in case the keys had just rotated (OIDC Core §10.1.1).`,
        SPEC.keyRotation,
      ),
    )
    if (hasKid(again, kid)) return source
  }

  // Entra apps with custom (app-specific) signing keys publish them at jwks_uri?appid=<app id>.
  const appId = entraAppId(options.expected)
  if (isEntraIssuer(iss) && appId !== undefined) {
    const sep = jwksUri.includes('?') ? '&' : '?'
    const appSet = await loadSet(`${jwksUri}${sep}appid=${encodeURIComponent(appId)}`, 'jwks_appid')
    if (typeof appSet !== 'string' && hasKid(appSet, kid)) {
      source.keys = appSet
      findings.push(
        finding(
          'keys_refetched',
          'info',
          'key',
          `The key "${kid}" is one of the application's own signing keys: it was found at the app-specific key set (jwks_uri?appid=${appId}), not in the tenant's common keys.`,
          SPEC.entraSigningKeys,
        ),
      )
    }
  }
  return source
}
