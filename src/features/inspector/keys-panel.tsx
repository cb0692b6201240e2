/** "Signature and keys": where the keys came from, every document fetched, each candidate key and why it was or was not used. */
import type { ReactNode } from 'react'
import type { HeaderAnnotation } from '../../core/claims/types.ts'
import type { FetchPurpose, FetchRecord, InspectionReport, KeySummary } from '../../core/token/types.ts'
import { rotationRefetchFor, type CachedDocument } from '../../stores/inspector-store.ts'
import { Badge } from '../../ui/badge.tsx'
import { BUTTON_PRIMARY, BUTTON_SECONDARY } from '../../ui/button-styles.ts'
import { CodeBlock } from '../../ui/code-block.tsx'
import { Disclosure } from '../../ui/disclosure.tsx'
import { rawText } from '../../core/claims/raw-text.ts'

// Every fetch purpose the core records (FetchPurpose), so a new one fails the build until it has words.
const PURPOSE: Record<FetchPurpose, string> = {
  discovery: 'Discovery document',
  jwks: 'Key set (jwks_uri)',
  jwks_refetch: 'Key set, fetched again (kid not found: keys may have rotated)',
  jwks_appid: 'App-specific key set (?appid=)',
}

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
}

function KeyFacts({ k }: { k: KeySummary }) {
  const facts: [string, string | undefined][] = [
    ['kid', k.kid],
    ['type', k.kty],
    ['size', k.size],
    ['alg', k.alg],
    ['use', k.use],
    ['thumbprint (RFC 7638)', k.thumbprint],
    ['x5t', k.x5t],
  ]
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
      {facts
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([label, v]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
            <dd className="break-all font-mono text-slate-900 dark:text-slate-100">{v}</dd>
          </div>
        ))}
    </dl>
  )
}

function Step({ label, children, state }: { label: string; children: ReactNode; state: 'ok' | 'bad' | 'skip' }) {
  const dot =
    state === 'ok'
      ? 'bg-emerald-500 ring-emerald-100 dark:ring-emerald-900'
      : state === 'bad'
        ? 'bg-red-500 ring-red-100 dark:ring-red-900'
        : 'bg-slate-300 ring-slate-100 dark:bg-slate-600 dark:ring-slate-800'
  return (
    <li className="relative pb-4 pl-6 last:pb-0">
      <span className="absolute left-[5px] top-3 h-full w-px bg-slate-200 dark:bg-slate-700" aria-hidden="true" />
      <span className={`absolute left-0 top-1.5 h-[11px] w-[11px] rounded-full ring-4 ${dot}`} aria-hidden="true" />
      <div className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {label}
        <span className="sr-only">{state === 'ok' ? ' (done)' : state === 'bad' ? ' (failed)' : ' (not reached)'}</span>
      </div>
      <div className="mt-0.5 min-w-0 text-sm text-slate-900 dark:text-slate-100">{children}</div>
    </li>
  )
}

function FetchLine({ record, cached, fromCache }: { record: FetchRecord; cached: CachedDocument | undefined; fromCache: boolean }) {
  return (
    <li className="rounded-lg border border-slate-200 p-2.5 dark:border-slate-700" data-fetch-purpose={record.purpose}>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <Badge tone={record.ok ? 'green' : 'red'}>{record.ok ? 'fetched' : 'failed'}</Badge>
        <span className="font-medium text-slate-700 dark:text-slate-200">{PURPOSE[record.purpose]}</span>
        {cached ? (
          <span className="text-slate-500 dark:text-slate-400">
            {fromCache ? `from this session’s cache, fetched at ${time(cached.fetchedAt)}` : `fetched at ${time(cached.fetchedAt)}`}
          </span>
        ) : null}
      </div>
      <div className="mt-1 break-all font-mono text-xs text-slate-700 dark:text-slate-300">{record.url}</div>
      {record.error ? <p className="mt-1 text-xs text-red-700 dark:text-red-300">{record.error}</p> : null}
      {record.document !== undefined ? (
        <Disclosure className="mt-1.5" summary={<span className="text-xs">View the document</span>}>
          <CodeBlock label={record.url} text={JSON.stringify(record.document, null, 2)} maxHeight="max-h-72" />
        </Disclosure>
      ) : null}
    </li>
  )
}

/** The host the user has not approved yet, why it needs approval, and what each button does. */
export interface KeyConsentPrompt {
  host: string
  /** The fetch policy's reason, shown as is. */
  reason: string
  /** Loopback, link-local, private range or local name: the prompt warns. */
  privateNetwork: boolean
  /** `issuer`: discovery + keys of the token's issuer; `keys`: a key set on another host that discovery named. */
  what: 'issuer' | 'keys'
  onOnce: () => void
  onAlways: () => void
}

/**
 * Asks before contacting an issuer the user has not approved: a request reveals the user's IP
 * address to that host and confirms the token was opened, and a token can name any host.
 */
function ConsentPrompt({ consent, onUsePasted }: { consent: KeyConsentPrompt; onUsePasted: () => void }) {
  const { host } = consent
  const tone = consent.privateNetwork
    ? 'border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-600 dark:bg-amber-950/40 dark:text-amber-100'
    : 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-700/70 dark:bg-sky-950/30 dark:text-sky-100'
  return (
    <div
      role="group"
      aria-labelledby="key-consent-title"
      data-testid="key-consent"
      data-private-network={consent.privateNetwork ? 'true' : undefined}
      className={`rounded-lg border p-3 text-sm ${tone}`}
    >
      <p id="key-consent-title" className="font-semibold">
        {consent.what === 'issuer'
          ? 'Fetch the signing keys from '
          : 'The issuer’s discovery document puts its keys on another host: fetch them from '}
        <span className="break-all font-mono">{host}</span>?
      </p>
      {consent.privateNetwork ? (
        <p className="mt-1 font-medium" data-testid="private-network-warning">
          Warning: this address is inside a private network. {consent.reason}
        </p>
      ) : null}
      <p className="mt-1">
        This page will contact <span className="break-all font-mono">{host}</span> (
        {consent.what === 'issuer' ? 'GET discovery + JWKS' : 'GET the key set'}, no token sent).
      </p>
      <p className="mt-1 text-xs opacity-80">
        That host would see your IP address and learn that this token was opened. Nothing has been requested from it yet.
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={BUTTON_PRIMARY} onClick={consent.onOnce}>
          Fetch once
        </button>
        <button type="button" className={BUTTON_SECONDARY} onClick={consent.onAlways}>
          Always trust {host}
        </button>
        <button type="button" className={BUTTON_SECONDARY} onClick={onUsePasted}>
          Paste a JWKS instead
        </button>
      </div>
    </div>
  )
}

export function KeysPanel({
  report,
  documents,
  fromCache,
  riskyHeaders,
  onUsePasted,
  consent = null,
}: {
  report: InspectionReport
  documents: Record<string, CachedDocument>
  fromCache: ReadonlySet<string>
  riskyHeaders: HeaderAnnotation[]
  onUsePasted: () => void
  consent?: KeyConsentPrompt | null
}) {
  const { chain } = report.signature
  // A rotation refetch made for this token earlier (by the sign-in list's check, or a first
  // inspection) is still how its key was found, though this run read it from the refreshed copy.
  const rotationAt = chain.source === 'issuer' ? rotationRefetchFor(report.input) : undefined
  // A request the fetch policy held back is not a failure of the issuer: the prompt covers it.
  const failedFetch = chain.fetches.find((f) => !f.ok && f.notSent === undefined)
  const fetchOf = (purpose: FetchPurpose) => chain.fetches.find((f) => f.purpose === purpose)
  const discovery = fetchOf('discovery')
  const jwks = fetchOf('jwks')
  return (
    <div className="space-y-4">
      {riskyHeaders.length > 0 ? (
        <div
          role="alert"
          data-testid="header-key-warning"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100"
        >
          <p className="font-semibold">The token names its own key — a classic forgery trick.</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {riskyHeaders.map((h) => (
              <li key={h.name}>
                <code className="font-mono">{h.name}</code>: <span className="break-all font-mono text-xs">{rawText(h.value)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-1">
            Whoever made the token chose that key, so it proves nothing. Token Lens ignored it and requested nothing from it; keys come only
            from the issuer’s published key set or from a key set you paste.
          </p>
        </div>
      ) : null}

      {chain.source === 'issuer' && consent ? <ConsentPrompt consent={consent} onUsePasted={onUsePasted} /> : null}
      {chain.source === 'pasted' ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Keys came from the key set you pasted; nothing was fetched. They show who signed the token, not that the issuer published the key.
        </p>
      ) : chain.source === 'capture' ? (
        <p
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/30 dark:text-amber-100"
          data-testid="capture-keys-note"
        >
          Keys came from {chain.origin?.label ?? 'the imported capture'}
          {chain.origin?.capturedAt !== undefined
            ? `, as recorded at ${new Date(chain.origin.capturedAt).toISOString().replace('T', ' ').slice(0, 19)} UTC`
            : ''}
          , not from the issuer; nothing was fetched. They vouch only for this file’s own tokens: choose “From the issuer” under
          Verification keys to check against the issuer’s current keys.
        </p>
      ) : chain.source === 'none' && consent ? (
        <ConsentPrompt consent={consent} onUsePasted={onUsePasted} />
      ) : chain.source === 'none' ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">No key set was used for this token.</p>
      ) : (
        <ol aria-label="How the key was found" className="mt-1">
          <Step label="Issuer (iss)" state={chain.issuer ? 'ok' : 'bad'}>
            <span className="break-all font-mono text-xs">{chain.issuer ?? 'none in the token'}</span>
          </Step>
          <Step label="Discovery document" state={discovery ? (discovery.ok ? 'ok' : 'bad') : 'skip'}>
            <span className="break-all font-mono text-xs">{chain.discoveryUrl ?? '—'}</span>
          </Step>
          <Step label="jwks_uri" state={jwks ? (jwks.ok ? 'ok' : 'bad') : 'skip'}>
            <span className="break-all font-mono text-xs">{chain.jwksUri ?? '—'}</span>
          </Step>
          <Step label="Key ID (kid) in the header" state={chain.kid ? 'ok' : 'skip'}>
            <span className="break-all font-mono text-xs">{chain.kid ?? 'no kid: every compatible key is tried'}</span>
          </Step>
          <Step label="Key used" state={chain.selected ? 'ok' : 'bad'}>
            {chain.selected ? <KeyFacts k={chain.selected} /> : <span className="text-sm">none</span>}
          </Step>
        </ol>
      )}
      {chain.refetched || rotationAt !== undefined ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          The key set was requested a second time because the token’s kid was not in it (keys rotate).
          {!chain.refetched && rotationAt !== undefined
            ? ` That was at ${new Date(rotationAt).toLocaleTimeString()}, when this token was first checked; the copy fetched then holds its key.`
            : null}
        </p>
      ) : null}

      {failedFetch ? (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/30 dark:text-amber-100">
          <p className="font-semibold">The issuer’s keys could not be fetched.</p>
          <p className="mt-1">{failedFetch.error ?? `Requesting ${failedFetch.url} failed.`}</p>
          <p className="mt-1">
            A browser may read another site’s documents only when that site allows it (CORS), and nothing can be fetched offline. Paste the
            issuer’s key set (JWKS) instead: it is checked exactly the same way.
          </p>
          <button type="button" className={`${BUTTON_SECONDARY} mt-2`} onClick={onUsePasted}>
            Paste a key set instead
          </button>
        </div>
      ) : null}

      {chain.fetches.length > 0 ? (
        <div>
          <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Requests</h3>
          <ul className="space-y-2">
            {chain.fetches.map((f, i) => (
              <FetchLine key={`${f.url}-${i}`} record={f} cached={documents[f.url]} fromCache={fromCache.has(f.url)} />
            ))}
          </ul>
        </div>
      ) : null}

      {chain.candidates.length > 0 ? (
        <div>
          <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Keys considered</h3>
          <ul className="space-y-2">
            {chain.candidates.map((c, i) => (
              <li
                key={`${c.key.kid ?? ''}-${c.key.thumbprint ?? i}`}
                className={`rounded-lg border p-2.5 ${c.used ? 'border-emerald-300 bg-emerald-50/60 dark:border-emerald-800 dark:bg-emerald-950/20' : 'border-slate-200 dark:border-slate-700'}`}
              >
                <div className="mb-1 flex items-center gap-2 text-xs">
                  <Badge tone={c.used ? 'green' : 'slate'}>{c.used ? 'used' : 'not used'}</Badge>
                  <span className="text-slate-700 dark:text-slate-300">{c.reason}</span>
                </div>
                <KeyFacts k={c.key} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}
