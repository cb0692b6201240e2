/** The inspector screen: the token field, the verdict and report, and the settings that change the check. */
import { lazy, memo, Suspense, useEffect, useMemo, useRef, useState } from 'react'
import type { InspectionReport } from '../../core/token/types.ts'
import { humaniseTime } from '../../core/claims/time.ts'
import {
  captureTimeOf,
  effectiveKeySource,
  inspectLink,
  issuerFetchDecision,
  trustedHostsFor,
  type InspectorState,
} from '../../stores/inspector-store.ts'
import type { KeyConsentPrompt } from './keys-panel.tsx'
import { BUTTON_SECONDARY } from '../../ui/button-styles.ts'
import { PageHeader } from '../../ui/page-header.tsx'
import { Panel } from '../../ui/panel.tsx'
import { Switch } from '../../ui/switch.tsx'
import { CopyLinkButton } from './copy-link-button.tsx'
import { ExpectationsForm } from './expectations-form.tsx'
import { KeySourceForm } from './key-source-form.tsx'
import { makeRedactor } from './redaction.ts'
import { TokenInput } from './token-input.tsx'
import { decodeInput, useInspection, type KeyMode } from './use-inspection.ts'
import { useNow } from './use-now.ts'
import { EmptyState } from './empty-state.tsx'
import { ReportFrame } from './report-frame.tsx'
import { loadReportView, useReportView } from './report-view-loader.ts'

// The report's rendering loads with the verifier (preload.ts: at idle after the first paint), the
// comparison when it is opened: the first view stays small (DESIGN §9).
const ComparePanel = lazy(() => import('./compare-panel.tsx').then((m) => ({ default: m.ComparePanel })))

function Loading({ what }: { what: string }) {
  return (
    <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
      Loading {what}…
    </p>
  )
}

/** Re-validation follows the clock every 15 s (lifetimes are checked to the second, shown to the minute). */
const REVALIDATE_EVERY_SEC = 15

/** The payload's `iss`, from the static decoder (no verifier needed to ask for consent). */
function issuerOf(input: string): unknown {
  if (input.trim() === '') return undefined
  const p = decodeInput(input).payload
  return p && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, unknown>).iss : undefined
}

function stillValidFor(report: InspectionReport | null, now: number): string | null {
  if (!report || report.findings.some((f) => f.code === 'expired')) return null
  const p = report.payload
  const exp = p && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, unknown>).exp : undefined
  if (typeof exp !== 'number' || exp <= now) return null
  return `expires ${humaniseTime(exp, now).relative ?? ''}`.trim()
}

// The settings panels read the store themselves: a paste or the clock's tick, which re-render
// the page, leave them alone.
const ExpectationsPanel = memo(ExpectationsForm)
const KeySourcePanel = memo(KeySourceForm)

/**
 * The inspector screen, drawn from the inspector store's state `s` (the live store in
 * InspectorPage; a stand-in holding tokens signed in the page in warm-up.tsx, which runs it off
 * screen). `onReachField`: the pointer or focus reached the token field.
 */
export function InspectorView({ s, onReachField }: { s: InspectorState; onReachField: () => void }) {
  const clock = useNow(1000, s.pretendNow)
  // A token from an imported file is judged as of its capture (as the Import screen judges it);
  // the user's own "pretend" time comes first.
  const asOfCapture = captureTimeOf(s)
  const inspectNow = s.pretendNow ?? asOfCapture ?? clock - (clock % REVALIDATE_EVERY_SEC)
  const decodedIss = useMemo(() => issuerOf(s.input), [s.input])
  const keySource = effectiveKeySource(s)
  const issuerDecision = issuerFetchDecision(decodedIss, s)
  // An issuer the user has not approved is not contacted: the core then gets no keys and reports
  // the token as unverifiable, and the keys panel asks for consent.
  const awaitingIssuer = keySource === 'issuer' && issuerDecision?.verdict === 'ask'
  const keys: KeyMode =
    keySource === 'pasted'
      ? { kind: 'pasted', text: s.pastedJwks }
      : keySource === 'capture' && s.captureKeys
        ? { kind: 'capture', jwks: s.captureKeys.jwks, origin: s.captureKeys.origin }
        : awaitingIssuer
          ? { kind: 'none' }
          : { kind: 'issuer', trustedHosts: trustedHostsFor(s) }
  const main = useInspection({ input: s.input, now: inspectNow, clockToleranceSec: s.clockToleranceSec, expected: s.expected, keys })
  // What needs the user's consent now: the issuer itself, or (after that) a key set on another
  // host that the issuer's discovery document pointed to.
  const pending = awaitingIssuer ? issuerDecision : keySource === 'issuer' ? (main.blocked?.decision ?? null) : null
  const consent: KeyConsentPrompt | null =
    pending && pending.verdict === 'ask' && pending.host !== null
      ? ((host: string): KeyConsentPrompt => ({
          host,
          reason: pending.reason,
          privateNetwork: pending.scope !== null && pending.scope !== 'public',
          what: awaitingIssuer ? 'issuer' : 'keys',
          onOnce: () => s.allowOnce(host),
          onAlways: () => s.alwaysTrust(host),
        }))(pending.host)
      : null
  const [compareOpen, setCompareOpen] = useState(s.compareInput !== '')
  const second = useInspection({
    input: compareOpen ? s.compareInput : '',
    now: inspectNow,
    clockToleranceSec: s.clockToleranceSec,
    expected: undefined,
    keys: { kind: 'none' },
  })
  const redactor = useMemo(
    () => makeRedactor(s.redact, [main.report?.claims ?? [], second.report?.claims ?? []]),
    [s.redact, main.report, second.report],
  )
  const jwksRef = useRef<HTMLTextAreaElement>(null)
  const hasInput = s.input.trim() !== ''
  const parts = useReportView()
  // A token that is already there (a link, a reload) needs the report's code now.
  useEffect(() => {
    if (hasInput) void loadReportView().catch(() => undefined)
  }, [hasInput])

  const usePasted = () => {
    s.setKeySource('pasted')
    requestAnimationFrame(() => jwksRef.current?.focus())
  }

  return (
    <div className="mx-auto max-w-7xl px-4 py-6">
      <PageHeader
        title="Inspect a token"
        lead="Decode, validate against the issuer’s own keys, and read what every claim means. Nothing leaves your browser except requests to the token’s issuer for its public keys."
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <Switch
              checked={s.redact}
              onChange={s.setRedact}
              label="Redact personal data"
              description="Masks names, e-mail addresses, object IDs and other personal claims everywhere on screen"
            />
            {hasInput ? (
              <CopyLinkButton link={inspectLink(main.decoded?.normalized || s.input.trim())} validFor={stillValidFor(main.report, clock)} />
            ) : null}
            <button type="button" className={BUTTON_SECONDARY} onClick={s.clear} disabled={!hasInput && s.compareInput === ''}>
              Clear
            </button>
          </div>
        }
      />
      {/* Wide screens: input and settings on the left, the report on the right. Narrow screens:
          input, then the report, then the settings (the report is what people came for). */}
      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)] lg:grid-rows-[auto_1fr]">
        <div className="lg:col-start-1 lg:row-start-1">
          <Panel title="Encoded token" id="token-input">
            {/* Reaching for the field is the surest sign a token is coming: fetch now if idle time has not come yet. */}
            <div onPointerEnter={onReachField} onFocusCapture={onReachField}>
              <TokenInput
                value={s.input}
                onChange={(v, src) => s.setInput(v, src)}
                decoded={main.decoded}
                redacted={s.redact && hasInput}
              />
            </div>
            {s.source && s.source !== 'paste' && hasInput ? (
              <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Opened from {s.source}.</p>
            ) : null}
          </Panel>
        </div>
        <div className="min-w-0 space-y-6 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          {hasInput ? (
            <ReportFrame
              result={main}
              parts={parts}
              now={clock}
              redactor={redactor}
              pretend={s.pretendNow !== null}
              documents={s.documents}
              onUsePasted={usePasted}
              consent={consent}
              clockToleranceSec={s.clockToleranceSec}
              capturedAt={s.pretendNow === null ? asOfCapture : null}
              onJudgeNow={s.judgeAtCurrentTime}
            />
          ) : (
            <EmptyState />
          )}
          <Panel
            title="Compare with another token"
            id="compare"
            description="Claims added, removed and changed: v1 against v2, or before and after an optional-claims change."
            actions={
              compareOpen ? null : (
                <button type="button" className={BUTTON_SECONDARY} onClick={() => setCompareOpen(true)}>
                  Compare…
                </button>
              )
            }
          >
            {compareOpen ? (
              <Suspense fallback={<Loading what="the comparison" />}>
                <ComparePanel
                  first={main.decoded}
                  second={second.decoded}
                  secondText={s.compareInput}
                  onSecondChange={s.setCompareInput}
                  redactor={redactor}
                />
              </Suspense>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-300">Put a second token beside this one.</p>
            )}
          </Panel>
        </div>
        <div className="space-y-6 lg:col-start-1 lg:row-start-2">
          <Panel title="Expectations" id="expectations" description="What your application expects. Every change re-validates at once.">
            {/* The form names the source only beside expectations it filled in: without any, a
                paste (source null -> 'paste') leaves the memoised form alone instead of drawing
                it again in the paste's frame. */}
            <ExpectationsPanel source={Object.keys(s.expected).length > 0 ? s.source : null} />
          </Panel>
          <Panel title="Verification keys" id="key-source">
            <KeySourcePanel jwksError={main.jwksError} jwksRef={jwksRef} />
          </Panel>
        </div>
      </div>
    </div>
  )
}
