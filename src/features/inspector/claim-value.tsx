/** A claim or header value as text, with invisible characters drawn as markers and readable renderings. */
import { Fragment } from 'react'
import type { ClaimAnnotation, HeaderAnnotation, HumanValue } from '../../core/claims/types.ts'
import { describeInvisible, findInvisible, markerLabel, splitInvisible } from '../../core/claims/invisible.ts'
import { CopyButton } from '../../ui/copy-button.tsx'
import { humaniseTime } from '../../core/claims/time.ts'
import { MASK, type Redactor } from './redaction.ts'
import { rawText } from '../../core/claims/raw-text.ts'

// One formatter for every time claim: creating it per call (toLocaleString with options) was the
// costliest part of rendering the claims table.
let localFormat: Intl.DateTimeFormat | null | undefined

function localTime(sec: number): string | null {
  const d = new Date(sec * 1000)
  if (Number.isNaN(d.getTime())) return null
  if (localFormat === undefined) {
    try {
      // dateStyle/timeStyle cannot be combined with timeZoneName (ECMA-402 §11.1.2), so fields are listed.
      localFormat = new Intl.DateTimeFormat(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZoneName: 'short',
      })
    } catch {
      localFormat = null
    }
  }
  return localFormat ? localFormat.format(d) : d.toString()
}

/**
 * Text with each invisible or reordering character (bidi controls, zero-width characters; see
 * core/claims/invisible.ts) drawn as a visible `⟨U+202E⟩` marker instead of being applied.
 * Rendered as React text, never HTML; the real character is not in the DOM, so selecting and
 * copying from the screen copies the marker, not a hidden control.
 */
export function VisibleText({ text }: { text: string }) {
  const found = findInvisible(text)
  if (found.length === 0) return <>{text}</>
  return (
    <>
      {splitInvisible(text, found).map((p, i) =>
        p.kind === 'text' ? (
          <Fragment key={i}>{p.text}</Fragment>
        ) : (
          <span
            key={i}
            data-invisible={p.char.code}
            title={`${p.char.name} (${p.char.code}), invisible in the token`}
            className="mx-px whitespace-nowrap rounded-sm bg-amber-100 px-0.5 font-mono text-[0.85em] font-semibold text-amber-900 ring-1 ring-inset ring-amber-600/40 dark:bg-amber-400/15 dark:text-amber-200 dark:ring-amber-300/40"
          >
            {p.label}
          </span>
        ),
      )}
    </>
  )
}

/**
 * The note under a value or name that holds invisible characters: which ones and where, and a
 * button that copies the real text (with the characters), since copying the screen gives markers.
 */
export function InvisibleNote({
  text,
  copyText = text,
  subject = 'This value',
  copyLabel = 'Copy the real value',
}: {
  text: string
  copyText?: string
  subject?: string
  copyLabel?: string
}) {
  const found = findInvisible(text)
  const note = describeInvisible(found, subject)
  const first = found[0]
  if (note === null || first === undefined) return null
  const shown = found.length === 1 ? `It is shown as ${markerLabel(first)}` : `They are shown as markers like ${markerLabel(first)}`
  return (
    <div
      role="note"
      data-invisible-note=""
      className="mt-1.5 rounded-md border-l-4 border-amber-500 bg-amber-50 px-2 py-1.5 font-sans text-[11px] leading-4 text-amber-950 dark:border-amber-400 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p>
        {note} {shown}; copying from the screen copies the markers.
      </p>
      <CopyButton
        text={copyText}
        label={copyLabel}
        copiedLabel="Copied with the invisible characters"
        className="mt-1 !px-1.5 !py-0.5 !text-[11px]"
      />
    </div>
  )
}

/** A NumericDate: UTC, local and a relative part that follows the live clock. */
function TimeValue({ value, now }: { value: unknown; now: number }) {
  const t = humaniseTime(value, now)
  const local = typeof value === 'number' && !t.problem ? localTime(value) : null
  return (
    <div className="space-y-0.5">
      <div className="font-mono text-xs text-slate-500 dark:text-slate-400">{rawText(value)}</div>
      <div className={t.problem ? 'text-amber-800 dark:text-amber-300' : 'text-slate-900 dark:text-slate-100'}>{t.text}</div>
      {local ? <div className="text-xs text-slate-600 dark:text-slate-300">{local} (your time)</div> : null}
      {t.relative ? (
        <div className="text-xs font-medium text-indigo-700 dark:text-indigo-300" data-live-relative="">
          {t.relative}
        </div>
      ) : null}
    </div>
  )
}

function HumanList({ human, redactor }: { human: HumanValue[]; redactor: Redactor }) {
  const named = human.some((h) => h.text !== undefined && h.text !== h.raw)
  if (!named) {
    return (
      <div className="break-all font-mono text-xs text-slate-900 dark:text-slate-100">
        {human.length > 1 ? (
          <ul className="space-y-0.5">
            {human.map((h, i) => (
              <li key={i}>
                <VisibleText text={redactor.text(h.raw)} />
              </li>
            ))}
          </ul>
        ) : (
          <VisibleText text={redactor.text(human[0]?.raw ?? '')} />
        )}
      </div>
    )
  }
  return (
    <ul className="space-y-1">
      {human.map((h, i) => (
        <li key={i} className="min-w-0">
          {h.text !== undefined && h.text !== h.raw ? (
            <>
              <span className="text-slate-900 dark:text-slate-100">
                <VisibleText text={redactor.text(h.text)} />
              </span>
              {h.source ? <span className="ml-1.5 text-[11px] text-slate-500 dark:text-slate-400">({h.source})</span> : null}
              <div className="break-all font-mono text-[11px] text-slate-500 dark:text-slate-400">
                <VisibleText text={redactor.text(h.raw)} />
              </div>
            </>
          ) : (
            <span className="break-all font-mono text-xs text-slate-900 dark:text-slate-100">
              <VisibleText text={redactor.text(h.raw)} />
            </span>
          )}
        </li>
      ))}
    </ul>
  )
}

/** The readable value of a claim or header parameter, masked when personal in redaction mode. */
export function AnnotationValue({
  annotation,
  now,
  redactor,
}: {
  annotation: ClaimAnnotation | HeaderAnnotation
  now: number
  redactor: Redactor
}) {
  const personal = 'personal' in annotation && annotation.personal && redactor.active
  if (personal) {
    return (
      <span className="inline-flex items-center gap-1 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-700 dark:text-slate-200">
        {MASK}
        <span className="sr-only"> (personal data, redaction mode is on)</span>
      </span>
    )
  }
  if ('kind' in annotation && annotation.kind === 'numeric_date') return <TimeValue value={annotation.value} now={now} />
  const human = annotation.human.length > 0 ? annotation.human : [{ raw: rawText(annotation.value) }]
  // Positions in the note count in the value as the token carries it: the string itself, or
  // the JSON text of an array or object.
  const raw = rawText(annotation.value)
  return (
    <>
      <HumanList human={human} redactor={redactor} />
      <InvisibleNote
        text={raw}
        copyText={redactor.text(raw)}
        subject={typeof annotation.value === 'string' ? 'This value' : 'This value (as JSON)'}
      />
    </>
  )
}
