/** The tokens a sign-in received, each with the one verdict, reveal and "Open in inspector". */
import { useEffect, useMemo, useState } from 'react'
import { useNavigate } from 'react-router'
import { decodeToken } from '../../core/token/decode.ts'
import { DEMO_API_APP_ID } from '../../core/demo-tenant/types.ts'
import { maskValue } from '../../core/capture/params.ts'
import { analyzeFlows } from '../../core/flows/detect.ts'
import { issuedTokenExpectations, issuedTokens, type IssuedToken } from '../../core/flows/tokens.ts'
import { useCaptureStore } from '../../stores/capture-store.ts'
import { createKeyFetcher, useInspectorStore } from '../../stores/inspector-store.ts'
import { issuerHost } from '../../core/token/fetch-policy.ts'
import type { InspectOptions } from '../../core/token/types.ts'
import { summarize, type Verdict } from '../../core/token/verdict.ts'
import { VerdictBadge } from '../../ui/verdict-badge.tsx'
import { Badge } from '../../ui/badge.tsx'
import { BUTTON_GHOST, BUTTON_SECONDARY } from '../../ui/button-styles.ts'
import { Panel } from '../../ui/panel.tsx'

const KIND = { id_token: 'ID token', access_token: 'Access token', refresh_token: 'Refresh token' } as const

function audienceOf(token: string): string | null {
  const payload = decodeToken(token).payload
  const aud = payload && typeof payload === 'object' ? (payload as { aud?: unknown }).aud : undefined
  return typeof aud === 'string' ? aud : null
}

const GRAPH_AUDIENCES = new Set(['00000003-0000-0000-c000-000000000000', 'https://graph.microsoft.com'])

function audienceName(aud: string, clientId: string): string {
  if (aud.toLowerCase() === clientId.toLowerCase()) return `this app (${aud})`
  if (GRAPH_AUDIENCES.has(aud)) return `Microsoft Graph (${aud})`
  if (aud === DEMO_API_APP_ID || aud === `api://${DEMO_API_APP_ID}`) return `the demo API (${aud})`
  return aud
}

/**
 * Each JWT's verdict, once per token value for the page's life: the list re-renders on every
 * capture entry, and a token's signature and claims do not change (its lifetime does, and the
 * inspector shows that live when the token is opened).
 */
const verdicts = new Map<string, Promise<Verdict>>()

/**
 * The discovery documents and key sets this page fetched while signing in (captured as its own
 * exchanges) go into the inspector's session cache when it has no copy yet, so checking the
 * sign-in's tokens asks the issuer for nothing it just answered. A copy already there is kept: a
 * token whose kid it lacks still makes the one rotation refetch (OIDC Core §10.1.1).
 */
function primeKeyCache(): void {
  const { documents, cacheDocument } = useInspectorStore.getState()
  for (const entry of useCaptureStore.getState().entries) {
    const step = entry._oauth.step
    const text = entry.response.content.text
    if ((step !== 'discovery' && step !== 'jwks') || entry.response.status !== 200 || !text || documents[entry.request.url]) continue
    try {
      const at = Date.parse(entry.startedDateTime)
      cacheDocument(entry.request.url, JSON.parse(text) as unknown, Number.isFinite(at) ? at : Date.now())
    } catch {
      // Not JSON: the verifier fetches and reports it as it would without the capture.
    }
  }
}

/**
 * The same inspection the inspector runs (the lazily loaded core, the issuer's keys through the
 * fetch policy and the session key cache), with this sign-in's issuer trusted as "Open in
 * inspector" trusts it: the app itself just talked to that issuer.
 */
function verdictOf(value: string, expected: InspectOptions['expected']): Promise<Verdict> {
  let pending = verdicts.get(value)
  if (!pending) {
    const payload = decodeToken(value).payload
    const iss = payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as { iss?: unknown }).iss : undefined
    const trusted = [issuerHost(iss), issuerHost(expected?.issuer)].filter((h): h is string => h !== null)
    primeKeyCache()
    const fetcher = createKeyFetcher(trusted, value)
    const options: InspectOptions = { now: Math.floor(Date.now() / 1000), keys: { fetchJson: fetcher.fetchJson } }
    if (expected) options.expected = expected
    // The verifier chunk the inspector loads on demand (the same module, so the same chunk).
    pending = import('../../core/token/inspect.ts')
      .then(({ inspectToken }) => inspectToken(value, options))
      .then((report) => summarize(report))
    // A failed load (offline, chunk missing) is not cached: the next render tries again.
    pending.catch(() => verdicts.delete(value))
    verdicts.set(value, pending)
  }
  return pending
}

/** The row's verdict, inspected when the row first renders; nothing for a non-JWT. */
function useVerdict(token: IssuedToken, clientId: string): Verdict | null {
  const jwt = token.kind !== 'refresh_token' && decodeToken(token.value).form === 'jws'
  const [verdict, setVerdict] = useState<Verdict | null>(null)
  useEffect(() => {
    if (!jwt) return
    let live = true
    verdictOf(token.value, issuedTokenExpectations(token, clientId)).then(
      (v) => {
        if (live) setVerdict(v)
      },
      () => {},
    )
    return () => {
      live = false
    }
  }, [jwt, token, clientId])
  return jwt ? verdict : null
}

/** Every token the captured flow returned; each opens in the inspector with its expectations. */
export function TokenList({ clientId, tenantId }: { clientId: string; tenantId?: string }) {
  const entries = useCaptureStore((s) => s.entries)
  // The one analysis of the capture (core/flows), with the sign-in profile's tenant for `{tenantid}`.
  const tokens = useMemo(
    () => issuedTokens(analyzeFlows(entries, tenantId ? { tenantId } : {}), entries).sort((a, b) => b.entryIndex - a.entryIndex),
    [entries, tenantId],
  )
  const navigate = useNavigate()
  const open = (t: IssuedToken) => {
    const expected = issuedTokenExpectations(t, clientId)
    useInspectorStore
      .getState()
      .openToken(t.value, { ...(expected ? { expected } : {}), source: `sign-in: ${KIND[t.kind]}, ${t.label}`, trustIssuer: true })
    void navigate('/inspect')
  }
  return (
    <Panel
      id="tokens"
      title="Tokens from this sign-in"
      description="Newest first. Each opens in the inspector with the expectations from this flow: audience, issuer, nonce, the access token for at_hash and the code for c_hash."
    >
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          No tokens yet. Sign in to see the ID token, access token and refresh token the token endpoint returns.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {tokens.map((t, i) => (
            <TokenRow key={`${t.entryIndex}-${t.kind}-${i}`} token={t} clientId={clientId} onOpen={() => open(t)} />
          ))}
        </ul>
      )}
    </Panel>
  )
}

function TokenRow({ token, clientId, onOpen }: { token: IssuedToken; clientId: string; onOpen: () => void }) {
  const [reveal, setReveal] = useState(false)
  const aud = token.kind === 'refresh_token' ? null : audienceOf(token.value)
  const verdict = useVerdict(token, clientId)
  return (
    <li className="flex flex-wrap items-center gap-3 py-2.5 first:pt-0 last:pb-0">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
          {KIND[token.kind]}
          <Badge tone={token.label === 'Refresh' ? 'sky' : token.label === 'Graph (silent)' ? 'violet' : 'indigo'}>{token.label}</Badge>
          {token.kind === 'refresh_token' ? (
            <Badge tone="amber" title="Opaque to the app; only the token endpoint can read it">
              opaque
            </Badge>
          ) : null}
          {aud ? (
            <span className="truncate text-xs font-normal text-slate-500 dark:text-slate-400">for {audienceName(aud, clientId)}</span>
          ) : null}
        </p>
        <p className="mt-0.5 break-all font-mono text-xs text-slate-600 dark:text-slate-300">
          {reveal ? token.value : maskValue(token.value)}
        </p>
      </div>
      <div className="flex items-center gap-1.5">
        {verdict ? <VerdictBadge verdict={verdict} /> : null}
        <button type="button" className={BUTTON_GHOST} aria-pressed={reveal} onClick={() => setReveal((r) => !r)}>
          {reveal ? 'Hide' : 'Reveal'}
          <span className="sr-only"> {KIND[token.kind]}</span>
        </button>
        <button
          type="button"
          className={BUTTON_SECONDARY}
          onClick={onOpen}
          aria-label={`Open the ${KIND[token.kind]} (${token.label.toLowerCase()}) in the inspector`}
        >
          Open in inspector
        </button>
      </div>
    </li>
  )
}
