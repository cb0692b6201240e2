/**
 * Registered JWT claims (RFC 7519 §4.1) and OpenID Connect ID-token claims (OIDC Core §2, §3),
 * with the Microsoft Entra reading of each where it differs. Our own words throughout.
 */
import type { ClaimName } from './claim-names.ts'
import type { ClaimInfo } from './registry-types.ts'
import { FAPI1_ADVANCED, MS_AT, MS_ID, MS_OPT, MS_TOKENS, OIDC_BACKCHANNEL, OIDC_FRONTCHANNEL, oidc, rfc } from './links.ts'

const ENTRA_BOTH = { tokenTypes: ['id', 'access'], versions: ['1.0', '2.0'] } satisfies Partial<ClaimInfo>
const ID_TOKEN = oidc('2', 'IDToken')

export const STANDARD_CLAIMS = {
  iss: {
    name: 'iss',
    title: 'Issuer',
    summary: 'The authority that created and signed the token.',
    details:
      'A case-sensitive URL naming the server that issued the token. Verifiers compare it, character for character, with the issuer they trust (the `issuer` value of the discovery document), and then fetch signing keys only from that issuer. It is the namespace for `sub`: a subject ID means nothing without its issuer.',
    kind: 'url',
    definedIn: [rfc(7519, '4.1.1'), ID_TOKEN],
    tokenTypes: ['id', 'access', 'logout'],
    versions: [],
    watchFor:
      'Exact string comparison: a missing or extra trailing slash is a different issuer. Never pick signing keys from a URL the token itself names; take them from the issuer you expected.',
    status: 'documented',
    personal: false,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        summary: 'The Entra token service and the tenant that issued the token.',
        details:
          'The format follows the token version, not the endpoint the app called. v1.0 tokens say `https://sts.windows.net/{tenant id}/` (with a trailing slash); v2.0 tokens say `https://login.microsoftonline.com/{tenant id}/v2.0`. Sovereign clouds use other hosts (login.microsoftonline.us, login.partner.microsoftonline.cn, sts.chinacloudapi.cn), Azure AD B2C uses `{tenant}.b2clogin.com` and Entra External ID `{tenant id}.ciamlogin.com`. The tenant GUID in the path is the tenant that issued the token and must equal `tid`.',
        watchFor:
          'Multi-tenant apps read a template issuer (`https://login.microsoftonline.com/{tenantid}/v2.0`) from the common/organizations metadata: substitute this token’s `tid`, then require an exact match, and still decide which tenants you accept. Validate against the metadata of the same version as the token (v1 and v2 issuers differ).',
        definedIn: [MS_ID, MS_AT, MS_TOKENS],
        ...ENTRA_BOTH,
      },
    },
  },
  sub: {
    name: 'sub',
    title: 'Subject',
    summary: 'Who the token is about, as an ID unique within the issuer.',
    details:
      'A stable identifier for the user (or, in machine-to-machine tokens, the client) that the token describes. It is only unique within one issuer, so the key for a user account in your app is the pair (`iss`, `sub`). OpenID Connect requires it in ID tokens and limits it to 255 ASCII characters.',
    kind: 'string',
    definedIn: [rfc(7519, '4.1.2'), ID_TOKEN],
    tokenTypes: ['id', 'access', 'logout'],
    versions: [],
    watchFor: 'Key accounts on (iss, sub), never on email or username, which can change or be reassigned.',
    status: 'documented',
    personal: true,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        summary: 'A pairwise user ID: the same person gets a different sub in every application.',
        details:
          'Entra makes `sub` pairwise: it is unique for the combination of user and application, so two apps see two different values for the same person and cannot correlate users through it. It never changes for that user and app. To identify the same user across your own apps, or to call Microsoft Graph about them, use `oid` (with `tid`). In app-only (client credentials) tokens, `sub` is the object ID of the calling service principal.',
        watchFor:
          'Don’t compare `sub` between tokens issued to different client IDs: it will not match. Use `oid` + `tid` as the durable user key.',
        definedIn: [MS_ID, MS_AT],
        ...ENTRA_BOTH,
      },
    },
  },
  aud: {
    name: 'aud',
    title: 'Audience',
    summary: 'Who the token is meant for: the only party that should accept it.',
    details:
      'The recipient(s) the issuer intended, as one string or an array. An ID token’s audience is the client ID of the app that signed the user in; an access token’s audience is the API (resource) it is meant to be sent to. A recipient must reject a token whose audience does not name it.',
    kind: 'string_or_array',
    definedIn: [rfc(7519, '4.1.3'), ID_TOKEN, rfc(8707, '2')],
    tokenTypes: ['id', 'access'],
    versions: [],
    watchFor:
      'Skipping the audience check turns your API into a confused deputy: a token minted for some other app of the same issuer would be accepted by yours. With several audiences, OIDC expects an `azp`.',
    status: 'documented',
    personal: false,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        summary: 'The app (ID token) or API (access token) this token was issued for.',
        details:
          'In an ID token it is always the client ID of the signing-in app. In a v2.0 access token it is the client ID (a GUID) of the API. In a v1.0 access token it is whichever identifier the client asked for: an App ID URI such as `api://…` or `https://graph.microsoft.com`, with or without a trailing slash, or the client ID. An API can force the GUID form in v1 tokens with the optional claim `aud` and `use_guid`.',
        watchFor:
          'An API must accept every identifier it is known by (client ID and App ID URIs) and nothing else. A token whose audience is Microsoft Graph (00000003-0000-0000-c000-000000000000) is for Graph: your own API should never accept it.',
        definedIn: [MS_ID, MS_AT, MS_OPT],
        ...ENTRA_BOTH,
      },
    },
  },
  exp: {
    name: 'exp',
    title: 'Expiration time',
    summary: 'The moment after which the token must not be accepted.',
    details:
      'A NumericDate (seconds since 1970-01-01 UTC). The token is valid strictly before this instant; verifiers allow a few minutes of clock skew at most. OIDC requires it in ID tokens.',
    kind: 'numeric_date',
    definedIn: [rfc(7519, '4.1.4'), ID_TOKEN],
    tokenTypes: ['id', 'access'],
    versions: [],
    watchFor: 'Seconds, not milliseconds. A long lifetime is not a bug in itself, but a stolen token stays useful until exp.',
    status: 'documented',
    personal: false,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        details:
          'A NumericDate (seconds since 1970-01-01 UTC). Entra access tokens live a random 60 to 90 minutes (about 75 on average) so that clients don’t all refresh at once; clients that declare continuous access evaluation (`xms_cc` cp1) can receive tokens valid for up to about 28 hours, because the resource can revoke them early. ID tokens last about an hour.',
        watchFor:
          'Don’t hard-code a lifetime or cache a token until exactly exp: refresh a few minutes early. A resource may reject a still-unexpired token after a revocation event (CAE).',
        definedIn: [MS_ID, MS_AT, MS_TOKENS],
        ...ENTRA_BOTH,
      },
    },
  },
  nbf: {
    name: 'nbf',
    title: 'Not before',
    summary: 'The token must not be accepted before this moment.',
    details:
      'A NumericDate. Before this instant the token is not yet valid. Issuers usually set it equal to, or a few minutes before, `iat`, which absorbs small clock differences between servers.',
    kind: 'numeric_date',
    definedIn: [rfc(7519, '4.1.5')],
    tokenTypes: ['id', 'access'],
    versions: [],
    watchFor: 'A "not yet valid" error on a fresh token usually means the verifier’s clock is behind; allow a small tolerance.',
    status: 'documented',
    personal: false,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        details:
          'A NumericDate. Entra normally gives nbf the same value as `iat`, so a freshly issued token is valid at once; allow a few minutes of clock skew when you check it.',
        definedIn: [MS_ID, MS_AT],
        ...ENTRA_BOTH,
      },
    },
  },
  iat: {
    name: 'iat',
    title: 'Issued at',
    summary: 'When the token was created.',
    details:
      'A NumericDate giving the issue time. Together with `exp` it tells you the token’s lifetime, and it lets a verifier refuse tokens older than a limit of its own. OIDC requires it in ID tokens.',
    kind: 'numeric_date',
    definedIn: [rfc(7519, '4.1.6'), ID_TOKEN],
    tokenTypes: ['id', 'access'],
    versions: [],
    watchFor: 'An iat in the future means a clock problem on one side (or a forged token).',
    status: 'documented',
    personal: false,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        details:
          'A NumericDate. Microsoft’s reference words it as the time the authentication for this token happened; in practice it is when this token was minted, and a token refreshed silently gets a new iat without the user signing in again. Use `auth_time` (optional claim) when you need the time of the actual sign-in.',
        definedIn: [MS_ID, MS_AT],
        ...ENTRA_BOTH,
      },
    },
  },
  jti: {
    name: 'jti',
    title: 'JWT ID',
    summary: 'A unique ID for this one token.',
    details:
      'A case-sensitive identifier the issuer makes unique per token. A recipient can remember the IDs it has seen until they expire and refuse repeats (replay protection), and it is handy for correlating logs. Required in RFC 9068 access tokens.',
    kind: 'string',
    definedIn: [rfc(7519, '4.1.7'), rfc(9068, '2.2')],
    tokenTypes: ['id', 'access', 'DPoP proof'],
    versions: [],
    status: 'documented',
    personal: false,
    contexts: ['standard'],
    variants: {
      dpop: {
        summary: 'A unique ID for this proof; servers use it to refuse replays.',
        details:
          'Every DPoP proof carries a fresh random jti. The server keeps the jti values it has accepted within its time window and rejects any proof it has already seen, so a captured proof cannot be replayed.',
        definedIn: [rfc(9449, '4.2'), rfc(9449, '11.1')],
        tokenTypes: ['DPoP proof'],
      },
    },
  },
  auth_time: {
    name: 'auth_time',
    title: 'Authentication time',
    summary: 'When the user last actually signed in (entered credentials).',
    details:
      'A NumericDate of the user’s last active authentication, as opposed to silent reuse of a session. It is required when the client sent `max_age` or asked for auth_time as an essential claim. RFC 9068 and RFC 9470 §6.1 carry it in JWT access tokens too, so an API can see how recent the sign-in was; when it is too old, the API answers with the step-up challenge of RFC 9470 §3 (error insufficient_user_authentication with a max_age), and the client signs the user in again.',
    kind: 'numeric_date',
    // RFC 9470: §6.1 puts the claim in JWT access tokens; §3 is the resource server's challenge.
    definedIn: [ID_TOKEN, rfc(9068, '2.2.1'), rfc(9470, '6.1'), rfc(9470, '3')],
    tokenTypes: ['id', 'access'],
    versions: [],
    watchFor: 'If you asked for max_age, check it yourself: now − auth_time must not exceed it.',
    status: 'documented',
    personal: false,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        details:
          'A NumericDate of the last time the user actually authenticated. Entra only includes it when the app configures it as an optional claim. It does not change when tokens are refreshed silently.',
        definedIn: [MS_OPT],
        ...ENTRA_BOTH,
      },
    },
  },
  nonce: {
    name: 'nonce',
    title: 'Nonce',
    summary: 'The random value the app sent in its sign-in request, echoed back.',
    details:
      'The client generates a random nonce, remembers it (for example in its session), and sends it in the authorization request; the identity provider copies it into the ID token. Checking that the returned value equals the one you stored ties the ID token to your own sign-in attempt and defeats replay of an ID token captured elsewhere.',
    kind: 'string',
    definedIn: [oidc('3.1.2.1', 'AuthRequest'), ID_TOKEN],
    tokenTypes: ['id'],
    versions: [],
    watchFor: 'A missing or different nonce when you sent one is a reason to reject the ID token. Logout tokens must not contain a nonce.',
    status: 'documented',
    personal: false,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        details:
          'Entra copies the nonce from the authorization request into the ID token unchanged. MSAL generates and checks it for you. (Entra access tokens for Microsoft Graph also carry a `nonce`, but in the JOSE header, with an unrelated purpose.)',
        definedIn: [MS_ID],
        ...ENTRA_BOTH,
        tokenTypes: ['id'],
      },
      dpop: {
        title: 'DPoP nonce',
        summary: 'A value the server handed out, proving this proof was made recently.',
        details:
          'When a server replies with a `DPoP-Nonce` header, the client must put that value in the `nonce` claim of its next proofs. It limits how long a pre-computed proof can be used.',
        definedIn: [rfc(9449, '8')],
        tokenTypes: ['DPoP proof'],
        watchFor: 'Must equal the latest nonce the server issued; an old one is rejected with `use_dpop_nonce`.',
      },
    },
  },
  acr: {
    name: 'acr',
    title: 'Authentication context class',
    summary: 'The level of assurance the sign-in satisfied.',
    details:
      'A string naming the class of authentication the identity provider considers the sign-in to have met. Its values are agreed between the provider and the app; "0" means the sign-in does not meet even level 1 of ISO/IEC 29115 (for example, it reused a long-lived cookie), and OIDC Core §2 recommends (SHOULD NOT, not MUST NOT) against using such a sign-in to authorize access to anything of monetary value. The OpenID EAP profile defines `phr` (phishing-resistant) and `phrh` (phishing-resistant with a hardware-protected key). RFC 9470 §6.1 carries acr in JWT access tokens, and its §3 defines the challenge (insufficient_user_authentication with acr_values) an API sends when the class is too low.',
    kind: 'string',
    definedIn: [ID_TOKEN, rfc(9470, '6.1'), rfc(9470, '3')],
    tokenTypes: ['id', 'access'],
    versions: [],
    watchFor:
      'If you requested acr_values, check that the returned acr is one you accept: providers may satisfy a lower class without failing.',
    status: 'documented',
    personal: false,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        summary: 'v1.0 access tokens only: "1" when the sign-in met basic assurance, "0" when not.',
        details:
          'Entra puts acr only in v1.0 access tokens, and only with the values "0" and "1": "0" means the user’s authentication did not meet the ISO/IEC 29115 requirements, "1" that it did. It says nothing about MFA. For step-up requirements, Entra uses `acrs` (Conditional Access authentication contexts) instead.',
        watchFor: 'Don’t read "1" as "MFA was done". Look at `amr` (v1) or, better, require an authentication context and check `acrs`.',
        definedIn: [MS_AT],
        tokenTypes: ['access'],
        versions: ['1.0'],
      },
    },
  },
  amr: {
    name: 'amr',
    title: 'Authentication methods',
    summary: 'How the user proved who they are (password, OTP, biometrics, ...).',
    details:
      'An array of short method names. RFC 8176 registers the common values: pwd (password), otp (one-time code), mfa (several factors), hwk/swk (proof of a hardware- or software-held key), face, fpt, iris, retina, vbm (biometrics), sms and tel (confirmation by text or call), pin, kba (knowledge questions), sc (smart card), mca (several channels), wia (Windows integrated authentication), geo, rba (risk-based), user (presence test).',
    kind: 'array',
    definedIn: [ID_TOKEN, rfc(8176, '2')],
    tokenTypes: ['id', 'access'],
    versions: [],
    watchFor:
      'Informational: providers differ in what they list. If you need a policy (e.g. phishing-resistant MFA), request it through acr_values or Conditional Access and check the result there.',
    status: 'documented',
    personal: false,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        details:
          'Entra documents amr for v1.0 tokens; v2.0 tokens usually don’t carry it. Values seen: pwd (a password — for a client, its secret), rsa (proof of an RSA key, e.g. Authenticator or a certificate), otp (one-time code by email or text), fed (a federated assertion), wia (Windows integrated authentication), mfa (multi-factor authentication happened; other entries say which), ngcmfa (MFA-equivalent proof used to set up certain credentials such as Windows Hello), wiaormfa (Windows credential or MFA), none.',
        watchFor: 'Not a policy signal by itself; enforce MFA with Conditional Access, and use `acrs` for step-up.',
        definedIn: [MS_AT],
        tokenTypes: ['access', 'id'],
        versions: ['1.0'],
      },
    },
  },
  azp: {
    name: 'azp',
    title: 'Authorized party',
    summary: 'The client application that received this token.',
    details:
      'In OpenID Connect, the client ID of the party the ID token was issued to. It matters when `aud` lists several audiences: then azp says which of them is the client. If present, it must equal your client ID.',
    kind: 'string',
    definedIn: [ID_TOKEN, oidc('3.1.3.7', 'IDTokenValidation')],
    tokenTypes: ['id'],
    versions: [],
    watchFor: 'If azp is present and is not your client ID, reject the ID token.',
    status: 'documented',
    personal: false,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        title: 'Authorized party (calling app)',
        summary: 'v2.0 access tokens: the client ID of the app that requested the token.',
        details:
          'In v2.0 access tokens, azp is the application (client) ID of the app that asked for the token — the caller of your API. It replaces v1.0’s `appid`. When `azpacr` is 0 that app is a public client (SPA, mobile, desktop) and anyone can impersonate its client ID.',
        watchFor: 'You may allow-list callers by azp, but for user tokens authorise mainly on `scp`; for app tokens on `roles`.',
        definedIn: [MS_AT],
        tokenTypes: ['access'],
        versions: ['2.0'],
      },
    },
  },
  at_hash: {
    name: 'at_hash',
    title: 'Access token hash',
    summary: 'Binds the ID token to the access token returned with it.',
    details:
      'Hash the access token’s ASCII text with the hash function of the ID token’s `alg` (SHA-256 for RS256/ES256/PS256), keep the left half of the bytes and base64url-encode them: the result must equal at_hash. It stops an attacker from swapping in a different access token in flows where both come back through the browser.',
    kind: 'string',
    definedIn: [oidc('3.1.3.6', 'CodeIDToken'), oidc('3.2.2.10', 'ImplicitIDToken'), oidc('3.3.2.11', 'HybridIDToken')],
    tokenTypes: ['id'],
    versions: [],
    watchFor:
      'Required when the access token comes with the ID token from the authorization endpoint (response_type containing "id_token token").',
    status: 'documented',
    personal: false,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        details:
          'Entra includes at_hash when the ID token is returned from the authorize endpoint together with an access token (implicit or hybrid flow); ID tokens from the token endpoint usually lack it. Compute it like OIDC Core says: left half of SHA-256 of the access token, base64url.',
        definedIn: [MS_ID],
        ...ENTRA_BOTH,
        tokenTypes: ['id'],
      },
    },
  },
  c_hash: {
    name: 'c_hash',
    title: 'Code hash',
    summary: 'Binds the ID token to the authorization code returned with it (hybrid flow).',
    details:
      'Left half of the hash (chosen by the ID token’s `alg`) of the authorization code, base64url-encoded. A client receiving an ID token and a code from the authorization endpoint checks it to detect a code substituted by an attacker.',
    kind: 'string',
    definedIn: [oidc('3.3.2.11', 'HybridIDToken')],
    tokenTypes: ['id'],
    versions: [],
    watchFor: 'Required for response_type "code id_token" and "code id_token token".',
    status: 'documented',
    personal: false,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        details:
          'Present only in ID tokens issued by the authorize endpoint together with a code (hybrid flow, e.g. response_type=code id_token). Verify it against the code exactly as OIDC Core describes.',
        definedIn: [MS_ID],
        ...ENTRA_BOTH,
        tokenTypes: ['id'],
      },
    },
  },
  s_hash: {
    name: 's_hash',
    title: 'State hash',
    summary: 'Binds the ID token to the `state` value (FAPI detached signature).',
    details:
      'Same left-half-hash construction as at_hash, applied to the `state` parameter. FAPI 1.0 Advanced uses the ID token as a detached signature over the authorization response, and s_hash lets the client check that `state` was not tampered with.',
    kind: 'string',
    definedIn: [FAPI1_ADVANCED],
    tokenTypes: ['id'],
    versions: [],
    status: 'documented',
    personal: false,
    contexts: ['standard'],
  },
  sub_jwk: {
    name: 'sub_jwk',
    title: 'Subject public key',
    summary: 'Self-issued OpenID Provider: the public key that signed this ID token.',
    details:
      'Used only by self-issued OpenID Providers (a user’s own device acting as the identity provider). The ID token is signed with the private half of this key, and `sub` is the thumbprint of it.',
    kind: 'object',
    definedIn: [oidc('7.4', 'SelfIssuedResponse')],
    tokenTypes: ['id'],
    versions: [],
    watchFor: 'Only meaningful when `iss` is https://self-issued.me; in any other token a key supplied by the token itself proves nothing.',
    status: 'documented',
    personal: false,
    contexts: ['standard'],
  },
  sid: {
    name: 'sid',
    title: 'Session ID',
    summary: 'Identifies the user’s sign-in session at the identity provider.',
    details:
      'An identifier for the session at the identity provider. Front-channel and back-channel logout use it: a logout token (or logout request) names the sid being ended, and a client that stored the sid of each local session knows which one to end.',
    kind: 'string',
    definedIn: [OIDC_FRONTCHANNEL, OIDC_BACKCHANNEL],
    tokenTypes: ['id', 'logout'],
    versions: [],
    status: 'documented',
    personal: true,
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        details:
          'A GUID for the user’s sign-in session, new for each interactive sign-in. Entra puts it in ID tokens and, as an optional claim, in access tokens. Keep it with your local session if you handle front-channel logout.',
        definedIn: [MS_ID, MS_OPT],
        ...ENTRA_BOTH,
      },
    },
  },
} satisfies Partial<Record<ClaimName, ClaimInfo>>
