/**
 * Microsoft Entra claims that appear by default in ID and access tokens (v1.0 and v2.0).
 * Sources: the Entra ID-token and access-token claim references (see links.ts); facts checked
 * against those pages, explanations in our own words.
 */
import type { ClaimName } from './claim-names.ts'
import type { ClaimInfo, ClaimText } from './registry-types.ts'
import { MS_AT, MS_CA_USER_ACTIONS, MS_ID, MS_OPT, MS_OVERAGE, MS_ROLES, MS_TOKENS, OKTA_TOKENS } from './links.ts'

/** An Entra claim in both token kinds and both versions unless `extra` says otherwise. */
export function entra(
  name: ClaimName,
  title: string,
  summary: string,
  details: string,
  kind: ClaimText['kind'],
  extra: Partial<ClaimInfo> = {},
): ClaimInfo {
  return {
    name,
    title,
    summary,
    details,
    kind,
    definedIn: [MS_AT],
    tokenTypes: ['id', 'access'],
    versions: ['1.0', '2.0'],
    status: 'documented',
    personal: false,
    contexts: ['entra'],
    ...extra,
  }
}

const CLIENT_AUTH_DETAILS =
  'How the calling app proved its identity when it got this token: "0" = public client (SPA, mobile or desktop app; no secret, so anyone can use its client ID), "1" = client ID and client secret, "2" = client certificate or a signed assertion (including federated credentials and managed identities).'

export const ENTRA_CLAIMS = {
  idp: entra(
    'idp',
    'Identity provider',
    'Who actually authenticated the user (differs from iss for guests and federated users).',
    'The authority that verified the user’s credentials. For users homed in the issuing tenant it equals `iss` (and is often left out: then read iss). For a B2B guest it names their home: `https://sts.windows.net/{home tenant id}/` for a guest from another Entra tenant, `live.com` (or the consumer tenant 9188040d-6c67-4c5b-b112-36a304b66dad) for a personal Microsoft account, `google.com` or `facebook.com` for social federation, `mail` for a guest who signed in with an email one-time passcode. An external SAML/WS-Fed identity provider shows its own issuer.',
    'string',
    {
      definedIn: [MS_ID, MS_AT],
      watchFor: 'Tells you a guest came from elsewhere; it is not a key for correlating the same person across tenants.',
      variants: {
        okta: {
          summary: 'Which identity provider, by its Okta ID, authenticated the user.',
          details:
            'In Okta ID tokens, the ID of the identity provider the user authenticated with: the Okta org itself, or a social / enterprise IdP configured in Okta.',
          definedIn: [OKTA_TOKENS],
          tokenTypes: ['id'],
          versions: [],
        },
      },
    },
  ),
  aio: entra(
    'aio',
    'Internal (aio)',
    'Opaque data Entra uses internally; not for apps.',
    'An opaque value Entra records for its own purposes (token reuse and revalidation). Its format is undocumented and changes without notice.',
    'string',
    {
      watchFor: 'Ignore it; never parse it or make decisions on it.',
      definedIn: [MS_ID, MS_AT],
    },
  ),
  rh: entra(
    'rh',
    'Internal (rh)',
    'Opaque data Entra uses to revalidate tokens; not for apps.',
    'An opaque value Entra uses when it revalidates or refreshes tokens. Apps must not depend on it.',
    'string',
    {
      watchFor: 'Ignore it.',
      definedIn: [MS_ID, MS_AT],
    },
  ),
  uti: entra(
    'uti',
    'Token identifier',
    'A unique, case-sensitive ID for this token (Entra’s equivalent of jti).',
    'Entra does not emit `jti`; uti plays that role. It is also what Entra sign-in logs record as the token identifier, so it helps correlate a token with a sign-in event.',
    'string',
    {
      definedIn: [MS_ID, MS_AT],
    },
  ),
  acrs: entra(
    'acrs',
    'Satisfied authentication contexts',
    'Conditional Access authentication contexts the user satisfied (step-up).',
    'A list of authentication context IDs ("c1" … "c99", defined per tenant) whose Conditional Access policies the sign-in satisfied — for example "c1" might mean "phishing-resistant MFA within the last hour". An API protecting a sensitive operation checks that the required ID is present, and if not, answers with a claims challenge so the client signs the user in again to satisfy it.',
    'array',
    {
      tokenTypes: ['access'],
      definedIn: [MS_AT, MS_CA_USER_ACTIONS],
      watchFor:
        'Only clients that declare the cp1 capability (`xms_cc`) can handle the claims challenge; others fail. Two "urn:" values are documented Conditional Access user actions: urn:user:registersecurityinfo (registering security information) and urn:user:registerdevice (registering or joining a device). Values like "p1" also appear in real tokens and are not documented.',
    },
  ),
  appid: entra(
    'appid',
    'Application ID (calling app)',
    'v1.0 access tokens: the client ID of the app that requested the token.',
    'The application (client) ID of the app that obtained the token and is calling your API. v2.0 tokens carry the same value in `azp`. `appidacr` says how that app authenticated.',
    'guid',
    {
      tokenTypes: ['access'],
      versions: ['1.0'],
      watchFor: 'Allow-listing callers by appid is fine; remember that a public client’s ID (appidacr 0) can be used by anyone.',
    },
  ),
  appidacr: entra(
    'appidacr',
    'Client authentication method (v1)',
    'How the calling app authenticated: 0 public, 1 secret, 2 certificate.',
    CLIENT_AUTH_DETAILS,
    'string',
    {
      tokenTypes: ['access'],
      versions: ['1.0'],
    },
  ),
  azpacr: entra(
    'azpacr',
    'Client authentication method (v2)',
    'How the calling app authenticated: 0 public, 1 secret, 2 certificate.',
    `${CLIENT_AUTH_DETAILS} This is the v2.0 name of v1.0’s appidacr.`,
    'string',
    {
      tokenTypes: ['access'],
      versions: ['2.0'],
    },
  ),
  oid: entra(
    'oid',
    'Object ID',
    'The user’s (or service principal’s) immutable ID in this tenant.',
    'The GUID of the user or service principal object in the tenant that issued the token — the same `id` Microsoft Graph returns for the user. It is the same for every application in the tenant, but a guest or a multi-tenant user has a different oid in each tenant. In app-only tokens it is the object ID of the calling service principal.',
    'guid',
    {
      definedIn: [MS_ID, MS_AT],
      personal: true,
      watchFor:
        'This (with `tid`) is the right key for a user: never use email, upn or preferred_username. In v2.0 user tokens it needs the `profile` scope.',
    },
  ),
  tid: entra(
    'tid',
    'Tenant ID',
    'The directory (tenant) the user signed in to.',
    'The GUID of the Entra tenant that issued the token — the resource tenant, which for a guest is not their home tenant. Well-known values: 9188040d-6c67-4c5b-b112-36a304b66dad is the tenant of personal Microsoft accounts (consumers), f8cdef31-a31e-4b4a-93e4-5f571e91255a is the Microsoft Services tenant that owns many first-party apps, 72f988bf-86f1-41af-91ab-2d7cd011db47 is Microsoft’s corporate tenant.',
    'guid',
    {
      definedIn: [MS_ID, MS_AT, MS_TOKENS],
      watchFor:
        'Must be a GUID equal to the tenant segment of `iss`. Multi-tenant apps must decide which tenants they accept: a valid signature only proves some tenant issued it.',
    },
  ),
  unique_name: entra(
    'unique_name',
    'Unique name (v1)',
    'v1.0 tokens: a human-readable name for the user, usually the UPN.',
    'A display-friendly identifier of the user in v1.0 tokens, normally their user principal name or email. Despite its name it is neither guaranteed unique nor stable.',
    'string',
    {
      versions: ['1.0'],
      definedIn: [MS_AT, MS_ID],
      personal: true,
      watchFor: 'Display only; use `oid` + `tid` to identify the user.',
    },
  ),
  ver: entra(
    'ver',
    'Token version',
    '"1.0" or "2.0": which Entra token format this is.',
    'The version of the token format, which decides the issuer form, which claims appear and what some of them mean. For an access token the version is chosen by the API’s app registration (`requestedAccessTokenVersion`, shown as accessTokenAcceptedVersion in the manifest: null or 1 gives v1.0, 2 gives v2.0), not by whether the client used the v1 or v2 endpoint; ID tokens follow the endpoint. v1.0 has appid/appidacr, unique_name, acr and amr; v2.0 has azp/azpacr and preferred_username.',
    'string',
    {
      definedIn: [MS_ID, MS_AT, MS_TOKENS],
      watchFor: 'Validate `iss` against the metadata of the same version. Access tokens for Microsoft Graph are always v1.0.',
      variants: {
        okta: {
          summary: 'Okta’s token format version (always 1).',
          details: 'A number giving the version of Okta’s token format; current Okta tokens say 1.',
          kind: 'number',
          definedIn: [OKTA_TOKENS],
          versions: [],
        },
      },
    },
  ),
  hasgroups: entra(
    'hasgroups',
    'Has groups (overage)',
    'The user is in groups, but the list was too long to include.',
    'Always true when present. In the implicit flow, where the token travels in the URL fragment, Entra leaves the `groups` claim out when it would make the URL too long (more than a handful of groups) and puts hasgroups instead.',
    'boolean',
    {
      definedIn: [MS_OVERAGE, MS_ID],
      watchFor: 'Read the memberships from Microsoft Graph (`/users/{oid}/getMemberObjects`); don’t treat the user as having no groups.',
    },
  ),
  scp: entra(
    'scp',
    'Scopes (delegated permissions)',
    'What the calling app may do for the signed-in user at this API.',
    'A space-separated list of the delegated permissions the user (or an admin) consented to for the calling app at this API, e.g. "User.Read Mail.Send" for Microsoft Graph. The API must check that the scope needed for each operation is present. Only tokens with a user have scp; app-only tokens carry `roles` instead.',
    'space_separated',
    {
      tokenTypes: ['access'],
      watchFor:
        'Split on spaces and compare exact names. Delegated access is the intersection of the scope and what the user themselves may do: check both.',
      variants: {
        okta: {
          summary: 'The scopes granted, as an array.',
          details: 'Okta access tokens list the granted scopes as a JSON array (not a space-separated string as Entra does).',
          kind: 'array',
          definedIn: [OKTA_TOKENS],
          versions: [],
        },
      },
    },
  ),
  wids: entra(
    'wids',
    'Directory roles',
    'Tenant-wide Entra admin roles the user holds (as role template IDs).',
    'The template IDs of the built-in Entra directory roles assigned to the user, such as 62e90394-69f5-4237-9190-012177145e10 (Global Administrator). These are tenant administration roles, not your app’s roles. Emitted when the app’s groupMembershipClaims is All or DirectoryRole; omitted in the implicit flow. Many ordinary users carry b79fbf4d-3ef9-4689-8143-76b194e85509, which is not a documented admin role.',
    'array',
    {
      definedIn: [MS_AT, MS_ID, MS_ROLES],
      watchFor:
        'Roles activated just-in-time (PIM) appear only in tokens issued after activation. Use app roles (`roles`) for your own authorization.',
    },
  ),
  idtyp: entra(
    'idtyp',
    'Identity type',
    '"app" for an app-only token, "user" for a token with a user.',
    'Tells you directly whether the token represents an application acting as itself ("app", client credentials) or a user ("user", delegated). Entra emits it as an optional claim: by default only for app tokens; with the additional property include_user_token it is emitted for user tokens too. Microsoft Graph tokens carry it.',
    'string',
    {
      tokenTypes: ['access'],
      definedIn: [MS_OPT, MS_AT],
      watchFor: 'The most reliable app-vs-user signal; without it, "has scp" (user) versus "roles only" (app) is the usual fallback.',
    },
  ),
  login_hint: entra(
    'login_hint',
    'Login hint',
    'An opaque hint to pass back as login_hint for single sign-on and sign-out.',
    'A reliable, opaque value identifying the account. Send it unchanged as the `login_hint` parameter of a later sign-in (or `logout_hint` when signing out) so Entra picks the right account without asking. Don’t try to decode it.',
    'string',
    {
      tokenTypes: ['id'],
      definedIn: [MS_OPT],
      personal: true,
    },
  ),
  upn: entra(
    'upn',
    'User principal name',
    'The user’s sign-in name (user@domain).',
    'The user principal name: the name the user types to sign in, in the form alias@domain. For guests, additional properties can include the external form `alias_home.com#EXT#@tenant.onmicrosoft.com`. Present by default in v1.0 access tokens; otherwise an optional claim.',
    'string',
    {
      definedIn: [MS_OPT, MS_AT],
      personal: true,
      watchFor:
        'Admins can change a UPN and reassign it to another person: never authorise on it or key accounts on it. Use `oid` + `tid`.',
    },
  ),
} satisfies Partial<Record<ClaimName, ClaimInfo>>
