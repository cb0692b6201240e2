/**
 * Provider presets for the "Other OpenID provider" profile: the authority URL shape, what a
 * browser-only SPA needs registered (a public client, PKCE, this page's origin allowed for
 * CORS), known limits, and the page each statement comes from. Written in our own words from
 * the vendors' documentation; a statement we could not check against the page is marked
 * unconfirmed. Pure data.
 */

export interface PresetNote {
  text: string
  /** The vendor page the statement comes from. */
  source: string
  /** True when the statement could not be checked against that page. */
  unconfirmed?: boolean
}

export interface ProviderPreset {
  id: string
  name: string
  /** Authority with {placeholders} the person fills in. */
  authorityTemplate: string
  /** One line: how to register Token Lens as a browser-only client. */
  recipe: string
  spa: PresetNote[]
  limits: PresetNote[]
}

export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  {
    id: 'okta',
    name: 'Okta',
    authorityTemplate: 'https://{yourOktaDomain}/oauth2/default',
    recipe:
      'Applications → Create App Integration → OIDC, Single-Page Application; add the redirect URI; add this origin under Security → API → Trusted Origins (CORS).',
    spa: [
      {
        text: 'Register a Single-Page Application integration: a public client that must use PKCE.',
        source: 'https://developer.okta.com/docs/guides/sign-into-spa-redirect/main/',
      },
      {
        text: 'Browser calls are allowed only from origins listed as Trusted Origins with CORS enabled.',
        source: 'https://developer.okta.com/docs/guides/enable-cors/main/',
      },
    ],
    limits: [
      {
        text: 'The org authorization server (https://{domain} without /oauth2/…) issues access tokens meant only for Okta APIs; use a custom authorization server such as "default" for your own APIs.',
        source: 'https://developer.okta.com/docs/concepts/auth-servers/',
      },
    ],
  },
  {
    id: 'auth0',
    name: 'Auth0',
    authorityTemplate: 'https://{tenant}.{region}.auth0.com',
    recipe:
      'Applications → Create Application → Single Page Web Applications; set Allowed Callback URLs, Allowed Logout URLs and Allowed Web Origins to this page.',
    spa: [
      {
        text: 'A Single Page Application is a public client; list the redirect URI under Allowed Callback URLs and this origin under Allowed Web Origins and Allowed Origins (CORS).',
        source: 'https://auth0.com/docs/get-started/applications/application-settings',
      },
    ],
    limits: [
      {
        text: 'The issuer ends with a slash (https://tenant.auth0.com/); Token Lens accepts the authority with or without it.',
        source: 'https://auth0.com/docs/get-started/tenant-settings/custom-domains',
        unconfirmed: true,
      },
      {
        text: 'Without an audience parameter the access token is opaque and only good for /userinfo.',
        source: 'https://auth0.com/docs/secure/tokens/access-tokens/opaque-access-tokens',
      },
      {
        text: 'end_session_endpoint appears in discovery only while the tenant setting "RP-Initiated Logout End Session Endpoint Discovery" is on.',
        source: 'https://auth0.com/docs/authenticate/login/logout/log-users-out-of-auth0',
      },
    ],
  },
  {
    id: 'keycloak',
    name: 'Keycloak',
    authorityTemplate: 'https://{host}/realms/{realm}',
    recipe:
      'Clients → Create client (OpenID Connect), Client authentication off, Standard flow on; add the redirect URI, this origin under Web origins, and PKCE method S256 under Advanced.',
    spa: [
      {
        text: 'A public client (Client authentication off) with Standard flow; Web origins sets the CORS origins ("+" means the origins of the valid redirect URIs).',
        source: 'https://www.keycloak.org/docs/latest/server_admin/#_oidc_clients',
      },
      {
        text: 'PKCE is enforced per client with the "Proof Key for Code Exchange Code Challenge Method" advanced setting.',
        source: 'https://www.keycloak.org/docs/latest/server_admin/#_oidc_clients',
        unconfirmed: true,
      },
    ],
    limits: [
      {
        text: 'Before Keycloak 17 the default context path was /auth, so realms were at /auth/realms/{realm}; the Quarkus distribution (17 and later) dropped /auth.',
        source: 'https://www.keycloak.org/migration/migrating-to-quarkus',
      },
    ],
  },
  {
    id: 'google',
    name: 'Google',
    authorityTemplate: 'https://accounts.google.com',
    recipe:
      'Google Cloud console → APIs & Services → Credentials → OAuth client ID (Web application); add this origin to Authorized JavaScript origins and the redirect URI.',
    spa: [
      {
        text: 'A Web application OAuth client lists the page origin under Authorized JavaScript origins and the redirect URI under Authorized redirect URIs.',
        source: 'https://developers.google.com/identity/protocols/oauth2/javascript-implicit-flow',
      },
    ],
    limits: [
      {
        text: 'The token endpoint expects the client secret for Web application clients, so a browser-only code flow with PKCE alone may be refused.',
        source: 'https://developers.google.com/identity/protocols/oauth2/web-server',
        unconfirmed: true,
      },
      {
        text: 'Discovery lists no end_session_endpoint: sign-out clears only this app.',
        source: 'https://developers.google.com/identity/openid-connect/openid-connect#discovery',
      },
    ],
  },
  {
    id: 'ping',
    name: 'Ping Identity (PingOne)',
    authorityTemplate: 'https://auth.pingone.{region}/{environmentId}/as',
    recipe:
      'Applications → add an OIDC Single-Page App; token endpoint authentication None, PKCE S256 required; add the redirect URI and this origin to the allowed CORS origins.',
    spa: [
      {
        text: 'A Single-Page App is a public client: token endpoint authentication method NONE, and PKCE can be enforced with S256 (pkceEnforcement S256_REQUIRED).',
        source:
          'https://developer.pingidentity.com/pingone-api/workflow-library/platform-sso-and-authorization/openid-connect-oidc/client-authentication-methods/environment-configuration/none.html',
      },
      {
        text: "PingOne answers cross-origin calls made with access tokens from any origin; the application's CORS settings list the origins trusted on the endpoints that rely on its session cookie (/as/authorize, /as/resume, /as/signoff).",
        source: 'https://developer.pingidentity.com/pingone-api/platform/applications/applications-1.html',
      },
    ],
    limits: [
      {
        text: "The host's top-level domain is the environment's region: auth.pingone.com (North America), .eu, .ca, .com.au, .sg, and .asia for existing Asia-Pacific customers.",
        source: 'https://docs.pingidentity.com/pingone/developer_tools/p1_ip_address_domain_reference.html',
      },
    ],
  },
  {
    id: 'duende',
    name: 'Duende IdentityServer',
    authorityTemplate: 'https://{identityServerHost}',
    recipe:
      'Add a Client with AllowedGrantTypes = Code, RequireClientSecret = false, RequirePkce = true, the redirect URI in RedirectUris/PostLogoutRedirectUris and this origin in AllowedCorsOrigins.',
    spa: [
      {
        text: 'Client settings: RequireClientSecret false for a public client, RequirePkce, RedirectUris, PostLogoutRedirectUris and AllowedCorsOrigins.',
        source: 'https://docs.duendesoftware.com/identityserver/reference/models/client/',
      },
    ],
    limits: [
      {
        text: 'Duende recommends a backend-for-frontend over tokens held in the browser for production SPAs.',
        source: 'https://docs.duendesoftware.com/bff/',
      },
    ],
  },
  {
    id: 'zitadel',
    name: 'ZITADEL',
    authorityTemplate: 'https://{instance}.zitadel.cloud',
    recipe:
      'Project → New application → User Agent, authentication method PKCE; add the redirect and post-logout URIs (development mode for http://127.0.0.1).',
    spa: [
      {
        text: 'A User Agent application with the PKCE authentication method is the browser-only client type.',
        source: 'https://zitadel.com/docs/guides/manage/console/applications',
      },
    ],
    limits: [
      {
        text: 'http redirect URIs are accepted only with development mode switched on.',
        source: 'https://zitadel.com/docs/guides/manage/console/applications',
        unconfirmed: true,
      },
    ],
  },
  {
    id: 'cognito',
    name: 'Amazon Cognito',
    authorityTemplate: 'https://cognito-idp.{region}.amazonaws.com/{userPoolId}',
    recipe:
      'User pool → App clients → Create (single-page application, no client secret), authorization code grant with openid; add the callback and sign-out URLs; give the pool a domain.',
    spa: [
      {
        text: 'A public app client has no client secret and uses the authorization code grant with PKCE.',
        source: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html',
      },
    ],
    limits: [
      {
        text: 'Sign-out is the /logout endpoint of the pool domain (client_id and logout_uri), not an end_session_endpoint in discovery.',
        source: 'https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html',
      },
      {
        text: 'The issuer host (cognito-idp.{region}.amazonaws.com) differs from the host of /oauth2/authorize, /oauth2/token and /oauth2/userInfo, which are on the user pool domain (a prefix domain such as {prefix}.auth.{region}.amazoncognito.com, or a custom domain).',
        source: 'https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html',
      },
      {
        text: 'A pool with the UPDATED issuer configuration has the issuer https://issuer-cognito-idp.{region}.amazonaws.com/{userPoolId}: use that as the authority instead.',
        source: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_IssuerConfigurationType.html',
      },
    ],
  },
]

export function presetById(id: string): ProviderPreset | undefined {
  return PROVIDER_PRESETS.find((p) => p.id === id)
}

/** The {placeholders} still in an authority taken from a template. */
export function unfilledPlaceholders(authority: string): string[] {
  return [...authority.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]!)
}
