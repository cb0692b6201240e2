/**
 * Sign-in screen state: connection profiles (localStorage: an SPA has no secret to keep), the
 * step-through pauses, the demo tenant's sign-in page, the signed-in account and the last error.
 * MSAL itself loads on demand (dynamic import) the first time a profile is used.
 */
import { create } from 'zustand'
import { demoProfile, sanitizeProfile, scopesOf, type ConnectionProfile } from '../core/capture/profile.ts'
import { loadProfiles, persistProfiles, readFlow, readSetting, redirectUriDefault, writeFlow, writeSetting } from '../adapters/msal/signin-persistence.ts'
import type { AuthorizeOutcome, AuthorizePrompt, DemoFaults, EdgeRequest } from '../core/demo-tenant/types.ts'
import { forgetAllStored } from '../adapters/storage.ts'
import { appendToJournal, readPendingRedirect, setPendingRedirect, writeJournal, startFlow } from '../adapters/msal/capture-journal.ts'
import type { MsalSession } from '../adapters/msal/msal-session.ts'
import type { GraphMe } from '../adapters/msal/graph-me.ts'

export type { GraphMe }

export type Pause =
  | { kind: 'authorize'; url: string; demo: boolean }
  | { kind: 'redirect'; url: string }
  | { kind: 'token'; request: EdgeRequest }

export interface SignInError {
  title: string
  /** MSAL error code or OAuth error. */
  errorCode: string
  message: string
  /** AADSTS code found in the message, if any. */
  aadsts?: string
  subError?: string
}

export interface AccountSummary {
  name: string
  username: string
  tenantId: string
  homeAccountId: string
  scopes: string[]
  expiresOn: string | null
}

export type Busy = null | 'loading' | 'signin' | 'redirect' | 'token' | 'graph' | 'silent' | 'signout'

export interface SignInState {
  profiles: ConnectionProfile[]
  activeId: string
  stepThrough: boolean
  /** After a sign-in, get a Graph User.Read token silently and call /me (persisted, default on). */
  callGraph: boolean
  /** What Graph /me answered after the last sign-in (or why it was not called successfully). */
  graph: GraphMe | null
  busy: Busy
  pause: Pause | null
  demoPage: AuthorizePrompt | null
  demoError: { error: string; description: string; code?: string } | null
  account: AccountSummary | null
  error: SignInError | null
  notice: string | null
  faults: DemoFaults

  selectProfile: (id: string) => void
  saveProfile: (profile: ConnectionProfile) => void
  deleteProfile: (id: string) => void
  importProfiles: (json: string) => string
  setStepThrough: (on: boolean) => void
  setCallGraph: (on: boolean) => void
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
  dismissError: () => void
  cancelDemo: () => void
}

// Module state that is not rendered: the MSAL session and the resolver of a paused request.
let session: MsalSession | null = null
let sessionFor: string | null = null
let releasePause: (() => void) | null = null
let rejectPause: ((e: Error) => void) | null = null

function aadstsOf(text: string): string | undefined {
  return /AADSTS\d+/.exec(text)?.[0]
}

export const useSignInStore = create<SignInState>((set, get) => {
  const active = (): ConnectionProfile => {
    const { profiles, activeId } = get()
    return profiles.find((p) => p.id === activeId) ?? profiles[0] ?? demoProfile(redirectUriDefault())
  }

  const fail = async (title: string, error: unknown) => {
    const { describeMsalError } = await import('../adapters/msal/msal-session.ts')
    const d = describeMsalError(error)
    const aadsts = aadstsOf(d.message)
    set({ busy: null, pause: null, error: { title, errorCode: d.errorCode, message: d.message, ...(aadsts ? { aadsts } : {}), ...(d.subError ? { subError: d.subError } : {}) } })
  }

  const summarize = (result: { account: { name?: string; username: string; tenantId: string; homeAccountId: string } | null; scopes: string[]; expiresOn: Date | null } | null) => {
    if (!result?.account) return
    set({
      account: {
        name: result.account.name ?? result.account.username,
        username: result.account.username,
        tenantId: result.account.tenantId,
        homeAccountId: result.account.homeAccountId,
        scopes: result.scopes,
        expiresOn: result.expiresOn ? result.expiresOn.toISOString() : null,
      },
    })
  }

  const startDemoAuthorize = async (url: string) => {
    const { demoBeginAuthorize } = await import('../adapters/msal/demo-edge.ts')
    applyOutcome(await demoBeginAuthorize(url))
  }

  const applyOutcome = (outcome: AuthorizeOutcome) => {
    if (outcome.kind === 'prompt') set({ demoPage: outcome.prompt, demoError: null, busy: null })
    else if (outcome.kind === 'error_page') {
      // The flow ends at the identity provider's error page: release MSAL's pending interaction.
      set({ demoPage: null, demoError: { error: outcome.error, description: outcome.description, ...(outcome.code ? { code: outcome.code } : {}) }, busy: null })
      void abandonInteraction()
    }
    else window.location.assign(outcome.url)
  }

  const getSession = async (profile: ConnectionProfile): Promise<MsalSession> => {
    if (session && sessionFor === JSON.stringify(profile)) return session
    const { createMsalSession } = await import('../adapters/msal/msal-session.ts')
    session = await createMsalSession(profile, {
      record: (entry) => {
        appendToJournal(entry)
      },
      onNavigate: (url, kind) => {
        const demo = profile.kind === 'demo'
        if (kind === 'logout') return !demo
        const step = get().stepThrough
        if (step) {
          set({ pause: { kind: 'authorize', url, demo }, busy: null })
          return false
        }
        if (demo) {
          void startDemoAuthorize(url).catch((e: unknown) => fail('The demo tenant could not start the sign-in', e))
          return false
        }
        return true
      },
      beforeSend: async (request) => {
        const grant = request.body ? new URLSearchParams(request.body).get('grant_type') : null
        if (!get().stepThrough || request.method !== 'POST' || grant !== 'authorization_code') return
        await new Promise<void>((resolve, reject) => {
          releasePause = resolve
          rejectPause = reject
          set({ pause: { kind: 'token', request }, busy: null })
        })
      },
    })
    sessionFor = JSON.stringify(profile)
    return session
  }

  /**
   * Tokens arrived. After a sign-in (signIn = true) and with the option on, get a Graph
   * User.Read token silently and call /me when User.Read was granted: the demo consents it up
   * front (extraScopesToConsent); a real tenant when the profile asked for it or the token
   * response's scope lists it. Otherwise (more scopes, refresh) /me is called only when the
   * token in hand is itself for User.Read. Graph runs before "signed in" shows, so the screen
   * never claims a flow whose exchanges are still being captured; a Graph failure never fails
   * the sign-in.
   */
  const afterTokens = async (s: MsalSession, result: Awaited<ReturnType<MsalSession['acquireSilent']>> | null, signIn = false) => {
    if (!result) return
    const { grantsUserRead, graphMeAfterSignIn, summarizeMe } = await import('../adapters/msal/graph-me.ts')
    if (signIn) {
      const granted = s.profile.kind === 'demo' || grantsUserRead(scopesOf(s.profile)) || grantsUserRead(result.scopes)
      if (!get().callGraph) set({ graph: null })
      else if (granted && result.account) {
        set({ busy: 'graph' })
        set({ graph: await graphMeAfterSignIn(s) })
      } else set({ graph: { status: 'skipped', explanation: 'Microsoft Graph /me was not called: neither the profile\'s scopes nor the token response grant User.Read. Add User.Read to the profile\'s scopes to see it.' } })
    } else if (grantsUserRead(result.scopes) && result.accessToken) {
      const me = await s.callGraphMe(result.accessToken).catch(() => null)
      if (me) set({ graph: summarizeMe(me.status, me.body, result.fromCache) })
    }
    summarize(result)
  }

  const abandonInteraction = async () => {
    try {
      // handleRedirectPromise is memoised per MSAL instance, so use a fresh one: with no
      // response to process it clears MSAL's "interaction in progress" flag.
      session = null
      sessionFor = null
      await (await getSession(active())).handleRedirect()
    } catch {
      // Nothing to finish.
    }
  }

  return {
    profiles: loadProfiles(),
    activeId: readSetting('active') ?? 'demo',
    stepThrough: readSetting('step') === '1',
    callGraph: readSetting('graph') !== '0',
    graph: null,
    busy: null,
    pause: null,
    demoPage: null,
    demoError: null,
    account: null,
    error: null,
    notice: null,
    faults: {},

    selectProfile: (id) => {
      writeSetting('active', id)
      set({ activeId: id, error: null, notice: null, demoError: null, demoPage: null, pause: null })
    },
    saveProfile: (profile) => {
      const profiles = get().profiles.some((p) => p.id === profile.id) ? get().profiles.map((p) => (p.id === profile.id ? profile : p)) : [...get().profiles, profile]
      persistProfiles(profiles)
      writeSetting('active', profile.id)
      set({ profiles, activeId: profile.id, error: null, demoError: null, demoPage: null, pause: null })
    },
    deleteProfile: (id) => {
      if (id === 'demo') return
      const profiles = get().profiles.filter((p) => p.id !== id)
      persistProfiles(profiles)
      writeSetting('active', 'demo')
      set({ profiles, activeId: 'demo' })
    },
    importProfiles: (json) => {
      let parsed: unknown
      try {
        parsed = JSON.parse(json)
      } catch {
        return 'The file is not JSON.'
      }
      const list = (Array.isArray(parsed) ? parsed : [parsed]).map((p, i) => sanitizeProfile(p, `imported-${Date.now()}-${i}`)).filter((p): p is ConnectionProfile => p !== null && p.kind !== 'demo')
      if (!list.length) return 'No usable profile found: each needs at least a "kind" (entra, b2c, external or oidc).'
      const known = new Set(get().profiles.map((p) => p.id))
      const renamed = list.map((p) => (known.has(p.id) ? { ...p, id: `${p.id}-${Date.now().toString(36)}` } : p))
      const profiles = [...get().profiles, ...renamed]
      persistProfiles(profiles)
      set({ profiles, activeId: renamed[0]?.id ?? get().activeId })
      return `Imported ${renamed.length} profile${renamed.length === 1 ? '' : 's'}.`
    },
    setStepThrough: (on) => {
      writeSetting('step', on ? '1' : null)
      set({ stepThrough: on })
    },
    setCallGraph: (on) => {
      // Stored only when switched off: the default (on) needs no key.
      writeSetting('graph', on ? null : '0')
      set({ callGraph: on })
    },
    setFaults: async (faults) => {
      const { setDemoFaults } = await import('../adapters/msal/demo-edge.ts')
      await setDemoFaults(faults)
      set({ faults })
    },

    resume: async () => {
      const { takeBridgeError } = await import('../adapters/msal/redirect-capture.ts')
      const { readDemoFaults } = await import('../adapters/msal/demo-edge.ts')
      set({ faults: readDemoFaults() })
      const bridgeError = takeBridgeError()
      const pending = readPendingRedirect()
      const flow = readFlow()
      if (bridgeError) {
        setPendingRedirect(null)
        set({ error: { title: 'The redirect back was refused', errorCode: 'state_mismatch', message: `The response that came back to the redirect URI does not belong to a sign-in this tab started, so it was refused (its state does not match). ${bridgeError}` } })
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
          if (acc) set({ account: { name: acc.name ?? acc.username, username: acc.username, tenantId: acc.tenantId, homeAccountId: acc.homeAccountId, scopes: [], expiresOn: null } })
        }
        set({ busy: null })
      } catch (error) {
        await fail('Signing in did not complete', error)
      }
    },

    signIn: async (mode) => {
      const profile = active()
      set({ busy: 'signin', error: null, notice: null, demoPage: null, demoError: null, pause: null, graph: null })
      writeFlow({ profileId: profile.id, stepThrough: get().stepThrough })
      try {
        startFlow()
        const s = await getSession(profile)
        await s.fetchMetadata()
        if (mode === 'popup') {
          const result = await s.signInPopup()
          await afterTokens(s, result, true)
          set({ busy: null })
        } else {
          await s.signInRedirect()
        }
      } catch (error) {
        await fail('Signing in failed', error)
      }
    },

    continuePause: async () => {
      const pause = get().pause
      if (!pause) return
      set({ pause: null })
      if (pause.kind === 'authorize') {
        set({ busy: 'redirect' })
        if (pause.demo) await startDemoAuthorize(pause.url).catch((e: unknown) => fail('The demo tenant could not start the sign-in', e))
        else window.location.assign(pause.url)
      } else if (pause.kind === 'redirect') {
        setPendingRedirect(null)
        set({ busy: 'token' })
        try {
          const s = await getSession(active())
          const result = await s.handleRedirect()
          await afterTokens(s, result, true)
          set({ busy: null })
        } catch (error) {
          await fail('Signing in did not complete', error)
        }
      } else {
        set({ busy: 'token' })
        releasePause?.()
        releasePause = null
        rejectPause = null
      }
    },
    cancelPause: () => {
      const pause = get().pause
      rejectPause?.(new Error('Cancelled at the step-through pause before /token.'))
      releasePause = null
      rejectPause = null
      setPendingRedirect(null)
      set({ pause: null, busy: null, demoPage: null, notice: 'Sign-in cancelled at a step-through pause. Nothing more was sent.' })
      // MSAL still holds the interaction as "in progress"; with no response in the URL,
      // handleRedirectPromise clears it so the next sign-in can start.
      if (pause?.kind !== 'token') void abandonInteraction()
    },

    chooseDemoUser: async (userId, consent) => {
      const page = get().demoPage
      if (!page) return
      set({ busy: 'redirect' })
      try {
        const { demoCompleteAuthorize } = await import('../adapters/msal/demo-edge.ts')
        applyOutcome(await demoCompleteAuthorize(page.sessionId, { userId, consent }))
      } catch (error) {
        await fail('The demo tenant could not finish the sign-in', error)
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
        set({ busy: null, notice: `Token for ${scopes.join(' ')} acquired ${result.fromCache ? 'from the MSAL cache (no request was needed)' : 'with the refresh token'}.` })
      } catch (error) {
        await fail(`Could not get a token for ${scopes.join(' ')}`, error)
      }
    },

    refresh: async () => {
      set({ busy: 'silent', error: null, notice: null })
      startFlow()
      try {
        const s = await getSession(active())
        const scopes = get().account?.scopes.length ? get().account!.scopes : scopesOf(active())
        const result = await s.acquireSilent(scopes, true)
        await afterTokens(s, result)
        set({ busy: null, notice: 'Tokens refreshed silently with the refresh token (grant_type=refresh_token).' })
      } catch (error) {
        await fail('Silent refresh failed', error)
      }
    },

    signOut: async () => {
      set({ busy: 'signout', error: null })
      startFlow()
      try {
        const s = await getSession(active())
        await s.signOut()
        set({ account: null, graph: null, busy: null, notice: 'Signed out: MSAL removed the account and its tokens from its cache.' })
      } catch (error) {
        await fail('Sign-out failed', error)
      }
    },

    forgetEverything: async () => {
      try {
        if (session) await session.clearCache()
      } catch {
        // The cache is removed below anyway.
      }
      for (const area of [sessionStorage, localStorage]) {
        for (const key of Object.keys(area)) if (key.startsWith('msal.')) area.removeItem(key)
      }
      const { forgetDemoTenant } = await import('../adapters/msal/demo-edge.ts')
      forgetDemoTenant()
      writeJournal([])
      forgetAllStored()
      session = null
      sessionFor = null
      set({ profiles: loadProfiles(), activeId: 'demo', stepThrough: false, busy: null, pause: null, demoPage: null, demoError: null, account: null, graph: null, callGraph: true, error: null, faults: {}, notice: 'Everything was forgotten: captures, the MSAL cache, the demo tenant and your stored profiles.' })
    },
    dismissError: () => set({ error: null, demoError: null }),
    cancelDemo: () => {
      set({ demoPage: null, demoError: null, busy: null, notice: 'Sign-in cancelled on the demo sign-in page. Nothing more was sent.' })
      void abandonInteraction()
    },
  }
})
