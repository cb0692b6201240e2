/**
 * Microsoft Entra optional claims (configured per app), legacy optional claims, agent-identity
 * claims, and claims seen in real tokens that Microsoft does not document (status
 * 'observed-undocumented': our reading of samples, stated as such).
 */
import type { ClaimName } from './claim-names.ts'
import type { ClaimInfo } from './registry-types.ts'
import { MS_AGENT, MS_AT, MS_B2C_CLAIMS, MS_B2C_CONFIGURE_TOKENS, MS_B2C_TOKENS, MS_CAE, MS_DISCOVERY, MS_MI, MS_OPT, MS_OPT_CONFIG, MSAL_DATA_BOUNDARY } from './links.ts'
import { entra } from './registry-entra.ts'

const OPT = { definedIn: [MS_OPT] }
const LEGACY = { definedIn: [MS_OPT], status: 'legacy-documented' as const }
const AGENT = { definedIn: [MS_AGENT], tokenTypes: ['access'] } satisfies Partial<ClaimInfo>
const OBSERVED = { status: 'observed-undocumented' as const, definedIn: [MS_AT], tokenTypes: ['access'], versions: ['1.0'] } satisfies Partial<ClaimInfo>
const B2C = { definedIn: [MS_B2C_TOKENS, MS_B2C_CLAIMS], tokenTypes: ['id', 'access'], versions: ['1.0'], contexts: ['b2c' as const] } satisfies Partial<ClaimInfo>
const IGNORE = 'Not documented by Microsoft: don’t build on it; it can change or disappear without notice.'
const FACTS = 'A space-separated list of numbers. Their order means nothing and new values can appear: look for the values you care about and ignore the rest.'

export const ENTRA_OPTIONAL_CLAIMS = {
  xms_cc: entra('xms_cc', 'Client capabilities', 'Capabilities the calling app declared, e.g. "cp1" = can handle claims challenges.', 'The capabilities the client app told Entra it supports. The one in use today is "cp1": the client can handle a claims challenge, which makes it eligible for continuous access evaluation (CAE) and for Conditional Access step-up with authentication contexts. Resources see it only if they request the optional claim.', 'array', {
    tokenTypes: ['access'],
    definedIn: [MS_OPT, MS_CAE],
    watchFor: 'Only send a claims challenge (401 with WWW-Authenticate … claims=) to clients that declared cp1; compare case-insensitively (tokens show "CP1" too).',
  }),
  ipaddr: entra('ipaddr', 'IP address', 'The client IP address the user signed in from.', 'The public IP address seen by Entra when the user authenticated. Included by default in v1.0 tokens; an optional claim in v2.0.', 'string', {
    definedIn: [MS_OPT, MS_AT],
    personal: true,
    watchFor: 'Captured at sign-in, not at each request, and often a proxy or NAT address.',
  }),
  onprem_sid: entra('onprem_sid', 'On-premises SID', 'The user’s Windows security identifier in on-premises Active Directory.', 'For users synchronised from on-premises AD, the SID (S-1-5-21-…) of their on-premises account, which legacy applications use for authorization.', 'string', { ...OPT, personal: true }),
  pwd_exp: entra('pwd_exp', 'Password expiry', 'Sent when the user’s password is about to expire.', 'Present only when the password expires soon. Microsoft’s pages disagree on the form: the access-token reference calls it the expiry time as a NumericDate, the optional-claims reference the number of seconds after `iat`. A value far smaller than iat is the seconds form.', 'number', {
    definedIn: [MS_OPT, MS_AT],
  }),
  pwd_url: entra('pwd_url', 'Password change URL', 'Where the user can change their password.', 'A URL to send the user to so they can change their password; sent together with `pwd_exp`.', 'url', OPT),
  in_corp: entra('in_corp', 'Inside corporate network', 'The sign-in came from the corporate network.', 'Present (true) when the client signed in from an IP range the tenant’s MFA settings list as trusted; absent otherwise.', 'boolean', {
    ...OPT,
    watchFor: 'Network location is weak evidence; don’t use it to skip authentication checks.',
  }),
  acct: entra('acct', 'Account status', '0 = member of the tenant, 1 = guest.', 'The user’s type in the issuing tenant: 0 for a member, 1 for a guest (B2B).', 'number', OPT),
  ctry: entra('ctry', 'Country', 'The user’s country or region (ISO 3166-1 alpha-2).', 'A two-letter country code from the user’s profile, emitted only if set and valid.', 'string', { ...OPT, personal: true }),
  fwd: entra('fwd', 'Forwarded IP address', 'The original client IP when the request came through a VNET.', 'Adds the requester’s original IPv4 address when the request passed through a virtual network, alongside `ipaddr`.', 'string', { ...OPT, personal: true }),
  tenant_ctry: entra('tenant_ctry', 'Tenant country', 'The resource tenant’s country or region.', 'A two-letter country code the tenant’s administrators configured.', 'string', OPT),
  tenant_region_scope: entra('tenant_region_scope', 'Tenant region', 'The region of the resource tenant (e.g. NA, EU, WW).', 'The geographic region of the tenant that issued the token, such as NA, EU, AS, OC or WW.', 'string', OPT),
  verified_primary_email: entra('verified_primary_email', 'Verified primary email', 'The user’s primary, authoritative email address.', 'Taken from the user’s PrimaryAuthoritativeEmail attribute.', 'string', { ...OPT, personal: true }),
  verified_secondary_email: entra('verified_secondary_email', 'Verified secondary email', 'The user’s secondary authoritative email address.', 'Taken from the user’s SecondaryAuthoritativeEmail attribute.', 'string', { ...OPT, personal: true }),
  vnet: entra('vnet', 'VNET information', 'Virtual network details of the request.', 'Information identifying the virtual network the request came through. Microsoft documents it only as "VNET specifier information".', 'string', OPT),
  xms_edov: entra('xms_edov', 'Email domain owner verified', 'Whether the email’s domain is verified by its owner.', 'true when the domain of the `email` claim is verified in the user’s tenant. Apps that still must use email to link accounts should at least require this to be true.', 'boolean', {
    ...OPT,
    watchFor: 'Even when true, email is mutable: prefer `oid` + `tid`.',
  }),
  xms_pdl: entra('xms_pdl', 'Preferred data location', 'Where the user’s data lives in a Multi-Geo tenant (e.g. EUR, NAM, APC).', 'In tenants using Multi-Geo, the three-letter geography code of the user’s preferred data location, e.g. APC for Asia Pacific.', 'string', OPT),
  xms_pl: entra('xms_pl', 'User preferred language', 'The user’s preferred language (ll-cc, e.g. en-us).', 'The user’s preferred language, if set; for guests, taken from their home tenant.', 'string', OPT),
  xms_tpl: entra('xms_tpl', 'Tenant preferred language', 'The resource tenant’s preferred language (ll, e.g. en).', 'The preferred language configured for the tenant that issued the token.', 'string', OPT),
  ztdid: entra('ztdid', 'Zero-touch deployment ID', 'The device identity used by Windows Autopilot.', 'The device identity used for Windows Autopilot (zero-touch deployment).', 'string', OPT),
  'extn.<attributename>': entra('extn.<attributename>', 'Directory extension attribute', 'A custom attribute of the user, added as an optional claim.', 'A directory schema extension attribute. Configured as `extension_<app id without dashes>_<name>`, it appears in Entra JWTs as `extn.<name>` when requested as an optional claim; claims-mapping policies and Azure AD B2C custom attributes keep the `extension_…` form. Its meaning is defined by whoever created the extension in this tenant. An app can request at most 10 extension optional claims.', 'other', {
    definedIn: [MS_OPT_CONFIG],
    watchFor: 'Whether it can be trusted for authorization depends on who can write the attribute.',
  }),
  home_oid: entra('home_oid', 'Home object ID (legacy)', 'For guests: their object ID in their home tenant.', 'An older optional claim giving a guest user’s object ID in their home tenant. Microsoft no longer lists it among current optional claims.', 'guid', { ...LEGACY, personal: true }),
  platf: entra('platf', 'Device platform (legacy)', 'The platform of a managed device.', 'An older optional claim giving the device’s platform as a small number, only for managed devices. Microsoft no longer lists it.', 'string', LEGACY),
  enfpolids: entra('enfpolids', 'Enforced policy IDs (legacy)', 'Which policies were checked for this user (legacy).', 'An older optional claim listing the IDs of policies that were evaluated for the user. Microsoft no longer lists it.', 'array', LEGACY),
  signin_state: entra('signin_state', 'Sign-in state (legacy)', 'Flags about the device and session at sign-in.', 'An older optional claim with flags such as dvc_mngd (device managed), dvc_cmp (device compliant), dvc_dmjd (domain joined), dvc_mngd_app (managed through MDM), inknownntwk (inside a known network) and kmsi ("Keep me signed in" was chosen).', 'array', {
    ...LEGACY,
    watchFor: 'Don’t base security decisions on inknownntwk; use Conditional Access and CAE.',
  }),
  controls: entra('controls', 'Session controls (legacy)', 'Session restrictions Conditional Access asks the app to apply.', 'An older claim listing session controls: app_res (apply finer-grained restrictions), ca_enf (Conditional Access enforcement was deferred but still applies), no_cookie (this token must not be exchanged for a browser cookie).', 'array', LEGACY),
  xms_idrel: entra('xms_idrel', 'Identity relationship', 'How the subject relates to the resource tenant (member, guest, service principal, ...).', `${FACTS} Documented values include 1 member user, 3 Microsoft account member, 5 guest, 7 service principal, 9 device, 11 GDAP user, 13 app without a service principal, 15 passthrough, 17/19 native identity users, 21/23 Teams meeting participants, 25 content-sharing user, 27 fully synced multi-tenant-org member, 29 weak multi-tenant-org user, 31 DAP user, 33 federated managed identity.`, 'space_separated', AGENT),
  xms_act_fct: entra('xms_act_fct', 'Actor facts', 'Facts about the calling app (e.g. 11 = it is an agent identity).', `${FACTS} Documented: 11 = the actor is an agent identity, 13 = an agent’s user account.`, 'space_separated', AGENT),
  xms_sub_fct: entra('xms_sub_fct', 'Subject facts', 'Facts about the subject (e.g. 13 = an agent’s user account).', `${FACTS} Documented: 11 = the subject is an agent identity, 13 = the subject is an agent’s user account.`, 'space_separated', AGENT),
  xms_tnt_fct: entra('xms_tnt_fct', 'Tenant facts', 'Characteristics of the tenant named by tid.', FACTS, 'space_separated', AGENT),
  xms_par_app_azp: entra('xms_par_app_azp', 'Parent agent blueprint', 'The app ID of the blueprint (parent) of the calling agent identity.', 'Present in tokens obtained by an AI agent identity: the client ID of the agent blueprint it was created from. Useful for audit logs.', 'guid', {
    ...AGENT,
    watchFor: 'Microsoft advises logging it, not authorising on it.',
  }),
  app_displayname: entra('app_displayname', 'App display name', 'The display name of the calling app.', 'Seen in v1.0 access tokens (notably Microsoft Graph): the display name of the client app. Names are not unique and can be changed by the app’s owner.', 'string', {
    ...OBSERVED,
    watchFor: 'Display only; identify the caller by appid/azp.',
  }),
  puid: entra('puid', 'Internal user ID (puid)', 'An internal, Passport-style user identifier.', 'A 16-hex-digit identifier Microsoft services use internally. Not documented.', 'string', { ...OBSERVED, personal: true, watchFor: IGNORE }),
  xms_st: entra('xms_st', 'Original subject (xms_st)', 'Appears to carry the `sub` of an earlier token in the chain.', 'Seen as `{"sub": "…"}`. In samples it holds the pairwise sub of the token the client started from (e.g. the ID token, or the incoming token of an on-behalf-of exchange). Not documented.', 'object', { ...OBSERVED, personal: true, watchFor: IGNORE }),
  xms_tcdt: entra('xms_tcdt', 'Tenant creation time (xms_tcdt)', 'A per-tenant timestamp, read as the tenant’s creation date.', 'A NumericDate that is constant for a tenant across tokens; it is commonly read as the time the tenant was created. Not documented.', 'numeric_date', { ...OBSERVED, watchFor: IGNORE }),
  xms_ftd: entra('xms_ftd', 'Internal (xms_ftd)', 'Opaque internal data; decodes to bytes plus a data-center label.', 'A base64url value that decodes to 32 bytes, a 0x01 byte and a label such as "usnorth-dsms". Apparently internal routing data. Not documented.', 'string', { ...OBSERVED, versions: ['1.0', '2.0'], watchFor: IGNORE }),
  xms_acd: entra('xms_acd', 'Internal timestamp (xms_acd)', 'An undocumented timestamp.', 'A NumericDate whose meaning Microsoft has not published.', 'numeric_date', { ...OBSERVED, watchFor: IGNORE }),
  xms_pftexp: entra('xms_pftexp', 'Internal expiry (xms_pftexp)', 'An undocumented expiry timestamp.', 'A NumericDate that looks like an expiry for some internal state. Not documented.', 'numeric_date', { ...OBSERVED, watchFor: IGNORE }),
  xms_rd: entra('xms_rd', 'Internal (xms_rd)', 'Opaque internal data.', 'An opaque value of the form "0.<base64url>". Not documented.', 'string', { ...OBSERVED, watchFor: IGNORE }),
  xms_mirid: entra('xms_mirid', 'Managed identity resource ID', 'The Azure resource ID of the managed identity that got this token.', 'In tokens obtained by a managed identity: the Azure Resource Manager ID of the user-assigned identity, or of the resource a system-assigned identity belongs to (/subscriptions/…/resourceGroups/…/providers/…).', 'string', {
    ...OBSERVED,
    versions: ['1.0', '2.0'],
    definedIn: [MS_MI],
    watchFor: 'It contains names that can be changed or reused: authorise on `oid`, not on this path.',
  }),
  xms_az_rid: entra('xms_az_rid', 'Azure resource ID', 'The Azure compute resource associated with a managed-identity token.', 'An Azure Resource Manager resource ID (for example a virtual machine or app) linked to the managed identity that requested the token. Not documented.', 'string', { ...OBSERVED, versions: ['1.0', '2.0'], definedIn: [MS_MI] }),
  deviceid: entra('deviceid', 'Device ID', 'The device the user signed in from, as its Entra object ID, when known.', 'The object ID of the registered or joined device the user signed in from. Not documented as a token claim.', 'guid', { ...OBSERVED, tokenTypes: ['id', 'access'], personal: true }),
  xms_ssm: entra('xms_ssm', 'Smart session management (xms_ssm)', '"1" in tokens that continuous access evaluation can revoke.', 'Seen with the value "1" in access tokens issued to clients that declared cp1 when CAE applies; Azure SDK tests read it as "smart session management" and use it to confirm a token is CAE-enabled (revocable before it expires). Not documented.', 'string', {
    ...OBSERVED,
    versions: ['1.0', '2.0'],
    definedIn: [MS_CAE],
    watchFor: IGNORE,
  }),
  xms_cae: entra('xms_cae', 'CAE enabled (xms_cae)', '"1" when the token was issued under continuous access evaluation.', 'Seen with the value "1" in long-lived tokens issued to CAE-capable clients. Not documented.', 'string', {
    ...OBSERVED,
    versions: ['1.0', '2.0'],
    definedIn: [MS_CAE],
    watchFor: IGNORE,
  }),
  // Seen in real tokens, not documented by Microsoft as token claims (checked 2026-12-03).
  altsecid: entra('altsecid', 'Alternate security ID', 'Seen in tokens, undocumented: an ID of the user at an external identity provider.', 'Seen in v1.0 tokens of users who signed in with an account from outside the tenant, such as a personal Microsoft account or another federated provider, in forms like "1:live.com:<id>" or "5::<hex>": the provider and the user’s ID there. MSAL for Android reads it as the alternative account ID. Microsoft does not document it as a token claim.', 'string', {
    ...OBSERVED,
    tokenTypes: ['id', 'access'],
    personal: true,
    watchFor: `${IGNORE} Key users on oid + tid instead.`,
  }),
  xms_tdbr: entra('xms_tdbr', 'Tenant data boundary', 'Seen in tokens, undocumented: "EU" when the tenant is in the EU Data Boundary.', 'Seen as "EU" in tokens (and in client_info) of tenants whose data stays in the EU Data Boundary; absent for other tenants. MSAL.js copies it into the account’s dataBoundary ("EU" or "None"), which is the only public trace of its meaning. Microsoft does not document it as a token claim.', 'string', {
    ...OBSERVED,
    versions: ['1.0', '2.0'],
    tokenTypes: ['id', 'access'],
    definedIn: [MSAL_DATA_BOUNDARY],
    watchFor: IGNORE,
  }),
  xms_az_nwperimid: entra('xms_az_nwperimid', 'Network security perimeter IDs', 'Seen in tokens, undocumented: Azure network security perimeters linked to the caller.', 'Seen as an array (often empty) in managed-identity and user access tokens for Azure resources, and in Key Vault audit logs. Clients can ask for it through the claims parameter (managed identity libraries allow exactly this claim on IMDS), which points at Azure network security perimeter membership of the calling resource. Microsoft does not document it as a token claim.', 'array', {
    ...OBSERVED,
    versions: ['1.0', '2.0'],
    definedIn: [MS_MI],
    watchFor: IGNORE,
  }),
  xms_spcu: entra('xms_spcu', 'Internal flag (xms_spcu)', 'Seen in tokens, undocumented: "true" in some app-only tokens.', 'Seen with the value "true" in app-only access tokens (client credentials) for Microsoft Graph and the retired Azure AD Graph. Microsoft has not published what it means.', 'string', {
    ...OBSERVED,
    watchFor: IGNORE,
  }),
  tenant_region_sub_scope: entra('tenant_region_sub_scope', 'Tenant government sub-region', 'Seen in tokens, undocumented: the government cloud of the tenant (GCC, DOD, DODCON...).', 'Narrows tenant_region_scope for US government tenants: values such as GCC, DODCON (GCC High) and DOD. Entra publishes the same field in the tenant’s OpenID discovery document; as a token claim it is undocumented.', 'string', {
    ...OBSERVED,
    versions: ['1.0', '2.0'],
    definedIn: [MS_DISCOVERY],
    watchFor: IGNORE,
  }),
  cloud_instance_host_name: entra('cloud_instance_host_name', 'Cloud instance host', 'Seen in tokens, undocumented: the Entra cloud of the tenant (e.g. login.microsoftonline.com).', 'Names the host of the Entra cloud instance the tenant lives in, such as login.microsoftonline.com for the global cloud or login.microsoftonline.us for US Government. The tenant’s OpenID discovery document carries the same field (with cloud_instance_name); as a token claim it is undocumented.', 'string', {
    ...OBSERVED,
    versions: ['1.0', '2.0'],
    definedIn: [MS_DISCOVERY],
    watchFor: 'Don’t route on it: take the cloud from the authority you configured. Not documented as a token claim.',
  }),
  tfp: entra('tfp', 'B2C policy (tfp)', 'Azure AD B2C: the user flow or custom policy that issued the token.', 'The name of the Azure AD B2C user flow (B2C_1_…) or custom policy (B2C_1A_…) the user went through ("trust framework policy"). A user flow’s token compatibility setting decides whether the policy travels in tfp or in `acr`. B2C serves discovery and signing keys per policy, so the policy named here is the one whose keys verify the token.', 'string', {
    ...B2C,
    definedIn: [MS_B2C_CONFIGURE_TOKENS, MS_B2C_TOKENS],
    watchFor: 'Check it names the policy you expect: tokens of every flow of the tenant share the issuer.',
  }),
  emails: entra('emails', 'Email addresses (B2C)', 'Azure AD B2C: the email addresses of a local account.', 'The "Email Addresses" user attribute of Azure AD B2C user flows, as an array. For a local account it is the sign-in email; a social account may have none.', 'array', {
    ...B2C,
    personal: true,
    watchFor: 'Not a stable key: use `sub` / `oid`.',
  }),
  newUser: entra('newUser', 'New user (B2C)', 'Azure AD B2C: true when the user signed up during this flow.', 'Sent by Azure AD B2C user flows ("User is new") when the account was created in this sign-up or sign-in flow, so the app can run first-time onboarding.', 'boolean', B2C),
} satisfies Partial<Record<ClaimName, ClaimInfo>>
