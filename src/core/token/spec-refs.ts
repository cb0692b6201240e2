/**
 * Spec citations used by findings. Every finding carries one so the UI can link the exact rule.
 * Links point at the canonical rfc-editor.org and openid.net HTML, whose anchors are stable.
 */
import { OIDC_BACKCHANNEL_URL as OIDC_BCL, OIDC_DISCOVERY_URL as OIDC_DISCOVERY, oidc, rfc, type SpecLink } from '../spec-links.ts'

const ENTRA = 'https://learn.microsoft.com/en-us/entra/identity-platform'

export const SPEC = {
  jwsCompact: rfc(7515, '7.1'),
  jwsParse: rfc(7515, '5.2'),
  jwtValidate: rfc(7519, '7.2'),
  jwtClaims: rfc(7519, '4'),
  jweCompact: rfc(7516, '9'),
  alg: rfc(7515, '4.1.1'),
  jku: rfc(7515, '4.1.2'),
  jwk: rfc(7515, '4.1.3'),
  kid: rfc(7515, '4.1.4'),
  x5u: rfc(7515, '4.1.5'),
  x5c: rfc(7515, '4.1.6'),
  crit: rfc(7515, '4.1.11'),
  b64: rfc(7797, '7'),
  /** RFC 7797 §6: b64 must be listed in crit; a verifier that does not implement it must reject. */
  b64Crit: rfc(7797, '6'),
  typ: rfc(7515, '4.1.9'),
  unsecured: rfc(7519, '6'),
  algNoneBcp: rfc(8725, '3.1'),
  algVerification: rfc(8725, '3.1'),
  keyConfusion: rfc(8725, '2.1'),
  jwaAlgs: rfc(7518, '3.1'),
  rsaKeySize: rfc(7518, '3.3'),
  use: rfc(7517, '4.2'),
  keyOps: rfc(7517, '4.3'),
  keyAlg: rfc(7517, '4.4'),
  thumbprint: rfc(7638, '3'),
  exp: rfc(7519, '4.1.4'),
  nbf: rfc(7519, '4.1.5'),
  iat: rfc(7519, '4.1.6'),
  iss: rfc(7519, '4.1.1'),
  aud: rfc(7519, '4.1.3'),
  numericDate: rfc(7519, '2'),
  uniqueNames: rfc(7519, '4'),
  at9068: rfc(9068, '2.2'),
  at9068Typ: rfc(9068, '4'),
  introspection: rfc(7662, '2'),
  idToken: oidc('2', 'IDToken'),
  idTokenValidation: oidc('3.1.3.7', 'IDTokenValidation'),
  implicitIdToken: oidc('3.2.2.10', 'ImplicitIDToken'),
  implicitAtHash: oidc('3.2.2.9', 'ImplicitTokenValidation'),
  hybridIdToken: oidc('3.3.2.11', 'HybridIDToken'),
  codeValidation: oidc('3.3.2.10', 'CodeValidation'),
  nonce: oidc('3.1.2.1', 'AuthRequest'),
  aggregatedClaims: oidc('5.6.2', 'AggregatedDistributedClaims'),
  signing: oidc('10.1', 'Signing'),
  keyRotation: oidc('10.1.1', 'RotateSigKeys'),
  discovery: { label: 'OIDC Discovery 1.0 §4', url: `${OIDC_DISCOVERY}#ProviderConfig` },
  discoveryIssuer: { label: 'OIDC Discovery 1.0 §4.3', url: `${OIDC_DISCOVERY}#ProviderConfigurationValidation` },
  logoutToken: { label: 'OIDC Back-Channel Logout 1.0 §2.4', url: `${OIDC_BCL}#LogoutToken` },
  logoutValidation: { label: 'OIDC Back-Channel Logout 1.0 §2.6', url: `${OIDC_BCL}#Validation` },
  eddsaHash: {
    label: 'OpenID Connect WG issue 1125 (EdDSA _hash: SHA-512 for Ed25519)',
    url: 'https://bitbucket.org/openid/connect/issues/1125/_hash-algorithm-for-eddsa-id-tokens',
  },
  entraValidate: { label: 'Microsoft identity platform: validate tokens', url: `${ENTRA}/access-tokens#validate-tokens` },
  entraSigningKeys: { label: 'Microsoft identity platform: signing key rollover', url: `${ENTRA}/signing-key-rollover` },
  entraMultiTenant: {
    label: 'Microsoft identity platform: multi-tenant issuer validation',
    url: `${ENTRA}/access-tokens#validate-the-issuer`,
  },
  entraGraphToken: {
    label: 'Microsoft identity platform: access tokens are for the resource',
    url: `${ENTRA}/access-tokens#token-ownership`,
  },
  entraGroupsOverage: {
    label: 'Microsoft identity platform: groups overage claim',
    url: `${ENTRA}/access-token-claims-reference#groups-overage-claim`,
  },
  entraV1: { label: 'Microsoft identity platform: token versions', url: `${ENTRA}/access-tokens#token-formats` },
  msaOpaque: { label: 'Microsoft identity platform: access tokens are opaque to clients', url: `${ENTRA}/access-tokens` },
  refreshTokens: { label: 'Microsoft identity platform: refresh tokens', url: `${ENTRA}/refresh-tokens` },
  tooLarge: rfc(9110, '5.4'),
} as const satisfies Record<string, SpecLink>

/** RFC 8725 §3.10: received header values (kid, jku, x5u) must not be trusted blindly. */
export const KID_INJECTION = rfc(8725, '3.10')
