/**
 * The rendered state of the sign-in screen that the sign-in controller reads and writes. Kept
 * apart from the zustand store so the controller (an adapter) never imports a store: the store
 * hands it a getter and a setter for exactly these fields.
 */
import type { ConnectionProfile } from '../../core/capture/profile.ts'
import type { AuthorizePrompt, DemoFaults, EdgeRequest } from '../../core/demo-tenant/types.ts'
import type { AccountFact } from '../../core/providers/account-line.ts'
import type { GraphMe } from './graph-me.ts'
import type { Userinfo } from './userinfo.ts'

export type Pause =
  { kind: 'authorize'; url: string; demo: boolean } | { kind: 'redirect'; url: string } | { kind: 'token'; request: EdgeRequest }

/** Which action of the screen failed; the feature (features/signin/words.ts) says it in words. */
export type FailedAction =
  | 'start' // signing in could not start or the popup failed
  | 'complete' // the redirect back could not be redeemed
  | 'not_started' // discovery names another issuer: nothing was sent (OIDC Discovery §4.3)
  | 'redirect_refused' // the redirect bridge got a response this tab did not start (state mismatch)
  | 'demo_start'
  | 'demo_finish'
  | 'acquire'
  | 'refresh'
  | 'signout'

/**
 * A failure as facts: what was being done, the code, and what the library or server said
 * (shown verbatim). No sentence of the screen lives here.
 */
export interface SignInError {
  action: FailedAction
  /** MSAL error code or OAuth error. */
  errorCode: string
  /** What MSAL, the server or the browser said, verbatim (for redirect_refused: the bridge's error). */
  message: string
  /** AADSTS code found in the message, if any. */
  aadsts?: string
  subError?: string
  /** The scopes asked for (action 'acquire'). */
  scopes?: string[]
  /** not_started: the issuer discovery named and the profile's authority. */
  issuer?: string
  authority?: string
  /**
   * A browser-only failure (CORS, unreachable host, issuer mismatch) as core/providers/browser-failures
   * explains it: its words live in core, like the error catalogue's.
   */
  failure?: { title: string; explanation: string }
  /** MSAL refused the issuer discovery names (IssuerRefusedError); advice is core's (core/capture/profile.ts). */
  refusal?: { issuer: string; authority: string; advice: string }
}

/** What the last finished action did, as a fact the feature puts into words. */
export type Notice =
  | { kind: 'signed_out_at_provider'; returnedTo: string }
  | { kind: 'cancelled_at_pause' }
  | { kind: 'cancelled_on_demo_page' }
  | { kind: 'token_acquired'; scopes: string[]; fromCache: boolean }
  | { kind: 'refreshed' }
  | { kind: 'signed_out' }
  | { kind: 'forgot_everything' }

export interface AccountSummary {
  name: string
  username: string
  tenantId: string
  homeAccountId: string
  /** The line under the name, in the provider kind's terms (issuer and subject for any OpenID provider). */
  facts?: AccountFact[]
  scopes: string[]
  expiresOn: string | null
}

export type Busy = null | 'loading' | 'signin' | 'redirect' | 'token' | 'graph' | 'userinfo' | 'silent' | 'signout'

export interface SignInView {
  profiles: ConnectionProfile[]
  activeId: string
  stepThrough: boolean
  /** After a sign-in, get a Graph User.Read token silently and call /me (persisted, default on). */
  callGraph: boolean
  /** What Graph /me answered after the last sign-in (or why it was not called successfully). */
  graph: GraphMe | null
  /** What userinfo answered after the last sign-in to an OpenID provider (the same switch as Graph /me). */
  userinfo: Userinfo | null
  busy: Busy
  pause: Pause | null
  demoPage: AuthorizePrompt | null
  demoError: { error: string; description: string; code?: string } | null
  account: AccountSummary | null
  error: SignInError | null
  notice: Notice | null
  faults: DemoFaults
}

/** How the controller sees the store: read the current view, merge a patch into it. */
export interface SignInViewAccess {
  getState: () => SignInView
  setState: (patch: Partial<SignInView>) => void
}
