/** The panel that opens from a diagram arrow: its request and response, explanation and spec links. */
import { useMemo, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import type { CapturedEntry } from '../../core/capture/types.ts'
import { exchangeDetail, redactText, type NameValue } from '../../core/diagram/exchange-detail.ts'
import type { DiagramMessage } from '../../core/diagram/types.ts'
import { useInspectorStore } from '../../stores/inspector-store.ts'
import type { TokenTrust } from './use-diagram-source.ts'
import { Badge } from '../../ui/badge.tsx'
import { BUTTON_GHOST, BUTTON_SECONDARY } from '../../ui/button-styles.ts'
import { CodeBlock } from '../../ui/code-block.tsx'
import { LinkRow } from '../../ui/definition.tsx'

/** One part of the exchange (request, response, tokens): a ruled-off section named for screen readers. */
function Part({ name, heading = name, children }: { name: string; heading?: string; children: ReactNode }) {
  return (
    <section className="mt-4 border-t border-slate-200 pt-3 dark:border-slate-700" aria-label={name}>
      <h4 className="text-sm font-semibold">{heading}</h4>
      {children}
    </section>
  )
}

/** A request or response body, when there is one. */
function Body({ label, text, maxHeight }: { label: string; text: string | null | undefined; maxHeight: string }) {
  if (!text) return null
  return (
    <div className="mt-3">
      <CodeBlock label={label} text={text} maxHeight={maxHeight} />
    </div>
  )
}

function Pairs({ title, items }: { title: string; items: NameValue[] }) {
  if (items.length === 0) return null
  return (
    <div className="mt-3">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h4>
      <dl className="mt-1 grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-3 gap-y-1 text-xs">
        {items.map((p, i) => (
          <div key={`${p.name}-${i}`} className="contents">
            <dt className="font-mono font-medium text-slate-700 dark:text-slate-300">{p.name}</dt>
            <dd className="break-all font-mono text-slate-600 dark:text-slate-400">{p.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}

const KIND_LABEL = { request: 'Request', response: 'Response', redirect: 'Redirect (browser)', action: 'Action' } as const

/** The clicked message: what it means, then the exchange's request and response and its tokens. */
export function MessagePanel({
  message,
  index,
  entry,
  redact,
  sourceLabel,
  trust,
  onClose,
}: {
  message: DiagramMessage
  index: number
  entry: CapturedEntry | null
  redact: boolean
  sourceLabel: string
  trust: TokenTrust
  onClose: () => void
}) {
  const navigate = useNavigate()
  const detail = useMemo(() => (entry ? exchangeDetail(entry, { redact }) : null), [entry, redact])
  const recorded = entry ? Date.parse(entry.startedDateTime) : Number.NaN
  const capturedAt = Number.isFinite(recorded) ? Math.floor(recorded / 1000) : null
  const openInInspector = (token: string, where: string) => {
    useInspectorStore.getState().openToken(token, {
      source: `${sourceLabel}, step ${index + 1} (${where})`,
      // Only this tab's own capture vouches for its issuers; an imported file's keys stay bound
      // to the token opened from it (see OpenTokenOptions).
      trustIssuer: trust.own,
      ...(trust.captureKeys ? { captureKeys: trust.captureKeys } : {}),
      ...(trust.asOfCapture && capturedAt !== null ? { capturedAt } : {}),
    })
    void navigate('/inspect')
  }
  return (
    <aside
      aria-label={`Step ${index + 1} details`}
      className="flex h-full flex-col overflow-hidden rounded-xl border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
      data-testid="message-panel"
    >
      <div className="flex items-start justify-between gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500 dark:text-slate-400">
            <span className="font-semibold">Step {index + 1}</span>
            <Badge tone={message.failed ? 'red' : message.kind === 'redirect' ? 'amber' : message.kind === 'action' ? 'violet' : 'slate'}>
              {message.failed ? 'Failed' : KIND_LABEL[message.kind]}
            </Badge>
            {message.origin === 'simulated' ? <Badge tone="sky">simulated</Badge> : null}
          </p>
          <h3 className="mt-1 break-words font-mono text-sm font-semibold">{message.label}</h3>
        </div>
        <button type="button" className={BUTTON_GHOST} onClick={onClose} aria-label="Close details">
          ✕
        </button>
      </div>
      <div className="flex-1 overflow-y-auto px-4 py-3">
        {message.explanation ? (
          <section>
            <h4 className="text-sm font-semibold">{message.explanation.title}</h4>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{message.explanation.body}</p>
            {message.explanation.links.length ? (
              <p className="mt-1 flex flex-wrap gap-x-3 text-xs">
                <LinkRow links={message.explanation.links} />
              </p>
            ) : null}
          </section>
        ) : null}
        {message.notes.length ? (
          <ul className="mt-3 space-y-1">
            {message.notes.map((n) => (
              <li
                key={n}
                className="rounded border border-yellow-300 bg-yellow-50 px-2 py-1 text-xs text-yellow-900 dark:border-yellow-700 dark:bg-yellow-950/50 dark:text-yellow-200"
              >
                {n}
              </li>
            ))}
          </ul>
        ) : null}
        {message.kind === 'action' || !detail ? (
          <p className="mt-4 text-sm text-slate-500 dark:text-slate-400">
            No HTTP exchange: this step is something a person or the app does.
          </p>
        ) : (
          <>
            <Part name="Request">
              <p className="mt-1 break-all font-mono text-xs">
                <span className="font-semibold">{detail.method}</span> {detail.url}
              </p>
              <Pairs title="Query" items={detail.query} />
              <Pairs title="Fragment" items={detail.fragment} />
              <Pairs title="Headers" items={detail.requestHeaders} />
              <Pairs title="Form body" items={detail.form} />
              <Body label="Request body" text={detail.requestBody} maxHeight="max-h-48" />
            </Part>
            <Part name="Response">
              {detail.status === 0 ? (
                <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                  A browser navigation: the app saw the URL, not an HTTP response.
                </p>
              ) : (
                <>
                  <p className="mt-1 font-mono text-xs">
                    {detail.status} {detail.statusText}
                  </p>
                  <Pairs title="Headers" items={detail.responseHeaders} />
                  <Body label="Response body" text={detail.responseBody} maxHeight="max-h-64" />
                </>
              )}
            </Part>
            {detail.tokens.length ? (
              <Part name="Tokens" heading="Tokens in this exchange">
                <ul className="mt-2 space-y-3">
                  {detail.tokens.map((t) => (
                    <li key={`${t.where}-${t.name}`} className="rounded-lg border border-slate-200 p-2 dark:border-slate-700">
                      <div className="flex items-center justify-between gap-2">
                        <p className="text-xs">
                          <span className="font-mono font-semibold">{t.name}</span>{' '}
                          <span className="text-slate-500 dark:text-slate-400">· {t.where}</span>
                        </p>
                        <button
                          type="button"
                          className={`${BUTTON_SECONDARY} !py-0.5 !text-xs`}
                          onClick={() => openInInspector(t.token, `${t.where}: ${t.name}`)}
                        >
                          Open in inspector
                        </button>
                      </div>
                      <pre
                        tabIndex={0}
                        aria-label={`${t.name}: decoded header and payload`}
                        className="mt-2 max-h-48 overflow-auto rounded bg-slate-50 p-2 font-mono text-[11px] leading-relaxed text-slate-700 dark:bg-slate-950 dark:text-slate-300"
                      >
                        {(redact ? redactText : (s: string) => s)(JSON.stringify({ header: t.header, payload: t.payload }, null, 2))}
                      </pre>
                    </li>
                  ))}
                </ul>
              </Part>
            ) : null}
          </>
        )}
      </div>
    </aside>
  )
}
