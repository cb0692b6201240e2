/**
 * Sign-in orchestration behind the sign-in store: one MSAL session per connection profile, the
 * step-through pauses (before /authorize, at the redirect back, before /token), the demo
 * tenant's sign-in page, the Graph /me follow-up and the mapping of MSAL errors to facts the
 * screen shows (its words live in features/signin/words.ts). The store owns the state; this module reads and patches it through the access
 * it is given (adapters never import stores). MSAL, the demo tenant and the Graph helpers load
 * by dynamic import only when a flow needs them, so the first view stays free of them.
 */
import { authorityOf, discoveryUrlOf, effectiveKind, scopesOf, type ConnectionProfile } from '../../core/capture/profile.ts'
import { accountFacts } from '../../core/providers/account-line.ts'
import { checkDiscoveredIssuer, type FailedStep } from '../../core/providers/browser-failures.ts'
import type { DemoFaults } from '../../core/demo-tenant/types.ts'
import { forgetAllStored } from '../storage.ts'
import { currentFlowId, readJournal, readPendingRedirect, setPendingRedirect, startFlow, writeJournal } from './capture-journal.ts'
import { loadProfiles, readFlow, writeFlow } from './signin-persistence.ts'
import type { MsalSession } from './msal-session.ts'
import { activeProfile, createSignInSession, reportFailure } from './signin-session.ts'
import type { AccountSummary, FailedAction, SignInViewAccess } from './signin-types.ts'

type TokenResult = Awaited<ReturnType<MsalSession['acquireSilent']>>

export interface SignInController {
  setFaults: (faults: DemoFaults) => Promise<void>
  resume: () => Promise<void>
  signIn: (mode: 'redirect' | 'popup') => Promise<void>
  continuePause: () => Promise<void>
  cancelPause: () => void
  chooseDemoUser: (userId: string, consent: boolean) => Promise<void>
  acquire: (scopes: string[], interactive: boolean) => Promise<void>
  refresh: () => Promise<void>
  signOut: () => Promise<void>
  forgetEverything: () => Promise<void>
  cancelDemo: () => void
}

type MsalAccount = NonNullable<TokenResult['account']>

/** The account as the screen shows it; `claims` are the ID token's (the result's, else the cached account's). */
function summarize(
  profile: ConnectionProfile,
  acc: MsalAccount,
  claims: object | undefined,
  scopes: string[],
  expiresOn: Date | null,
): AccountSummary {
  const c = (claims ?? acc.idTokenClaims ?? {}) as Record<string, unknown>
  return {
    // OIDC Core §5.1: name and preferred_username are optional; sub is always there.
    name: acc.name || acc.username || (typeof c.sub === 'string' ? c.sub : '(no name)'),
    username: acc.username,
    tenantId: acc.tenantId,
    homeAccountId: acc.homeAccountId,
    facts: accountFacts(effectiveKind(profile), acc, c),
    scopes,
    expiresOn: expiresOn ? expiresOn.toISOString() : null,
  }
}

function accountOf(profile: ConnectionProfile, result: TokenResult | null): AccountSummary | null {
  if (!result?.account) return null
  return summarize(profile, result.account, result.idTokenClaims, result.scopes, result.expiresOn)
}

export function createSignInController({ getState: get, setState: set }: SignInViewAccess): SignInController {
  const wiring = createSignInSession({ getState: get, setState: set })
  const getSession = wiring.get
  const active = () => activeProfile(get())
  const fail = async (action: FailedAction, error: unknown, scopes?: string[]) => {
    // A call that failed at the network level (status 0) to a real provider: say whether the
    // browser withheld the answer for lack of CORS headers or nothing answered, and what to
    // change at the provider, instead of MSAL's generic network error.
    const profile = active()
    const last =
      profile.kind === 'demo'
        ? undefined
        : readJournal()
            .filter((e) => e._oauth.flowId === currentFlowId())
            .at(-1)
    const step = last?._oauth.step
    if (
      last &&
      last.response.status === 0 &&
      last._oauth.error?.error === 'network_error' &&
      (step === 'token' || step === 'refresh' || step === 'discovery' || step === 'jwks' || step === 'userinfo')
    ) {
      const { explainFailedCall } = await import('./userinfo.ts')
      // The endpoint without MSAL's client-request-id query: that is what the provider's settings name.
      const failure = await explainFailedCall(
        step satisfies FailedStep,
        last.request.url.split('?')[0] ?? last.request.url,
        profile.clientId,
      )
      const message = error instanceof Error ? error.message : String(error)
      set({
        busy: null,
        pause: null,
        error: {
          action,
          errorCode: failure.code,
          message,
          ...(scopes ? { scopes } : {}),
          failure: { title: failure.title, explanation: failure.explanation },
        },
      })
      return
    }
    await reportFailure(set, action, error, scopes)
  }
  const { abandonInteraction, startDemoAuthorize } = wiring

  /**
   * Tokens arrived. After a sign-in (signIn = true) and with the option on, get a Graph
   * User.Read token silently and call /me when User.Read was granted: the demo consents it up
   * front (extraScopesToConsent); a real tenant when the profile asked for it or the token
   * response's scope lists it. Otherwise (more scopes, refresh) /me is called only when the
   * token in hand is itself for User.Read. Graph runs before "signed in" shows, so the screen
   * never claims a flow whose exchanges are still being captured; a Graph failure never fails
   * the sign-in.
   */
  const afterTokens = async (s: MsalSession, result: TokenResult | null, signIn = false) => {
    if (!result) return
    if (s.profile.kind === 'oidc') {
      // Any OpenID provider: userinfo (OIDC Core §5.3) is the counterpart of Graph /me, behind
      // the same switch. After a redirect the page is new, so discovery is fetched (and
      // captured) again to find userinfo_endpoint.
      if (!get().callGraph) set({ userinfo: null })
      else {
        set({ busy: 'userinfo' })
        const { capturedGet, userinfoAfterSignIn } = await import('./userinfo.ts')
        let discovery = s.discoveryDocument()
        if (!discovery) {
          discovery = await capturedGet(
            discoveryUrlOf(s.profile),
            'discovery',
            { accept: 'application/json' },
            'Fetched again by Token Lens after the redirect back, to find userinfo_endpoint.',
          )
            .then((a) => (a.status === 200 ? (JSON.parse(a.body) as Record<string, unknown>) : null))
            .catch(() => null)
        }
        const sub =
          typeof result.idTokenClaims === 'object' && result.idTokenClaims && 'sub' in result.idTokenClaims
            ? String((result.idTokenClaims as { sub?: unknown }).sub)
            : undefined
        set({
          userinfo: await userinfoAfterSignIn({
            discovery,
            accessToken: result.accessToken,
            idTokenSub: sub,
            clientId: s.profile.clientId,
          }),
        })
      }
      const account = accountOf(s.profile, result)
      if (account) set({ account })
      return
    }
    const { grantsUserRead, graphMeAfterSignIn, summarizeMe } = await import('./graph-me.ts')
    if (signIn) {
      const granted =
        (s.profile.kind === 'demo' && s.profile.demoShape !== 'b2c') || grantsUserRead(scopesOf(s.profile)) || grantsUserRead(result.scopes)
      if (!get().callGraph) set({ graph: null })
      else if (granted && result.account) {
        set({ busy: 'graph' })
        set({ graph: await graphMeAfterSignIn(s) })
      } else set({ graph: { status: 'skipped', reason: 'user_read_not_granted' } })
    } else if (grantsUserRead(result.scopes) && result.accessToken) {
      const me = await s.callGraphMe(result.accessToken).catch(() => null)
      if (me) set({ graph: summarizeMe(me.status, me.body, result.fromCache) })
    }
    const account = accountOf(s.profile, result)
    if (account) set({ account })
  }

  /** Redeem the code waiting in the URL (or MSAL's storage) and show who signed in. */
  const finishRedirect = async (s: MsalSession) => {
    const result = await s.handleRedirect()
    await afterTokens(s, result, true)
    set({ busy: null })
  }

  return {
    setFaults: async (faults) => {
      const { setDemoFaults } = await import('./demo-edge.ts')
      await setDemoFaults(faults)
      set({ faults })
    },

    resume: async () => {
      const { takeBridgeError, takeSignOutReturn } = await import('./redirect-capture.ts')
      const { readDemoFaults } = await import('./demo-edge.ts')
      set({ faults: readDemoFaults() })
      const bridgeError = takeBridgeError()
      const signedOutAt = takeSignOutReturn()
      if (signedOutAt)
        set({ account: null, graph: null, userinfo: null, notice: { kind: 'signed_out_at_provider', returnedTo: signedOutAt } })
      const pending = readPendingRedirect()
      const flow = readFlow()
      if (bridgeError) {
        setPendingRedirect(null)
        set({ error: { action: 'redirect_refused', errorCode: 'state_mismatch', message: bridgeError } })
      }
      const profile = (flow && get().profiles.find((p) => p.id === flow.profileId)) || active()
      // Only load MSAL when there is something to finish, or an account to show.
      const hasMsalState = Object.keys(sessionStorage).some((k) => k.startsWith('msal.'))
      if (!pending && !hasMsalState) return
      set({ busy: 'loading' })
      try {
        const s = await getSession(profile)
        if (pending && flow?.stepThrough) {
          set({ pause: { kind: 'redirect', url: pending.url }, busy: null })
          return
        }
        setPendingRedirect(null)
        set({ busy: pending ? 'token' : 'loading' })
        const result = await s.handleRedirect()
        if (result) await afterTokens(s, result, true)
        else {
          const acc = s.account()
          if (acc) set({ account: summarize(s.profile, acc, undefined, [], null) })
        }
        set({ busy: null })
      } catch (error) {
        await fail('complete', error)
      }
    },

    signIn: async (mode) => {
      const profile = active()
      set({ busy: 'signin', error: null, notice: null, demoPage: null, demoError: null, pause: null, graph: null, userinfo: null })
      writeFlow({ profileId: profile.id, stepThrough: get().stepThrough })
      try {
        startFlow()
        const s = await getSession(profile)
        await s.fetchMetadata()
        if (profile.kind === 'oidc') {
          // OIDC Discovery §4.3: stop before anything is sent when discovery failed at the
          // network level or names another issuer; every token would fail anyway.
          const doc = s.discoveryDocument()
          const mismatch = doc ? checkDiscoveredIssuer(authorityOf(profile), doc.issuer) : null
          if (mismatch) {
            set({
              busy: null,
              error: {
                action: 'not_started',
                errorCode: mismatch.code,
                message: '',
                issuer: String(doc?.issuer),
                authority: authorityOf(profile),
                failure: { title: mismatch.title, explanation: mismatch.explanation },
              },
            })
            return
          }
          if (!doc) {
            const last = readJournal()
              .filter((e) => e._oauth.flowId === currentFlowId() && e._oauth.step === 'discovery')
              .at(-1)
            if (last?.response.status === 0)
              throw new Error(`GET ${last.request.url} failed: ${last._oauth.error?.description ?? 'network error'}`)
          }
        }
        if (mode === 'popup') {
          await afterTokens(s, await s.signInPopup(), true)
          set({ busy: null })
        } else {
          await s.signInRedirect()
        }
      } catch (error) {
        await fail('start', error)
      }
    },

    continuePause: async () => {
      const pause = get().pause
      if (!pause) return
      set({ pause: null })
      if (pause.kind === 'authorize') {
        set({ busy: 'redirect' })
        if (pause.demo) await startDemoAuthorize(pause.url).catch((e: unknown) => fail('demo_start', e))
        else window.location.assign(pause.url)
      } else if (pause.kind === 'redirect') {
        setPendingRedirect(null)
        set({ busy: 'token' })
        try {
          await finishRedirect(await getSession(active()))
        } catch (error) {
          await fail('complete', error)
        }
      } else {
        set({ busy: 'token' })
        wiring.releaseTokenPause()
      }
    },

    cancelPause: () => {
      const pause = get().pause
      wiring.rejectTokenPause(new Error('Cancelled at the step-through pause before /token.'))
      setPendingRedirect(null)
      set({ pause: null, busy: null, demoPage: null, notice: { kind: 'cancelled_at_pause' } })
      // MSAL still holds the interaction as "in progress"; with no response in the URL,
      // handleRedirectPromise clears it so the next sign-in can start.
      if (pause?.kind !== 'token') void abandonInteraction()
    },

    chooseDemoUser: async (userId, consent) => {
      const page = get().demoPage
      if (!page) return
      set({ busy: 'redirect' })
      try {
        const { demoCompleteAuthorize } = await import('./demo-edge.ts')
        wiring.applyOutcome(await demoCompleteAuthorize(page.sessionId, { userId, consent }))
      } catch (error) {
        await fail('demo_finish', error)
      }
    },

    acquire: async (scopes, interactive) => {
      set({ busy: 'silent', error: null, notice: null })
      startFlow()
      try {
        const s = await getSession(active())
        if (interactive) {
          writeFlow({ profileId: active().id, stepThrough: get().stepThrough })
          await s.acquireRedirect(scopes)
          return
        }
        const result = await s.acquireSilent(scopes, false)
        await afterTokens(s, result)
        set({ busy: null, notice: { kind: 'token_acquired', scopes, fromCache: result.fromCache } })
      } catch (error) {
        await fail('acquire', error, scopes)
      }
    },

    refresh: async () => {
      set({ busy: 'silent', error: null, notice: null })
      startFlow()
      try {
        const s = await getSession(active())
        const granted = get().account?.scopes
        const result = await s.acquireSilent(granted?.length ? granted : scopesOf(active()), true)
        await afterTokens(s, result)
        set({ busy: null, notice: { kind: 'refreshed' } })
      } catch (error) {
        await fail('refresh', error)
      }
    },

    signOut: async () => {
      set({ busy: 'signout', error: null })
      startFlow()
      try {
        await (await getSession(active())).signOut()
        set({ account: null, graph: null, userinfo: null, busy: null, notice: { kind: 'signed_out' } })
      } catch (error) {
        await fail('signout', error)
      }
    },

    forgetEverything: async () => {
      try {
        await wiring.current()?.clearCache()
      } catch {
        // The cache is removed below anyway.
      }
      for (const area of [sessionStorage, localStorage]) {
        for (const key of Object.keys(area)) if (key.startsWith('msal.')) area.removeItem(key)
      }
      const { forgetDemoTenant } = await import('./demo-edge.ts')
      forgetDemoTenant()
      writeJournal([])
      forgetAllStored()
      wiring.drop()
      set({
        profiles: loadProfiles(),
        activeId: 'demo',
        stepThrough: false,
        busy: null,
        pause: null,
        demoPage: null,
        demoError: null,
        account: null,
        graph: null,
        userinfo: null,
        callGraph: true,
        error: null,
        faults: {},
        notice: { kind: 'forgot_everything' },
      })
    },

    cancelDemo: () => {
      set({ demoPage: null, demoError: null, busy: null, notice: { kind: 'cancelled_on_demo_page' } })
      void abandonInteraction()
    },
  }
}
