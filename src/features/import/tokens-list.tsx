/** The tokens of one flow, every place each was seen, with the one verdict and a way into the inspector. */
import { useNavigate } from 'react-router'
import type { Flow, FlowToken } from '../../core/flows/types.ts'
import { captureKeyOrigin, expectationsFor, sourceTraits, useImportStore, type TokenCheck } from '../../stores/import-store.ts'
import { useInspectorStore } from '../../stores/inspector-store.ts'
import { isRedacted } from '../../core/flows/http.ts'
import { Badge } from '../../ui/badge.tsx'
import { VerdictBadge } from '../../ui/verdict-badge.tsx'
import { BUTTON_SECONDARY } from '../../ui/button-styles.ts'

/** How much of a token value the list shows: enough to tell tokens apart, too little to use one. */
const SHOWN_CHARS = 12

const KIND: Record<FlowToken['kind'], string> = {
  id_token: 'ID token',
  access_token: 'Access token',
  refresh_token: 'Refresh token',
  code: 'Authorization code',
  assertion: 'Assertion (incoming token)',
  client_assertion: 'Client assertion',
  id_token_hint: 'ID token hint',
  device_code: 'Device code',
  presented_token: 'Token presented for revocation/introspection',
  session_cookie: 'Session cookie',
}

function Verdict({ check }: { check: TokenCheck | undefined }) {
  if (!check) return null
  // The core's one verdict: with keys from the file it reads "matches the capture’s keys", never "valid".
  return <VerdictBadge verdict={check.verdict} detail={check.familyLabel} />
}

/** Tokens found in the flow; JWTs can be checked here and opened in the inspector with expectations filled. */
export function TokensList({ flow }: { flow: Flow }) {
  const navigate = useNavigate()
  const checks = useImportStore((s) => s.checks)
  const loaded = useImportStore((s) => s.loaded)
  if (flow.tokens.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">No tokens or codes in this flow.</p>
  const open = (token: FlowToken) => {
    // This tab's own live capture talked to the issuer already; a file is only as trusted as
    // whoever made it, so its issuer still needs consent and its keys verify only its own tokens.
    const { own, openedFrom } = sourceTraits(loaded)
    // A file's token is judged as of its capture, as the verdict beside it here is.
    const step = own ? undefined : flow.steps.find((s) => s.id === token.stepId)
    useInspectorStore.getState().openToken(token.value, {
      expected: expectationsFor(token),
      source: openedFrom,
      trustIssuer: own,
      ...(flow.jwks ? { captureKeys: { jwks: flow.jwks, origin: captureKeyOrigin(flow, loaded) } } : {}),
      ...(step && step.time > 1e11 ? { capturedAt: Math.floor(step.time / 1000) } : {}),
    })
    void navigate('/inspect')
  }
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="flow-tokens">
      {flow.tokens.map((t) => (
        <li key={t.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
          <span className="min-w-36 font-medium">{KIND[t.kind]}</span>
          <TokenValue value={t.value} />
          {t.occurrences > 1 ? (
            <Badge title="The same value appears in several places of this flow">
              {t.valueId === t.id
                ? `first of ${t.occurrences} places`
                : `same token as #${flow.tokens.findIndex((x) => x.id === t.valueId) + 1}`}
            </Badge>
          ) : null}
          {t.scheme === 'DPoP' ? <Badge tone="violet">DPoP</Badge> : null}
          <Verdict check={checks[`${flow.id}/${t.id}`]} />
          {t.jwt ? (
            <button type="button" className={`${BUTTON_SECONDARY} ml-auto px-2 py-1 text-xs`} onClick={() => open(t)}>
              Open in inspector
            </button>
          ) : null}
          <span className="basis-full text-xs text-slate-500 dark:text-slate-400">
            #{flow.tokens.indexOf(t) + 1} · {t.where}
            {t.entryIndex !== null ? ` · step ${flow.steps.findIndex((s) => s.id === t.stepId) + 1}` : ''}
            {t.label ? ` · ${t.label}` : ''}
          </span>
        </li>
      ))}
    </ul>
  )
}

/**
 * The start of a token value; a placeholder of a sanitised file ("[redacted:refresh_token:2]")
 * is shown whole: it is no secret, and its number is what links it to the same value elsewhere.
 */
function TokenValue({ value }: { value: string }) {
  const [text, title] = isRedacted(value)
    ? [value, 'Replaced by a placeholder in the file']
    : value.length > SHOWN_CHARS
      ? [`${value.slice(0, SHOWN_CHARS)}…`, 'Shortened; the full value stays in this browser']
      : [value, undefined]
  return (
    <code className="text-xs text-slate-500 dark:text-slate-400" title={title}>
      {text}
    </code>
  )
}
