/** The claims or header table: each name, its value as text, what it means and where it is defined. */
import { memo } from 'react'
import type { ClaimAnnotation, HeaderAnnotation } from '../../core/claims/types.ts'
import { Badge } from '../../ui/badge.tsx'
import { Chevron, useDisclosure } from '../../ui/disclosure.tsx'
import { CodeText } from '../../ui/code-text.tsx'
import { AnnotationValue, InvisibleNote, VisibleText } from './claim-value.tsx'
import { findInvisible, withMarkers } from '../../core/claims/invisible.ts'
import { rawText } from '../../core/claims/raw-text.ts'
import type { Redactor } from './redaction.ts'
import { Definition, LinkRow } from '../../ui/definition.tsx'
import { AnnotationColumns } from './decoded-preview.tsx'

type Annotation = ClaimAnnotation | HeaderAnnotation

// Every registry status (ClaimAnnotation['status']); a documented claim needs no status line.
const STATUS_WORDS: Record<NonNullable<ClaimAnnotation['status']>, string | null> = {
  documented: null,
  'legacy-documented': 'legacy (documented, being phased out)',
  'observed-undocumented': 'seen in real tokens, not documented',
}

/** A table of annotated claims or header parameters; each row expands into the full explanation. */
export function AnnotationTable({
  items,
  now,
  redactor,
  caption,
  kind,
}: {
  items: Annotation[]
  now: number
  redactor: Redactor
  caption: string
  kind: 'claim' | 'header'
}) {
  if (items.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">Nothing to show.</p>
  return (
    <div className="-mx-4 overflow-x-auto">
      <table className="w-full table-fixed border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <AnnotationColumns kind={kind} />
        <tbody>
          {items.map((a) => (
            <AnnotationRow key={a.name} annotation={a} now={now} redactor={redactor} kind={kind} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

/**
 * A row draws again only when its own annotation, the redaction or (for a time claim, whose
 * "in 5 min" follows the clock) the time changes: the page's one-second clock and a re-validation
 * that yields equal annotations leave the other rows alone.
 */
const AnnotationRow = memo(
  AnnotationRowImpl,
  (a, b) =>
    a.annotation === b.annotation &&
    a.redactor === b.redactor &&
    a.kind === b.kind &&
    (a.now === b.now || !('kind' in b.annotation && b.annotation.kind === 'numeric_date')),
)

function AnnotationRowImpl({
  annotation: a,
  now,
  redactor,
  kind,
}: {
  annotation: Annotation
  now: number
  redactor: Redactor
  kind: 'claim' | 'header'
}) {
  const d = useDisclosure()
  const risky = 'risky' in a && a.risky
  const personal = 'personal' in a && a.personal
  return (
    <>
      <tr
        data-claim={kind === 'claim' ? a.name : undefined}
        data-header-param={kind === 'header' ? a.name : undefined}
        className={`border-b border-slate-100 align-top dark:border-slate-800 ${risky ? 'bg-red-50/70 dark:bg-red-950/30' : ''}`}
      >
        <th scope="row" className="py-2.5 pl-4 pr-2 text-left font-normal">
          <button
            {...d.buttonProps}
            aria-label={`${withMarkers(a.name)}: ${d.open ? 'hide' : 'show'} explanation`}
            className="group flex items-start gap-1 rounded text-left"
          >
            <span className="mt-0.5">
              <Chevron open={d.open} />
            </span>
            <span className="min-w-0">
              <code className="break-all font-mono text-[13px] font-semibold text-slate-900 group-hover:text-indigo-700 dark:text-slate-100 dark:group-hover:text-indigo-300">
                <VisibleText text={a.name} />
              </code>
              {a.title ? <span className="block text-xs text-slate-500 dark:text-slate-400">{a.title}</span> : null}
            </span>
          </button>
          {/* Wrappers only when they hold something: a paste mounts every row at once, and empty
              boxes were two of each row's fourteen elements. */}
          {!a.known || risky || personal ? (
            <div className="mt-1 flex flex-wrap gap-1 pl-5">
              {!a.known ? <Badge tone="amber">not in our knowledge base</Badge> : null}
              {risky ? <Badge tone="red">attack surface</Badge> : null}
              {personal ? <Badge tone="violet">personal</Badge> : null}
            </div>
          ) : null}
          {findInvisible(a.name).length > 0 ? (
            <div className="pl-5">
              <InvisibleNote
                text={a.name}
                subject={kind === 'claim' ? 'This claim name' : 'This parameter name'}
                copyLabel="Copy the real name"
              />
            </div>
          ) : null}
        </th>
        <td className="min-w-0 px-2 py-2.5">
          <AnnotationValue annotation={a} now={now} redactor={redactor} />
        </td>
        <td className="py-2.5 pl-2 pr-4 text-xs leading-5 text-slate-700 dark:text-slate-300">
          {a.summary ? (
            <CodeText text={a.summary} />
          ) : a.known ? (
            ''
          ) : (
            'Not a claim we know. It may be specific to this issuer or application.'
          )}
        </td>
      </tr>
      <tr {...d.regionProps} className="border-b border-slate-100 bg-slate-50/70 dark:border-slate-800 dark:bg-slate-950/40">
        {d.open ? (
          <td colSpan={3} className="px-4 py-3 pl-9">
            <AnnotationDetails annotation={a} redactor={redactor} />
          </td>
        ) : null}
      </tr>
    </>
  )
}

function AnnotationDetails({ annotation: a, redactor }: { annotation: Annotation; redactor: Redactor }) {
  const claim = 'tokenTypes' in a ? a : null
  const hidden = claim?.personal && redactor.active
  return (
    <div className="max-w-3xl space-y-2.5 text-sm text-slate-700 dark:text-slate-300">
      {a.details ? (
        <p className="leading-6">
          <CodeText text={a.details} />
        </p>
      ) : !a.known ? (
        <p>
          Token Lens has no entry for <code className="font-mono">{a.name}</code>. Check the issuer’s documentation; do not rely on it for
          authorization unless you know who sets it.
        </p>
      ) : null}
      {a.watchFor ? (
        <p className="rounded-md border-l-4 border-amber-400 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-500 dark:bg-amber-950/40 dark:text-amber-100">
          <span className="font-semibold">Watch for: </span>
          <CodeText text={a.watchFor} />
        </p>
      ) : null}
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-xs">
        {a.definedIn.length > 0 ? (
          <Definition term="Defined in" className="flex flex-wrap gap-x-3">
            <LinkRow links={a.definedIn} />
          </Definition>
        ) : null}
        {claim && claim.tokenTypes.length > 0 ? (
          <Definition term="Appears in" className="flex flex-wrap gap-1">
            {claim.tokenTypes.map((t) => (
              <Badge key={t}>{t} tokens</Badge>
            ))}
            {claim.versions.map((v) => (
              <Badge key={v} tone="indigo">
                v{v}
              </Badge>
            ))}
          </Definition>
        ) : null}
        {claim?.status && STATUS_WORDS[claim.status] !== null ? <Definition term="Status">{STATUS_WORDS[claim.status]}</Definition> : null}
        {claim?.variant ? <Definition term="Meaning used">{claim.variant}</Definition> : null}
        <Definition term="Raw value" className="break-all font-mono">
          {hidden ? '•••••• hidden' : <VisibleText text={redactor.text(rawText(a.value))} />}
        </Definition>
      </dl>
    </div>
  )
}
