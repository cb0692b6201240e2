/**
 * The one error catalogue of Token Lens: the OAuth `error` (RFC 6749 §4.1.2.1, §5.2), Entra's
 * AADSTS codes and Azure AD B2C's AADB2C codes found in `error_description`, and MSAL's own error
 * codes. Both the sign-in error panel and HAR flow lint read it. The data is ~150 KB, so it is
 * loaded on demand (dynamic import, its own chunk) only when an error is explained, never in the
 * first view. Every AADSTS/AADB2C entry carries the links it was checked against and the date.
 */
import type { SpecLink } from '../spec-links.ts'

/** The kind of client a flow belongs to, when the caller knows it (changes the AADSTS50011 advice). */
export type ClientPlatform = 'spa' | 'web' | 'mobile' | 'desktop'

export interface ErrorExplanation {
  /** 'AADSTS50011', 'AADB2C90118', 'state_mismatch', 'invalid_grant' */
  code: string
  source: 'Microsoft Entra' | 'Azure AD B2C' | 'MSAL' | 'OAuth 2.0 / OpenID Connect'
  name?: string
  cause: string
  fix?: string
  /** For AADSTS codes: the OAuth error Entra pairs it with, and whether that pairing is confirmed. */
  oauthError?: string
  pairingCertain?: boolean
  surface?: string
  spec?: string
  /** Where the explanation comes from; for an AADSTS code always ends with Microsoft's lookup for that exact code. */
  links?: SpecLink[]
  /** ISO date on which the entry was compared with its sources. */
  checked?: string
}

export interface AadstsEntry {
  name: string
  oauthError?: string
  /** True only when the reference marks the pairing documented or observed (not inferred, not an error page). */
  certain: boolean
  surface?: string
  cause: string
  fix: string
  /** Explanation written by the Token Lens team (a test requires it on every entry). */
  ownWords?: boolean
  /** The sources the entry was checked against (a test requires at least the reference and the lookup). */
  links: SpecLink[]
  /** ISO date the entry was last compared with its sources. */
  checked: string
  /** Platform-specific fixes (AADSTS50011: what to register depends on the kind of client). */
  byPlatform?: Partial<Record<ClientPlatform, string>>
}

/** An Azure AD B2C service error (AADB2C9xxxx), explained like an AADSTS code. */
export interface B2cEntry {
  name: string
  cause: string
  fix: string
  ownWords?: boolean
  links: SpecLink[]
  checked: string
}

export interface OAuthErrorEntry {
  spec: string
  meaning: string
  action: string
  ownWords?: boolean
}

export interface ErrorCatalog {
  aadsts: Record<string, AadstsEntry>
  b2c: Record<string, B2cEntry>
  msal: Record<string, { kind: string; meaning: string; fix: string; ownWords?: boolean }>
  oauth: Record<string, OAuthErrorEntry>
}

let catalog: Promise<ErrorCatalog> | null = null

/** The catalogue data, fetched once (a separate chunk). */
export function loadErrorCatalog(): Promise<ErrorCatalog> {
  catalog ??= import('./data/error-catalog.json').then((m) => m.default as unknown as ErrorCatalog)
  return catalog
}

/** 'AADSTS50011', '50011' and 50011 all name the same catalogue key. */
export function aadstsKey(code: string | number): string {
  return `AADSTS${String(code).replace(/^AADSTS/i, '')}`
}

export function aadstsCodesIn(text: string): string[] {
  return [...new Set(text.match(/AADSTS\d+/g) ?? [])]
}

/** Azure AD B2C error codes (AADB2C90118, AADB2C99002, ...) in a message. */
export function b2cCodesIn(text: string): string[] {
  return [...new Set(text.match(/AADB2C\d+/g) ?? [])]
}

const PLATFORM_LABEL: Record<ClientPlatform, string> = {
  spa: 'Single-page application',
  web: 'Web',
  mobile: 'Mobile (iOS / Android)',
  desktop: 'Desktop / command line',
}

/**
 * The fix to show: with a known platform, that platform's advice; without one, every platform's
 * advice after the general text, so nobody is told to register a web app as a SPA.
 */
function fixFor(e: AadstsEntry, platform: ClientPlatform | undefined): string {
  const by = e.byPlatform
  if (by === undefined) return e.fix
  const known = platform === undefined ? undefined : by[platform]
  if (known !== undefined) return known
  const all = (Object.keys(PLATFORM_LABEL) as ClientPlatform[])
    .filter((p) => by[p] !== undefined)
    .map((p) => `${PLATFORM_LABEL[p]}: ${by[p] ?? ''}`)
  return [e.fix, ...all].join(' ')
}

/**
 * Every explanation that applies, most specific first: AADSTS codes in the text, then the MSAL
 * error code, then the OAuth error.
 */
export async function explainError(input: {
  errorCode?: string
  oauthError?: string
  text?: string
  platform?: ClientPlatform
}): Promise<ErrorExplanation[]> {
  const c = await loadErrorCatalog()
  const out: ErrorExplanation[] = []
  const haystack = `${input.text ?? ''} ${input.errorCode ?? ''}`
  for (const code of aadstsCodesIn(haystack)) {
    const e = Object.hasOwn(c.aadsts, code) ? c.aadsts[code] : undefined
    if (e)
      out.push({
        code,
        source: 'Microsoft Entra',
        name: e.name,
        cause: e.cause,
        fix: fixFor(e, input.platform),
        ...(e.oauthError ? { oauthError: e.oauthError, pairingCertain: e.certain } : {}),
        ...(e.surface ? { surface: e.surface } : {}),
        links: withLookup(e.links, code),
        checked: e.checked,
      })
    else
      out.push({
        code,
        source: 'Microsoft Entra',
        cause: `A code we have no notes for. Microsoft's error lookup gives its current message and cause: ${aadstsLookupUrl(code)}`,
        links: [{ label: `Microsoft's error lookup for ${code}`, url: aadstsLookupUrl(code) }, ENTRA_REFERENCE],
      })
  }
  for (const code of b2cCodesIn(haystack)) {
    const e = Object.hasOwn(c.b2c, code) ? c.b2c[code] : undefined
    if (e) out.push({ code, source: 'Azure AD B2C', name: e.name, cause: e.cause, fix: e.fix, links: e.links, checked: e.checked })
    else
      out.push({
        code,
        source: 'Azure AD B2C',
        cause: 'A B2C code we have no notes for. Microsoft lists the B2C service codes on its Azure AD B2C error-code page.',
        links: [B2C_REFERENCE],
      })
  }
  const codes = [input.errorCode, input.oauthError].filter((x): x is string => typeof x === 'string' && x.length > 0)
  for (const code of new Set(codes)) {
    const m = Object.hasOwn(c.msal, code) ? c.msal[code] : undefined
    if (m) out.push({ code, source: 'MSAL', name: m.kind, cause: m.meaning, fix: m.fix })
    const o = Object.hasOwn(c.oauth, code) ? c.oauth[code] : undefined
    if (o) out.push({ code, source: 'OAuth 2.0 / OpenID Connect', cause: o.meaning, fix: o.action, spec: o.spec })
  }
  return out
}

const ENTRA_REFERENCE: SpecLink = {
  label: 'Microsoft Entra: AADSTS error code reference',
  url: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
}
const B2C_REFERENCE: SpecLink = {
  label: 'Azure AD B2C: error codes',
  url: 'https://learn.microsoft.com/en-us/azure/active-directory-b2c/error-codes',
}

/** An AADSTS explanation's sources always end with Microsoft's own lookup for that exact code. */
function withLookup(links: SpecLink[], code: string): SpecLink[] {
  const url = aadstsLookupUrl(code)
  return links.some((l) => l.url === url) ? links : [...links, { label: `Microsoft's own lookup for ${code}`, url }]
}

/** An https link to Microsoft's own lookup for an AADSTS code. */
export function aadstsLookupUrl(code: string): string {
  return `https://login.microsoftonline.com/error?code=${encodeURIComponent(code.replace(/^AADSTS/, ''))}`
}
