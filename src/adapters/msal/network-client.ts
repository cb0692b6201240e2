/**
 * MSAL's network module (system.networkClient): every HTTP call MSAL makes comes through here,
 * including the token POST whose raw JSON is the only place the refresh token is visible. Each
 * call is recorded as a HAR entry; the demo tenant answers when the profile uses it; the
 * step-through can hold a request until the user clicks "continue".
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-browser'
import { oauthErrorOf, outcomeEntry } from '../../core/capture/har.ts'
import { stampEntry } from '../../core/flows/stamp.ts'
import type { CaptureOrigin, CapturedEntry } from '../../core/capture/types.ts'
import type { EdgeRequest, EdgeResponse } from '../../core/demo-tenant/types.ts'
import { demoFetch } from './demo-edge.ts'
import { currentFlowId } from './capture-journal.ts'

export interface NetworkHooks {
  /** Route every call to the demo tenant instead of the network. */
  demo: boolean
  record: (entry: CapturedEntry) => void
  /** Awaited before a request is sent; the step-through uses it to pause before /token. */
  beforeSend?: (request: EdgeRequest) => Promise<void>
}

const TIMEOUT_MS = 30_000

async function sendReal(request: EdgeRequest): Promise<EdgeResponse> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
      signal: controller.signal,
      // No cookies to the identity provider and no Referer carrying our URL (RFC 9700 §4.2.4).
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    })
    const headers: Record<string, string> = {}
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value
    })
    return { status: response.status, headers, body: await response.text() }
  } finally {
    clearTimeout(timer)
  }
}

export function createCapturingNetworkClient(hooks: NetworkHooks): INetworkModule {
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    const request: EdgeRequest = {
      method,
      url,
      headers: { ...(options?.headers ?? {}) },
      ...(options?.body !== undefined ? { body: options.body } : {}),
    }
    if (hooks.beforeSend) await hooks.beforeSend(request)
    const started = Date.now()
    const origin: CaptureOrigin = hooks.demo ? 'simulated' : 'captured'
    // Stamped below by the one classifier (core/flows/stamp.ts); 'other' until then.
    const step = 'other' as const
    // The flow is read when the answer is recorded (a flow may start while a request is in flight), as before.
    const meta = () => ({ step, flowId: currentFlowId(), origin, redactions: [] })
    let response: EdgeResponse
    try {
      response = hooks.demo ? await demoFetch(request) : await sendReal(request)
    } catch (failure) {
      hooks.record(stampEntry(outcomeEntry(request, { failure }, { startedAt: started, endedAt: Date.now() }, meta())))
      throw failure
    }
    const error = response.status >= 400 ? oauthErrorOf(response.body) : undefined
    hooks.record(
      stampEntry(
        outcomeEntry(request, { response }, { startedAt: started, endedAt: Date.now() }, { ...meta(), ...(error ? { error } : {}) }),
      ),
    )
    let body: unknown
    try {
      body = response.body ? JSON.parse(response.body) : {}
    } catch {
      // MSAL expects JSON; hand it an object it will treat as a server error rather than throwing here.
      body = {
        error: 'invalid_response',
        error_description: `The server answered with something that is not JSON (HTTP ${response.status}).`,
      }
    }
    return { status: response.status, headers: lowerKeys(response.headers), body: body as T }
  }
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>('GET', url, options),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>('POST', url, options),
  }
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
}
