/**
 * Sign-in screen state: connection profiles (localStorage: an SPA has no secret to keep), the
 * step-through pauses, the demo tenant's sign-in page, the signed-in account and the last error.
 * The flows themselves (MSAL session, pauses, demo tenant, Graph /me, error mapping) live in
 * the sign-in controller (adapters/msal/signin-controller.ts), which patches this state; MSAL
 * and the demo tenant load on demand (dynamic import) the first time a profile is used.
 */
import { create } from 'zustand'
import { distinctName, sanitizeProfile, type ConnectionProfile, type SharedProfile } from '../core/capture/profile.ts'
import { loadProfiles, persistProfiles, readSetting, writeSetting } from '../adapters/msal/signin-persistence.ts'
import { createSignInController, type SignInController } from '../adapters/msal/signin-controller.ts'
import type { SignInView } from '../adapters/msal/signin-types.ts'
import type { GraphMe } from '../adapters/msal/graph-me.ts'

export type { GraphMe }
export type { GraphFailureReason } from '../adapters/msal/graph-me.ts'
export type { AccountSummary, Busy, FailedAction, Notice, Pause, SignInError } from '../adapters/msal/signin-types.ts'

/** The screen's state plus the controller's flows (one-line delegations) and local actions. */
export interface SignInState extends SignInView, SignInController {
  selectProfile: (id: string) => void
  saveProfile: (profile: ConnectionProfile) => void
  /** Adds a profile from a share link as a new one (fresh id, distinct name) and selects it; never a demo. */
  addSharedProfile: (shared: SharedProfile) => ConnectionProfile | null
  deleteProfile: (id: string) => void
  importProfiles: (json: string) => string
  setStepThrough: (on: boolean) => void
  setCallGraph: (on: boolean) => void
  dismissError: () => void
}

const DEMO_ID = 'demo'

/** An id no profile has yet (and never the demo's). */
function freshId(profiles: readonly ConnectionProfile[]): string {
  const taken = new Set(profiles.map((p) => p.id))
  for (;;) {
    const id = `shared-${crypto.randomUUID().slice(0, 8)}`
    if (!taken.has(id) && id !== DEMO_ID) return id
  }
}

export const useSignInStore = create<SignInState>((set, get) => {
  const controller = createSignInController({ getState: get, setState: set })

  return {
    profiles: loadProfiles(),
    activeId: readSetting('active') ?? 'demo',
    stepThrough: readSetting('step') === '1',
    callGraph: readSetting('graph') !== '0',
    graph: null,
    userinfo: null,
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
      // The built-in demo profile is never edited or replaced (the screen offers no Edit for it).
      if (profile.id === DEMO_ID || profile.kind === 'demo') return
      const profiles = get().profiles.some((p) => p.id === profile.id)
        ? get().profiles.map((p) => (p.id === profile.id ? profile : p))
        : [...get().profiles, profile]
      persistProfiles(profiles)
      writeSetting('active', profile.id)
      set({ profiles, activeId: profile.id, error: null, demoError: null, demoPage: null, pause: null })
    },
    addSharedProfile: (shared) => {
      // Never the id the link may have carried: a link must not be able to overwrite anything.
      if (shared.kind === 'demo') return null
      const profile: ConnectionProfile = {
        ...shared,
        id: freshId(get().profiles),
        name: distinctName(
          shared.name,
          get().profiles.map((p) => p.name),
        ),
      }
      const profiles = [...get().profiles, profile]
      persistProfiles(profiles)
      writeSetting('active', profile.id)
      set({ profiles, activeId: profile.id, error: null, notice: null, demoError: null, demoPage: null, pause: null })
      return profile
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
      const list = (Array.isArray(parsed) ? parsed : [parsed])
        .map((p, i) => sanitizeProfile(p, `imported-${Date.now()}-${i}`))
        .filter((p): p is ConnectionProfile => p !== null && p.kind !== 'demo')
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
    dismissError: () => set({ error: null, demoError: null }),

    // The flows: delegated to the controller, which patches this state as they progress.
    setFaults: controller.setFaults,
    resume: controller.resume,
    signIn: controller.signIn,
    continuePause: controller.continuePause,
    cancelPause: controller.cancelPause,
    chooseDemoUser: controller.chooseDemoUser,
    acquire: controller.acquire,
    refresh: controller.refresh,
    signOut: controller.signOut,
    forgetEverything: controller.forgetEverything,
    cancelDemo: controller.cancelDemo,
  }
})
