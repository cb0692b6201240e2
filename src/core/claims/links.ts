/** Spec links used by the registries. Section anchors follow each publisher's own URL scheme. */
import type { SpecLink } from '../spec-links.ts'

export { oidc, rfc } from '../spec-links.ts'

export const OIDC_BACKCHANNEL: SpecLink = {
  label: 'OIDC Back-Channel Logout 1.0 §2.4',
  url: 'https://openid.net/specs/openid-connect-backchannel-1_0.html#LogoutToken',
}
export const OIDC_FRONTCHANNEL: SpecLink = {
  label: 'OIDC Front-Channel Logout 1.0 §3',
  url: 'https://openid.net/specs/openid-connect-frontchannel-1_0.html',
}
export const FAPI1_ADVANCED: SpecLink = {
  label: 'FAPI 1.0 Advanced §5.2.2.1',
  url: 'https://openid.net/specs/openid-financial-api-part-2-1_0.html',
}
export const OIDC_EAP_ACR: SpecLink = {
  label: 'OIDC EAP ACR Values 1.0',
  url: 'https://openid.net/specs/openid-connect-eap-acr-values-1_0.html',
}

const MS = 'https://learn.microsoft.com/en-us/entra/identity-platform/'
export const MS_ID: SpecLink = { label: 'Microsoft Entra: ID token claims', url: `${MS}id-token-claims-reference` }
export const MS_AT: SpecLink = { label: 'Microsoft Entra: access token claims', url: `${MS}access-token-claims-reference` }
export const MS_OPT: SpecLink = { label: 'Microsoft Entra: optional claims', url: `${MS}optional-claims-reference` }
export const MS_OPT_CONFIG: SpecLink = { label: 'Microsoft Entra: configure optional claims', url: `${MS}optional-claims` }
export const MS_TOKENS: SpecLink = { label: 'Microsoft Entra: access tokens', url: `${MS}access-tokens` }
export const MS_OVERAGE: SpecLink = {
  label: 'Microsoft Entra: groups overage claim',
  url: `${MS}access-token-claims-reference#groups-overage-claim`,
}
export const MS_CAE: SpecLink = {
  label: 'Microsoft Entra: continuous access evaluation',
  url: `${MS}app-resilience-continuous-access-evaluation`,
}
export const MS_AGENT: SpecLink = {
  label: 'Microsoft Entra Agent ID: token claims',
  url: 'https://learn.microsoft.com/en-us/entra/agent-id/agent-token-claims',
}
export const MS_B2C_TOKENS: SpecLink = {
  label: 'Azure AD B2C: tokens overview',
  url: 'https://learn.microsoft.com/en-us/azure/active-directory-b2c/tokens-overview',
}
/** Graph conditionalAccessApplications: includeUserActions lists urn:user:registersecurityinfo and urn:user:registerdevice. */
export const MS_CA_USER_ACTIONS: SpecLink = {
  label: 'Microsoft Graph: conditionalAccessApplications (user actions)',
  url: 'https://learn.microsoft.com/en-us/graph/api/resources/conditionalaccessapplications',
}
export const KEYCLOAK_25_UPGRADE: SpecLink = {
  label: 'Keycloak upgrading guide: migrating to 25.0.0 (session_state claim)',
  url: 'https://www.keycloak.org/docs/25.0.0/upgrading/',
}
/** MSAL.js reads xms_tdbr (from client_info) into the account's dataBoundary: the only public trace of its meaning. */
export const MSAL_DATA_BOUNDARY: SpecLink = {
  label: 'MSAL.js source: AccountEntity dataBoundary from xms_tdbr',
  url: 'https://github.com/AzureAD/microsoft-authentication-library-for-js/blob/dev/lib/msal-common/src/cache/entities/AccountEntity.ts',
}
/** The tenant's OpenID discovery document, which publishes tenant_region_sub_scope and cloud_instance_host_name. */
export const MS_DISCOVERY: SpecLink = {
  label: 'Microsoft Entra: OpenID Connect metadata document',
  url: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols-oidc#find-your-apps-openid-configuration-document-uri',
}
export const MS_B2C_CONFIGURE_TOKENS: SpecLink = {
  label: 'Azure AD B2C: token compatibility settings (claim representing the user flow)',
  url: 'https://learn.microsoft.com/en-us/azure/active-directory-b2c/configure-tokens',
}
export const MS_B2C_CUSTOM_ATTRIBUTES: SpecLink = {
  label: 'Azure AD B2C: custom attributes',
  url: 'https://learn.microsoft.com/en-us/azure/active-directory-b2c/user-flow-custom-attributes',
}
export const MS_B2C_CLAIMS: SpecLink = {
  label: 'Azure AD B2C: claims in tokens (tokens overview)',
  url: 'https://learn.microsoft.com/en-us/azure/active-directory-b2c/tokens-overview#claims',
}
export const MS_ROLES: SpecLink = {
  label: 'Microsoft Entra built-in roles',
  url: 'https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/permissions-reference',
}
export const MS_MI: SpecLink = {
  label: 'Managed identities for Azure resources',
  url: 'https://learn.microsoft.com/en-us/entra/identity/managed-identities-azure-resources/overview',
}

export const GOOGLE_ID: SpecLink = {
  label: "Google: an ID token's payload",
  url: 'https://developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload',
}
export const OKTA_TOKENS: SpecLink = {
  label: 'Okta: OpenID Connect & OAuth 2.0 tokens',
  url: 'https://developer.okta.com/docs/reference/api/oidc/',
}
export const AUTH0_CLAIMS: SpecLink = {
  label: 'Auth0: JSON Web Token claims',
  url: 'https://auth0.com/docs/secure/tokens/json-web-tokens/json-web-token-claims',
}
export const AUTH0_PROFILES: SpecLink = {
  label: 'Auth0: access token profiles',
  url: 'https://auth0.com/docs/secure/tokens/access-tokens/access-token-profiles',
}
export const KEYCLOAK_DOCS: SpecLink = {
  label: 'Keycloak Server Administration Guide',
  url: 'https://www.keycloak.org/docs/latest/server_admin/',
}
