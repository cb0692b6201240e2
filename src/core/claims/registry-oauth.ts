/**
 * OAuth and adjacent specs: aggregated/distributed claims (OIDC Core §5.6.2), logout tokens and
 * SETs (RFC 8417), the JWT access token profile (RFC 9068), token exchange (RFC 8693),
 * confirmation keys (RFC 7800, 8705, 9449) and DPoP proof claims (RFC 9449 §4.2).
 */
import type { ClaimName } from './claim-names.ts'
import type { ClaimInfo } from './registry-types.ts'
import { MS_AT, MS_ID, MS_OPT_CONFIG, MS_OVERAGE, OIDC_BACKCHANNEL, oidc, rfc } from './links.ts'

const ENTRA_BOTH = { tokenTypes: ['id', 'access'], versions: ['1.0', '2.0'] } satisfies Partial<ClaimInfo>
const DISTRIBUTED = oidc('5.6.2', 'AggregatedDistributedClaims')

export const OAUTH_CLAIMS = {
  _claim_names: {
    name: '_claim_names',
    title: 'Aggregated / distributed claim names',
    summary: 'Lists claims whose values live elsewhere, and which source holds each.',
    details:
      'Maps a claim name to a key in `_claim_sources`. The claim itself is not in the token: it is either in a signed JWT embedded in the source (aggregated claim) or must be fetched from the source’s endpoint (distributed claim).',
    kind: 'object',
    definedIn: [DISTRIBUTED],
    tokenTypes: ['id', 'access', 'userinfo'],
    versions: [],
    status: 'documented',
    personal: false,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        title: 'Groups overage marker',
        summary: 'The user is in too many groups for the token; the `groups` claim was left out.',
        details:
          'Entra uses this for the groups overage case: when a user belongs to more groups than fit (more than 200 in a JWT), Entra drops the `groups` claim and instead writes `"_claim_names": {"groups": "src1"}`, pointing at an entry of `_claim_sources`. Your app must then read the memberships from Microsoft Graph.',
        watchFor:
          'Code that only reads `groups` silently treats such users as members of no group. Handle the overage: call Microsoft Graph (`/users/{oid}/getMemberObjects`, or `/servicePrincipals/{oid}/…` when idtyp is app), or use app roles, which do not overflow.',
        definedIn: [MS_OVERAGE, MS_ID],
        ...ENTRA_BOTH,
      },
    },
  },
  _claim_sources: {
    name: '_claim_sources',
    title: 'Aggregated / distributed claim sources',
    summary: 'Where the claims named in `_claim_names` can be found.',
    details:
      'Each source is either `{ "JWT": "<signed JWT>" }` carrying the claims (aggregated), or `{ "endpoint": "<URL>", "access_token": "…" }` to fetch them from (distributed).',
    kind: 'object',
    definedIn: [DISTRIBUTED],
    tokenTypes: ['id', 'access', 'userinfo'],
    versions: [],
    watchFor: 'An aggregated JWT is a separate token: verify its signature and issuer before trusting its claims.',
    status: 'documented',
    personal: false,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        title: 'Groups overage source',
        summary: 'The endpoint that lists the user’s groups when they did not fit in the token.',
        details:
          'In the groups overage case this holds `{"src1": {"endpoint": "…/getMemberObjects"}}`. The endpoint historically points at the retired Azure AD Graph (graph.windows.net); build the equivalent Microsoft Graph call yourself rather than calling that URL.',
        watchFor:
          'Don’t fetch the URL blindly; call Microsoft Graph with a token of your own that has permission to read group memberships.',
        definedIn: [MS_OVERAGE],
        ...ENTRA_BOTH,
      },
    },
  },
  events: {
    name: 'events',
    title: 'Security events',
    summary: 'The event(s) this Security Event Token or logout token reports.',
    details:
      'An object whose keys are event-type URIs and whose values hold each event’s details. A back-channel logout token must contain the key `http://schemas.openid.net/event/backchannel-logout` (with an empty object); that key is what distinguishes a logout token from other JWTs.',
    kind: 'object',
    definedIn: [OIDC_BACKCHANNEL, rfc(8417, '2.2')],
    tokenTypes: ['logout', 'security event'],
    versions: [],
    watchFor: 'A logout token must have this event, must have `sub` or `sid`, and must not have a `nonce`.',
    status: 'documented',
    personal: false,
    contexts: ['standard'],
  },
  toe: {
    name: 'toe',
    title: 'Time of event',
    summary: 'When the reported security event happened.',
    details: 'A NumericDate in a Security Event Token giving the time the event occurred, which may be earlier than `iat`.',
    kind: 'numeric_date',
    definedIn: [rfc(8417, '2.2')],
    tokenTypes: ['security event'],
    versions: [],
    status: 'documented',
    personal: false,
    contexts: ['standard'],
  },
  txn: {
    name: 'txn',
    title: 'Transaction ID',
    summary: 'Links several security events that stem from one transaction.',
    details: 'A string the issuer reuses across SETs that belong to the same underlying change, so a receiver can group them.',
    kind: 'string',
    definedIn: [rfc(8417, '2.2')],
    tokenTypes: ['security event'],
    versions: [],
    status: 'documented',
    personal: false,
    contexts: ['standard'],
  },
  client_id: {
    name: 'client_id',
    title: 'Client ID',
    summary: 'The OAuth client that requested this access token.',
    details:
      'RFC 9068 requires it in JWT access tokens: the client ID of the application that obtained the token. In token exchange (RFC 8693) it names the client that made the exchange request.',
    kind: 'string',
    definedIn: [rfc(9068, '2.2'), rfc(8693, '4.3')],
    tokenTypes: ['access'],
    versions: [],
    status: 'documented',
    personal: false,
    contexts: ['standard'],
  },
  scope: {
    name: 'scope',
    title: 'Scopes',
    summary: 'The permissions granted to the client, space-separated.',
    details:
      'A space-separated list of the scopes the access token grants, matching the `scope` parameter of OAuth 2.0. An API checks that the scope needed for each operation is present.',
    kind: 'space_separated',
    definedIn: [rfc(9068, '2.2.3'), rfc(8693, '4.2')],
    tokenTypes: ['access'],
    versions: [],
    watchFor: 'Compare whole scope names after splitting on spaces, never with a substring test ("read" would match "unread").',
    status: 'documented',
    personal: false,
    contexts: ['standard'],
  },
  groups: {
    name: 'groups',
    title: 'Groups',
    summary: 'Groups the subject belongs to.',
    details: 'A list of group names or IDs, using the SCIM `groups` attribute as RFC 9068 suggests for authorization data.',
    kind: 'array',
    definedIn: [rfc(9068, '2.2.3.1'), rfc(7643, '4.1.2')],
    tokenTypes: ['access'],
    versions: [],
    status: 'documented',
    personal: false,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        summary: 'Object IDs of the groups (and optionally roles) the user is a member of.',
        details:
          'Emitted only when the app’s `groupMembershipClaims` asks for it (SecurityGroup, DirectoryRole, ApplicationGroup or All). By default the values are group object GUIDs; optional-claim settings can emit on-premises sAMAccountName forms or cloud display names instead. When there are too many groups (over 200 in a JWT), the claim is replaced by `_claim_names`/`_claim_sources`, or by `hasgroups` in the implicit flow.',
        watchFor:
          'Group names can be renamed and duplicated: authorise on GUIDs. Always handle the overage case, or prefer app roles (`roles`), which are scoped to your app and never overflow.',
        definedIn: [MS_AT, MS_ID, MS_OPT_CONFIG, MS_OVERAGE],
        ...ENTRA_BOTH,
      },
    },
  },
  roles: {
    name: 'roles',
    title: 'Roles',
    summary: 'Roles held by the subject.',
    details: 'A list of role names, using the SCIM `roles` attribute as RFC 9068 suggests for authorization data.',
    kind: 'array',
    definedIn: [rfc(9068, '2.2.3.1'), rfc(7643, '4.1.2')],
    tokenTypes: ['access'],
    versions: [],
    status: 'documented',
    personal: false,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        summary: 'App roles: the user’s roles in this app, or the application permissions of an app-only token.',
        details:
          'The values of app roles defined by the resource (the API in an access token, the app itself in an ID token). In a user token they are the roles the user (or a group they are in) was assigned. In an app-only token (client credentials) they are the application permissions an admin granted the calling app, e.g. `User.Read.All` for Microsoft Graph — such tokens have no `scp`.',
        watchFor:
          'Authorise app-only calls on roles, user calls on scp (plus roles if you define user roles). An app-only token with a powerful role acts on the whole tenant.',
        definedIn: [MS_AT, MS_ID],
        ...ENTRA_BOTH,
      },
    },
  },
  entitlements: {
    name: 'entitlements',
    title: 'Entitlements',
    summary: 'Entitlements of the subject (SCIM attribute).',
    details:
      'A list of entitlements — rights the subject holds — using the SCIM `entitlements` attribute, as RFC 9068 allows in access tokens.',
    kind: 'array',
    definedIn: [rfc(9068, '2.2.3.1'), rfc(7643, '4.1.2')],
    tokenTypes: ['access'],
    versions: [],
    status: 'documented',
    personal: false,
    contexts: ['standard'],
  },
  act: {
    name: 'act',
    title: 'Actor',
    summary: 'Who is acting on behalf of the subject (delegation).',
    details:
      'Set by token exchange when one party acts for another: the token is about `sub`, but `act.sub` is the party actually making the call. A nested `act` inside it records earlier actors in the chain.',
    kind: 'object',
    definedIn: [rfc(8693, '4.1')],
    tokenTypes: ['access'],
    versions: [],
    watchFor: 'Only the outermost act is the current actor; the nested ones are history and should not drive access decisions.',
    status: 'documented',
    personal: false,
    contexts: ['standard'],
  },
  may_act: {
    name: 'may_act',
    title: 'May act',
    summary: 'Who is allowed to act on behalf of the subject in a later exchange.',
    details:
      'Names the party (by `sub`, and optionally `iss`) that an authorization server may let act for this token’s subject when the token is later presented in a token exchange.',
    kind: 'object',
    definedIn: [rfc(8693, '4.4')],
    tokenTypes: ['access', 'id'],
    versions: [],
    status: 'documented',
    personal: false,
    contexts: ['standard'],
  },
  cnf: {
    name: 'cnf',
    title: 'Confirmation (proof-of-possession key)',
    summary: 'Binds the token to a key: only the holder of that key may use it.',
    details:
      'Makes the token sender-constrained. Members: `jkt` (RFC 9449: SHA-256 thumbprint of the DPoP public key — each request must carry a DPoP proof signed with it), `x5t#S256` (RFC 8705: thumbprint of the client’s mutual-TLS certificate), or per RFC 7800 `jwk` (the key itself), `jwe` (an encrypted symmetric key), `kid` or `jku`.',
    kind: 'object',
    definedIn: [rfc(7800, '3.1'), rfc(8705, '3.1'), rfc(9449, '6.1')],
    tokenTypes: ['access', 'id'],
    versions: [],
    watchFor:
      'A resource server that ignores cnf turns a sender-constrained token back into a bearer token: check the DPoP proof or the TLS client certificate.',
    status: 'documented',
    personal: false,
    contexts: ['standard'],
  },
  htm: {
    name: 'htm',
    title: 'HTTP method',
    summary: 'The HTTP method of the request this DPoP proof belongs to.',
    details: 'The request method (GET, POST, …). The server checks it equals the method of the request carrying the proof.',
    kind: 'string',
    definedIn: [rfc(9449, '4.2')],
    tokenTypes: ['DPoP proof'],
    versions: [],
    status: 'documented',
    personal: false,
    contexts: ['dpop'],
  },
  htu: {
    name: 'htu',
    title: 'HTTP target URI',
    summary: 'The URL (without query or fragment) of the request this proof belongs to.',
    details:
      'The target URI of the HTTP request, without query and fragment. The server compares it with the URI it received the request on, so a proof cannot be reused against another endpoint.',
    kind: 'url',
    definedIn: [rfc(9449, '4.2')],
    tokenTypes: ['DPoP proof'],
    versions: [],
    status: 'documented',
    personal: false,
    contexts: ['dpop'],
  },
  ath: {
    name: 'ath',
    title: 'Access token hash (DPoP)',
    summary: 'SHA-256 of the access token sent with this proof.',
    details:
      'The base64url-encoded SHA-256 hash of the access token the proof accompanies, required when a proof is sent to a resource server. It ties the proof to that one token.',
    kind: 'string',
    definedIn: [rfc(9449, '4.2')],
    tokenTypes: ['DPoP proof'],
    versions: [],
    status: 'documented',
    personal: false,
    contexts: ['dpop'],
  },
} satisfies Partial<Record<ClaimName, ClaimInfo>>
