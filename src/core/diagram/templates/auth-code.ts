/**
 * Canonical authorization-code flows: a single-page app with PKCE (the code is redeemed from the
 * browser, RFC 7636, RFC 9700 §2.1.1) and a confidential web app that redeems it on its server
 * with a client secret (RFC 6749 §4.1, §2.3.1).
 */
import type { ExchangeInput } from '../model.ts'
import { SPEC } from '../explanations.ts'
import type { FlowTemplate } from './types.ts'
import {
  AUTHORIZE_URL,
  DISCOVERY_JSON,
  DISCOVERY_URL,
  entryFactory,
  exampleJwt,
  IAT,
  ISSUER,
  JWKS_JSON,
  JWKS_URL,
  SPA_CLIENT,
  TOKEN_URL,
  WEB_CLIENT,
} from './build.ts'

const SPA = { role: 'client', title: 'Single-page app' } as const
const USER = { role: 'user' } as const

function tokens(aud: string, clientId: string, withRefresh: boolean) {
  const claims = {
    iss: ISSUER,
    iat: IAT,
    nbf: IAT,
    exp: IAT + 3600,
    tid: '9188040d-6c67-4c5b-b112-36a304b66dad',
    oid: '00000000-0000-0000-66f3-3332eca7ea81',
    name: 'Adele Vance',
    preferred_username: 'adele@contoso.com',
  }
  return {
    token_type: 'Bearer',
    scope: 'openid profile offline_access User.Read',
    expires_in: 3599,
    access_token: exampleJwt({ ...claims, aud, scp: 'openid profile User.Read', appid: clientId, ver: '1.0' }),
    id_token: exampleJwt({ ...claims, aud: clientId, nonce: 'f1d2c3b4-nonce', ver: '2.0' }),
    ...(withRefresh ? { refresh_token: '1.AXkA-example-opaque-refresh-token-not-a-jwt' } : {}),
  }
}

export function spaPkceTemplate(): FlowTemplate {
  const entry = entryFactory()
  const redirect = 'https://app.contoso.com/'
  const inputs: ExchangeInput[] = [
    {
      entry: entry({ step: 'discovery', url: DISCOVERY_URL, status: 200, json: DISCOVERY_JSON }),
      caller: SPA,
      before: [
        {
          from: USER,
          to: SPA,
          label: 'clicks “Sign in”',
          explanation: {
            title: 'The user starts the sign-in',
            body: 'A single-page app runs entirely in the browser: it cannot keep a secret, so it proves that the code is its own with PKCE instead of a client secret.',
            links: [SPEC.rfc9700_211, SPEC.entraSpa],
          },
        },
      ],
    },
    {
      entry: entry({
        step: 'authorize',
        url: `${AUTHORIZE_URL}?${new URLSearchParams({ client_id: SPA_CLIENT, response_type: 'code', redirect_uri: redirect, response_mode: 'fragment', scope: 'openid profile offline_access User.Read', state: 'b4f1e0c2-state', nonce: 'f1d2c3b4-nonce', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' }).toString()}`,
        status: 0,
      }),
      caller: SPA,
      after: [
        {
          from: USER,
          to: { role: 'authorize', host: 'login.microsoftonline.com' },
          label: 'signs in and consents',
          explanation: {
            title: 'The user signs in at the provider, never at the app',
            body: 'Password, MFA and consent happen on the provider’s own pages. The app never sees the password; it only gets the result through the redirect.',
            links: [SPEC.oidcCore_3121],
          },
        },
      ],
    },
    {
      entry: entry({
        step: 'redirect_back',
        url: `${redirect}#code=0.AXkA-example-authorization-code&state=b4f1e0c2-state&session_state=7c1f`,
        status: 0,
        notes: ['state matches the request'],
      }),
      caller: { role: 'authorize', host: 'login.microsoftonline.com' },
      callee: SPA,
    },
    {
      entry: entry({
        step: 'token',
        url: TOKEN_URL,
        headers: { Origin: 'https://app.contoso.com' },
        form: {
          client_id: SPA_CLIENT,
          scope: 'openid profile offline_access User.Read',
          code: '0.AXkA-example-authorization-code',
          redirect_uri: redirect,
          grant_type: 'authorization_code',
          code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
        },
        status: 200,
        grantType: 'authorization_code',
        json: tokens('00000003-0000-0000-c000-000000000000', SPA_CLIENT, true),
        notes: ['PKCE S256: SHA-256(code_verifier) = code_challenge'],
      }),
      caller: SPA,
    },
    {
      entry: entry({ step: 'jwks', url: JWKS_URL, status: 200, json: JWKS_JSON }),
      caller: SPA,
      after: [
        {
          from: SPA,
          to: SPA,
          label: 'validates the ID token',
          details: ['signature (kid) · iss · aud · nonce · exp'],
          explanation: {
            title: 'The app validates the ID token',
            body: 'Signature with the key whose kid matches, issuer equal to the discovery issuer, audience equal to its own client ID, the nonce it sent, and the lifetime. Only then does it trust who signed in.',
            links: [SPEC.oidcCore_3137],
          },
        },
      ],
    },
    {
      entry: entry({
        step: 'graph',
        url: 'https://graph.microsoft.com/v1.0/me',
        headers: { Authorization: 'Bearer <access token>' },
        status: 200,
        json: { displayName: 'Adele Vance', userPrincipalName: 'adele@contoso.com', id: '00000000-0000-0000-66f3-3332eca7ea81' },
      }),
      caller: SPA,
    },
  ]
  return {
    id: 'auth-code-pkce-spa',
    title: 'Authorization code + PKCE (single-page app)',
    summary: 'A browser app signs a user in and calls Microsoft Graph. No client secret: PKCE binds the code to the tab that asked for it.',
    clientTitle: SPA.title,
    inputs,
  }
}

export function webAppTemplate(): FlowTemplate {
  const entry = entryFactory()
  const BROWSER = { role: 'browser' } as const
  const WEB = { role: 'client', title: 'Web app (server)' } as const
  const AUTHZ = { role: 'authorize', host: 'login.microsoftonline.com' } as const
  const callback = 'https://app.contoso.com/signin-oidc'
  const authorizeUrl = `${AUTHORIZE_URL}?${new URLSearchParams({ client_id: WEB_CLIENT, response_type: 'code', redirect_uri: callback, response_mode: 'query', scope: 'openid profile offline_access User.Read', state: '9a8b7c6d-state', nonce: '1234abcd-nonce' }).toString()}`
  const inputs: ExchangeInput[] = [
    {
      entry: entry({
        step: 'other',
        url: 'https://app.contoso.com/account/signin',
        status: 302,
        responseHeaders: { Location: authorizeUrl },
      }),
      caller: BROWSER,
      callee: WEB,
      explainRequest: {
        title: 'The user opens the web app’s sign-in page',
        body: 'The browser asks the web server to sign in. The server creates state and nonce, keeps them in its session and sends the browser to the provider.',
        links: [SPEC.entraSpa],
      },
      explainResponse: {
        title: 'The server redirects the browser to the provider',
        body: 'A 302 whose Location is the authorization endpoint with client_id, redirect_uri, scope, state and nonce. A confidential client may add PKCE too (RFC 9700 recommends it), but its secret already protects the code.',
        links: [SPEC.rfc6749_411, SPEC.rfc9700_211],
      },
    },
    {
      entry: entry({ step: 'authorize', url: authorizeUrl, status: 0 }),
      caller: BROWSER,
      callee: AUTHZ,
      after: [
        {
          from: BROWSER,
          to: AUTHZ,
          label: 'user signs in and consents',
          explanation: {
            title: 'The user signs in at the provider',
            body: 'The web app never sees the password, only the code that comes back.',
            links: [SPEC.oidcCore_3121],
          },
        },
      ],
    },
    {
      entry: entry({
        step: 'callback',
        url: `${callback}?code=0.AXkA-example-authorization-code&state=9a8b7c6d-state&session_state=2e4f`,
        status: 0,
        notes: ['via the browser: 302 to the redirect URI'],
      }),
      caller: AUTHZ,
      callee: WEB,
    },
    {
      entry: entry({
        step: 'token',
        url: TOKEN_URL,
        form: {
          client_id: WEB_CLIENT,
          scope: 'openid profile offline_access User.Read',
          code: '0.AXkA-example-authorization-code',
          redirect_uri: callback,
          grant_type: 'authorization_code',
          client_secret: 'example~secret-value',
        },
        status: 200,
        grantType: 'authorization_code',
        json: tokens('00000003-0000-0000-c000-000000000000', WEB_CLIENT, true),
        notes: ['back-channel: the browser never sees the tokens'],
      }),
      caller: WEB,
      after: [
        {
          from: WEB,
          to: BROWSER,
          kind: 'redirect',
          label: '302 to / with a session cookie',
          details: ['Set-Cookie: session (HttpOnly, Secure)'],
          explanation: {
            title: 'The server starts its own session',
            body: 'Having validated the ID token, the web app signs the user into itself with a cookie. The tokens stay on the server.',
            links: [SPEC.oidcCore_3137],
          },
        },
      ],
    },
    {
      entry: entry({
        step: 'graph',
        url: 'https://graph.microsoft.com/v1.0/me',
        headers: { Authorization: 'Bearer <access token>' },
        status: 200,
        json: { displayName: 'Adele Vance', userPrincipalName: 'adele@contoso.com' },
      }),
      caller: WEB,
    },
  ]
  return {
    id: 'auth-code-web',
    title: 'Authorization code (confidential web app)',
    summary: 'A server-side web app: the browser carries the code, the server redeems it with its client secret over the back channel.',
    clientTitle: WEB.title,
    inputs,
  }
}
