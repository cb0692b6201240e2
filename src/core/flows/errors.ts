/**
 * Explanations of a flow's failed steps: the one error catalogue (core/errors/error-catalog.ts,
 * loaded lazily), with the advice for the flow's kind of client where the advice depends on it.
 */
import { explainError, type ClientPlatform, type ErrorExplanation } from '../errors/error-catalog.ts'
import { safeUrl } from './http.ts'
import type { Flow, StepError } from './types.ts'

/**
 * The kind of client a flow shows, where the capture says so: a confidential client redeems its
 * code with a secret or on its server (a web app); a public client whose redirect URI is an https
 * page and whose token request the browser made is a single-page application. Anything else
 * (loopback or custom-scheme redirects, which desktop, mobile and local SPAs all use) stays
 * unknown, and the advice covers every platform.
 */
export function platformOf(flow: Pick<Flow, 'client' | 'redirectUri'>): ClientPlatform | undefined {
  if (flow.client.type === 'confidential') return 'web'
  if (flow.client.type !== 'public') return undefined
  return safeUrl(flow.redirectUri ?? '')?.protocol === 'https:' ? 'spa' : undefined
}

/** Every explanation of a step's error: AADSTS/AADB2C codes in it, then the OAuth error (RFC 6749 §4.1.2.1, §5.2). */
export function explainStepError(err: StepError, platform?: ClientPlatform): Promise<ErrorExplanation[]> {
  return explainError({
    oauthError: err.error,
    // The AADSTS number joins the text the codes are read from; errorCode is for MSAL's own codes.
    text: [err.description, err.idpCode, err.code ? `AADSTS${err.code}` : undefined].filter(Boolean).join(' '),
    ...(platform ? { platform } : {}),
  })
}
