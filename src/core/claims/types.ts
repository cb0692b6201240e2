/** Annotated claims and header parameters, as carried in an InspectionReport. Plain JSON. */
import type { SpecLink } from '../spec-links.ts'

export type ValueKind =
  'string' | 'url' | 'numeric_date' | 'guid' | 'string_or_array' | 'array' | 'object' | 'boolean' | 'number' | 'space_separated' | 'other'

/** Where a claim may appear, as the specs and vendor documents list it (shown as "id tokens", "DPoP proof tokens"). */
export type ClaimAppearsIn = 'id' | 'access' | 'refresh' | 'logout' | 'userinfo' | 'security event' | 'DPoP proof'

/** A readable rendering of one value, or one element of an array value. */
export interface HumanValue {
  /** The raw value as text. */
  raw: string
  /** Words for it: "2026-11-25 20:24:45 UTC", "Global Administrator", "Multi-factor authentication". */
  text?: string
  /** Relative to `now` for times: "in 52 min", "3 h ago". */
  relative?: string
  /** Where the name came from: 'first-party app', 'directory role', 'Graph permission', ... */
  source?: string
}

/** What every annotated name carries, claim or header parameter: the registry's words when it knows the name. */
export interface NameAnnotation {
  name: string
  value: unknown
  known: boolean
  title?: string
  /** One line. */
  summary?: string
  /** Full explanation, our words. */
  details?: string
  definedIn: SpecLink[]
  watchFor?: string
  human: HumanValue[]
}

export interface ClaimAnnotation extends NameAnnotation {
  kind?: ValueKind
  /** 'id', 'access', 'logout', ... */
  tokenTypes: ClaimAppearsIn[]
  versions: string[]
  /** Personal data (masked in redaction mode). */
  personal: boolean
  status?: 'documented' | 'legacy-documented' | 'observed-undocumented'
  /** Which platform's meaning was used when a claim differs by issuer ('Microsoft Entra', 'Google', ...). */
  variant?: string
}

export interface HeaderAnnotation extends NameAnnotation {
  /** Set for parameters that are an attack surface when trusted (jku, x5u, jwk, x5c). */
  risky: boolean
}

export interface AnnotateContext {
  /** Unix seconds, for relative times. */
  now: number
  /** The token family's version, to pick the right explanation. */
  version?: '1.0' | '2.0'
  /** True when the token is known to come from Microsoft Entra; when absent it is inferred from `iss`/`tid`/`ver`. */
  entra?: boolean
}
