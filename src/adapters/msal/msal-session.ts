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
import { buildNavigationEntry, outcomeEntry } from '../../core/capture/har.ts'
import { stepLabel } from '../../core/flows/classify.ts'
import type { CapturedEntry, StepKind } from '../../core/capture/types.ts'
import {
  authorityOf,
  discoveryUrlOf,
  effectiveKind,
  extraParamsOf,
  knownAuthoritiesFor,
  scopesOf,
  type ConnectionProfile,
  type KnownAuthorities,
} from '../../core/capture/profile.ts'
import type { EdgeRequest, EdgeResponse } from '../../core/demo-tenant/types.ts'
import { authorityMetadataFrom } from './authority-metadata.ts'
import { createCapturingNetworkClient } from './network-client.ts'
import { currentFlowId, startFlow } from './capture-journal.ts'
import { demoFetch } from './demo-edge.ts'
import { fetchJson } from './userinfo.ts'

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
  /** The discovery document fetched (and captured) by fetchMetadata in this page, or null. */
  discoveryDocument: () => Record<string, unknown> | null
  clearCache: () => Promise<void>
  /** GET Graph /me with the access token (captured like every other call); status and JSON body. */
  callGraphMe: (accessToken: string) => Promise<{ status: number; body: unknown }>
}

/**
 * MSAL refused the issuer of a discovery document. MSAL itself reports only
 * endpoints_resolution_error (the issuer_validation_failed inside is dropped), so this carries
 * the issuer, the authority and what to change (core's advice); the sign-in screen words it.
 */
export class IssuerRefusedError extends Error {
  readonly errorCode = 'endpoints_resolution_error'
  /** What MSAL itself said, verbatim ('' when nothing). */
  readonly errorMessage: string
  readonly refusal: NonNullable<KnownAuthorities['refusal']>
  constructor(refusal: NonNullable<KnownAuthorities['refusal']>, original: string) {
    super(original || 'endpoints_resolution_error')
    this.name = 'IssuerRefusedError'
    this.errorMessage = original
    this.refusal = refusal
  }
}

/**
 * Records where MSAL sends a sign-in popup. MSAL opens the popup empty, inside the click (a popup
 * opened later is blocked), then sends it to /authorize with `popup.location.assign(url)`, which
 * none of its hooks reports (onRedirectNavigate is for redirects). So the next `window.open` of
 * this page hands MSAL a stand-in for the popup: its `location` notes the address and passes it
 * on; everything else is the real window's. The stand-in and the wrapper go with the sign-in.
 * Returns the undo, for when the sign-in ends (however it ends).
 */
export function watchPopupNavigation(onNavigate: (url: string) => void): () => void {
  const realOpen = window.open
  const restore = () => {
    if (window.open !== realOpen) window.open = realOpen
  }
  window.open = function open(...args: Parameters<Window['open']>) {
    restore()
    const popup = realOpen.apply(window, args)
    return popup ? popupStandIn(popup, onNavigate) : popup
  }
  return restore
}

function popupStandIn(popup: Window, onNavigate: (url: string) => void): Window {
  const note = (url: string | URL) => {
    try {
      onNavigate(new URL(String(url), window.location.href).href)
    } catch {
      // Recording is best effort: a URL MSAL built always parses, and the navigation must go on.
    }
  }
  const location = {
    assign(url: string | URL) {
      note(url)
      popup.location.assign(url)
    },
    replace(url: string | URL) {
      note(url)
      popup.location.replace(url)
    },
    // Reads go to the real location (and throw as it does once the popup is on another origin).
    get href() {
      return popup.location.href
    },
    set href(url: string) {
      note(url)
      popup.location.href = url
    },
  }
  return new Proxy(popup, {
    get(target, prop) {
      if (prop === 'location') return location
      const value: unknown = Reflect.get(target, prop)
      // The window's own methods (close, focus, postMessage) need the real window as `this`.
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
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
  const network = createCapturingNetworkClient({
    demo,
    record: hooks.record,
    ...(hooks.beforeSend ? { beforeSend: hooks.beforeSend } : {}),
  })
  let navigationKind: 'authorize' | 'logout' = 'authorize'
  const kind = effectiveKind(profile)
  // B2C and External ID: read the discovery document before MSAL does, so knownAuthorities can
  // list the issuer's host when it differs from the authority's (External ID by tenant name).
  // MSAL keeps fetched metadata in memory only, so this happens for every new MSAL instance,
  // including the one that finishes a redirect. Other providers list their authority's host.
  let prefetched: { doc: unknown; flowId: string } | null = null
  let known: KnownAuthorities = knownAuthoritiesFor(profile, null)
  if (kind === 'b2c' || kind === 'external') {
    const flowId = currentFlowId()
    const doc = await recordMetadataWith(demo, hooks, discoveryUrlOf(profile), (parsed) => {
      known = knownAuthoritiesFor(profile, parsed)
      return [...known.notes, ...(known.refusal ? [`MSAL will refuse this issuer: ${known.refusal.advice}`] : [])]
    })
    prefetched = { doc, flowId }
  }
  const recordNavigation = (url: string, kind: 'authorize' | 'logout', popup = false) =>
    hooks.record(
      buildNavigationEntry(url, Date.now(), {
        step: kind,
        flowId: currentFlowId(),
        origin: demo ? 'simulated' : 'observed',
        redactions: [],
        label: stepLabel(kind),
        notes:
          kind === 'authorize'
            ? [`Built by MSAL; the ${popup ? 'popup' : 'browser'} is sent here with the PKCE challenge, state and nonce.`]
            : ['MSAL cleared its cache for the account before navigating here.'],
      }),
    )
  // The document just read, handed to MSAL so it does not GET it again (see authority-metadata.ts).
  const authorityMetadata = prefetched ? authorityMetadataFrom(prefetched.doc, known) : null
  const config: Configuration = {
    auth: {
      clientId: profile.clientId.trim(),
      authority,
      redirectUri: profile.redirectUri,
      postLogoutRedirectUri: profile.redirectUri,
      ...(known.hosts.length > 0 ? { knownAuthorities: known.hosts } : {}),
      ...(authorityMetadata !== null ? { authorityMetadata } : {}),
      onRedirectNavigate: (url) => {
        const kind = navigationKind
        recordNavigation(url, kind)
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

  const recordMetadata = (url: string): Promise<unknown> => recordMetadataWith(demo, hooks, url)

  /** MSAL's endpoints_resolution_error with the issuer it refused named, when we know it. */
  const explained = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      const code = error && typeof error === 'object' && 'errorCode' in error ? (error as { errorCode: unknown }).errorCode : undefined
      if (code === 'endpoints_resolution_error' && known.refusal)
        throw new IssuerRefusedError(known.refusal, describeMsalError(error).message)
      throw error
    }
  }

  // The discovery document fetchMetadata read (for the userinfo step).
  let discovered: Record<string, unknown> | null = null

  return {
    profile,
    account,
    discoveryDocument: () => discovered,
    async signInRedirect(scopes) {
      navigationKind = 'authorize'
      // The demo asks consent for Graph User.Read up front (extraScopesToConsent), so "more
      // scopes" can then be acquired silently with the refresh token, as with a real tenant
      // where the app registration lists User.Read.
      // (B2C has no Microsoft Graph: its demo shape asks for nothing extra.)
      await explained(() =>
        app.loginRedirect({
          scopes: scopes ?? baseScopes,
          ...common(),
          ...(demo && kind !== 'b2c' ? { extraScopesToConsent: ['User.Read'] } : {}),
        }),
      )
    },
    async signInPopup(scopes) {
      const stop = watchPopupNavigation((url) => recordNavigation(url, 'authorize', true))
      try {
        const result = await explained(() => app.loginPopup({ scopes: scopes ?? baseScopes, ...common() }))
        app.setActiveAccount(result.account)
        return result
      } finally {
        stop()
      }
    },
    async handleRedirect() {
      const result = await explained(() => app.handleRedirectPromise())
      if (result?.account) app.setActiveAccount(result.account)
      return result
    },
    async acquireSilent(scopes, forceRefresh) {
      const acc = account()
      if (!acc) throw new InteractionRequiredAuthError('no_account', '', 'Sign in first: there is no account in the MSAL cache.')
      return explained(() => app.acquireTokenSilent({ scopes, account: acc, forceRefresh }))
    },
    async acquireRedirect(scopes) {
      startFlow()
      navigationKind = 'authorize'
      const acc = account()
      await explained(() => app.acquireTokenRedirect({ scopes, ...common(), ...(acc ? { account: acc } : {}) }))
    },
    async signOut() {
      navigationKind = 'logout'
      const acc = account()
      // OIDC RP-Initiated Logout 1.0 §2: a provider sends the browser back to
      // post_logout_redirect_uri only when it can tell which client asked (so it can check the URI
      // is registered for it): id_token_hint (RECOMMENDED; Okta requires it) and client_id. MSAL
      // sends neither; Entra, B2C and External ID need neither, so only other providers get them.
      const hint =
        kind === 'oidc'
          ? { ...(acc?.idToken ? { idTokenHint: acc.idToken } : {}), extraQueryParameters: { client_id: profile.clientId.trim() } }
          : {}
      await app.logoutRedirect({ ...(acc ? { account: acc } : {}), postLogoutRedirectUri: profile.redirectUri, ...hint })
    },
    async fetchMetadata() {
      // Read before MSAL for this very flow: not fetched twice.
      const doc = prefetched && prefetched.flowId === currentFlowId() ? prefetched.doc : await recordMetadata(discoveryUrlOf(profile))
      discovered = doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>) : null
      const jwksUri = doc && typeof doc === 'object' ? (doc as { jwks_uri?: unknown }).jwks_uri : undefined
      if (typeof jwksUri === 'string' && jwksUri.startsWith('https://')) await recordMetadata(jwksUri)
    },
    async clearCache() {
      await app.clearCache()
    },
    async callGraphMe(accessToken) {
      const host =
        profile.cloud === 'usgov'
          ? 'graph.microsoft.us'
          : profile.cloud === 'china'
            ? 'microsoftgraph.chinacloudapi.cn'
            : 'graph.microsoft.com'
      const response = await network.sendGetRequestAsync<unknown>(`https://${host}/v1.0/me`, {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      })
      return { status: response.status, body: response.body }
    },
  }
}

/**
 * GETs a discovery document or key set as the app (not MSAL) and records it. `notesFor` adds
 * notes computed from the parsed document to the recorded entry (the knownAuthorities decision).
 */
async function recordMetadataWith(
  demo: boolean,
  hooks: SessionHooks,
  url: string,
  notesFor?: (doc: unknown) => string[],
): Promise<unknown> {
  const started = Date.now()
  const step: StepKind = url.includes('openid-configuration') ? 'discovery' : 'jwks'
  const request: EdgeRequest = { method: 'GET', url, headers: { accept: 'application/json' } }
  // The flow is read when the answer is recorded (a flow may start while the request is in flight).
  const meta = () => ({ step, flowId: currentFlowId(), redactions: [] as string[], label: stepLabel(step) })
  let response: EdgeResponse
  try {
    response = demo ? await demoFetch(request) : await fetchJson(url, request.headers)
  } catch (failure) {
    if (notesFor) notesFor(null)
    hooks.record(outcomeEntry(request, { failure }, { startedAt: started, endedAt: Date.now() }, { ...meta(), origin: 'captured' }))
    return null
  }
  let doc: unknown = null
  if (response.status === 200) {
    try {
      doc = JSON.parse(response.body) as unknown
    } catch {
      doc = null
    }
  }
  const extra = notesFor ? notesFor(doc) : []
  const notes = notesFor
    ? [
        "Fetched by Token Lens itself before MSAL, to decide MSAL's knownAuthorities from the issuer it names; when MSAL would accept that issuer, MSAL gets this document (authorityMetadata) and does not fetch it again.",
        ...extra,
      ]
    : step === 'jwks'
      ? [
          'Fetched by Token Lens itself: MSAL never fetches signing keys (it checks only state and nonce); the inspector verifies signatures with these.',
        ]
      : ['Fetched by Token Lens itself: MSAL 5 has the Entra endpoints built in and fetches neither discovery nor keys.']
  hooks.record(
    outcomeEntry(
      request,
      { response },
      { startedAt: started, endedAt: Date.now() },
      { ...meta(), origin: demo ? 'simulated' : 'captured', notes },
    ),
  )
  return doc
}

/** An MSAL or server error as codes (for the explanation catalogue) and what it said; a refused issuer with its facts. */
export function describeMsalError(error: unknown): {
  errorCode: string
  message: string
  subError?: string
  refusal?: { issuer: string; authority: string; advice: string }
} {
  if (error instanceof IssuerRefusedError) {
    const { issuer, authority, advice } = error.refusal
    return { errorCode: error.errorCode, message: error.errorMessage, refusal: { issuer, authority, advice } }
  }
  if (error && typeof error === 'object' && 'errorCode' in error) {
    const e = error as { errorCode: string; errorMessage?: string; subError?: string; message?: string }
    return { errorCode: e.errorCode, message: e.errorMessage || e.message || '', ...(e.subError ? { subError: e.subError } : {}) }
  }
  if (error instanceof BrowserAuthError) return { errorCode: error.errorCode, message: error.message }
  return { errorCode: 'unknown_error', message: error instanceof Error ? error.message : String(error) }
}
