/**
 * The MSAL wrapper: one PublicClientApplication per connection profile, wired to our capturing
 * network client and to onRedirectNavigate so the authorize URL is recorded and, when asked,
 * held back (step-through, demo tenant). Loaded only by the sign-in screen (dynamic import).
 */
import {
  BrowserAuthError,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
} from '@azure/msal-browser'
import { buildNavigationEntry, buildEntry } from '../../core/capture/har.ts'
import { stepLabel } from '../../core/capture/classify.ts'
import type { CapturedEntry } from '../../core/capture/types.ts'
import { authorityOf, discoveryUrlOf, extraParamsOf, scopesOf, type ConnectionProfile } from '../../core/capture/profile.ts'
import type { EdgeRequest } from '../../core/demo-tenant/types.ts'
import { createCapturingNetworkClient } from './network-client.ts'
import { currentFlowId, startFlow } from './capture-journal.ts'
import { demoFetch } from './demo-edge.ts'

export interface SessionHooks {
  record: (entry: CapturedEntry) => void
  /**
   * Called with every URL MSAL is about to navigate to (/authorize, logout). Return false to
   * keep the page here; the caller continues later (location.assign, demo sign-in page).
   */
  onNavigate: (url: string, kind: 'authorize' | 'logout') => boolean
  beforeSend?: (request: EdgeRequest) => Promise<void>
}

export interface MsalSession {
  profile: ConnectionProfile
  signInRedirect: (scopes?: string[]) => Promise<void>
  signInPopup: (scopes?: string[]) => Promise<AuthenticationResult>
  handleRedirect: () => Promise<AuthenticationResult | null>
  acquireSilent: (scopes: string[], forceRefresh: boolean) => Promise<AuthenticationResult>
  acquireRedirect: (scopes: string[]) => Promise<void>
  signOut: () => Promise<void>
  account: () => AccountInfo | null
  /** Fetches discovery and JWKS as the app (MSAL 5 fetches neither for Entra) and records both. */
  fetchMetadata: () => Promise<void>
  clearCache: () => Promise<void>
  /** GET Graph /me with the access token (captured like every other call); status and JSON body. */
  callGraphMe: (accessToken: string) => Promise<{ status: number; body: unknown }>
}

export function pageBase(): string {
  return new URL(import.meta.env.BASE_URL, window.location.origin).href
}

export function defaultRedirectUri(): string {
  return new URL('redirect.html', pageBase()).href
}

export async function createMsalSession(profile: ConnectionProfile, hooks: SessionHooks): Promise<MsalSession> {
  const demo = profile.kind === 'demo'
  const authority = authorityOf(profile)
  const authorityHost = new URL(authority).host
  const network = createCapturingNetworkClient({ demo, record: hooks.record, ...(hooks.beforeSend ? { beforeSend: hooks.beforeSend } : {}) })
  let navigationKind: 'authorize' | 'logout' = 'authorize'
  const config: Configuration = {
    auth: {
      clientId: profile.clientId.trim(),
      authority,
      redirectUri: profile.redirectUri,
      postLogoutRedirectUri: profile.redirectUri,
      ...(profile.kind === 'b2c' || profile.kind === 'external' || profile.kind === 'oidc' ? { knownAuthorities: [authorityHost] } : {}),
      onRedirectNavigate: (url) => {
        const kind = navigationKind
        hooks.record(
          buildNavigationEntry(url, Date.now(), {
            step: kind,
            flowId: currentFlowId(),
            origin: demo ? 'simulated' : 'observed',
            redactions: [],
            label: stepLabel(kind),
            notes: kind === 'authorize' ? ['Built by MSAL; the browser is sent here with the PKCE challenge, state and nonce.'] : ['MSAL cleared its cache for the account before navigating here.'],
          }),
        )
        return hooks.onNavigate(url, kind)
      },
    },
    cache: { cacheLocation: 'sessionStorage' },
    system: {
      networkClient: network,
      ...(profile.kind === 'oidc' ? { protocolMode: 'OIDC' as const } : {}),
      // A redirect can wait on the step-through; MSAL's default 30 s would fire first.
      redirectNavigationTimeout: 10 * 60_000,
    },
  }
  const app = new PublicClientApplication(config)
  await app.initialize()

  const baseScopes = scopesOf(profile)
  const common = () => ({
    ...(profile.prompt ? { prompt: profile.prompt } : {}),
    ...(profile.loginHint ? { loginHint: profile.loginHint } : {}),
    ...(profile.domainHint ? { domainHint: profile.domainHint } : {}),
    extraQueryParameters: extraParamsOf(profile),
    // Come back to the sign-in screen, whatever the router shows when it starts.
    redirectStartPage: `${pageBase()}#/signin`,
  })

  const account = () => app.getActiveAccount() ?? app.getAllAccounts()[0] ?? null

  const recordMetadata = async (url: string): Promise<unknown> => {
    const started = Date.now()
    const step = url.includes('openid-configuration') ? 'discovery' : 'jwks'
    const request: EdgeRequest = { method: 'GET', url, headers: { accept: 'application/json' } }
    try {
      const response = demo ? await demoFetch(request) : await realGet(url)
      hooks.record(
        buildEntry({
          method: 'GET',
          url,
          requestHeaders: request.headers,
          status: response.status,
          responseHeaders: response.headers,
          responseBody: response.body,
          startedAt: started,
          durationMs: Date.now() - started,
          oauth: { step, flowId: currentFlowId(), origin: demo ? 'simulated' : 'captured', redactions: [], label: stepLabel(step), notes: ['Fetched by Token Lens itself: MSAL 5 has the Entra endpoints built in and fetches neither discovery nor keys.'] },
        }),
      )
      return response.status === 200 ? (JSON.parse(response.body) as unknown) : null
    } catch (error) {
      hooks.record(
        buildEntry({
          method: 'GET',
          url,
          status: 0,
          statusText: 'network error',
          startedAt: started,
          oauth: { step, flowId: currentFlowId(), origin: 'captured', redactions: [], label: stepLabel(step), error: { error: 'network_error', description: error instanceof Error ? error.message : String(error) } },
        }),
      )
      return null
    }
  }

  return {
    profile,
    account,
    async signInRedirect(scopes) {
      navigationKind = 'authorize'
      // The demo asks consent for Graph User.Read up front (extraScopesToConsent), so "more
      // scopes" can then be acquired silently with the refresh token, as with a real tenant
      // where the app registration lists User.Read.
      await app.loginRedirect({ scopes: scopes ?? baseScopes, ...common(), ...(demo ? { extraScopesToConsent: ['User.Read'] } : {}) })
    },
    async signInPopup(scopes) {
      const result = await app.loginPopup({ scopes: scopes ?? baseScopes, ...common() })
      app.setActiveAccount(result.account)
      return result
    },
    async handleRedirect() {
      const result = await app.handleRedirectPromise()
      if (result?.account) app.setActiveAccount(result.account)
      return result
    },
    async acquireSilent(scopes, forceRefresh) {
      const acc = account()
      if (!acc) throw new InteractionRequiredAuthError('no_account', '', 'Sign in first: there is no account in the MSAL cache.')
      return app.acquireTokenSilent({ scopes, account: acc, forceRefresh })
    },
    async acquireRedirect(scopes) {
      startFlow()
      navigationKind = 'authorize'
      const acc = account()
      await app.acquireTokenRedirect({ scopes, ...common(), ...(acc ? { account: acc } : {}) })
    },
    async signOut() {
      navigationKind = 'logout'
      const acc = account()
      await app.logoutRedirect({ ...(acc ? { account: acc } : {}), postLogoutRedirectUri: profile.redirectUri })
    },
    async fetchMetadata() {
      const doc = await recordMetadata(discoveryUrlOf(profile))
      const jwksUri = doc && typeof doc === 'object' ? (doc as { jwks_uri?: unknown }).jwks_uri : undefined
      if (typeof jwksUri === 'string' && jwksUri.startsWith('https://')) await recordMetadata(jwksUri)
    },
    async clearCache() {
      await app.clearCache()
    },
    async callGraphMe(accessToken) {
      const host = profile.cloud === 'usgov' ? 'graph.microsoft.us' : profile.cloud === 'china' ? 'microsoftgraph.chinacloudapi.cn' : 'graph.microsoft.com'
      const response = await network.sendGetRequestAsync<unknown>(`https://${host}/v1.0/me`, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } })
      return { status: response.status, body: response.body }
    },
  }
}

async function realGet(url: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', headers: { accept: 'application/json' } })
  const headers: Record<string, string> = {}
  response.headers.forEach((v, k) => {
    headers[k] = v
  })
  return { status: response.status, headers, body: await response.text() }
}

/** Words for an MSAL or server error, with the codes the explanation catalogue looks up. */
export function describeMsalError(error: unknown): { errorCode: string; message: string; subError?: string } {
  if (error && typeof error === 'object' && 'errorCode' in error) {
    const e = error as { errorCode: string; errorMessage?: string; subError?: string; message?: string }
    return { errorCode: e.errorCode, message: e.errorMessage || e.message || '', ...(e.subError ? { subError: e.subError } : {}) }
  }
  if (error instanceof BrowserAuthError) return { errorCode: error.errorCode, message: error.message }
  return { errorCode: 'unknown_error', message: error instanceof Error ? error.message : String(error) }
}
