/**
 * Groups classified steps into flows by evidence only. A flow starts at an authorization request
 * (or its pushed request, RFC 9126), a device authorization or a token request that belongs to no
 * earlier flow. Later steps join the flow they share a value with: state, code, request_uri,
 * device code, a refresh or access token, an ID token hint; or, where the protocol gives no value,
 * the one flow that fits client_id + redirect URI. Two flows that fit equally are never decided
 * by time (two tabs, two apps and retries interleave); the step then stays out of both.
 */
import { settleUserinfo } from './classify.ts'
import { baseOf, real, safeUrl } from './http.ts'
import type { FlowStep } from './types.ts'

export interface Draft {
  steps: FlowStep[]
  clientId?: string
  redirectBase?: string
  state?: string
  codeChallenge?: string
  requestUri?: string
  authority?: string
  codes: Set<string>
  accessTokens: Set<string>
  refreshTokens: Set<string>
  idTokens: Set<string>
  deviceCode?: string
  start: number
  last: number
  callbackSeen: boolean
  redirected: boolean
  /** The authorization response came back with a state other than the one sent (RFC 6749 §10.12). */
  stateMismatch: boolean
  origin: 'authorize' | 'token' | 'device' | 'saml' | 'api' | 'metadata' | 'other'
}

function hostOf(url: string): string {
  return safeUrl(url)?.host ?? ''
}

function newDraft(step: FlowStep, origin: Draft['origin']): Draft {
  return {
    steps: [],
    codes: new Set(),
    accessTokens: new Set(),
    refreshTokens: new Set(),
    idTokens: new Set(),
    start: step.time,
    last: step.time,
    callbackSeen: false,
    redirected: false,
    stateMismatch: false,
    origin,
  }
}

function absorb(d: Draft, step: FlowStep): void {
  d.steps.push(step)
  d.last = Math.max(d.last, step.time)
  const r = step.request
  const res = step.response
  if (step.kind === 'authorize' || step.kind === 'par') {
    if (r.client_id) d.clientId = r.client_id
    if (r.state && !d.state) d.state = r.state
    if (r.code_challenge) d.codeChallenge = r.code_challenge
    if (r.redirect_uri) {
      const u = safeUrl(r.redirect_uri)
      if (u) d.redirectBase = baseOf(u)
    }
    const requestUri = real(res.request_uri)
    if (step.kind === 'par' && requestUri) d.requestUri = requestUri
    d.authority = hostOf(step.url)
  }
  if ((step.kind === 'token' || step.kind === 'refresh' || step.kind === 'device_authorization') && !d.authority)
    d.authority = hostOf(step.url)
  if (!d.clientId && r.client_id) d.clientId = r.client_id
  // Values are matched across steps: an unnumbered placeholder ("[redacted:code]") never counts,
  // a numbered one ("[redacted:code:1]") stands for its value (http.ts real).
  const add = (set: Set<string>, v: string | undefined) => {
    const value = real(v)
    if (value) set.add(value)
  }
  add(d.codes, res.code)
  if (step.kind === 'callback') add(d.codes, r.code)
  add(d.accessTokens, res.access_token)
  add(d.refreshTokens, res.refresh_token)
  add(d.idTokens, res.id_token)
  if (step.kind === 'callback') {
    add(d.idTokens, r.id_token)
    add(d.accessTokens, r.access_token)
  }
  const deviceCode = real(res.device_code)
  if (step.kind === 'device_authorization' && deviceCode) d.deviceCode = deviceCode
  if (step.kind === 'redirect_back' || (step.kind === 'authorize' && step.responseMode)) d.redirected = true
  if (step.kind === 'callback') d.callbackSeen = true
  const p = step.kind === 'callback' ? r : res
  if (
    (step.kind === 'callback' || step.kind === 'redirect_back' || (step.kind === 'authorize' && step.responseMode)) &&
    d.state !== undefined &&
    p.state !== undefined &&
    real(p.state) &&
    p.state !== d.state
  ) {
    d.stateMismatch = true
  }
}

/** The only element of a list, or undefined when there are none or several (never a guess). */
function only<T>(list: T[]): T | undefined {
  return list.length === 1 ? list[0] : undefined
}

function authParams(step: FlowStep) {
  return step.kind === 'callback' ? step.request : step.response
}

export function groupSteps(steps: FlowStep[]): Draft[] {
  settleUserinfo(steps)
  const drafts: Draft[] = []
  const byState = new Map<string, Draft[]>()
  const byRedirect = new Map<string, Draft[]>()
  const deferred: FlowStep[] = []

  const open = (step: FlowStep, origin: Draft['origin']): Draft => {
    const d = newDraft(step, origin)
    drafts.push(d)
    return d
  }
  const add = (d: Draft, step: FlowStep) => {
    const before = d.state
    absorb(d, step)
    if (d.state && d.state !== before) byState.set(d.state, [...(byState.get(d.state) ?? []), d])
    if (d.redirectBase) {
      const list = byRedirect.get(d.redirectBase) ?? []
      if (!list.includes(d)) list.push(d)
      byRedirect.set(d.redirectBase, list)
    }
  }
  const redirectOf = (step: FlowStep): string | undefined => {
    const u = safeUrl(step.kind === 'callback' ? step.url : (step.redirectTo ?? ''))
    return u ? baseOf(u) : undefined
  }

  for (const step of steps) {
    const r = step.request
    switch (step.kind) {
      case 'par':
        add(open(step, 'authorize'), step)
        break
      case 'authorize': {
        // A pushed request is continued by its request_uri (RFC 9126 §4).
        const pushed = real(r.request_uri) ? drafts.find((x) => x.requestUri === r.request_uri) : undefined
        if (pushed) {
          add(pushed, step)
          break
        }
        // The same state, client and PKCE challenge is the same request shown again (account
        // picker, prompt loops); a different client or challenge is another flow (RFC 7636 §4.2).
        const same = r.state
          ? (byState.get(r.state) ?? []).find(
              (x) => x.clientId === r.client_id && x.codeChallenge === r.code_challenge && x.origin === 'authorize',
            )
          : undefined
        add(same ?? open(step, 'authorize'), step)
        break
      }
      case 'redirect_back':
      case 'callback': {
        const p = authParams(step)
        const base = redirectOf(step)
        const atBase = base ? (byRedirect.get(base) ?? []) : []
        const state = real(p.state)
        let d = state
          ? only(
              (byState.get(state) ?? []).filter(
                (x) => x.origin === 'authorize' && (atBase.length === 0 || atBase.includes(x) || !x.redirectBase),
              ),
            )
          : undefined
        if (!d && real(p.code)) d = drafts.find((x) => x.codes.has(p.code ?? ''))
        if (!d && base) {
          // No state of ours: the one authorization request sent to this redirect URI that is
          // still waiting for its answer. A state that matches no request is a response nobody
          // asked for; it still lands in the single flow waiting at this URI, flagged there.
          d = only(atBase.filter((x) => (step.kind === 'callback' ? !x.callbackSeen : !x.redirected)))
        }
        // RFC 6749 §4.1.2: an authorization response answers a request. With no request pointing
        // at this URI, code= and state= are just parameters of some page, not a callback.
        if (d) add(d, step)
        break
      }
      case 'token':
      case 'refresh': {
        const g = step.grantType ?? ''
        let d: Draft | undefined
        if (g === 'authorization_code' && real(r.code)) d = drafts.find((x) => x.codes.has(r.code ?? ''))
        if (!d && g === 'authorization_code' && !real(r.code)) {
          // A code redacted without a number: the one flow of this client and redirect URI with a response and no redemption yet.
          const redirect = r.redirect_uri ? safeUrl(r.redirect_uri) : null
          d = only(
            drafts.filter(
              (x) =>
                x.origin === 'authorize' &&
                x.clientId === r.client_id &&
                (x.redirected || x.callbackSeen) &&
                (!redirect || x.redirectBase === baseOf(redirect)) &&
                !x.steps.some((s) => s.grantType === 'authorization_code'),
            ),
          )
        }
        if (!d && real(r.refresh_token)) d = drafts.find((x) => x.refreshTokens.has(r.refresh_token ?? ''))
        // Polling the token endpoint repeats the same device code (RFC 8628 §3.4): one flow.
        if (!d && /device_code/.test(g) && real(r.device_code)) d = drafts.find((x) => x.deviceCode === r.device_code)
        add(d ?? open(step, 'token'), step)
        break
      }
      case 'device_authorization':
        add(open(step, 'device'), step)
        break
      case 'saml': {
        const relay = step.request.RelayState ?? step.response.RelayState
        const d = relay
          ? drafts.find((x) => x.origin === 'saml' && x.state === relay)
          : only(drafts.filter((x) => x.origin === 'saml' && step.time - x.last < 10 * 60 * 1000 && x.steps.length < 2))
        const target = d ?? open(step, 'saml')
        if (relay) target.state = relay
        add(target, step)
        break
      }
      case 'other': {
        // A plain request at a redirect URI right after a fragment redirect back: the callback of
        // a fragment response, whose parameters never reach the network. Prefix test first:
        // most 'other' entries are assets that match no redirect URI.
        if (step.error) {
          deferred.push(step)
          break
        }
        if (step.method !== 'GET' || byRedirect.size === 0) break
        let list: Draft[] | undefined
        let matched = ''
        for (const [redirectBase, candidates] of byRedirect) {
          if (step.url.startsWith(redirectBase)) {
            list = candidates
            matched = redirectBase
          }
        }
        const u = list ? safeUrl(step.url) : null
        if (!u || !list || baseOf(u) !== matched) break
        const d = only(list.filter((x) => x.redirected && !x.callbackSeen && x.steps.some((s) => s.responseMode === 'fragment')))
        if (d) add(d, { ...step, kind: 'callback', label: 'Callback at the redirect URI' })
        break
      }
      default:
        deferred.push(step)
    }
  }

  for (const step of deferred) attachDeferred(step, drafts, add, open)
  return drafts
}

function attachDeferred(
  step: FlowStep,
  drafts: Draft[],
  add: (d: Draft, s: FlowStep) => void,
  open: (s: FlowStep, o: Draft['origin']) => Draft,
): void {
  const host = hostOf(step.url)
  const oauth = (d: Draft) => d.origin !== 'api' && d.origin !== 'metadata'
  const holds = (value: string | undefined) => {
    const v = real(value)
    return v ? drafts.find((x) => x.accessTokens.has(v) || x.refreshTokens.has(v) || x.idTokens.has(v)) : undefined
  }
  switch (step.kind) {
    case 'discovery':
    case 'jwks': {
      // Metadata of the flows' own authorization server. Apps read it just before they send the
      // user to /authorize, or while a sign-in is under way (to redeem the code or check its
      // tokens): a flow starting within seconds, else the flow running at that moment (a long
      // one, with a refresh an hour later, spans another sign-in's metadata: hence that order),
      // else one starting within a minute, else the newest that started before. (Taking the
      // newest that started within a minute gave the first of two quick sign-ins' metadata to
      // the second.)
      const same = drafts.filter((x) => oauth(x) && x.authority === host)
      const startsIn = (ms: number) => same.find((x) => x.start > step.time && x.start <= step.time + ms)
      const running = same.filter((x) => x.start <= step.time && x.steps.some((s) => s.time >= step.time)).at(-1)
      const d = startsIn(10_000) ?? running ?? startsIn(60_000) ?? same.filter((x) => x.start <= step.time).at(-1) ?? same[0]
      add(d ?? drafts.find((x) => x.origin === 'metadata' && x.authority === host) ?? withAuthority(open(step, 'metadata'), host), step)
      return
    }
    case 'userinfo':
    case 'graph':
    case 'api': {
      // An API call belongs to the flow whose token it presents, whatever ran nearest in time.
      const bearer = real(step.bearer)
      const d = bearer ? drafts.find((x) => x.accessTokens.has(bearer)) : undefined
      add(d ?? drafts.find((x) => x.origin === 'api' && x.authority === host) ?? withAuthority(open(step, 'api'), host), step)
      return
    }
    case 'revocation':
    case 'introspection': {
      add(holds(step.request.token) ?? open(step, 'other'), step)
      return
    }
    case 'logout': {
      const hint = real(step.request.id_token_hint)
      let d = hint ? drafts.find((x) => x.idTokens.has(hint)) : undefined
      if (!d && step.request.client_id) d = only(drafts.filter((x) => x.clientId === step.request.client_id && oauth(x)))
      if (!d) d = only(drafts.filter((x) => oauth(x) && x.authority === host))
      add(d ?? open(step, 'other'), step)
      return
    }
    case 'other': {
      // An identity provider's error page (step.error from htmlErrorOf): the one sign-in at that
      // host still waiting for its answer, or a flow of its own so the error stays visible.
      const d = only(drafts.filter((x) => x.origin === 'authorize' && x.authority === host && !x.redirected && !x.callbackSeen))
      add(d ?? withAuthority(open(step, 'other'), host), step)
      return
    }
    default:
      add(open(step, 'other'), step)
  }
}

function withAuthority(d: Draft, host: string): Draft {
  d.authority = host
  return d
}
