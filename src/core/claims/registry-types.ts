/** Shapes of the claim and header knowledge base (the data itself is lazily loaded). */
import type { SpecLink } from '../spec-links.ts'
import type { ClaimAppearsIn, ValueKind } from './types.ts'
import type { ClaimContext } from './platform.ts'

export type ClaimStatus = 'documented' | 'legacy-documented' | 'observed-undocumented'

/** The text and facts that can differ between platforms for one claim name. */
export interface ClaimText {
  title: string
  /** One line. */
  summary: string
  /** Full explanation, in our own words. */
  details: string
  kind: ValueKind
  definedIn: SpecLink[]
  /** Shown as "<type> tokens": 'id', 'access', 'logout', 'userinfo', 'security event', 'DPoP proof', 'refresh' */
  tokenTypes: ClaimAppearsIn[]
  /** Token versions ('1.0', '2.0' for Entra); empty when the claim is not versioned. */
  versions: string[]
  watchFor?: string
  status: ClaimStatus
}

export interface ClaimInfo extends ClaimText {
  name: string
  /** Personal data about the user (masked in redaction mode). */
  personal: boolean
  /**
   * The reference contexts this entry explains. The base text is written for `contexts[0]`;
   * any other context either has a `variants` entry or shares the base meaning unchanged.
   */
  contexts: ClaimContext[]
  /** Platform-specific overrides, merged over the base text. */
  variants?: Partial<Record<ClaimContext, Partial<ClaimText>>>
}

export interface HeaderInfo {
  name: string
  title: string
  summary: string
  details: string
  definedIn: SpecLink[]
  /** 'JWS', 'JWE', 'DPoP proof', ... */
  appliesTo: string[]
  watchFor?: string
  /** An attack surface when a verifier trusts it (a key or key location chosen by the sender). */
  risky: boolean
}
