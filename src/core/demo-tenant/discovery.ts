/**
 * Discovery documents and key sets in Entra's shapes (OIDC Discovery 1.0 §3 plus Entra's own
 * members such as cloud_instance_name and msgraph_host), for both the v2.0 and the v1.0 endpoints,
 * and the instance-discovery answer MSAL can ask for. Multi-tenant documents (common,
 * organizations) carry the `{tenantid}` placeholder in `issuer`, as Entra's do.
 */
import type { SigningKey } from './keys.ts'

export const LOGIN_HOST = 'login.microsoftonline.com'
export const LOGIN = `https://${LOGIN_HOST}`
export const GRAPH_HOST = 'graph.microsoft.com'
export const GRAPH_RESOURCE_ID = '00000003-0000-0000-c000-000000000000'

export function v2Issuer(tid: string): string {
  return `${LOGIN}/${tid}/v2.0`
}
export function v1Issuer(tid: string): string {
  return `https://sts.windows.net/${tid}/`
}

/**
 * `segment` is what the app put in the URL (GUID, 'common', 'organizations'); `tid` our tenant.
 * External ID serves the same document from {name}.ciamlogin.com (`base`) with its own issuer.
 */
export function v2Discovery(segment: string, tid: string, shaped?: { base: string; issuer: string }): Record<string, unknown> {
  const multi = segment === 'common' || segment === 'organizations'
  const base = shaped?.base ?? `${LOGIN}/${segment}`
  const doc = v2Document(base, multi, tid)
  if (shaped === undefined) return doc
  // External ID: no Kerberos or device-code endpoint, and the cloud instance is ciamlogin.com.
  const { kerberos_endpoint: _k, device_authorization_endpoint: _d, rbac_url: _r, ...rest } = doc
  return { ...rest, issuer: shaped.issuer, cloud_instance_name: 'ciamlogin.com' }
}

/**
 * Azure AD B2C's per-policy document ({name}.b2clogin.com/{tenant}/{policy}/v2.0/.well-known/…):
 * every endpoint carries the policy, the issuer is {host}/{tid}/v2.0/ with a trailing slash.
 */
export function b2cDiscovery(base: string, issuer: string): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    response_types_supported: [
      'code',
      'code id_token',
      'code token',
      'code id_token token',
      'id_token',
      'id_token token',
      'token',
      'token id_token',
    ],
    scopes_supported: ['openid'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    claims_supported: [
      'name',
      'given_name',
      'family_name',
      'emails',
      'newUser',
      'idp',
      'oid',
      'sub',
      'tfp',
      'iss',
      'iat',
      'exp',
      'aud',
      'acr',
      'nonce',
      'auth_time',
    ],
  }
}

/** The claims both Entra documents (v1 and v2) list first, in the order Entra lists them. */
const ENTRA_CLAIMS = [
  'sub',
  'iss',
  'cloud_instance_name',
  'cloud_instance_host_name',
  'cloud_graph_host_name',
  'msgraph_host',
  'aud',
  'exp',
  'iat',
  'auth_time',
  'acr',
] as const

/** The cloud-instance fields both Entra documents (v1 and v2) end with. */
function entraCloudFields(base: string, multi: boolean): Record<string, unknown> {
  return {
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: multi ? null : 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: GRAPH_HOST,
    rbac_url: 'https://pas.windows.net',
  }
}

function v2Document(base: string, multi: boolean, tid: string): Record<string, unknown> {
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: multi ? `${LOGIN}/{tenantid}/v2.0` : v2Issuer(tid),
    request_uri_parameter_supported: false,
    userinfo_endpoint: `https://${GRAPH_HOST}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [...ENTRA_CLAIMS, 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    ...entraCloudFields(base, multi),
  }
}

/** The v1.0 document (`/{tenant}/.well-known/openid-configuration`): sts.windows.net issuer, v1 endpoints. */
export function v1Discovery(segment: string, tid: string): Record<string, unknown> {
  const multi = segment === 'common' || segment === 'organizations'
  const base = `${LOGIN}/${segment}`
  return {
    token_endpoint: `${base}/oauth2/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${LOGIN}/common/discovery/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
    scopes_supported: ['openid'],
    issuer: multi ? 'https://sts.windows.net/{tenantid}/' : v1Issuer(tid),
    microsoft_multi_refresh_token: true,
    authorization_endpoint: `${base}/oauth2/authorize`,
    device_authorization_endpoint: `${base}/oauth2/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/logout`,
    claims_supported: [...ENTRA_CLAIMS, 'amr', 'nonce', 'email', 'given_name', 'family_name', 'nickname'],
    check_session_iframe: `${base}/oauth2/checksession`,
    userinfo_endpoint: `${base}/openid/userinfo`,
    ...entraCloudFields(base, multi),
  }
}

/**
 * Public keys only. Entra's tenant and multi-tenant v2 key sets carry an `issuer` per key (the
 * issuer a token signed by it must have); v1 sets do not.
 */
export function jwksDocument(key: SigningKey, issuer: string | undefined): { keys: Record<string, unknown>[] } {
  return {
    keys: [
      {
        kty: 'RSA',
        use: 'sig',
        kid: key.kid,
        x5t: key.kid,
        n: key.publicJwk.n,
        e: key.publicJwk.e,
        ...(key.x5c !== undefined ? { x5c: [key.x5c] } : {}),
        ...(issuer !== undefined ? { issuer } : {}),
      },
    ],
  }
}

/** `GET /common/discovery/instance?api-version=1.1&authorization_endpoint=…` (MSAL's cloud discovery). */
export function instanceDiscovery(authorizationEndpoint: string | null): Record<string, unknown> {
  let tenantDiscovery = `${LOGIN}/common/v2.0/.well-known/openid-configuration`
  if (authorizationEndpoint !== null) {
    const m = /^https:\/\/[^/]+\/([^/]+)\//.exec(authorizationEndpoint)
    if (m?.[1] !== undefined) tenantDiscovery = `${LOGIN}/${m[1]}/v2.0/.well-known/openid-configuration`
  }
  return {
    tenant_discovery_endpoint: tenantDiscovery,
    'api-version': '1.1',
    metadata: [
      {
        preferred_network: LOGIN_HOST,
        preferred_cache: 'login.windows.net',
        aliases: [LOGIN_HOST, 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
      },
    ],
  }
}
