/**
 * Every claim name the registry must explain. The registry object is checked against this list
 * with `satisfies Record<ClaimName, ClaimInfo>`, so dropping an entry fails to compile, and a
 * unit test checks this list against ../shared/reference/claims.json.
 * Type-only at runtime use sites: nothing here ships in the first-view bundle unless imported.
 */
export const CLAIM_NAMES = [
  // RFC 7519 §4.1 registered claims
  'iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti',
  // OIDC Core §2, §3, §5.6.2, §7; FAPI; logout; SET (RFC 8417)
  'auth_time', 'nonce', 'acr', 'amr', 'azp', 'at_hash', 'c_hash', 's_hash', 'sub_jwk',
  '_claim_names', '_claim_sources', 'sid', 'events', 'toe', 'txn',
  // OIDC Core §5.1 standard profile claims
  'name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'profile',
  'picture', 'website', 'email', 'email_verified', 'gender', 'birthdate', 'zoneinfo', 'locale',
  'phone_number', 'phone_number_verified', 'address', 'updated_at',
  // OAuth: RFC 9068, RFC 8693, RFC 7643 attributes, RFC 7800 / 9449 confirmation
  'client_id', 'scope', 'groups', 'roles', 'entitlements', 'act', 'may_act', 'cnf',
  // RFC 9449 DPoP proof claims
  'htm', 'htu', 'ath',
  // Microsoft Entra: default claims of ID and access tokens
  'idp', 'aio', 'acrs', 'appid', 'appidacr', 'azpacr', 'oid', 'rh', 'tid', 'unique_name', 'uti',
  'ver', 'hasgroups', 'scp', 'wids', 'idtyp', 'login_hint',
  // Microsoft Entra: optional claims
  'xms_cc', 'ipaddr', 'onprem_sid', 'pwd_exp', 'pwd_url', 'in_corp', 'upn', 'acct', 'ctry', 'fwd',
  'tenant_ctry', 'tenant_region_scope', 'verified_primary_email', 'verified_secondary_email',
  'vnet', 'xms_edov', 'xms_pdl', 'xms_pl', 'xms_tpl', 'ztdid', 'extn.<attributename>',
  // Microsoft Entra: legacy optional claims
  'home_oid', 'platf', 'enfpolids', 'signin_state', 'controls',
  // Microsoft Entra: agent identities
  'xms_idrel', 'xms_act_fct', 'xms_sub_fct', 'xms_tnt_fct', 'xms_par_app_azp',
  // Microsoft Entra: seen in real tokens, not documented
  'app_displayname', 'puid', 'xms_st', 'xms_tcdt', 'xms_ftd', 'xms_acd', 'xms_pftexp', 'xms_rd',
  'xms_mirid', 'xms_az_rid', 'deviceid', 'xms_ssm', 'xms_cae',
  'altsecid', 'xms_tdbr', 'xms_az_nwperimid', 'xms_spcu', 'tenant_region_sub_scope', 'cloud_instance_host_name',
  // Azure AD B2C
  'tfp', 'emails', 'newUser',
  // Google, Okta, Auth0, Keycloak
  'hd', 'cid', 'uid', 'permissions', 'gty', 'org_id', 'org_name', 'typ', 'session_state',
  'realm_access', 'resource_access', 'allowed-origins',
] as const

export type ClaimName = (typeof CLAIM_NAMES)[number]
