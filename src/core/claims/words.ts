/**
 * Word tables for enumerated claim and header values. Lazily loaded with the humanisers.
 * Values from RFC 8176 (amr), OIDC EAP ACR Values, RFC 7518 (alg/enc), and the Entra claim
 * references; Entra-only values are marked as such.
 */

/** RFC 8176 §2 registered values plus the ones Entra emits. */
export const AMR: Record<string, string> = {
  face: 'Facial recognition',
  fpt: 'Fingerprint',
  geo: 'Geolocation',
  hwk: 'Proof of a hardware-protected key',
  iris: 'Iris scan',
  kba: 'Knowledge-based (security questions)',
  mca: 'Multiple-channel authentication',
  mfa: 'Multi-factor authentication',
  otp: 'One-time password / code',
  pin: 'PIN or pattern',
  pop: 'Proof of possession of a key',
  pwd: 'Password',
  rba: 'Risk-based authentication',
  retina: 'Retina scan',
  sc: 'Smart card',
  sms: 'Confirmation by SMS text message',
  swk: 'Proof of a software-protected key',
  tel: 'Confirmation by telephone call',
  user: 'User presence test',
  vbm: 'Voice biometrics',
  wia: 'Windows integrated authentication',
  // Entra additions (access-token claims reference)
  rsa: 'Proof of an RSA key (e.g. Microsoft Authenticator or a certificate) — Entra',
  fed: 'Federated assertion (SAML / JWT from another IdP) — Entra',
  ngcmfa: 'MFA-equivalent proof used to provision advanced credentials (e.g. Windows Hello) — Entra',
  wiaormfa: 'Windows credential or MFA — Entra',
  none: 'No completed authentication — Entra',
}

/** Entra reads pwd more broadly: an app authenticating with a client secret also gets it. */
export const ENTRA_AMR_PWD = 'Password (for an app: its client secret)'

export const ENTRA_ACR: Record<string, string> = {
  '0': 'Did not meet ISO/IEC 29115 basic assurance (e.g. long-lived session)',
  '1': 'Met basic assurance (says nothing about MFA)',
}

export const STANDARD_ACR: Record<string, string> = {
  '0': 'Below ISO/IEC 29115 level 1: OIDC Core §2 says it SHOULD NOT authorize access to anything of monetary value',
  phr: 'Phishing-resistant authentication (OIDC EAP ACR Values)',
  phrh: 'Phishing-resistant authentication with a hardware-protected key (OIDC EAP ACR Values)',
  'urn:mace:incommon:iap:bronze': 'InCommon Bronze identity assurance',
  'urn:mace:incommon:iap:silver': 'InCommon Silver identity assurance',
  'http://schemas.openid.net/pape/policies/2007/06/multi-factor': 'Multi-factor (OpenID PAPE policy)',
  'http://schemas.openid.net/pape/policies/2007/06/multi-factor-physical': 'Multi-factor with a physical device (OpenID PAPE policy)',
  'http://schemas.openid.net/pape/policies/2007/06/phishing-resistant': 'Phishing-resistant (OpenID PAPE policy)',
  'urn:okta:loa:1fa:any': 'Okta: one factor, any kind',
  'urn:okta:loa:1fa:pwd': 'Okta: one factor, password',
  'urn:okta:loa:2fa:any': 'Okta: two factors, any kind',
  'urn:okta:loa:2fa:any:ifpossible': 'Okta: two factors if the user has them enrolled',
  'phr:okta': 'Okta: phishing-resistant',
}

export const KEYCLOAK_ACR: Record<string, string> = {
  '0': 'Session reused (SSO cookie), no fresh login',
  '1': 'Fresh interactive login',
}

export const CLIENT_AUTH: Record<string, string> = {
  '0': 'Public client: no secret or certificate (anyone can present this client ID)',
  '1': 'Confidential client: authenticated with a client secret',
  '2': 'Confidential client: authenticated with a certificate or signed assertion',
}

export const XMS_IDREL: Record<string, string> = {
  '1': 'Member user',
  '3': 'Microsoft account (MSA) member user',
  '5': 'Guest user',
  '7': 'Service principal',
  '9': 'Device principal',
  '11': 'GDAP user',
  '13': 'Application without a service principal',
  '15': 'Passthrough',
  '17': 'Native identity user with a profile',
  '19': 'Native identity user',
  '21': 'Native identity Teams meeting participant',
  '23': 'Passthrough-authenticated Teams meeting participant',
  '25': 'Native identity content-sharing user',
  '27': 'Fully synced multi-tenant-organisation member',
  '29': 'Weak multi-tenant-organisation user',
  '31': 'DAP user',
  '33': 'Federated managed identity',
}

export const AGENT_FACTS: Record<string, string> = {
  '11': 'Agent identity',
  '13': 'Agent’s user account (agent ID user)',
}

export const SIGNIN_STATE: Record<string, string> = {
  dvc_mngd: 'Device is managed',
  dvc_cmp: 'Device is compliant',
  dvc_dmjd: 'Device is domain-joined',
  dvc_mngd_app: 'Device is managed through MDM',
  inknownntwk: 'Inside a known network',
  kmsi: '"Keep me signed in" was chosen',
}

export const CONTROLS: Record<string, string> = {
  app_res: 'The app must apply finer-grained restrictions',
  ca_enf: 'Conditional Access enforcement was deferred but still applies',
  no_cookie: 'This token must not be exchanged for a browser cookie',
}

export const XMS_CC: Record<string, string> = {
  cp1: 'Can handle claims challenges (eligible for continuous access evaluation and step-up)',
}

/** Multi-Geo data location codes (xms_pdl). */
export const DATA_LOCATION: Record<string, string> = {
  APC: 'Asia-Pacific',
  AUS: 'Australia',
  BRA: 'Brazil',
  CAN: 'Canada',
  EUR: 'Europe / Middle East / Africa',
  FRA: 'France',
  DEU: 'Germany',
  IND: 'India',
  ISR: 'Israel',
  ITA: 'Italy',
  JPN: 'Japan',
  KOR: 'Korea',
  NAM: 'North America',
  NOR: 'Norway',
  POL: 'Poland',
  QAT: 'Qatar',
  ZAF: 'South Africa',
  ESP: 'Spain',
  SWE: 'Sweden',
  CHE: 'Switzerland',
  ARE: 'United Arab Emirates',
  GBR: 'United Kingdom',
}

export const TENANT_REGION: Record<string, string> = {
  NA: 'North America',
  EU: 'Europe',
  AS: 'Asia',
  OC: 'Oceania',
  WW: 'Worldwide',
  AF: 'Africa',
  SA: 'South America',
  JP: 'Japan',
  USGov: 'US Government',
}

/** Well-known Entra tenant IDs. */
export const WELL_KNOWN_TENANTS: Record<string, string> = {
  '9188040d-6c67-4c5b-b112-36a304b66dad': 'Personal Microsoft accounts (consumers tenant)',
  'f8cdef31-a31e-4b4a-93e4-5f571e91255a': 'Microsoft Services tenant (home of many first-party apps)',
  '72f988bf-86f1-41af-91ab-2d7cd011db47': 'Microsoft corporate tenant',
}

/** Resource App ID URIs of well-known Microsoft APIs (v1.0 tokens put these in `aud`). */
export const RESOURCE_URIS: Record<string, string> = {
  'https://graph.microsoft.com': 'Microsoft Graph',
  'https://graph.microsoft.us': 'Microsoft Graph (US Government L4)',
  'https://dod-graph.microsoft.us': 'Microsoft Graph (US Government L5 / DoD)',
  'https://microsoftgraph.chinacloudapi.cn': 'Microsoft Graph (China, 21Vianet)',
  'https://graph.windows.net': 'Azure AD Graph (retired)',
  'https://management.azure.com': 'Azure Resource Manager',
  'https://management.core.windows.net': 'Azure Service Management / Resource Manager',
  'https://vault.azure.net': 'Azure Key Vault',
  'https://storage.azure.com': 'Azure Storage',
  'https://database.windows.net': 'Azure SQL Database',
  'https://ossrdbms-aad.database.windows.net': 'Azure Database for PostgreSQL / MySQL',
  'https://cosmos.azure.com': 'Azure Cosmos DB',
  'https://servicebus.azure.net': 'Azure Service Bus',
  'https://eventhubs.azure.net': 'Azure Event Hubs',
  'https://monitor.azure.com': 'Azure Monitor',
  'https://api.loganalytics.io': 'Log Analytics API',
  'https://kusto.kusto.windows.net': 'Azure Data Explorer',
  'https://outlook.office.com': 'Exchange Online (Outlook)',
  'https://outlook.office365.com': 'Exchange Online (Outlook)',
  'https://analysis.windows.net/powerbi/api': 'Power BI',
  'https://api.spaces.skype.com': 'Microsoft Teams services',
  'https://manage.office.com': 'Office 365 Management APIs',
  'https://cognitiveservices.azure.com': 'Azure AI services',
  'https://ai.azure.com': 'Azure AI Foundry',
  'https://app.vssps.visualstudio.com': 'Azure DevOps',
}

export const OIDC_SCOPES: Record<string, string> = {
  openid: 'Sign the user in (OpenID Connect): yields an ID token',
  profile: 'Read basic profile claims (name, username, ...)',
  email: 'Read the user’s email address',
  address: 'Read the user’s postal address',
  phone: 'Read the user’s phone number',
  offline_access: 'Get a refresh token to keep access while the user is away',
}

export const JWS_ALG: Record<string, string> = {
  HS256: 'HMAC with SHA-256 (shared secret)',
  HS384: 'HMAC with SHA-384 (shared secret)',
  HS512: 'HMAC with SHA-512 (shared secret)',
  RS256: 'RSA PKCS#1 v1.5 signature with SHA-256',
  RS384: 'RSA PKCS#1 v1.5 signature with SHA-384',
  RS512: 'RSA PKCS#1 v1.5 signature with SHA-512',
  PS256: 'RSA-PSS signature with SHA-256',
  PS384: 'RSA-PSS signature with SHA-384',
  PS512: 'RSA-PSS signature with SHA-512',
  ES256: 'ECDSA on P-256 with SHA-256',
  ES384: 'ECDSA on P-384 with SHA-384',
  ES512: 'ECDSA on P-521 with SHA-512',
  ES256K: 'ECDSA on secp256k1 with SHA-256',
  EdDSA: 'Edwards-curve signature (Ed25519 / Ed448)',
  Ed25519: 'Ed25519 signature',
  none: 'NO SIGNATURE: anyone can forge this token',
}

export const JWE_ALG: Record<string, string> = {
  RSA1_5: 'RSA PKCS#1 v1.5 key encryption (deprecated)',
  'RSA-OAEP': 'RSA-OAEP key encryption',
  'RSA-OAEP-256': 'RSA-OAEP with SHA-256 key encryption',
  A128KW: 'AES-128 key wrap',
  A192KW: 'AES-192 key wrap',
  A256KW: 'AES-256 key wrap',
  dir: 'Direct use of a shared symmetric key',
  'ECDH-ES': 'ECDH-ES key agreement',
  'ECDH-ES+A128KW': 'ECDH-ES with AES-128 key wrap',
  'ECDH-ES+A192KW': 'ECDH-ES with AES-192 key wrap',
  'ECDH-ES+A256KW': 'ECDH-ES with AES-256 key wrap',
  A128GCMKW: 'AES-128-GCM key wrap',
  A192GCMKW: 'AES-192-GCM key wrap',
  A256GCMKW: 'AES-256-GCM key wrap',
  'PBES2-HS256+A128KW': 'Password-based (PBES2) with AES-128 key wrap',
  'PBES2-HS384+A192KW': 'Password-based (PBES2) with AES-192 key wrap',
  'PBES2-HS512+A256KW': 'Password-based (PBES2) with AES-256 key wrap',
}

export const JWE_ENC: Record<string, string> = {
  'A128CBC-HS256': 'AES-128-CBC with HMAC SHA-256',
  'A192CBC-HS384': 'AES-192-CBC with HMAC SHA-384',
  'A256CBC-HS512': 'AES-256-CBC with HMAC SHA-512',
  A128GCM: 'AES-128-GCM',
  A192GCM: 'AES-192-GCM',
  A256GCM: 'AES-256-GCM',
}

export const HEADER_TYP: Record<string, string> = {
  jwt: 'A JSON Web Token (Entra uses it for ID and access tokens)',
  'at+jwt': 'An OAuth access token (RFC 9068 profile)',
  'dpop+jwt': 'A DPoP proof (RFC 9449)',
  'logout+jwt': 'An OpenID Connect back-channel logout token',
  'secevent+jwt': 'A Security Event Token (RFC 8417)',
  'oauth-authz-req+jwt': 'A signed authorization request object (RFC 9101)',
  'token-introspection+jwt': 'A signed token introspection response (RFC 9701)',
  'client-authentication+jwt': 'A client authentication assertion',
  jose: 'A JWS / JWE in compact serialization',
  'jose+json': 'A JWS / JWE in JSON serialization',
}

export const KEYCLOAK_TYP: Record<string, string> = {
  Bearer: 'Access token',
  ID: 'ID token',
  Refresh: 'Refresh token',
  Offline: 'Offline (long-lived) refresh token',
  Logout: 'Logout token',
}

export const IDTYP: Record<string, string> = {
  app: 'Application acting as itself (app-only, no user)',
  user: 'A user (delegated access)',
  device: 'A device',
}
