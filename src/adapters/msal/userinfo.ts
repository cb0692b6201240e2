/**
 * The userinfo call after a sign-in to any OpenID provider: the generic counterpart of Graph
 * /me. GET userinfo_endpoint (from discovery) with the access token as a Bearer token (OIDC Core
 * §5.3.1, RFC 6750 §2.1), captured like every other exchange. Never throws: the sign-in has
 * already succeeded, so every failure becomes a Userinfo value with an explanation.
 */
import { outcomeEntry } from '../../core/capture/har.ts'
import { stepLabel } from '../../core/flows/classify.ts'
import type { StepKind } from '../../core/capture/types.ts'
import { explainNetworkFailure, type BrowserFailure, type FailedStep } from '../../core/providers/browser-failures.ts'
import { summarizeUserinfo, type Userinfo, type UserinfoAnswer as Answer } from '../../core/providers/userinfo.ts'
import { appendToJournal, currentFlowId } from './capture-journal.ts'

export type { Userinfo }

/**
 * A GET the app makes itself, recorded with an explicit step (the URL alone does not say it is
 * userinfo: oidc-provider serves it at /me, Keycloak at …/userinfo, Okta at /v1/userinfo).
 */
export async function capturedGet(url: string, step: StepKind, headers: Record<string, string>, note: string): Promise<Answer> {
  const started = Date.now()
  const request = { method: 'GET', url, headers }
  // The flow is read when the answer is recorded (a flow may start while the request is in flight).
  const oauth = () => ({
    step,
    flowId: currentFlowId(),
    origin: 'captured' as const,
    redactions: [],
    label: stepLabel(step),
    notes: [note],
  })
  try {
    const response = await fetchJson(url, headers)
    appendToJournal(outcomeEntry(request, { response }, { startedAt: started, endedAt: Date.now() }, oauth()))
    return response
  } catch (failure) {
    appendToJournal(outcomeEntry(request, { failure }, { startedAt: started, endedAt: Date.now() }, oauth()))
    throw failure
  }
}

/**
 * A GET the app makes itself, with no cookies to the provider and no Referer carrying our URL
 * (RFC 9700 §4.2.4); the answer's header names as the browser gives them (lower case).
 */
export async function fetchJson(url: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', headers })
  const responseHeaders: Record<string, string> = {}
  response.headers.forEach((v, k) => {
    responseHeaders[k] = v
  })
  return { status: response.status, headers: responseHeaders, body: await response.text() }
}

/**
 * Did the host answer at all? An opaque (mode: no-cors) GET carries no token and no cookie and
 * its response cannot be read, but it resolves when a server answered and rejects when nothing
 * did: the one way a page can tell "blocked by CORS" from "unreachable".
 */
export async function hostAnswers(url: string): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' })
    return true
  } catch {
    return false
  }
}

/** A network-level failure of a call to the provider, explained (CORS or unreachable). */
export async function explainFailedCall(step: FailedStep, url: string, clientId: string): Promise<BrowserFailure> {
  return explainNetworkFailure({ step, url, clientId, pageOrigin: window.location.origin, reachable: await hostAnswers(url) })
}

/** GET userinfo with the access token. Never throws. */
export async function userinfoAfterSignIn(input: {
  discovery: Record<string, unknown> | null
  accessToken: string
  idTokenSub: string | undefined
  clientId: string
}): Promise<Userinfo> {
  const endpoint = input.discovery?.userinfo_endpoint
  if (typeof endpoint !== 'string' || !endpoint.startsWith('https://')) {
    return { status: 'skipped', reason: 'no_https_endpoint' }
  }
  if (!input.accessToken) return { status: 'skipped', reason: 'no_access_token' }
  try {
    const answer = await capturedGet(
      endpoint,
      'userinfo',
      { authorization: `Bearer ${input.accessToken}`, accept: 'application/json' },
      'Called by Token Lens after the sign-in: the access token as a Bearer token (OIDC Core §5.3.1).',
    )
    return summarizeUserinfo(endpoint, answer, input.idTokenSub)
  } catch (error) {
    const failure = await explainFailedCall('userinfo', endpoint, input.clientId)
    return {
      status: 'failed',
      endpoint,
      errorCode: failure.code,
      message: error instanceof Error ? error.message : String(error),
      explanation: failure.explanation,
    }
  }
}
