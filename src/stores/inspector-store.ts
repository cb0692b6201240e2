/**
 * Inspector input state: the token being inspected, the expectations it is checked against,
 * the key source, a second token to compare with, and redaction mode. Thin on purpose: the
 * report itself is computed by the core (`inspectToken`) in the screen, from this state.
 *
 * Other screens (sign-in, exchanges, diagram, HAR import) call `openToken` and navigate to
 * `#/inspect`. The token survives a reload in sessionStorage (per tab, namespaced) and never in
 * localStorage: a bearer token must not outlive the tab (DESIGN §7).
 */
import { create } from 'zustand'
import type { InspectOptions, KeyOrigin } from '../core/token/types.ts'
import { readStored, writeStored } from '../adapters/storage.ts'
import { fetchJsonAtEdge } from '../adapters/network-edge.ts'
import { inspectLinkFor } from '../adapters/fragment.ts'
import { decodeToken, inputTooLarge } from '../core/token/decode.ts'
import { discoveryUrlFor } from '../core/token/discovery-url.ts'
import { FetchNotAllowedError, fetchPolicy, issuerHost, type FetchDecision } from '../core/token/fetch-policy.ts'

export type Expectations = NonNullable<InspectOptions['expected']>

export type KeySourceChoice = 'issuer' | 'pasted'

/**
 * A key set found inside an imported file or capture, bound to the one token it was opened with.
 * It never becomes the inspector's pasted key set: a later token is not verified against it
 * (trust boundary: keys that arrive in a file vouch only for that file's own tokens).
 */
export interface CaptureKeys {
  forInput: string
  jwks: unknown
  origin: KeyOrigin
}

/** A fetched discovery/JWKS document kept for the session, so re-validation needs no network. */
export interface CachedDocument {
  document: unknown
  /** Unix milliseconds when it was fetched. */
  fetchedAt: number
}

export interface OpenTokenOptions {
  expected?: InspectOptions['expected']
  /** Where the token came from, shown to the user ("sign-in", "HAR import", "link"). */
  source?: string
  /**
   * The token comes from this tab's own sign-in or live capture: the app already talked to its
   * issuer, so fetching that issuer's keys reveals nothing new and needs no consent. Everything
   * else (a pasted token, a link, an imported file) leaves the issuer untrusted: a file or link
   * is never trusted more than whoever made it, and importing one never adds trusted hosts.
   */
  trustIssuer?: boolean
  /** The key set the same capture recorded (an imported HAR's JWKS response), for this token only. */
  captureKeys?: { jwks: unknown; origin: KeyOrigin }
  /**
   * When the token was captured (unix seconds), for a token from an imported file: its lifetime
   * is judged as of that moment, as the Import screen judges it, until the user asks for the
   * current time. A HAR made last month holds tokens that are expired today by design; whether
   * they were valid when the failing sign-in happened is the question being asked.
   */
  capturedAt?: number
}

/** The capture moment bound to the token it was opened with (memory only). */
export interface CaptureTime {
  forInput: string
  at: number
}

/** Which keys verify the current token: the user's choice, or the capture's keys for its own token. */
export type EffectiveKeySource = KeySourceChoice | 'capture'

export interface InspectorState {
  input: string
  source: string | null
  expected: Expectations
  /** Seconds; the core's default is 300. */
  clockToleranceSec: number
  /** "Pretend the time is" override for teaching, unix seconds; null = the real clock. */
  pretendNow: number | null
  keySource: KeySourceChoice
  /** The pasted JWKS text (a `{keys:[…]}` set or one JWK), kept as typed. */
  pastedJwks: string
  compareInput: string
  redact: boolean
  /** url -> document; session memory only (not persisted). */
  documents: Record<string, CachedDocument>
  /** Hosts the user chose "Always trust" for (localStorage, survives the tab). */
  approvedHosts: string[]
  /** Issuer hosts of tokens this tab's own sign-ins, captures and imports opened (sessionStorage). */
  sessionHosts: string[]
  /** "Fetch once": hosts approved for this one token (memory only). */
  onceFor: { input: string; hosts: string[] } | null
  /** Keys from the capture the current token was opened from (memory only; see CaptureKeys). */
  captureKeys: CaptureKeys | null
  /** Whether the capture's keys are used for their token (the user may switch to the issuer's). */
  useCaptureKeys: boolean
  /** When the current token was captured, if it came from an imported file (see OpenTokenOptions). */
  capturedAt: CaptureTime | null

  setInput: (input: string, source?: string) => void
  openToken: (token: string, opts?: OpenTokenOptions) => void
  clear: () => void
  setExpected: (patch: Partial<Record<keyof Expectations, string | undefined>>) => void
  clearExpected: () => void
  setClockTolerance: (sec: number) => void
  setPretendNow: (sec: number | null) => void
  setKeySource: (choice: EffectiveKeySource) => void
  setPastedJwks: (text: string) => void
  setCompareInput: (text: string) => void
  setRedact: (on: boolean) => void
  cacheDocument: (url: string, document: unknown, fetchedAt: number) => void
  forgetDocuments: () => void
  /**
   * "Forget everything": the in-memory side of what forgetAllStored() removes from storage —
   * input, pasted keys, fetched documents and every trusted or approved issuer host.
   */
  forgetAll: () => void
  /** Judge the token opened from a capture at the current time instead of its capture time. */
  judgeAtCurrentTime: () => void
  /** "Fetch once": contact `host` for the current token only. */
  allowOnce: (host: string) => void
  /** "Always trust": remember `host` in localStorage and fetch. */
  alwaysTrust: (host: string) => void
}

const KEY = {
  input: 'inspector:input',
  source: 'inspector:source',
  expected: 'inspector:expected',
  tolerance: 'inspector:tolerance',
  pretend: 'inspector:pretend-now',
  keySource: 'inspector:key-source',
  jwks: 'inspector:jwks',
  compare: 'inspector:compare',
  redact: 'inspector:redact',
  sessionHosts: 'inspector:session-issuers',
  approvedHosts: 'inspector:trusted-issuers',
} as const

const HOST_RE = /^[a-z0-9.-]+(?::\d{1,5})?$/

/** A stored host list, keeping only host-shaped strings (storage can be edited by anyone). */
function readHosts(kind: 'local' | 'session', key: string): string[] {
  const text = readStored(kind, key)
  if (text === null) return []
  try {
    const raw = JSON.parse(text) as unknown
    return Array.isArray(raw) ? raw.filter((h): h is string => typeof h === 'string' && HOST_RE.test(h)) : []
  } catch {
    return []
  }
}

function withHost(list: string[], host: string | null): string[] {
  return host === null || list.includes(host) ? list : [...list, host]
}

function tokenIssuerHost(token: string): string | null {
  const decoded = decodeToken(token)
  const payload = decoded.payload
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return null
  return issuerHost((payload as Record<string, unknown>)['iss'])
}

type TrustState = Pick<InspectorState, 'input' | 'approvedHosts' | 'sessionHosts' | 'onceFor'>

/** Hosts the fetch policy may contact for the current token: approved, own sign-ins, once for this token. */
export function trustedHostsFor(state: TrustState): string[] {
  const once = state.onceFor !== null && state.onceFor.input === state.input ? state.onceFor.hosts : []
  return [...state.sessionHosts, ...state.approvedHosts, ...once]
}

/**
 * The fetch policy's decision for the token's issuer discovery document (the first request of
 * key discovery), or null when the token has no https issuer to contact at all.
 */
export function issuerFetchDecision(iss: unknown, state: TrustState): FetchDecision | null {
  if (issuerHost(iss) === null || typeof iss !== 'string') return null
  return fetchPolicy(discoveryUrlFor(iss), { trustedHosts: trustedHostsFor(state) })
}

/** Nothing fetched, trusted or bound to a token: what "Forget everything" leaves (and a stand-in store starts from). */
export function noTrust(): Pick<
  InspectorState,
  'documents' | 'approvedHosts' | 'sessionHosts' | 'onceFor' | 'captureKeys' | 'useCaptureKeys' | 'capturedAt'
> {
  return { documents: {}, approvedHosts: [], sessionHosts: [], onceFor: null, captureKeys: null, useCaptureKeys: false, capturedAt: null }
}

/** The capture moment the current token is judged at, or null (the real clock, or pretend time). */
export function captureTimeOf(state: Pick<InspectorState, 'input' | 'capturedAt'>): number | null {
  return state.capturedAt !== null && state.capturedAt.forInput === state.input ? state.capturedAt.at : null
}

/** The key source in force for the current token. */
export function effectiveKeySource(
  state: Pick<InspectorState, 'input' | 'keySource' | 'captureKeys' | 'useCaptureKeys'>,
): EffectiveKeySource {
  if (state.useCaptureKeys && state.captureKeys !== null && state.captureKeys.forInput === state.input) return 'capture'
  return state.keySource
}

const TOKEN_TYPES = new Set(['id_token', 'access_token', 'logout_token', 'jwt'])

/** Keeps only known string fields, so a tampered sessionStorage value cannot inject odd data. */
function sanitizeExpected(raw: unknown): Expectations {
  if (!raw || typeof raw !== 'object') return {}
  const out: Record<string, string> = {}
  const fields = ['issuer', 'audience', 'nonce', 'tenantId', 'accessToken', 'code', 'tokenType', 'responseType', 'alg', 'clientId'] as const
  for (const field of fields) {
    const value = (raw as Record<string, unknown>)[field]
    if (typeof value !== 'string' || value.trim() === '') continue
    if (field === 'tokenType' && !TOKEN_TYPES.has(value)) continue
    out[field] = value
  }
  return out as Expectations
}

function readJson(key: string): unknown {
  const text = readStored('session', key)
  if (text === null) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

function readNumber(key: string): number | null {
  const text = readStored('session', key)
  if (text === null || text === '') return null
  const n = Number(text)
  return Number.isFinite(n) ? n : null
}

function persistExpected(expected: Expectations): void {
  writeStored('session', KEY.expected, Object.keys(expected).length === 0 ? null : JSON.stringify(expected))
}

/**
 * A stored token input, or '' when it is longer than any token input accepts: an older version
 * stored such pastes, and rendering one froze the tab on every reload. The stale value is removed.
 */
function readInput(key: string): string {
  const text = readStored('session', key)
  if (text === null) return ''
  if (inputTooLarge(text) === null) return text
  writeStored('session', key, null)
  return ''
}

function initialState() {
  const keySource = readStored('session', KEY.keySource)
  return {
    input: readInput(KEY.input),
    source: readStored('session', KEY.source),
    expected: sanitizeExpected(readJson(KEY.expected)),
    clockToleranceSec: readNumber(KEY.tolerance) ?? 300,
    pretendNow: readNumber(KEY.pretend),
    keySource: (keySource === 'pasted' ? 'pasted' : 'issuer') as KeySourceChoice,
    pastedJwks: readStored('session', KEY.jwks) ?? '',
    compareInput: readInput(KEY.compare),
    redact: readStored('session', KEY.redact) === '1',
    approvedHosts: readHosts('local', KEY.approvedHosts),
    sessionHosts: readHosts('session', KEY.sessionHosts),
    onceFor: null,
    captureKeys: null,
    useCaptureKeys: false,
    capturedAt: null,
  }
}

export const useInspectorStore = create<InspectorState>((set, get) => ({
  ...initialState(),
  documents: {},

  setInput: (input, source) => {
    // Text longer than any token is refused whole (the screen says why): storing it would bring
    // the freeze back on reload, and the previous token stays as it was.
    if (inputTooLarge(input) !== null) return
    writeStored('session', KEY.input, input === '' ? null : input)
    const nextSource = source ?? (input === '' ? null : get().source)
    writeStored('session', KEY.source, nextSource)
    set({ input, source: nextSource })
  },

  openToken: (token, opts) => {
    // A token opened from elsewhere brings its own expectations (or none): stale ones from a
    // previous token would produce misleading aud/iss/nonce findings.
    const expected = sanitizeExpected(opts?.expected ?? {})
    const source = opts?.source ?? null
    writeStored('session', KEY.input, token === '' || inputTooLarge(token) !== null ? null : token)
    writeStored('session', KEY.source, source)
    persistExpected(expected)
    let sessionHosts = get().sessionHosts
    if (opts?.trustIssuer === true) {
      // This tab's own sign-in talked to this issuer already: fetching its keys reveals nothing
      // new. The expected issuer counts too (it is what the app configured).
      sessionHosts = withHost(withHost(sessionHosts, tokenIssuerHost(token)), issuerHost(expected.issuer))
      writeStored('session', KEY.sessionHosts, sessionHosts.length === 0 ? null : JSON.stringify(sessionHosts))
    }
    const captureKeys = opts?.captureKeys ? { forInput: token, jwks: opts.captureKeys.jwks, origin: opts.captureKeys.origin } : null
    const capturedAt = opts?.capturedAt !== undefined && Number.isFinite(opts.capturedAt) ? { forInput: token, at: opts.capturedAt } : null
    set({ input: token, source, expected, sessionHosts, captureKeys, useCaptureKeys: captureKeys !== null, capturedAt })
  },

  clear: () => {
    writeStored('session', KEY.input, null)
    writeStored('session', KEY.source, null)
    writeStored('session', KEY.compare, null)
    set({ input: '', source: null, compareInput: '' })
  },

  setExpected: (patch) => {
    const merged: Record<string, string | undefined> = { ...get().expected, ...patch }
    const expected = sanitizeExpected(merged)
    persistExpected(expected)
    set({ expected })
  },

  clearExpected: () => {
    persistExpected({})
    writeStored('session', KEY.pretend, null)
    writeStored('session', KEY.tolerance, null)
    set({ expected: {}, pretendNow: null, clockToleranceSec: 300 })
  },

  setClockTolerance: (sec) => {
    const value = Number.isFinite(sec) && sec >= 0 ? Math.round(sec) : 300
    writeStored('session', KEY.tolerance, String(value))
    set({ clockToleranceSec: value })
  },

  setPretendNow: (sec) => {
    const value = sec !== null && Number.isFinite(sec) ? sec : null
    writeStored('session', KEY.pretend, value === null ? null : String(value))
    set({ pretendNow: value })
  },

  judgeAtCurrentTime: () => set({ capturedAt: null }),

  setKeySource: (choice) => {
    if (choice === 'capture') {
      set({ useCaptureKeys: true })
      return
    }
    writeStored('session', KEY.keySource, choice)
    set({ keySource: choice, useCaptureKeys: false })
  },

  setPastedJwks: (text) => {
    writeStored('session', KEY.jwks, text === '' ? null : text)
    set({ pastedJwks: text })
  },

  setCompareInput: (text) => {
    if (inputTooLarge(text) !== null) return
    writeStored('session', KEY.compare, text === '' ? null : text)
    set({ compareInput: text })
  },

  setRedact: (on) => {
    writeStored('session', KEY.redact, on ? '1' : null)
    set({ redact: on })
  },

  cacheDocument: (url, document, fetchedAt) => {
    set({ documents: { ...get().documents, [url]: { document, fetchedAt } } })
  },

  forgetDocuments: () => set({ documents: {} }),
  forgetAll: () => {
    get().clear()
    get().clearExpected()
    for (const key of Object.values(KEY)) writeStored(key === KEY.approvedHosts ? 'local' : 'session', key, null)
    set({ pastedJwks: '', ...noTrust() })
    rotationRefetched.clear()
    rotationFound.clear()
  },

  allowOnce: (host) => {
    const { input, onceFor } = get()
    const hosts = onceFor !== null && onceFor.input === input ? onceFor.hosts : []
    set({ onceFor: { input, hosts: withHost(hosts, host) } })
  },

  alwaysTrust: (host) => {
    const approvedHosts = withHost(get().approvedHosts, HOST_RE.test(host) ? host : null)
    writeStored('local', KEY.approvedHosts, approvedHosts.length === 0 ? null : JSON.stringify(approvedHosts))
    set({ approvedHosts })
  },
}))

/** In-flight fetches, shared so that two inspections started together fetch a URL once. */
const inflight = new Map<string, Promise<unknown>>()

/**
 * A second request for the same URL within one inspection is the core's rotation refetch (an
 * unknown `kid`). It goes to the network only when our copy is older than this; keys are not
 * rotated every few seconds, and re-validating on a ticking clock must not hammer the issuer.
 */
const REFETCH_AFTER_MS = 5 * 60_000

export interface KeyFetcher {
  /** Pass to `inspectToken` as `keys: { fetchJson }`. */
  fetchJson: (url: string) => Promise<unknown>
  /** URLs this inspection answered from the session cache, without a request. */
  fromCache: Set<string>
  /** The first URL the fetch policy did not let through in this run (needs consent or refused). */
  blocked: { url: string; decision: FetchDecision } | null
}

/**
 * One fetcher per inspection run: every URL passes the fetch policy first (consent is per host:
 * the issuer's approval does not cover a `jwks_uri` elsewhere); documents come from the session
 * cache when present (so re-validation takes milliseconds and makes no request), otherwise from
 * the network edge (`fetchJsonAtEdge`, which also answers demo-tenant URLs in the browser).
 */
/**
 * Rotation refetches already sent, as `url + ' ' + token`: the first re-validation of a token
 * whose kid is missing from our copy asks the network once (OIDC Core §10.1.1: the issuer may
 * have just rotated); the re-validations that follow every clock tick reuse that answer.
 */
const rotationRefetched = new Set<string>()

/**
 * When a token's rotation refetch found its key: token -> time (ms). The re-validations that follow
 * (every clock tick, or the inspector after the sign-in list checked the same token) find the key in
 * the refreshed copy and make no request, so the key chain reads this to keep saying how the key was
 * found. Memory only; "Forget everything" empties it.
 */
const rotationFound = new Map<string, number>()

/** The time a rotation refetch was made for this token, if one was. */
export function rotationRefetchFor(token: string): number | undefined {
  return rotationFound.get(token)
}

export function createKeyFetcher(trustedHosts: readonly string[] = [], token = ''): KeyFetcher {
  const asked = new Set<string>()
  const fromCache = new Set<string>()
  const fetcher: KeyFetcher = { fetchJson: async () => undefined, fromCache, blocked: null }
  fetcher.fetchJson = async (url: string): Promise<unknown> => {
    const { documents, cacheDocument } = useInspectorStore.getState()
    const cached = documents[url]
    const repeat = asked.has(url)
    asked.add(url)
    // A copy in memory makes no request, so it needs no consent (it was fetched with one).
    const rotationKey = `${url} ${token}`
    const firstRotationRefetch = repeat && token !== '' && !rotationRefetched.has(rotationKey)
    if (repeat && token !== '') rotationRefetched.add(rotationKey)
    if (cached && (!repeat || (!firstRotationRefetch && Date.now() - cached.fetchedAt < REFETCH_AFTER_MS))) {
      fromCache.add(url)
      return cached.document
    }
    const decision = fetchPolicy(url, { trustedHosts })
    if (decision.verdict !== 'auto') {
      fetcher.blocked ??= { url, decision }
      throw new FetchNotAllowedError(url, decision)
    }
    fromCache.delete(url)
    if (firstRotationRefetch) rotationFound.set(token, Date.now())
    let pending = inflight.get(url)
    if (!pending) {
      pending = fetchJsonAtEdge(url)
        .then((document) => {
          cacheDocument(url, document, Date.now())
          return document
        })
        .finally(() => inflight.delete(url))
      inflight.set(url, pending)
    }
    return pending
  }
  return fetcher
}

/** A link that opens `token` in the inspector (the token travels in the fragment only). */
export function inspectLink(token: string): string {
  return inspectLinkFor(token)
}
