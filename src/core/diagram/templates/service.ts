/**
 * Canonical flows without a browser redirect: client credentials (RFC 6749 §4.4), refresh
 * (RFC 6749 §6), on-behalf-of (RFC 7523 §2.1 jwt-bearer as profiled by Entra) and the device
 * authorization grant (RFC 8628).
 */
import type { ExchangeInput } from '../model.ts'
import { SPEC } from '../explanations.ts'
import type { FlowTemplate } from './types.ts'
import { API_CLIENT, entryFactory, exampleJwt, IAT, ISSUER, LOGIN, SPA_CLIENT, TOKEN_URL, WEB_CLIENT } from './build.ts'

const base = { iss: ISSUER, iat: IAT, nbf: IAT, exp: IAT + 3600, tid: '9188040d-6c67-4c5b-b112-36a304b66dad' }
const user = { oid: '00000000-0000-0000-66f3-3332eca7ea81', name: 'Adele Vance', preferred_username: 'adele@contoso.com' }

export function clientCredentialsTemplate(): FlowTemplate {
  const entry = entryFactory()
  const DAEMON = { role: 'client', title: 'Daemon service' } as const
  const inputs: ExchangeInput[] = [
    {
      entry: entry({
        step: 'token',
        url: TOKEN_URL,
        form: {
          client_id: WEB_CLIENT,
          scope: `api://${API_CLIENT}/.default`,
          client_secret: 'example~secret-value',
          grant_type: 'client_credentials',
        },
        status: 200,
        grantType: 'client_credentials',
        json: {
          token_type: 'Bearer',
          expires_in: 3599,
          access_token: exampleJwt({
            ...base,
            aud: `api://${API_CLIENT}`,
            appid: WEB_CLIENT,
            roles: ['Reports.Read.All'],
            idtyp: 'app',
            ver: '1.0',
          }),
        },
        notes: ['no user: app permissions (roles)'],
      }),
      caller: DAEMON,
      explainResponse: {
        title: 'An app-only access token comes back',
        body: 'Just an access token: no ID token (nobody signed in) and no refresh token (the service can always ask again). Its roles claim lists the application permissions an admin granted.',
        links: [SPEC.rfc6749_44, SPEC.entraClientCreds],
      },
    },
    {
      entry: entry({
        step: 'api',
        url: 'https://api.contoso.com/reports/daily',
        headers: { Authorization: 'Bearer <access token>' },
        status: 200,
        json: { report: 'daily', rows: 42 },
      }),
      caller: DAEMON,
      explainRequest: {
        title: 'The service calls the API',
        body: 'The API checks the token’s audience and that its roles claim contains the permission the endpoint needs; there is no scp claim in an app-only token.',
        links: [SPEC.rfc6750_21],
      },
    },
  ]
  return {
    id: 'client-credentials',
    title: 'Client credentials (service to service)',
    summary: 'A background service gets a token for itself, with no user involved, using its secret or certificate.',
    clientTitle: DAEMON.title,
    inputs,
  }
}

export function refreshTemplate(): FlowTemplate {
  const entry = entryFactory()
  const SPA = { role: 'client', title: 'Single-page app' } as const
  const access = exampleJwt({ ...base, ...user, aud: '00000003-0000-0000-c000-000000000000', scp: 'User.Read' })
  const inputs: ExchangeInput[] = [
    {
      entry: entry({
        step: 'graph',
        url: 'https://graph.microsoft.com/v1.0/me',
        headers: { Authorization: 'Bearer <expired access token>' },
        status: 401,
        responseHeaders: { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The token is expired"' },
        json: { error: { code: 'InvalidAuthenticationToken', message: 'Lifetime validation failed, the token is expired.' } },
      }),
      caller: SPA,
      explainResponse: {
        title: 'The API refuses an expired token',
        body: 'Access tokens are short-lived (about an hour in Entra). The API answers 401 with a WWW-Authenticate header saying why; the app should renew the token, not ask the user to sign in again.',
        links: [{ label: 'RFC 6750 §3', url: 'https://www.rfc-editor.org/rfc/rfc6750#section-3' }],
      },
    },
    {
      entry: entry({
        step: 'refresh',
        url: TOKEN_URL,
        headers: { Origin: 'https://app.contoso.com' },
        form: {
          client_id: SPA_CLIENT,
          scope: 'openid profile offline_access User.Read',
          grant_type: 'refresh_token',
          refresh_token: '1.AXkA-example-opaque-refresh-token-not-a-jwt',
        },
        status: 200,
        grantType: 'refresh_token',
        json: {
          token_type: 'Bearer',
          expires_in: 3599,
          scope: 'openid profile offline_access User.Read',
          access_token: access,
          id_token: exampleJwt({ ...base, ...user, aud: SPA_CLIENT }),
          refresh_token: '1.AXkA-example-new-refresh-token',
        },
        notes: ['refresh token rotated: keep the new one'],
      }),
      caller: SPA,
      explainRequest: {
        title: 'The app trades its refresh token',
        body: 'grant_type=refresh_token with the refresh token it kept. A single-page app’s refresh token is bound to its origin and lives at most 24 hours in Entra, a limit meant for public clients.',
        links: [SPEC.rfc6749_6, SPEC.rfc9700_221],
      },
    },
    {
      entry: entry({
        step: 'graph',
        url: 'https://graph.microsoft.com/v1.0/me',
        headers: { Authorization: 'Bearer <new access token>' },
        status: 200,
        json: { displayName: 'Adele Vance' },
      }),
      caller: SPA,
      explainRequest: {
        title: 'The app retries with the new access token',
        body: 'Same request, fresh token: the user noticed nothing.',
        links: [SPEC.rfc6750_21],
      },
    },
  ]
  return {
    id: 'refresh-token',
    title: 'Refresh token',
    summary: 'An access token expires; the app quietly gets a new one with its refresh token and retries.',
    clientTitle: SPA.title,
    inputs,
  }
}

export function onBehalfOfTemplate(): FlowTemplate {
  const entry = entryFactory()
  const SPA = { role: 'client', title: 'Single-page app' } as const
  const MIDDLE = { role: 'client', title: 'Middle-tier API', host: 'api.contoso.com' } as const
  const incoming = exampleJwt({ ...base, ...user, aud: `api://${API_CLIENT}`, azp: SPA_CLIENT, scp: 'Notes.Read', ver: '2.0' })
  const inputs: ExchangeInput[] = [
    {
      entry: entry({
        step: 'api',
        url: 'https://api.contoso.com/notes',
        headers: { Authorization: `Bearer ${incoming}` },
        status: 200,
        json: { notes: [{ title: 'Quarterly plan', owner: 'Adele Vance' }] },
      }),
      caller: SPA,
      callee: MIDDLE,
      deferResponse: true,
      explainRequest: {
        title: 'The app calls its own API',
        body: 'The single-page app sends an access token whose audience is the middle-tier API (not Graph). The API validates it like any other token.',
        links: [SPEC.rfc6750_21],
      },
      explainResponse: {
        title: 'The API answers its caller',
        body: 'Only after its own downstream call does the middle tier answer the app. The app never held a Graph token.',
        links: [SPEC.entraObo],
      },
    },
    {
      entry: entry({
        step: 'token',
        url: TOKEN_URL,
        form: {
          client_id: API_CLIENT,
          client_secret: 'example~secret-value',
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          assertion: incoming,
          scope: 'https://graph.microsoft.com/User.Read',
          requested_token_use: 'on_behalf_of',
        },
        status: 200,
        grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        json: {
          token_type: 'Bearer',
          expires_in: 3599,
          scope: 'https://graph.microsoft.com/User.Read',
          access_token: exampleJwt({ ...base, ...user, aud: '00000003-0000-0000-c000-000000000000', appid: API_CLIENT, scp: 'User.Read' }),
        },
        notes: ['same user, new audience: Graph'],
      }),
      caller: MIDDLE,
      explainResponse: {
        title: 'A token for Graph, still on behalf of the user',
        body: 'The new token names the same user (oid) but the middle-tier API as the client (appid/azp) and Graph as the audience. Consent for the downstream scope must already exist.',
        links: [SPEC.rfc7523_22, SPEC.entraObo],
      },
    },
    {
      entry: entry({
        step: 'graph',
        url: 'https://graph.microsoft.com/v1.0/me',
        headers: { Authorization: 'Bearer <OBO access token>' },
        status: 200,
        json: { displayName: 'Adele Vance' },
      }),
      caller: MIDDLE,
    },
  ]
  return {
    id: 'on-behalf-of',
    title: 'On-behalf-of (jwt-bearer)',
    summary: 'A middle-tier API exchanges the token it received for a token to call Graph as the same user.',
    clientTitle: SPA.title,
    inputs,
  }
}

export function deviceCodeTemplate(): FlowTemplate {
  const entry = entryFactory()
  const DEVICE = { role: 'client', title: 'Device app (CLI, TV)' } as const
  const USER = { role: 'user' } as const
  const devicePoll = {
    client_id: SPA_CLIENT,
    grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
    device_code: 'DAQABAAEAAAD-example-device-code',
  }
  const inputs: ExchangeInput[] = [
    {
      entry: entry({
        step: 'device_authorization',
        url: `${LOGIN}/oauth2/v2.0/devicecode`,
        form: { client_id: SPA_CLIENT, scope: 'openid profile offline_access User.Read' },
        status: 200,
        json: {
          device_code: 'DAQABAAEAAAD-example-device-code',
          user_code: 'B7XKQ3ZPM',
          verification_uri: 'https://microsoft.com/devicelogin',
          expires_in: 900,
          interval: 5,
          message:
            'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code B7XKQ3ZPM to authenticate.',
        },
      }),
      caller: DEVICE,
      after: [
        {
          from: DEVICE,
          to: USER,
          label: 'shows the code and the URL',
          details: ['microsoft.com/devicelogin  ·  B7XKQ3ZPM'],
          explanation: {
            title: 'The device shows a short code',
            body: 'The person reads the code off the screen. Phishers abuse exactly this step, so users should only enter codes they started themselves.',
            links: [SPEC.rfc8628_33, { label: 'RFC 8628 §5.4', url: 'https://www.rfc-editor.org/rfc/rfc8628#section-5.4' }],
          },
        },
      ],
    },
    {
      entry: entry({
        step: 'token',
        url: TOKEN_URL,
        form: devicePoll,
        status: 400,
        grantType: 'urn:ietf:params:oauth:grant-type:device_code',
        json: {
          error: 'authorization_pending',
          error_description: 'AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
        },
        notes: ['expected: keep polling every 5 s'],
      }),
      caller: DEVICE,
      explainResponse: {
        title: 'Not yet: authorization_pending',
        body: 'The person has not finished signing in. This error is the protocol working: the device waits the interval and asks again (slow_down means wait longer).',
        links: [SPEC.rfc8628_35],
      },
    },
    {
      entry: entry({
        step: 'token',
        url: TOKEN_URL,
        form: devicePoll,
        status: 200,
        grantType: 'urn:ietf:params:oauth:grant-type:device_code',
        json: {
          token_type: 'Bearer',
          expires_in: 3599,
          scope: 'openid profile offline_access User.Read',
          access_token: exampleJwt({ ...base, ...user, aud: '00000003-0000-0000-c000-000000000000', scp: 'User.Read' }),
          id_token: exampleJwt({ ...base, ...user, aud: SPA_CLIENT }),
          refresh_token: '1.AXkA-example-refresh',
        },
      }),
      caller: DEVICE,
      before: [
        {
          from: USER,
          to: { role: 'authorize', host: 'login.microsoftonline.com', title: 'Sign-in page (phone)' },
          label: 'enters the code, signs in',
          explanation: {
            title: 'The person signs in on another device',
            body: 'On a phone or laptop they open the verification URL, type the code, sign in and consent. The device never sees any of it.',
            links: [SPEC.rfc8628_31, SPEC.entraDevice],
          },
        },
      ],
    },
  ]
  return {
    id: 'device-code',
    title: 'Device code',
    summary: 'A device with no browser (a CLI, a TV) shows a code; the person signs in on their phone while the device polls.',
    clientTitle: DEVICE.title,
    inputs,
  }
}
