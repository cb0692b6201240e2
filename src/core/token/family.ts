/**
 * What kind of token this is, from its claims and header. Families drive which rules apply
 * (ID tokens need iss/sub/aud/exp/iat, logout tokens need events...) and how claims are explained.
 */
import type { InspectOptions, InspectionReport, TokenFamily } from './types.ts'
import { entraVersionFromIssuer, isB2cIssuer, isEntraIssuer, isGraphAudience } from './entra.ts'

export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout'

export interface FamilyResult {
  family: TokenFamily
  label: string
  tokenType: InspectionReport['tokenType']
  version?: '1.0' | '2.0'
}

const LABELS: Record<TokenFamily, string> = {
  entra_v1_id: 'Microsoft Entra v1.0 ID token',
  entra_v2_id: 'Microsoft Entra v2.0 ID token',
  entra_v1_access: 'Microsoft Entra v1.0 access token',
  entra_v2_access: 'Microsoft Entra v2.0 access token',
  entra_graph_access: 'Microsoft Graph access token (Entra)',
  b2c: 'Azure AD B2C token',
  oidc_id: 'OpenID Connect ID token',
  oauth_access_jwt: 'OAuth 2.0 access token (JWT)',
  logout: 'OpenID Connect back-channel logout token',
  jwt: 'JSON Web Token',
  unknown: 'Unknown token',
}

const TYPE_OF: Record<TokenFamily, InspectionReport['tokenType']> = {
  entra_v1_id: 'id_token',
  entra_v2_id: 'id_token',
  entra_v1_access: 'access_token',
  entra_v2_access: 'access_token',
  entra_graph_access: 'access_token',
  b2c: 'id_token',
  oidc_id: 'id_token',
  oauth_access_jwt: 'access_token',
  logout: 'logout_token',
  jwt: 'jwt',
  unknown: 'unknown',
}

function has(p: Record<string, unknown>, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(p, name)
}

function typOf(header: Record<string, unknown> | null): string {
  const t = header?.['typ']
  return typeof t === 'string' ? t.toLowerCase().replace(/^application\//, '') : ''
}

function looksLikeAccess(p: Record<string, unknown>): boolean {
  return ['scp', 'scope', 'roles', 'appid', 'appidacr', 'azpacr', 'idtyp', 'client_id'].some((n) => has(p, n)) && !has(p, 'nonce')
}

function make(family: TokenFamily, version?: '1.0' | '2.0'): FamilyResult {
  const r: FamilyResult = { family, label: LABELS[family], tokenType: TYPE_OF[family] }
  if (version !== undefined) r.version = version
  return r
}

export function detectFamily(header: Record<string, unknown> | null, payload: unknown, expected: InspectOptions['expected']): FamilyResult {
  const p = typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : null
  let r = detectFromClaims(header, p)
  const wanted = expected?.tokenType
  if (wanted !== undefined && wanted !== r.tokenType) {
    // The caller knows where the token came from (e.g. the id_token of a token response).
    r = { ...r, tokenType: wanted }
  }
  return r
}

function detectFromClaims(header: Record<string, unknown> | null, p: Record<string, unknown> | null): FamilyResult {
  if (!p) {
    // A JWS whose payload is not a claims object (RFC 7515 Appendix A.4, RFC 7520 §4) is not a JWT.
    const r = make('unknown')
    return header ? { ...r, label: 'Signed content (JWS), not a JWT' } : r
  }
  const events = p['events']
  if (
    typOf(header) === 'logout+jwt' ||
    (typeof events === 'object' && events !== null && has(events as Record<string, unknown>, BACKCHANNEL_LOGOUT_EVENT))
  ) {
    return make('logout')
  }
  const iss = p['iss']
  const ver = p['ver'] === '1.0' || p['ver'] === '2.0' ? p['ver'] : entraVersionFromIssuer(iss)
  const acr = typeof p['acr'] === 'string' ? p['acr'] : ''
  if (isB2cIssuer(iss) || has(p, 'tfp') || /^b2c_1a?_/i.test(acr)) {
    const b2c = make('b2c', ver)
    return looksLikeAccess(p)
      ? { ...b2c, label: 'Azure AD B2C access token', tokenType: 'access_token' }
      : { ...b2c, label: 'Azure AD B2C ID token' }
  }
  if (isEntraIssuer(iss) || (typeof p['tid'] === 'string' && ver !== undefined)) {
    if (isGraphAudience(p['aud'])) return make('entra_graph_access', ver)
    const version = ver ?? '2.0'
    if (looksLikeAccess(p)) return make(version === '1.0' ? 'entra_v1_access' : 'entra_v2_access', version)
    return make(version === '1.0' ? 'entra_v1_id' : 'entra_v2_id', version)
  }
  if (typOf(header) === 'at+jwt') return make('oauth_access_jwt')
  if (looksLikeAccess(p)) return make('oauth_access_jwt')
  if (['nonce', 'at_hash', 'c_hash', 'azp', 'auth_time'].some((n) => has(p, n)) || (has(p, 'aud') && has(p, 'sub') && has(p, 'iss'))) {
    return make('oidc_id')
  }
  return make('jwt')
}
