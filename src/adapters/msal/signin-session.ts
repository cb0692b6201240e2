/**
 * The MSAL session behind the sign-in screen and the hooks that make the step-through pauses
 * and the demo tenant work: onRedirectNavigate holds /authorize back (pause 1, or the demo
 * tenant's own sign-in page), the capturing network client holds the code redemption back
 * (pause 3, before /token). One session per connection profile; MSAL and the demo tenant load
 * by dynamic import the first time a flow needs them.
 */
import { demoProfile, type ConnectionProfile } from '../../core/capture/profile.ts'
import type { AuthorizeOutcome } from '../../core/demo-tenant/types.ts'
import { appendToJournal } from './capture-journal.ts'
import { redirectUriDefault } from './signin-persistence.ts'
import type { MsalSession } from './msal-session.ts'
import type { FailedAction, SignInView, SignInViewAccess } from './signin-types.ts'

/** The profile a flow uses: the selected one, else the first, else the built-in demo. */
export function activeProfile(state: Pick<SignInView, 'profiles' | 'activeId'>): ConnectionProfile {
  return state.profiles.find((p) => p.id === state.activeId) ?? state.profiles[0] ?? demoProfile(redirectUriDefault())
}

/** Show an MSAL (or any) error as the screen's error, with the AADSTS code pulled out of the message. */
export async function reportFailure(
  set: SignInViewAccess['setState'],
  action: FailedAction,
  error: unknown,
  scopes?: string[],
): Promise<void> {
  const { describeMsalError } = await import('./msal-session.ts')
  const d = describeMsalError(error)
  const aadsts = /AADSTS\d+/.exec(d.message)?.[0]
  set({
    busy: null,
    pause: null,
    error: {
      action,
      errorCode: d.errorCode,
      message: d.message,
      ...(scopes ? { scopes } : {}),
      ...(aadsts ? { aadsts } : {}),
      ...(d.subError ? { subError: d.subError } : {}),
      ...(d.refusal ? { refusal: d.refusal } : {}),
    },
  })
}

export interface SignInSession {
  /** The session for this profile, created (and MSAL loaded) when the profile changed. */
  get: (profile: ConnectionProfile) => Promise<MsalSession>
  /** The current session, if any, without creating one. */
  current: () => MsalSession | null
  /** Forget the session: the next get() builds a fresh MSAL instance. */
  drop: () => void
  /** Send the held /token request (pause 3) on its way. */
  releaseTokenPause: () => void
  /** Fail the held /token request, so MSAL's promise settles with this error. */
  rejectTokenPause: (error: Error) => void
  /** Hand a held /authorize URL to the demo tenant and show its sign-in page (or its error). */
  startDemoAuthorize: (url: string) => Promise<void>
  /** Apply what the demo tenant's authorization endpoint decided. */
  applyOutcome: (outcome: AuthorizeOutcome) => void
  /** Clear MSAL's "interaction in progress" flag after a flow was abandoned. */
  abandonInteraction: () => Promise<void>
}

export function createSignInSession({ getState: get, setState: set }: SignInViewAccess): SignInSession {
  // Not rendered: the MSAL session and the resolver of a request paused before /token.
  let session: MsalSession | null = null
  let sessionFor: string | null = null
  let releasePause: (() => void) | null = null
  let rejectPause: ((e: Error) => void) | null = null

  const startDemoAuthorize = async (url: string) => {
    const { demoBeginAuthorize } = await import('./demo-edge.ts')
    applyOutcome(await demoBeginAuthorize(url))
  }

  const applyOutcome = (outcome: AuthorizeOutcome) => {
    if (outcome.kind === 'prompt') set({ demoPage: outcome.prompt, demoError: null, busy: null })
    else if (outcome.kind === 'error_page') {
      // The flow ends at the identity provider's error page: release MSAL's pending interaction.
      set({
        demoPage: null,
        demoError: { error: outcome.error, description: outcome.description, ...(outcome.code ? { code: outcome.code } : {}) },
        busy: null,
      })
      void abandonInteraction()
    } else window.location.assign(outcome.url)
  }

  const getSession = async (profile: ConnectionProfile): Promise<MsalSession> => {
    if (session && sessionFor === JSON.stringify(profile)) return session
    const { createMsalSession } = await import('./msal-session.ts')
    session = await createMsalSession(profile, {
      record: (entry) => {
        appendToJournal(entry)
      },
      onNavigate: (url, kind) => {
        const demo = profile.kind === 'demo'
        if (kind === 'logout') return !demo
        if (get().stepThrough) {
          set({ pause: { kind: 'authorize', url, demo }, busy: null })
          return false
        }
        if (demo) {
          void startDemoAuthorize(url).catch((e: unknown) => reportFailure(set, 'demo_start', e))
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

  const drop = () => {
    session = null
    sessionFor = null
  }

  const abandonInteraction = async () => {
    try {
      // handleRedirectPromise is memoised per MSAL instance, so use a fresh one: with no
      // response to process it clears MSAL's "interaction in progress" flag.
      drop()
      await (await getSession(activeProfile(get()))).handleRedirect()
    } catch {
      // Nothing to finish.
    }
  }

  return {
    get: getSession,
    current: () => session,
    drop,
    releaseTokenPause: () => {
      releasePause?.()
      releasePause = null
      rejectPause = null
    },
    rejectTokenPause: (error) => {
      rejectPause?.(error)
      releasePause = null
      rejectPause = null
    },
    startDemoAuthorize,
    applyOutcome,
    abandonInteraction,
  }
}
