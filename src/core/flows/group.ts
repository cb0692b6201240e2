/**
 * Groups classified steps into flows. A flow starts at an authorization request, a device
 * authorization or a token request that belongs to no earlier flow; later steps join the flow
 * they share a value with (state, code, client_id + redirect URI, a refresh or access token),
 * and only when nothing is shared, the nearest earlier flow in time.
 */
import { baseOf, real, safeUrl } from './http.ts'
import type { FlowStep } from './types.ts'

export interface Draft {
  steps: FlowStep[]
  clientId?: string
  redirectBase?: string
  state?: string
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
  origin: 'authorize' | 'token' | 'device' | 'saml' | 'api' | 'metadata' | 'other'
}

/** Thirty minutes: beyond it, an unrelated step is not glued to an earlier flow by time alone. */
const TIME_WINDOW_MS = 30 * 60 * 1000

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
    origin,
  }
}

function absorb(d: Draft, step: FlowStep): void {
  d.steps.push(step)
  d.last = Math.max(d.last, step.time)
  const r = step.request
  const res = step.response
  if (step.kind === 'authorize') {
    if (r.client_id) d.clientId = r.client_id
    if (r.state) d.state = r.state
    if (r.redirect_uri) {
      const u = safeUrl(r.redirect_uri)
      if (u) d.redirectBase = baseOf(u)
    }
    d.authority = hostOf(step.url)
  }
  if ((step.kind === 'token' || step.kind === 'refresh' || step.kind === 'device_authorization') && !d.authority) d.authority = hostOf(step.url)
  if (!d.clientId && r.client_id) d.clientId = r.client_id
  // Values are matched across steps, so sanitised placeholders ("[redacted:code]") never count.
  const add = (set: Set<string>, v: string | undefined) => {
    const value = real(v)
    if (value) set.add(value)
  }
  add(d.codes, res.code)
  if (step.kind === 'callback') add(d.codes, r.code)
  add(d.accessTokens, res.access_token)
  add(d.refreshTokens, res.refresh_token)
  add(d.idTokens, res.id_token)
  if (step.kind === 'callback') add(d.idTokens, r.id_token)
  const deviceCode = real(res.device_code)
  if (step.kind === 'device_authorization' && deviceCode) d.deviceCode = deviceCode
  if (step.kind === 'redirect_back' || (step.kind === 'authorize' && step.responseMode)) d.redirected = true
  if (step.kind === 'callback') d.callbackSeen = true
}

function latest(drafts: Draft[], time: number, pred: (d: Draft) => boolean): Draft | undefined {
  let best: Draft | undefined
  for (const d of drafts) {
    if (!pred(d) || d.start > time + 1000) continue
    if (!best || d.last > best.last) best = d
  }
  return best
}

function nearest(drafts: Draft[], time: number, pred: (d: Draft) => boolean): Draft | undefined {
  let best: Draft | undefined
  let bestGap = Infinity
  for (const d of drafts) {
    if (!pred(d)) continue
    const gap = time < d.start ? d.start - time : time > d.last ? time - d.last : 0
    if (gap < bestGap) {
      best = d
      bestGap = gap
    }
  }
  return bestGap <= TIME_WINDOW_MS ? best : undefined
}

function authParams(step: FlowStep) {
  return step.kind === 'callback' ? step.request : step.response
}

export function groupSteps(steps: FlowStep[]): Draft[] {
  const drafts: Draft[] = []
  const byState = new Map<string, Draft>()
  const byRedirect = new Map<string, Draft[]>()
  const deferred: FlowStep[] = []

  const open = (step: FlowStep, origin: Draft['origin']): Draft => {
    const d = newDraft(step, origin)
    drafts.push(d)
    return d
  }
  const add = (d: Draft, step: FlowStep) => {
    absorb(d, step)
    if (d.state) byState.set(d.state, d)
    if (d.redirectBase) {
      const list = byRedirect.get(d.redirectBase) ?? []
      if (!list.includes(d)) list.push(d)
      byRedirect.set(d.redirectBase, list)
    }
  }

  for (const step of steps) {
    const r = step.request
    switch (step.kind) {
      case 'authorize': {
        // The same state means the same request replayed (account picker, prompt loops).
        const same = r.state ? byState.get(r.state) : undefined
        add(same && same.clientId === r.client_id ? same : open(step, 'authorize'), step)
        break
      }
      case 'redirect_back':
      case 'callback': {
        const p = authParams(step)
        const target = safeUrl(step.kind === 'callback' ? step.url : (step.redirectTo ?? step.url))
        let d = p.state ? byState.get(p.state) : undefined
        if (!d && real(p.code)) d = drafts.find((x) => x.codes.has(p.code ?? ''))
        if (!d && target) d = latest(byRedirect.get(baseOf(target)) ?? [], step.time, () => true)
        if (!d) d = latest(drafts, step.time, (x) => x.origin === 'authorize' && !x.callbackSeen)
        add(d ?? open(step, 'authorize'), step)
        break
      }
      case 'token':
      case 'refresh': {
        const g = step.grantType ?? ''
        let d: Draft | undefined
        if (g === 'authorization_code' && real(r.code)) d = drafts.find((x) => x.codes.has(r.code ?? ''))
        if (!d && g === 'authorization_code') {
          d = latest(drafts, step.time, (x) => x.origin === 'authorize' && x.clientId === r.client_id && !x.steps.some((s) => s.grantType === 'authorization_code'))
        }
        if (!d && g === 'refresh_token' && real(r.refresh_token)) d = drafts.find((x) => x.refreshTokens.has(r.refresh_token ?? ''))
        if (!d && g === 'refresh_token' && r.client_id) d = latest(drafts, step.time, (x) => x.clientId === r.client_id && x.last >= step.time - TIME_WINDOW_MS * 48)
        if (!d && /device_code/.test(g) && real(r.device_code)) d = drafts.find((x) => x.deviceCode === r.device_code)
        // Polling the token endpoint repeats the same device code: keep polls in one flow.
        add(d ?? open(step, 'token'), step)
        break
      }
      case 'device_authorization':
        add(open(step, 'device'), step)
        break
      case 'saml': {
        const relay = step.request.RelayState ?? step.response.RelayState
        const d = latest(drafts, step.time, (x) => x.origin === 'saml' && (relay === undefined || x.state === relay) && step.time - x.last < 10 * 60 * 1000)
        const target = d ?? open(step, 'saml')
        if (relay) target.state = relay
        add(target, step)
        break
      }
      case 'other': {
        // A plain request at a redirect URI right after a redirect back: the callback of a
        // fragment response, whose parameters never reach the network. Prefix test first: most
        // 'other' entries are assets that match no redirect URI.
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
        const d = latest(list, step.time, (x) => x.redirected && !x.callbackSeen)
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

function attachDeferred(step: FlowStep, drafts: Draft[], add: (d: Draft, s: FlowStep) => void, open: (s: FlowStep, o: Draft['origin']) => Draft): void {
  const host = hostOf(step.url)
  const oauth = (d: Draft) => d.origin !== 'api' && d.origin !== 'metadata'
  switch (step.kind) {
    case 'discovery':
    case 'jwks': {
      const d = nearest(drafts, step.time, (x) => oauth(x) && x.authority === host) ?? nearest(drafts, step.time, oauth)
      add(d ?? nearest(drafts, step.time, (x) => x.origin === 'metadata') ?? open(step, 'metadata'), step)
      return
    }
    case 'userinfo':
    case 'graph':
    case 'api': {
      const bearer = real(step.bearer)
      let d = bearer ? drafts.find((x) => x.accessTokens.has(bearer)) : undefined
      if (!d) d = latest(drafts, step.time, (x) => oauth(x) && step.time - x.last <= TIME_WINDOW_MS)
      add(d ?? latest(drafts, step.time, (x) => x.origin === 'api' && x.authority === host) ?? withAuthority(open(step, 'api'), host), step)
      return
    }
    case 'logout': {
      const hint = real(step.request.id_token_hint)
      let d = hint ? drafts.find((x) => x.idTokens.has(hint)) : undefined
      if (!d && step.request.client_id) d = latest(drafts, step.time, (x) => x.clientId === step.request.client_id)
      if (!d) d = latest(drafts, step.time, (x) => oauth(x) && x.authority === host)
      add(d ?? open(step, 'other'), step)
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
