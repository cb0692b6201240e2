/**
 * Google, Okta, Auth0 and Keycloak: their own claims, and their readings of shared claim names
 * (merged over the standard text when the token's issuer is theirs, see platform.ts).
 */
import type { ClaimName } from './claim-names.ts'
import type { ClaimContext } from './platform.ts'
import type { ClaimInfo, ClaimText } from './registry-types.ts'
import { AUTH0_CLAIMS, AUTH0_PROFILES, GOOGLE_ID, KEYCLOAK_25_UPGRADE, KEYCLOAK_DOCS, OKTA_TOKENS } from './links.ts'
import { GOOGLE_EMAIL_VERIFIED } from './registry-profile.ts'

function vendor(
  name: ClaimName,
  context: ClaimContext,
  title: string,
  summary: string,
  details: string,
  kind: ClaimText['kind'],
  extra: Partial<ClaimInfo> = {},
): ClaimInfo {
  const link = { google: GOOGLE_ID, okta: OKTA_TOKENS, auth0: AUTH0_CLAIMS, keycloak: KEYCLOAK_DOCS }[context as 'google']
  return {
    name,
    title,
    summary,
    details,
    kind,
    definedIn: link === undefined ? [] : [link],
    tokenTypes: ['access'],
    versions: [],
    status: 'documented',
    personal: false,
    contexts: [context],
    ...extra,
  }
}

export const VENDOR_CLAIMS = {
  hd: vendor(
    'hd',
    'google',
    'Hosted domain',
    'The Google Workspace (or Cloud Identity) domain of the user.',
    'Present only for accounts that belong to a Google Workspace or Cloud Identity organisation; consumer Gmail accounts have no hd.',
    'string',
    {
      tokenTypes: ['id'],
      watchFor:
        'To restrict sign-in to your organisation, check hd in the verified token — the hd parameter of the request is only a UI hint and can be removed by the user.',
    },
  ),
  cid: vendor(
    'cid',
    'okta',
    'Client ID',
    'The client ID of the app that requested the token.',
    'Okta’s name for the requesting client in access tokens.',
    'string',
  ),
  uid: vendor(
    'uid',
    'okta',
    'Okta user ID',
    'The Okta user ID of the user (absent in client-credentials tokens).',
    'The internal ID of the user in the Okta org (e.g. 00u…).',
    'string',
    { personal: true },
  ),
  permissions: vendor(
    'permissions',
    'auth0',
    'Permissions',
    'RBAC permissions granted for this API.',
    'Added by Auth0 when role-based access control and "Add Permissions in the Access Token" are enabled for the API: the permissions of the user’s roles for this API.',
    'array',
    {
      definedIn: [AUTH0_CLAIMS],
    },
  ),
  gty: vendor(
    'gty',
    'auth0',
    'Grant type',
    'The OAuth grant that produced the token (e.g. client-credentials, password).',
    'Auth0 records the grant type used, such as client-credentials for machine-to-machine tokens or password for the resource-owner password grant.',
    'string',
    {
      watchFor:
        '"password" means the app collected the user’s password itself: a grant deprecated by OAuth security best practice (RFC 9700).',
    },
  ),
  org_id: vendor(
    'org_id',
    'auth0',
    'Organization ID',
    'The Auth0 Organization the user logged in through.',
    'Set when the login happened in the context of an Auth0 Organization (IDs start with org_).',
    'string',
    {
      tokenTypes: ['id', 'access'],
      watchFor: 'Apps using Organizations must check it equals the organization they expected.',
    },
  ),
  org_name: vendor(
    'org_name',
    'auth0',
    'Organization name',
    'The name of the Auth0 Organization.',
    'The human-readable name of the Organization, when the tenant is configured to include it.',
    'string',
    {
      tokenTypes: ['id', 'access'],
      watchFor: 'Names can change: authorise on org_id.',
    },
  ),
  typ: vendor(
    'typ',
    'keycloak',
    'Keycloak token type',
    'What kind of Keycloak token this is: Bearer, ID, Refresh, Offline, Logout.',
    'A payload claim (not the JOSE `typ` header) in which Keycloak states the token kind: Bearer for access tokens, ID for ID tokens, Refresh or Offline for refresh tokens.',
    'string',
    {
      tokenTypes: ['access', 'id', 'refresh'],
      watchFor:
        'Check it is "Bearer" before accepting a Keycloak token as an access token; otherwise an ID or refresh token could be replayed to your API.',
    },
  ),
  session_state: vendor(
    'session_state',
    'keycloak',
    'Session state',
    'The ID of the user’s Keycloak session (older Keycloak; sid replaces it).',
    'The Keycloak user-session ID. Since Keycloak 25 it is no longer put into tokens by default: the standard `sid` claim carries the same session ID, and session_state appears only where a client scope adds it back with a session-state mapper, or the server is older than 25.',
    'string',
    {
      tokenTypes: ['id', 'access'],
      definedIn: [KEYCLOAK_DOCS, KEYCLOAK_25_UPGRADE],
      watchFor: 'Read the session from `sid`; code that still expects session_state breaks on a default Keycloak 25 or later.',
    },
  ),
  realm_access: vendor(
    'realm_access',
    'keycloak',
    'Realm roles',
    'Realm-wide roles of the user: {"roles": [...]}.',
    'Roles the user holds in the Keycloak realm as a whole.',
    'object',
  ),
  resource_access: vendor(
    'resource_access',
    'keycloak',
    'Client roles',
    'Roles per client: {"<client>": {"roles": [...]}}.',
    'Roles the user holds in specific Keycloak clients, keyed by client ID.',
    'object',
    {
      watchFor: 'Read the roles under your own client ID only.',
    },
  ),
  'allowed-origins': vendor(
    'allowed-origins',
    'keycloak',
    'Allowed origins',
    'Origins this client may call from in the browser (CORS).',
    'The web origins configured for the client; Keycloak’s adapters use them for CORS checks.',
    'array',
  ),
} satisfies Partial<Record<ClaimName, ClaimInfo>>

/** Vendor readings of claim names whose base entry lives in another registry file. */
export const VENDOR_VARIANTS: Partial<Record<ClaimName, Partial<Record<ClaimContext, Partial<ClaimText>>>>> = {
  iss: {
    google: {
      summary: 'Google’s issuer: https://accounts.google.com (or accounts.google.com).',
      details: 'Google ID tokens use either `https://accounts.google.com` or `accounts.google.com`; both are genuine.',
      watchFor: 'Accept exactly those two values.',
      definedIn: [GOOGLE_ID],
      tokenTypes: ['id'],
    },
    okta: {
      summary: 'The Okta authorization server that issued the token.',
      details:
        'The org authorization server (`https://{your domain}`) or a custom one (`https://{your domain}/oauth2/{server id}`, e.g. …/oauth2/default).',
      watchFor:
        'Access tokens from the org server are meant for Okta’s own APIs: your API should accept tokens from a custom authorization server (whose default audience is often api://default).',
      definedIn: [OKTA_TOKENS],
    },
    auth0: {
      summary: 'The Auth0 tenant (or its custom domain) that issued the token.',
      details: 'Of the form `https://{tenant}.{region}.auth0.com/` or a custom domain — with a trailing slash.',
      watchFor: 'Compare exactly, including the trailing slash.',
      definedIn: [AUTH0_CLAIMS],
    },
    keycloak: {
      summary: 'The Keycloak realm that issued the token.',
      details:
        '`https://{host}/realms/{realm}` (older versions: `/auth/realms/{realm}`). The realm is part of the issuer, so each realm is a separate issuer.',
      definedIn: [KEYCLOAK_DOCS],
    },
  },
  sub: {
    google: {
      summary: 'The Google account’s permanent numeric ID.',
      details:
        'A numeric string that never changes and is never reused for another account — the right key for a Google user, unlike the email address.',
      definedIn: [GOOGLE_ID],
      tokenTypes: ['id'],
    },
    auth0: {
      summary: 'The user ID, prefixed with the connection that authenticated them.',
      details:
        'Of the form `<connection>|<id>` (e.g. `auth0|…` for the database, `google-oauth2|…` for Google). Machine-to-machine tokens use `<client id>@clients`.',
      definedIn: [AUTH0_CLAIMS],
    },
  },
  aud: {
    google: {
      summary: 'Your OAuth client ID (….apps.googleusercontent.com).',
      details: 'The client ID of your app from the Google Cloud console.',
      watchFor: 'Must equal one of your own client IDs.',
      definedIn: [GOOGLE_ID],
      tokenTypes: ['id'],
    },
    auth0: {
      summary: 'The API identifier(s) the token is for.',
      details: 'The identifier of your API; when the openid scope was requested the array also contains the tenant’s /userinfo URL.',
      definedIn: [AUTH0_PROFILES],
    },
  },
  azp: {
    google: {
      summary: 'The client that requested the token, when different from aud.',
      details:
        'Set when the requester differs from the audience, e.g. an Android app asking for an ID token for the web client of the same project.',
      definedIn: [GOOGLE_ID],
    },
    auth0: {
      summary: 'The client that requested the token.',
      details:
        'In the default Auth0 token profile, the client ID of the app that requested the token (the RFC 9068 profile uses client_id instead).',
      tokenTypes: ['access', 'id'],
      definedIn: [AUTH0_PROFILES],
    },
    keycloak: {
      summary: 'The Keycloak client that received this token.',
      details: 'The client ID of the Keycloak client that requested the token; present in both ID and access tokens.',
      tokenTypes: ['id', 'access'],
      definedIn: [KEYCLOAK_DOCS],
    },
  },
  acr: {
    keycloak: {
      summary: 'Keycloak level of authentication ("1" fresh login, "0" SSO reuse by default).',
      details:
        'With default settings Keycloak writes "1" after an interactive login and "0" when the session cookie was reused; realms can map their own levels of authentication (LoA) to other values.',
      definedIn: [KEYCLOAK_DOCS],
    },
  },
  jti: {
    okta: {
      summary: 'The token ID; its prefix shows the kind (AT. access, ID. ID token).',
      details: 'Okta token IDs start with "AT." for access tokens and "ID." for ID tokens.',
      definedIn: [OKTA_TOKENS],
    },
  },
  scope: {
    auth0: {
      details:
        'The scopes granted for the API, space-separated. With RBAC, the `permissions` claim lists the user’s permissions separately.',
      definedIn: [AUTH0_CLAIMS],
    },
  },
  email_verified: { google: GOOGLE_EMAIL_VERIFIED },
}
