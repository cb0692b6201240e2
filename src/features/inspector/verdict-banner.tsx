/** The verdict at the top of the inspector, worded by the core's one verdict (summarize). */
import type { DecodedToken, InspectionReport } from '../../core/token/types.ts'
import { formatUtc, humaniseTime } from '../../core/claims/time.ts'
import { Badge } from '../../ui/badge.tsx'
import { summarize, summarizeDecoded, type VerdictKind } from '../../core/token/verdict.ts'
import type { Redactor } from './redaction.ts'

const STYLE: Record<VerdictKind, { box: string; icon: string; path: string }> = {
  valid: {
    box: 'border-emerald-300 bg-emerald-50 dark:border-emerald-700/60 dark:bg-emerald-950/40',
    icon: 'bg-emerald-600 text-white',
    path: 'M5 12l5 5L20 7',
  },
  valid_other_keys: {
    box: 'border-amber-300 bg-amber-50 dark:border-amber-700/60 dark:bg-amber-950/30',
    icon: 'bg-amber-600 text-white',
    path: 'M5 12l5 5L20 7',
  },
  invalid: {
    box: 'border-red-300 bg-red-50 dark:border-red-800/70 dark:bg-red-950/40',
    icon: 'bg-red-600 text-white',
    path: 'M6 6l12 12M18 6L6 18',
  },
  unsigned: {
    box: 'border-red-300 bg-red-50 dark:border-red-800/70 dark:bg-red-950/40',
    icon: 'bg-red-600 text-white',
    path: 'M12 7v6M12 17h.01',
  },
  unverifiable: {
    box: 'border-amber-300 bg-amber-50 dark:border-amber-700/60 dark:bg-amber-950/30',
    icon: 'bg-amber-500 text-white',
    path: 'M12 7v6M12 17h.01',
  },
  encrypted: {
    box: 'border-sky-300 bg-sky-50 dark:border-sky-700/60 dark:bg-sky-950/30',
    icon: 'bg-sky-600 text-white',
    path: 'M7 11V8a5 5 0 0 1 10 0v3M6 11h12v9H6z',
  },
  not_jwt: {
    box: 'border-slate-300 bg-slate-100 dark:border-slate-700 dark:bg-slate-900',
    icon: 'bg-slate-600 text-white',
    path: 'M12 8h.01M11 12h1v5h1',
  },
  malformed: {
    box: 'border-red-300 bg-red-50 dark:border-red-800/70 dark:bg-red-950/40',
    icon: 'bg-red-600 text-white',
    path: 'M12 7v6M12 17h.01',
  },
  pending: {
    box: 'border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900',
    icon: 'bg-slate-300 text-slate-700 dark:bg-slate-700 dark:text-slate-200',
    path: 'M12 6v6l4 2',
  },
}

function lifetimeLine(report: InspectionReport, now: number): string | null {
  const payload = report.payload
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return null
  const { exp, iat } = payload as Record<string, unknown>
  const parts: string[] = []
  const expired = report.findings.some((f) => f.code === 'expired')
  if (typeof iat === 'number') {
    const t = humaniseTime(iat, now)
    if (t.relative) parts.push(`issued ${t.relative}`)
  }
  if (typeof exp === 'number') {
    const t = humaniseTime(exp, now)
    if (t.relative) parts.push(expired || exp <= now ? `expired ${t.relative}` : `expires ${t.relative}`)
  }
  return parts.length > 0 ? parts.join(' · ') : null
}

export function VerdictBanner({
  report,
  decoded,
  now,
  redactor,
  pretend,
  awaitingKeysFrom = null,
  onFetchOnce,
  capturedAt = null,
  onJudgeNow,
}: {
  report: InspectionReport | null
  decoded: DecodedToken | null
  now: number
  redactor: Redactor
  pretend: boolean
  awaitingKeysFrom?: string | null
  onFetchOnce?: (() => void) | undefined
  /** Judged as of this capture moment (unix seconds) rather than now; null = now or pretend time. */
  capturedAt?: number | null
  onJudgeNow?: (() => void) | undefined
}) {
  const v = report ? summarize(report, { awaitingKeysFrom }) : summarizeDecoded(decoded, awaitingKeysFrom)
  const s = STYLE[v.kind]
  const life = report ? lifetimeLine(report, now) : null
  const alg = report?.signature.alg ?? (typeof decoded?.header?.alg === 'string' ? decoded.header.alg : null)
  return (
    <section aria-labelledby="verdict-title" data-verdict={v.kind} className={`rounded-xl border p-4 shadow-sm ${s.box}`}>
      <div className="flex items-start gap-3">
        <span className={`mt-0.5 inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-full ${s.icon}`} aria-hidden="true">
          <svg
            width="18"
            height="18"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d={s.path} />
          </svg>
        </span>
        <div className="min-w-0 flex-1">
          <h2
            id="verdict-title"
            className="text-lg font-semibold leading-7 tracking-tight text-slate-950 dark:text-white"
            aria-live="polite"
          >
            {v.headline}
          </h2>
          <p className="mt-0.5 text-sm text-slate-700 dark:text-slate-300">{redactor.text(v.reasons.join(' '))}</p>
          <div className="mt-2 flex flex-wrap items-center gap-1.5">
            {report && report.family !== 'unknown' ? <Badge tone="indigo">{report.familyLabel}</Badge> : null}
            {alg ? <Badge tone="slate">alg {alg}</Badge> : null}
            {life ? <Badge tone={life.includes('expired') ? 'red' : 'slate'}>{life}</Badge> : null}
            {pretend ? <Badge tone="violet">pretend time in effect</Badge> : null}
            {capturedAt !== null ? (
              <Badge tone="violet" title="Lifetimes (exp, nbf, iat) are checked at the moment the file recorded this token">
                judged as of its capture, {formatUtc(capturedAt) ?? capturedAt}
              </Badge>
            ) : null}
            {capturedAt !== null && onJudgeNow ? (
              <button
                type="button"
                onClick={onJudgeNow}
                className="rounded px-1 text-xs font-medium text-indigo-700 underline hover:no-underline dark:text-indigo-300"
              >
                Judge at the current time
              </button>
            ) : null}
          </div>
          {awaitingKeysFrom && onFetchOnce ? (
            // The same consent as the prompt in "Signature and keys", one click from the verdict.
            <button
              type="button"
              onClick={onFetchOnce}
              className="mt-3 rounded-md bg-amber-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-amber-800 dark:bg-amber-500 dark:text-amber-950 dark:hover:bg-amber-400"
            >
              Fetch keys from {awaitingKeysFrom}
            </button>
          ) : null}
        </div>
      </div>
    </section>
  )
}
