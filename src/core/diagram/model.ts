/**
 * Exchanges (HAR entries with `_oauth`) -> participants and messages. Each exchange becomes a
 * request arrow and, when an answer was seen, a return arrow. Front-channel hops (the browser
 * navigating to /authorize, the redirect back with the code) are drawn as redirects because the
 * browser carries them, not the app's own HTTP client (RFC 6749 §1.7, §4.1).
 */
import type { CaptureOrigin, CapturedEntry } from '../capture/types.ts'
import { explainRequest, explainResponse } from './explanations.ts'
import { requestDetails, responseBodyJson, responseDetails, responseLabel, shortPath, type LabelOptions } from './labels.ts'
import { safeUrl } from '../flows/http.ts'
import { calleeFor, ParticipantSet, type ParticipantSpec } from './participants.ts'
import type { DiagramMessage, DiagramModel, MessageKind, StepExplanation } from './types.ts'

/** A person's action or a hop with no HTTP exchange of its own (templates use these). */
export interface ActionInput {
  from: ParticipantSpec
  to: ParticipantSpec
  label: string
  details?: string[]
  kind?: MessageKind
  notes?: string[]
  explanation?: StepExplanation
}

export interface ExchangeInput {
  entry: CapturedEntry
  /** Who sends the request; by default the app, or the browser for front-channel steps. */
  caller?: ParticipantSpec
  /** Who answers; by default inferred from the step and the URL's host. */
  callee?: ParticipantSpec
  explainRequest?: StepExplanation
  explainResponse?: StepExplanation
  before?: ActionInput[]
  after?: ActionInput[]
  /** Arrow kind of the request (default: redirect for front-channel steps, else request). */
  kind?: MessageKind
  /** First label line of the request arrow (default: method and short path). */
  requestLabel?: string
  /**
   * Draw the answer only after every later exchange (a middle-tier API answers its caller after
   * its own downstream calls, as in on-behalf-of). Deferred answers close last-in, first-out.
   */
  deferResponse?: boolean
}

export interface BuildOptions {
  title?: string
  template?: boolean
  redact?: boolean
  /** Lane title of the app that made the requests (default "This app"). */
  clientTitle?: string
  /**
   * app: the app recorded its own exchanges (live capture); browser: a HAR recorded in the
   * browser, where the browser is the caller of everything it saw.
   */
  perspective?: 'app' | 'browser'
}

const FRONT_CHANNEL = new Set(['authorize', 'redirect_back', 'callback', 'logout', 'saml'])

const ORIGIN_NOTE: Record<CaptureOrigin, string> = {
  observed: 'observed by the app',
  captured: 'captured',
  simulated: 'simulated by the demo tenant',
  not_observed: 'not observed: inferred',
}

function dominantOrigin(entries: CapturedEntry[]): CaptureOrigin | null {
  const counts = new Map<CaptureOrigin, number>()
  for (const e of entries) counts.set(e._oauth.origin, (counts.get(e._oauth.origin) ?? 0) + 1)
  let best: CaptureOrigin | null = null
  let n = 0
  for (const [o, c] of counts) if (c > n) [best, n] = [o, c]
  return best
}

/** Device-code polling answers "not yet" with an error code; that is the protocol working, not failing (RFC 8628 §3.5). */
function isPendingPoll(entry: CapturedEntry): boolean {
  const code = entry._oauth.error?.error ?? responseBodyJson(entry)?.error
  return code === 'authorization_pending' || code === 'slow_down'
}

function isNavigation(entry: CapturedEntry): boolean {
  return entry.response.status === 0
}

/** Default lanes for a captured exchange, where the capture itself does not say who sent what. */
function defaults(entry: CapturedEntry, clientTitle: string): { caller: ParticipantSpec; callee: ParticipantSpec } {
  const host = safeUrl(entry.request.url)?.host
  const client: ParticipantSpec = { role: 'client', title: clientTitle }
  const step = entry._oauth.step
  if (step === 'redirect_back' || step === 'callback') {
    // The redirect comes from the authorization server (its host is in no field of this entry, so
    // the lane is the generic one: the same lane the authorize request went to when hosts match).
    return { caller: { role: 'authorize' }, callee: client }
  }
  return { caller: client, callee: calleeFor(step, host) }
}

/**
 * A HAR recorded in the browser (DevTools, HTTP Toolkit) sees every request from the browser's
 * side: the browser is the caller, the app is whatever serves the redirect URI, and a token call
 * the browser never saw (a confidential client's, marked not_observed) is the app's own.
 */
function browserPerspective(entries: CapturedEntry[]): ExchangeInput[] {
  const hostOf = (e: CapturedEntry) => safeUrl(e.request.url)?.host
  const idpHosts = new Set(
    entries
      .filter((e) => ['authorize', 'token', 'refresh', 'logout', 'device_authorization'].includes(e._oauth.step))
      .map(hostOf)
      .filter((h): h is string => !!h),
  )
  const appHost = entries
    .filter((e) => e._oauth.step === 'callback' || e._oauth.step === 'redirect_back')
    .map(hostOf)
    .find((h) => h && !idpHosts.has(h))
  const BROWSER: ParticipantSpec = { role: 'browser', title: 'Browser' }
  const APP: ParticipantSpec = { role: 'client', title: 'App (redirect URI)', ...(appHost ? { host: appHost } : {}) }
  return entries.map((entry) => {
    const host = hostOf(entry)
    const step = entry._oauth.step
    const atIdp = !!host && idpHosts.has(host)
    let callee = calleeFor(step, host)
    if (step === 'callback' || step === 'redirect_back' || step === 'other') {
      callee = atIdp ? { role: 'authorize', ...(host ? { host } : {}) } : host && host === appHost ? APP : step === 'other' ? callee : APP
    }
    const serverSide =
      entry._oauth.origin === 'not_observed' && (step === 'token' || step === 'refresh' || step === 'graph' || step === 'api')
    const front =
      step === 'authorize' || step === 'logout' || step === 'saml' || ((step === 'callback' || step === 'redirect_back') && !atIdp)
    const url = safeUrl(entry.request.url)
    return {
      entry,
      caller: serverSide ? APP : BROWSER,
      callee,
      kind: front ? 'redirect' : 'request',
      requestLabel: `${entry.request.method} ${shortPath(url, entry.request.url)}`,
    } satisfies ExchangeInput
  })
}

function toExchangeInputs(entries: CapturedEntry[], clientTitle = 'This app', perspective: 'app' | 'browser' = 'app'): ExchangeInput[] {
  if (perspective === 'browser') return browserPerspective(entries)
  let authorizeHost: string | undefined
  return entries.map((entry) => {
    const d = defaults(entry, clientTitle)
    if (entry._oauth.step === 'authorize') authorizeHost = safeUrl(entry.request.url)?.host
    if ((entry._oauth.step === 'redirect_back' || entry._oauth.step === 'callback') && authorizeHost) {
      d.caller = { role: 'authorize', host: authorizeHost }
    }
    return { entry, caller: d.caller, callee: d.callee }
  })
}

/**
 * The title of a drawing of this tab's capture (all of it, or one flow of it): it says when the
 * answers came from the demo tenant, not from Entra, so the room knows what it is looking at.
 */
export function captureTitle(entries: readonly CapturedEntry[], flowLabel?: string): string {
  const simulated = entries.some((e) => e._oauth.origin === 'simulated')
  return `Sign-in captured in this tab${simulated ? ' (demo tenant, simulated)' : ''}${flowLabel ? `: ${flowLabel}` : ''}`
}

function requestLabel(entry: CapturedEntry): string {
  const url = safeUrl(entry.request.url)
  const path = shortPath(url, entry.request.url)
  const step = entry._oauth.step
  // OAuth 2.0 Form Post Response Mode: the response reaches the redirect URI as a form the
  // browser posts, not as a redirect.
  if (step === 'redirect_back' || step === 'callback') return `${entry.request.method === 'POST' ? 'form_post' : 'redirect'} to ${path}`
  return `${entry.request.method} ${path}`
}

export function buildModelFromInputs(inputs: ExchangeInput[], opts: BuildOptions = {}): DiagramModel {
  const labelOpts: LabelOptions = { redact: opts.redact === true }
  const lanes = new ParticipantSet()
  const messages: DiagramMessage[] = []
  const deferred: DiagramMessage[] = []
  const main = dominantOrigin(inputs.map((i) => i.entry))
  const clientTitle = opts.clientTitle ?? 'This app'

  const pushAction = (a: ActionInput, exchangeIndex: number | null) => {
    messages.push({
      id: `m${messages.length}`,
      from: lanes.use(a.from),
      to: lanes.use(a.to),
      kind: a.kind ?? 'action',
      label: a.label,
      details: a.details ?? [],
      notes: a.notes ?? [],
      failed: false,
      exchangeIndex,
      step: null,
      origin: null,
      ...(a.explanation ? { explanation: a.explanation } : {}),
    })
  }

  inputs.forEach((input, index) => {
    const { entry } = input
    const d = defaults(entry, clientTitle)
    const caller = lanes.use(input.caller ?? d.caller)
    const callee = lanes.use(input.callee ?? d.callee)
    for (const a of input.before ?? []) pushAction(a, index)
    const step = entry._oauth.step
    const front = FRONT_CHANNEL.has(step)
    const reqKind: MessageKind = input.kind ?? (front ? 'redirect' : 'request')
    const notes = [...(entry._oauth.notes ?? [])]
    // The capture's own notes often say how the step was seen already; don't say it twice.
    const saysOrigin = notes.some((n) => /observed|inferred|simulated|demo tenant/i.test(n))
    if (!saysOrigin && (entry._oauth.origin !== main || (step === 'redirect_back' && entry._oauth.origin === 'observed'))) {
      notes.push(
        step === 'redirect_back' && entry._oauth.origin === 'observed' ? 'observed at the redirect URI' : ORIGIN_NOTE[entry._oauth.origin],
      )
    }
    if (entry._oauth.redactions.length > 0)
      notes.push(`${entry._oauth.redactions.length} value${entry._oauth.redactions.length === 1 ? '' : 's'} redacted in the capture`)
    const hasResponse = !isNavigation(entry)
    const redirectFailed = (step === 'redirect_back' || step === 'callback') && !!entry._oauth.error
    const label = input.requestLabel ?? requestLabel(entry)
    messages.push({
      id: `m${messages.length}`,
      from: caller,
      to: callee,
      kind: reqKind,
      label,
      details: requestDetails(entry, labelOpts),
      notes: hasResponse ? [] : notes,
      failed: redirectFailed || (!hasResponse && !!entry._oauth.error),
      exchangeIndex: index,
      step,
      origin: entry._oauth.origin,
      explanation: input.explainRequest ?? explainRequest(entry),
    })
    if (hasResponse) {
      const status = entry.response.status
      const isRedirect = status >= 300 && status < 400
      const push = (m: DiagramMessage) => (input.deferResponse ? deferred.push(m) : messages.push(m))
      push({
        id: `m${messages.length}`,
        from: callee,
        to: caller,
        kind: isRedirect ? 'redirect' : 'response',
        label: isRedirect ? `${status} redirect` : responseLabel(entry),
        details: responseDetails(entry, labelOpts),
        notes,
        failed: (status >= 400 || !!entry._oauth.error) && !isPendingPoll(entry),
        exchangeIndex: index,
        step,
        origin: entry._oauth.origin,
        explanation: input.explainResponse ?? explainResponse(entry),
      })
    }
    for (const a of input.after ?? []) pushAction(a, index)
  })
  for (const m of deferred.reverse()) messages.push({ ...m, id: `m${messages.length}` })

  return {
    title: opts.title ?? 'Captured flow',
    template: opts.template === true,
    participants: lanes.list(),
    messages,
  }
}

/** The diagram of captured or imported exchanges, in the order they happened. */
export function buildDiagramModel(entries: CapturedEntry[], opts: BuildOptions = {}): DiagramModel {
  const sorted = [...entries]
    .map((e, i) => ({ e, i }))
    // HAR entries are not guaranteed to be in order (HAR 1.2: "sorted by startedDateTime" is a
    // SHOULD for producers); a stable sort keeps capture order for equal times.
    .sort((a, b) => (a.e.startedDateTime < b.e.startedDateTime ? -1 : a.e.startedDateTime > b.e.startedDateTime ? 1 : a.i - b.i))
  const inputs = toExchangeInputs(
    sorted.map((x) => x.e),
    opts.clientTitle,
    opts.perspective,
  )
  const model = buildModelFromInputs(inputs, opts)
  // exchangeIndex must point into the caller's list, not the sorted one.
  for (const m of model.messages) if (m.exchangeIndex !== null) m.exchangeIndex = sorted[m.exchangeIndex]?.i ?? m.exchangeIndex
  return model
}

/**
 * One sentence per message for screen readers ("This app to Token endpoint: POST /token, …"),
 * the accessible names of the diagram's arrows on every screen that draws one.
 */
export function messageAccessibleLabels(model: DiagramModel): string[] {
  const title = new Map(model.participants.map((p) => [p.id, p.title]))
  return model.messages.map(
    (m) => `${title.get(m.from) ?? ''} to ${title.get(m.to) ?? ''}: ${[m.label, ...m.details].join(', ')}${m.failed ? ' (failed)' : ''}`,
  )
}
