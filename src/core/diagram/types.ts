/**
 * The sequence-diagram model: who talks (participants, left to right in order of first
 * appearance), what they send (messages, top to bottom) and what a trainer says about each step
 * (explanations with spec links). Plain serialisable data, built from captured exchanges
 * (HAR entries with `_oauth`) or from a canonical teaching template.
 */
import type { CaptureOrigin, StepKind } from '../capture/types.ts'

/** The part a participant plays in an OAuth/OIDC flow; decides its lane label and colour. */
export type ParticipantRole =
  'user' | 'browser' | 'client' | 'authorize' | 'token' | 'device_authorization' | 'metadata' | 'resource' | 'other'

export interface DiagramParticipant {
  id: string
  role: ParticipantRole
  /** Lane heading, e.g. "Token endpoint". */
  title: string
  /** Smaller second line, usually the host ("login.microsoftonline.com"). */
  subtitle?: string
}

/**
 * request: solid arrow from caller to server; response: dashed return arrow; redirect: a 3xx
 * answer or a front-channel hop through the browser (drawn dashed with a redirect marker);
 * action: something a person does (sign in, enter a code), drawn solid.
 */
export type MessageKind = 'request' | 'response' | 'redirect' | 'action'

export interface SpecLink {
  /** "RFC 7636 §4.2" */
  label: string
  url: string
}

export interface StepExplanation {
  /** One short sentence for the slide heading. */
  title: string
  /** What happens and why, two to four sentences, in our own words. */
  body: string
  links: SpecLink[]
}

export interface DiagramMessage {
  id: string
  from: string
  to: string
  kind: MessageKind
  /** First label line: "POST /oauth2/v2.0/token" or "200 OK". */
  label: string
  /** Further label lines: the parameters that matter ("grant_type=authorization_code"). */
  details: string[]
  /** Short notes drawn in a note box after the arrow ("PKCE S256 verified", "simulated"). */
  notes: string[]
  failed: boolean
  /** Index of the exchange this message belongs to (into the source list), or null for actions. */
  exchangeIndex: number | null
  step: StepKind | null
  origin: CaptureOrigin | null
  explanation?: StepExplanation
}

export interface DiagramModel {
  title: string
  /** True for canonical teaching flows: they did not happen, they show how the flow works. */
  template: boolean
  participants: DiagramParticipant[]
  messages: DiagramMessage[]
}
