/**
 * The one error catalogue of Token Lens: the OAuth `error` (RFC 6749 §4.1.2.1, §5.2), Entra's
 * AADSTS codes found in `error_description`, and MSAL's own error codes. Both the sign-in error
 * panel and HAR flow lint read it. The data is ~80 KB, so it is loaded on demand (dynamic
 * import, its own chunk) only when an error is explained, never in the first view.
 */

export interface ErrorExplanation {
  /** 'AADSTS50011', 'state_mismatch', 'invalid_grant' */
  code: string
  source: 'Microsoft Entra' | 'MSAL' | 'OAuth 2.0 / OpenID Connect'
  name?: string
  cause: string
  fix?: string
  /** For AADSTS codes: the OAuth error Entra pairs it with, and whether that pairing is confirmed. */
  oauthError?: string
  pairingCertain?: boolean
  surface?: string
  spec?: string
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
}

export interface OAuthErrorEntry {
  spec: string
  meaning: string
  action: string
  ownWords?: boolean
}

export interface ErrorCatalog {
  aadsts: Record<string, AadstsEntry>
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

/**
 * Every explanation that applies, most specific first: AADSTS codes in the text, then the MSAL
 * error code, then the OAuth error.
 */
export async function explainError(input: { errorCode?: string; oauthError?: string; text?: string }): Promise<ErrorExplanation[]> {
  const c = await loadErrorCatalog()
  const out: ErrorExplanation[] = []
  for (const code of aadstsCodesIn(`${input.text ?? ''} ${input.errorCode ?? ''}`)) {
    const e = c.aadsts[code]
    if (e)
      out.push({ code, source: 'Microsoft Entra', name: e.name, cause: e.cause, fix: e.fix, ...(e.oauthError ? { oauthError: e.oauthError, pairingCertain: e.certain } : {}), ...(e.surface ? { surface: e.surface } : {}) })
    else out.push({ code, source: 'Microsoft Entra', cause: 'A code we have no notes for. Microsoft lists it on its error-code reference page.' })
  }
  const codes = [input.errorCode, input.oauthError].filter((x): x is string => typeof x === 'string' && x.length > 0)
  for (const code of new Set(codes)) {
    const m = c.msal[code]
    if (m) out.push({ code, source: 'MSAL', name: m.kind, cause: m.meaning, fix: m.fix })
    const o = c.oauth[code]
    if (o) out.push({ code, source: 'OAuth 2.0 / OpenID Connect', cause: o.meaning, fix: o.action, spec: o.spec })
  }
  return out
}

/** An https link to Microsoft's own lookup for an AADSTS code. */
export function aadstsLookupUrl(code: string): string {
  return `https://login.microsoftonline.com/error?code=${encodeURIComponent(code.replace(/^AADSTS/, ''))}`
}
