/**
 * What a trainer says at each step: one heading, a few sentences in our own words, and where the
 * rule is written down. Used for captured flows (by step kind) and by the canonical templates.
 */
import type { CapturedEntry } from '../capture/types.ts'
import type { SpecLink, StepExplanation } from './types.ts'

export const SPEC = {
  rfc6749_411: { label: 'RFC 6749 §4.1.1', url: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1' },
  rfc6749_412: { label: 'RFC 6749 §4.1.2', url: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2' },
  rfc6749_4121: { label: 'RFC 6749 §4.1.2.1', url: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1' },
  rfc6749_413: { label: 'RFC 6749 §4.1.3', url: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3' },
  rfc6749_44: { label: 'RFC 6749 §4.4', url: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.4' },
  rfc6749_51: { label: 'RFC 6749 §5.1', url: 'https://www.rfc-editor.org/rfc/rfc6749#section-5.1' },
  rfc6749_52: { label: 'RFC 6749 §5.2', url: 'https://www.rfc-editor.org/rfc/rfc6749#section-5.2' },
  rfc6749_6: { label: 'RFC 6749 §6', url: 'https://www.rfc-editor.org/rfc/rfc6749#section-6' },
  rfc6749_231: { label: 'RFC 6749 §2.3.1', url: 'https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1' },
  rfc6750_21: { label: 'RFC 6750 §2.1', url: 'https://www.rfc-editor.org/rfc/rfc6750#section-2.1' },
  rfc7636_43: { label: 'RFC 7636 §4.3', url: 'https://www.rfc-editor.org/rfc/rfc7636#section-4.3' },
  rfc7636_45: { label: 'RFC 7636 §4.5', url: 'https://www.rfc-editor.org/rfc/rfc7636#section-4.5' },
  rfc7636_46: { label: 'RFC 7636 §4.6', url: 'https://www.rfc-editor.org/rfc/rfc7636#section-4.6' },
  rfc7517_5: { label: 'RFC 7517 §5', url: 'https://www.rfc-editor.org/rfc/rfc7517#section-5' },
  rfc7523_21: { label: 'RFC 7523 §2.1', url: 'https://www.rfc-editor.org/rfc/rfc7523#section-2.1' },
  rfc7523_22: { label: 'RFC 7523 §2.2', url: 'https://www.rfc-editor.org/rfc/rfc7523#section-2.2' },
  rfc8628_31: { label: 'RFC 8628 §3.1', url: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.1' },
  rfc8628_32: { label: 'RFC 8628 §3.2', url: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.2' },
  rfc8628_33: { label: 'RFC 8628 §3.3', url: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.3' },
  rfc8628_34: { label: 'RFC 8628 §3.4', url: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.4' },
  rfc8628_35: { label: 'RFC 8628 §3.5', url: 'https://www.rfc-editor.org/rfc/rfc8628#section-3.5' },
  rfc9700_211: { label: 'RFC 9700 §2.1.1', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.1.1' },
  rfc9700_221: { label: 'RFC 9700 §2.2.2', url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.2.2' },
  oidcCore_3121: { label: 'OIDC Core §3.1.2.1', url: 'https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest' },
  oidcCore_3137: { label: 'OIDC Core §3.1.3.7', url: 'https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation' },
  oidcCore_53: { label: 'OIDC Core §5.3', url: 'https://openid.net/specs/openid-connect-core-1_0.html#UserInfo' },
  oidcCore_1011: { label: 'OIDC Core §10.1.1', url: 'https://openid.net/specs/openid-connect-core-1_0.html#RotateSigKeys' },
  oidcDiscovery_4: { label: 'OIDC Discovery §4', url: 'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig' },
  oidcLogout_2: { label: 'OIDC RP-Initiated Logout §2', url: 'https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout' },
  responseModes: {
    label: 'OAuth 2.0 Multiple Response Types §5',
    url: 'https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html#ResponseModes',
  },
  entraSpa: {
    label: 'Microsoft identity platform: auth code flow',
    url: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow',
  },
  entraClientCreds: {
    label: 'Microsoft identity platform: client credentials',
    url: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow',
  },
  entraObo: {
    label: 'Microsoft identity platform: on-behalf-of',
    url: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-on-behalf-of-flow',
  },
  entraDevice: {
    label: 'Microsoft identity platform: device code',
    url: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-device-code',
  },
} as const satisfies Record<string, SpecLink>

function ex(title: string, body: string, links: SpecLink[]): StepExplanation {
  return { title, body, links }
}

/** The explanation of a captured exchange's request arrow, by step kind. */
export function explainRequest(entry: CapturedEntry): StepExplanation {
  const step = entry._oauth.step
  switch (step) {
    case 'discovery':
      return ex(
        'The app reads the provider’s discovery document',
        'Before anything else the app learns where the provider’s endpoints are and who it claims to be: the authorization and token endpoints, the issuer string tokens must carry, and jwks_uri, the only place signing keys may come from.',
        [SPEC.oidcDiscovery_4],
      )
    case 'authorize':
      return ex(
        'The browser goes to the authorization endpoint',
        'This is a front-channel step: the browser itself navigates, so everything here is visible in the address bar. The app asks for response_type=code, sends a random state to tie the answer to this request, and with PKCE a code_challenge: the hash of a secret that only this tab knows.',
        [SPEC.rfc6749_411, SPEC.rfc7636_43, SPEC.oidcCore_3121],
      )
    case 'redirect_back':
    case 'callback':
      return ex(
        'The provider sends the browser back with a code',
        'After sign-in the provider redirects to the registered redirect URI with a one-time authorization code and the same state value. The app checks that state matches what it sent; the code alone is useless without the PKCE verifier.',
        [SPEC.rfc6749_412, SPEC.responseModes, SPEC.rfc9700_211],
      )
    case 'token':
      return explainTokenRequest(entry.request.postData?.text ?? '')
    case 'refresh':
      return ex(
        'The app trades a refresh token for new tokens',
        'No browser, no user: the app posts grant_type=refresh_token to the token endpoint. The provider may rotate the refresh token, so the app must keep the new one from the answer.',
        [SPEC.rfc6749_6, SPEC.rfc9700_221],
      )
    case 'jwks':
      return ex(
        'The app fetches the provider’s public keys',
        'To check a token’s signature the app downloads the key set named by jwks_uri in the discovery document and picks the key whose kid matches the token header. Keys rotate, so an unknown kid means “fetch again once”.',
        [SPEC.rfc7517_5, SPEC.oidcCore_1011],
      )
    case 'userinfo':
      return ex(
        'The app asks who the user is',
        'With the access token as a bearer credential the app calls the UserInfo endpoint and gets the user’s claims.',
        [SPEC.oidcCore_53, SPEC.rfc6750_21],
      )
    case 'graph':
    case 'api':
      return ex(
        'The app calls the API with the access token',
        'The access token travels in the Authorization header as a bearer token. The API, not the app, validates it: issuer, audience, lifetime, signature and the scopes or roles it needs.',
        [SPEC.rfc6750_21],
      )
    case 'device_authorization':
      return ex(
        'The device asks for a user code',
        'A device without a usable browser asks the provider for a device code (kept secret) and a short user code that the person types on another device.',
        [SPEC.rfc8628_31],
      )
    case 'logout':
      return ex(
        'The browser goes to the logout endpoint',
        'The app ends the provider’s session by sending the browser to the end-session endpoint, usually with the ID token as a hint and where to return afterwards.',
        [SPEC.oidcLogout_2],
      )
    default:
      return ex('A request during the flow', 'A request seen during the flow that is not itself an OAuth step.', [])
  }
}

function explainTokenRequest(body: string): StepExplanation {
  const form = new URLSearchParams(body.trimStart().startsWith('{') ? '' : body)
  const grant = form.get('grant_type') ?? 'authorization_code'
  if (grant === 'client_credentials')
    return ex(
      'The service asks for a token for itself',
      'No user is involved: the client authenticates with its own secret or certificate and asks for the .default scope of the API. The token it gets carries application permissions (roles), never delegated scopes.',
      [SPEC.rfc6749_44, SPEC.entraClientCreds],
    )
  if (grant === 'refresh_token')
    return ex(
      'The app trades a refresh token for new tokens',
      'The app posts grant_type=refresh_token; the provider may rotate the refresh token.',
      [SPEC.rfc6749_6, SPEC.rfc9700_221],
    )
  if (grant.endsWith('jwt-bearer'))
    return ex(
      'The API asks for a token on behalf of the user',
      'The middle-tier API sends the access token it received as the assertion, with requested_token_use=on_behalf_of. The provider checks it and issues a token for the downstream API that still names the user.',
      [SPEC.rfc7523_21, SPEC.entraObo],
    )
  if (grant.endsWith('device_code'))
    return ex(
      'The device polls the token endpoint',
      'While the person signs in elsewhere the device keeps asking; the answer is authorization_pending until they finish, slow_down if it asks too often.',
      [SPEC.rfc8628_34, SPEC.rfc8628_35],
    )
  if (form.has('client_secret') || form.has('client_assertion'))
    return ex(
      'The server redeems the code with its secret',
      'Back-channel: the web server posts the code to the token endpoint and proves who it is with its client secret. The browser never sees this request or the tokens.',
      [SPEC.rfc6749_413, SPEC.rfc6749_231],
    )
  return ex(
    'The app redeems the code with its PKCE verifier',
    'Back-channel from the browser: the app posts the code with code_verifier, the secret whose hash it sent earlier. The provider hashes the verifier and compares: a stolen code is worthless without it.',
    [SPEC.rfc6749_413, SPEC.rfc7636_45],
  )
}

/** The explanation of a captured exchange's response arrow. */
export function explainResponse(entry: CapturedEntry): StepExplanation {
  const err = entry._oauth.error
  if (err)
    return ex(
      `The provider refused: ${err.error}`,
      `${err.description ?? 'The request was refused.'} OAuth errors come back as JSON from the token endpoint, or as error and error_description parameters on the redirect.`,
      [SPEC.rfc6749_52, SPEC.rfc6749_4121],
    )
  const status = entry.response.status
  if (status >= 300 && status < 400)
    return ex('A redirect', 'The server answers with a Location header: the browser follows it on its own.', [SPEC.rfc6749_412])
  switch (entry._oauth.step) {
    case 'discovery':
      return ex(
        'The discovery document arrives',
        'A JSON document with the issuer, the endpoints and jwks_uri. The issuer here must equal the iss claim of every token this provider issues.',
        [SPEC.oidcDiscovery_4],
      )
    case 'token':
    case 'refresh':
      return ex(
        'Tokens come back',
        'The answer carries an access token for the API, an ID token describing the sign-in, and usually a refresh token. The app must validate the ID token itself: signature, issuer, audience, nonce and lifetime.',
        [SPEC.rfc6749_51, SPEC.oidcCore_3137],
      )
    case 'jwks':
      return ex(
        'The key set arrives',
        'Public keys only, each with a kid. The app verifies the token signature with the key whose kid matches the token header.',
        [SPEC.rfc7517_5],
      )
    case 'device_authorization':
      return ex(
        'The device shows the user code',
        'The device displays the user code and the verification URL, then starts polling the token endpoint at the given interval.',
        [SPEC.rfc8628_32, SPEC.rfc8628_33],
      )
    default:
      return ex('The answer', 'The server’s answer to the request above.', [])
  }
}
