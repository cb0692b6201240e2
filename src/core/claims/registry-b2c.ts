/**
 * Azure AD B2C readings of claim names (issue 17 item 2): used when a token's issuer is a
 * `*.b2clogin.com` host or it carries a B2C policy in `tfp`/`acr` (platform.ts). B2C tokens come
 * from Entra's token service, so where nothing is listed here the Entra reading applies
 * (registry.ts). Facts checked on 2026-12-03 against Microsoft's B2C pages linked below; the
 * explanations are our own words.
 */
import type { ClaimName } from './claim-names.ts'
import type { ClaimText } from './registry-types.ts'
import { MS_B2C_CLAIMS, MS_B2C_CONFIGURE_TOKENS, MS_B2C_CUSTOM_ATTRIBUTES, MS_B2C_TOKENS } from './links.ts'

const B2C_TOKENS = { tokenTypes: ['id', 'access'], versions: ['1.0'] } satisfies Partial<ClaimText>

export const B2C_VARIANTS: Partial<Record<ClaimName, Partial<ClaimText>>> = {
  acr: {
    title: 'B2C policy (acr)',
    summary: 'The B2C user flow (B2C_1_…) or custom policy (B2C_1A_…) that issued the token.',
    details:
      'In Azure AD B2C, acr carries the name of the user flow or custom policy the user went through, not an assurance level. It appears instead of `tfp` when the user flow’s token compatibility setting "Claim representing user flow" is set to acr (the newer default); older tenants and flows use tfp.',
    watchFor:
      'Check it names the policy you expect: a token from another flow of the same tenant (say, a profile-edit flow) has the same issuer and keys.',
    definedIn: [MS_B2C_CONFIGURE_TOKENS, MS_B2C_CLAIMS],
    ...B2C_TOKENS,
  },
  idp: {
    summary: 'The identity provider the user signed in with (social or federated accounts).',
    details:
      'Present when the user signed in through an external identity provider configured in the B2C tenant: for example google.com, facebook.com, live.com, or the issuer or domain configured for a custom OpenID Connect or SAML provider. Absent for local accounts (email or user name with a B2C password).',
    watchFor: 'Key accounts on `sub`/`oid`, not on idp plus the provider’s user ID.',
    definedIn: [MS_B2C_CLAIMS],
    ...B2C_TOKENS,
  },
  oid: {
    summary: 'The user’s object ID in the B2C directory.',
    details:
      'The GUID of the user object in the Azure AD B2C directory, the same id Microsoft Graph uses for that user. User flows emit it when "User’s Object ID" is selected among the application claims; by default `sub` holds the same value.',
    watchFor: 'With `tid`, the stable key for a B2C user.',
    definedIn: [MS_B2C_CLAIMS],
    ...B2C_TOKENS,
  },
  sub: {
    summary: 'By default the user’s object ID in the B2C directory (not pairwise).',
    details:
      'Unlike Entra’s pairwise sub, B2C puts the user’s object ID in sub by default, so it equals `oid` and is the same for every app of the tenant. Custom policies can choose another value for the subject.',
    watchFor: 'Stable per user and tenant: a good account key. For apps of different B2C tenants it differs.',
    definedIn: [MS_B2C_CLAIMS],
    ...B2C_TOKENS,
  },
  iss: {
    summary: 'The B2C tenant that issued the token: https://<tenant>.b2clogin.com/<tenant id>/v2.0/.',
    details:
      'The issuer names the B2C tenant (by its ID, with a trailing slash), not the user flow: tokens of every policy in the tenant share it. Discovery and keys are served per policy, at https://<host>/<tenant>/<policy>/v2.0/.well-known/openid-configuration, so the policy comes from `tfp` or `acr`. Custom domains replace the b2clogin.com host.',
    watchFor: 'Compare the whole string, including the trailing slash, and check the policy claim as well.',
    definedIn: [MS_B2C_TOKENS],
    ...B2C_TOKENS,
  },
  'extn.<attributename>': {
    title: 'B2C custom attribute',
    summary: 'A custom user attribute defined in the B2C tenant (extension_<name>).',
    details:
      'A custom attribute created in the B2C tenant (User attributes) and selected as an application claim. Tokens of user flows name it extension_<attribute name>; Microsoft Graph stores it on the user as extension_<b2c-extensions-app client ID without dashes>_<attribute name>. Its meaning is whatever the tenant defined.',
    watchFor: 'If users can edit the attribute in a profile-edit flow, it is self-asserted: don’t authorize on it.',
    definedIn: [MS_B2C_CUSTOM_ATTRIBUTES],
    ...B2C_TOKENS,
  },
}
