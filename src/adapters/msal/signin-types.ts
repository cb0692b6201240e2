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
  /** A browser-only failure (CORS, unreachable host, issuer mismatch) said in words: what to change at the provider. */
  explanation?: string
}

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
  notice: string | null
  faults: DemoFaults
}

/** How the controller sees the store: read the current view, merge a patch into it. */
export interface SignInViewAccess {
  getState: () => SignInView
  setState: (patch: Partial<SignInView>) => void
}
