/**
 * JOSE header parameters (RFC 7515 §4.1, RFC 7516 §4.1, RFC 7518 §4.6-4.8, RFC 7797, RFC 8555)
 * and Entra's `nonce` quirk. `risky` marks parameters through which a token could pick its own
 * verification key (jku, x5u, jwk, x5c): DESIGN §4 says keys come only from the issuer.
 */
import type { HeaderInfo } from './registry-types.ts'
import { MS_AT, MS_TOKENS, rfc } from './links.ts'

export const HEADER_NAMES = [
  'alg',
  'typ',
  'cty',
  'kid',
  'x5t',
  'x5t#S256',
  'jku',
  'x5u',
  'jwk',
  'x5c',
  'crit',
  'enc',
  'zip',
  'epk',
  'apu',
  'apv',
  'iv',
  'tag',
  'p2s',
  'p2c',
  'b64',
  'url',
  'nonce',
] as const
export type HeaderName = (typeof HEADER_NAMES)[number]

const KEY_FROM_TOKEN =
  'Never take the verification key from the token itself: an attacker who forges a token can point this at their own key. Keys come from the issuer’s discovery document (jwks_uri) only; this tool does not fetch or use it.'

function h(
  name: HeaderName,
  title: string,
  summary: string,
  details: string,
  definedIn: HeaderInfo['definedIn'],
  appliesTo: string[],
  extra: Partial<HeaderInfo> = {},
): HeaderInfo {
  return { name, title, summary, details, definedIn, appliesTo, risky: false, ...extra }
}

const JWS_JWE = ['JWS', 'JWE']

const HEADERS = {
  alg: h(
    'alg',
    'Algorithm',
    'How the token is signed (JWS) or how its key is encrypted (JWE).',
    'For a signed token, the signature algorithm, e.g. RS256 (RSA with SHA-256, what Entra uses) or ES256. For an encrypted token, how the content key is wrapped. The verifier must decide which algorithms it accepts for a given key, not let the token choose.',
    [rfc(7515, '4.1.1'), rfc(7518, '3.1')],
    JWS_JWE,
    {
      watchFor:
        '"none" (in any letter case) means no signature at all. An HS256 token checked against an RSA public key is the classic algorithm-confusion attack: the public key becomes the HMAC secret. Allow-list algorithms per key (RFC 8725 §3.1).',
    },
  ),
  typ: h(
    'typ',
    'Type',
    'What kind of token this is (JWT, at+jwt, dpop+jwt, logout+jwt, ...).',
    'A media type for the whole token. Explicit types let a verifier refuse a token of the wrong kind — for example an ID token presented as an access token. Entra uses "JWT" for both ID and access tokens; RFC 9068 access tokens use "at+jwt".',
    [rfc(7515, '4.1.9'), rfc(7519, '5.1'), rfc(8725, '3.11'), rfc(9068, '2.1')],
    JWS_JWE,
    {
      watchFor:
        'Where a profile defines a type (at+jwt, dpop+jwt, logout+jwt), check it. Compare case-insensitively; "application/" may be omitted.',
    },
  ),
  cty: h(
    'cty',
    'Content type',
    'The type of the payload; "JWT" means a nested token.',
    'Usually absent. "JWT" says the payload is itself a JWT, e.g. a signed token wrapped in encryption.',
    [rfc(7515, '4.1.10'), rfc(7519, '5.2')],
    JWS_JWE,
  ),
  kid: h(
    'kid',
    'Key ID',
    'Which of the issuer’s keys signed the token.',
    'A hint naming a key in the issuer’s JWK Set. Entra key IDs look like certificate thumbprints and rotate regularly; a kid that is not in the current set usually means a rotation (refetch once), another tenant or cloud, or an app with its own signing keys (fetch the keys with ?appid=<client id>).',
    [rfc(7515, '4.1.4'), MS_TOKENS],
    JWS_JWE,
    {
      watchFor: 'Only a lookup key: never interpolate it into file paths, SQL or URLs.',
    },
  ),
  x5t: h(
    'x5t',
    'Certificate thumbprint (SHA-1)',
    'Names the signing certificate by its SHA-1 hash.',
    'The base64url SHA-1 hash of the DER certificate whose key signed the token. Entra v1.0 tokens carry it next to `kid`, with the same value; v2.0 tokens only have kid.',
    [rfc(7515, '4.1.7'), MS_AT],
    JWS_JWE,
  ),
  'x5t#S256': h(
    'x5t#S256',
    'Certificate thumbprint (SHA-256)',
    'Names the signing certificate by its SHA-256 hash.',
    'The base64url SHA-256 hash of the DER certificate whose key signed the token; a way to select a key like kid.',
    [rfc(7515, '4.1.8')],
    JWS_JWE,
  ),
  jku: h(
    'jku',
    'JWK Set URL',
    'A URL where the token says its key can be found.',
    'Points at a JWK Set containing the signing key. Legitimate only when the verifier already trusts that exact URL.',
    [rfc(7515, '4.1.2')],
    JWS_JWE,
    { risky: true, watchFor: KEY_FROM_TOKEN },
  ),
  x5u: h(
    'x5u',
    'X.509 URL',
    'A URL where the token says its certificate chain can be found.',
    'Points at a PEM certificate chain for the signing key. Fetching it on a token’s say-so enables key injection and server-side request forgery.',
    [rfc(7515, '4.1.5')],
    JWS_JWE,
    { risky: true, watchFor: KEY_FROM_TOKEN },
  ),
  jwk: h(
    'jwk',
    'Embedded public key',
    'A public key carried inside the header.',
    'The public key that (the token claims) signed it. Required and correct in DPoP proofs (RFC 9449), where the server checks the proof with it and then requires its thumbprint to match the access token’s cnf.jkt; anywhere else, trusting it lets anyone sign tokens with their own key.',
    [rfc(7515, '4.1.3'), rfc(9449, '4.2')],
    [...JWS_JWE, 'DPoP proof'],
    { risky: true, watchFor: KEY_FROM_TOKEN },
  ),
  x5c: h(
    'x5c',
    'Certificate chain',
    'The signing certificate (and chain) embedded in the header.',
    'Base64 (not base64url) DER certificates, signer first. Only meaningful if the verifier validates the chain to a root it trusts and checks the certificate identifies the expected issuer.',
    [rfc(7515, '4.1.6')],
    JWS_JWE,
    { risky: true, watchFor: KEY_FROM_TOKEN },
  ),
  crit: h(
    'crit',
    'Critical',
    'Header parameters the recipient must understand, or reject the token.',
    'Lists extension parameters (such as b64) that a recipient must process. A recipient that does not know one of them must reject the token rather than ignore it.',
    [rfc(7515, '4.1.11')],
    JWS_JWE,
    {
      watchFor: 'Unknown entries mean the token cannot be verified safely.',
    },
  ),
  enc: h(
    'enc',
    'Content encryption',
    'The algorithm that encrypts the payload of a JWE.',
    'Names the authenticated encryption used for the content, e.g. A256GCM. Its presence means the token is encrypted: the claims cannot be read without the recipient’s private key.',
    [rfc(7516, '4.1.2'), rfc(7518, '5.1')],
    ['JWE'],
  ),
  zip: h(
    'zip',
    'Compression',
    'The payload was DEFLATE-compressed before encryption.',
    '"DEF" means the plaintext was compressed with DEFLATE before it was encrypted.',
    [rfc(7516, '4.1.3')],
    ['JWE'],
    {
      watchFor: 'Cap the decompressed size (decompression bombs).',
    },
  ),
  epk: h(
    'epk',
    'Ephemeral public key',
    'The sender’s one-time public key for ECDH-ES key agreement.',
    'Used with ECDH-ES algorithms: combined with the recipient’s private key it yields the content key.',
    [rfc(7518, '4.6.1.1')],
    ['JWE'],
    {
      watchFor: 'Implementations must check the point is on the curve (invalid-curve attacks).',
    },
  ),
  apu: h(
    'apu',
    'Agreement PartyUInfo',
    'Information about the sender mixed into ECDH key derivation.',
    'Base64url data about the producer, fed into the key derivation function of ECDH-ES.',
    [rfc(7518, '4.6.1.2')],
    ['JWE'],
  ),
  apv: h(
    'apv',
    'Agreement PartyVInfo',
    'Information about the recipient mixed into ECDH key derivation.',
    'Base64url data about the recipient, fed into the key derivation function of ECDH-ES.',
    [rfc(7518, '4.6.1.3')],
    ['JWE'],
  ),
  iv: h(
    'iv',
    'Key-wrap IV',
    'The initialisation vector of AES-GCM key wrapping.',
    'The 96-bit IV used when the content key was wrapped with AES-GCM (A128GCMKW etc.).',
    [rfc(7518, '4.7.1.1')],
    ['JWE'],
  ),
  tag: h(
    'tag',
    'Key-wrap tag',
    'The authentication tag of AES-GCM key wrapping.',
    'The 128-bit tag from wrapping the content key with AES-GCM.',
    [rfc(7518, '4.7.1.2')],
    ['JWE'],
  ),
  p2s: h(
    'p2s',
    'PBES2 salt',
    'Salt for password-based key encryption.',
    'Salt input for PBES2, which derives the key-wrapping key from a password.',
    [rfc(7518, '4.8.1.1')],
    ['JWE'],
  ),
  p2c: h(
    'p2c',
    'PBES2 iterations',
    'PBKDF2 iteration count for password-based key encryption.',
    'How many PBKDF2 iterations derive the wrapping key from the password.',
    [rfc(7518, '4.8.1.2')],
    ['JWE'],
    {
      watchFor: 'Attacker-controlled: a huge count makes the recipient burn CPU. Cap it.',
    },
  ),
  b64: h(
    'b64',
    'Base64url-encode payload',
    'false = the payload is sent as-is, not base64url-encoded (RFC 7797).',
    'With b64 false the signature covers the raw payload bytes. It must be listed in crit, and RFC 7797 advises against it for JWTs.',
    [rfc(7797, '3')],
    ['JWS'],
    {
      watchFor: 'A JWT verifier that does not support b64 must reject the token when b64 is in crit.',
    },
  ),
  url: h(
    'url',
    'ACME URL',
    'ACME: the URL the signed request is sent to.',
    'In ACME (RFC 8555) request bodies, the URL being requested, so a signed request cannot be replayed to another endpoint.',
    [rfc(8555, '6.4')],
    ['JWS'],
  ),
  nonce: h(
    'nonce',
    'Nonce (header)',
    'In Entra access tokens: only the target Microsoft API can verify this token. In ACME: an anti-replay value.',
    'In ACME it is a server-issued anti-replay value. Entra puts a `nonce` in the header of access tokens for Microsoft Graph and some other Microsoft APIs; the signature is then computed over the token with the nonce replaced by its SHA-256 hash, so standard libraries report an invalid signature. That is by design: those tokens are for the Microsoft API only, and your code should neither validate nor accept them. To get a token you can validate, request a scope of your own API.',
    [rfc(8555, '6.5'), MS_TOKENS],
    ['JWS'],
    {
      watchFor: 'An "invalid signature" on a Graph token is expected, not an attack. Never accept a Graph token in your own API.',
    },
  ),
} satisfies Record<HeaderName, HeaderInfo>

const TABLE: Partial<Record<string, HeaderInfo>> = HEADERS

export function resolveHeader(name: string): HeaderInfo | undefined {
  return Object.hasOwn(TABLE, name) ? TABLE[name] : undefined
}
