/** The claims and header shown in the paste's own frame, from first-view code, until the report's parts have loaded. */
import type { ClaimAnnotation, HeaderAnnotation } from '../../core/claims/types.ts'
import { humaniseTime } from '../../core/claims/time.ts'
import { rawText } from '../../core/claims/raw-text.ts'
import { MASK, type Redactor } from './redaction.ts'
import { HEAD_ROW, TableHead } from '../../ui/table-head.tsx'

/**
 * What the first view can show of a token the moment it is pasted: decoding is a few
 * microseconds and needs no lazy code, so the header, the claims and their times are on screen in
 * the same frame as the paste. The meanings, the findings and the signature follow when the
 * verifier's report arrives, in the same places.
 */

/** RFC 7519 §4.1.4–4.1.6 and OIDC Core §2 (auth_time): NumericDate claims, shown as times at once. */
const TIME_CLAIMS = new Set(['exp', 'nbf', 'iat', 'auth_time', 'updated_at'])

/**
 * Invisible and bidi characters drawn as ⟨U+XXXX⟩, as the report's tables do. The preview uses a
 * wider net than core/claims/invisible.ts (every format, control, private-use and unassigned code
 * point, Unicode general category C, plus line and paragraph separators) so that the first view
 * does not carry that module's tables; the report's own rendering replaces this within
 * milliseconds.
 */
const HIDDEN = /[\p{C}\p{Zl}\p{Zp}]/gu
export function previewText(text: string): string {
  return text.replace(HIDDEN, (c) => `⟨U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`)
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Claims as decoded, in the annotation's shape so the report's table can draw them and later
 * update the same rows (keyed by name) with the registry's meanings. Nothing here claims to know
 * a meaning: no title, no summary, and `personal` is left to the redactor, which hides every
 * claim it has no annotation for.
 */
export function provisionalClaims(payload: unknown): ClaimAnnotation[] {
  if (!isObject(payload)) return []
  return Object.entries(payload).map(([name, value]) => ({
    name,
    value,
    known: true,
    ...(TIME_CLAIMS.has(name) && typeof value === 'number' ? { kind: 'numeric_date' as const } : {}),
    definedIn: [],
    tokenTypes: [],
    versions: [],
    human: [],
    personal: false,
  }))
}

export function provisionalHeader(header: Record<string, unknown> | null): HeaderAnnotation[] {
  if (!header) return []
  return Object.entries(header).map(([name, value]) => ({ name, value, known: true, definedIn: [], human: [], risky: false }))
}

/** The columns of every claims and header table, the decoded preview's and the report's alike. */
export function AnnotationColumns({ kind }: { kind: 'claim' | 'header' }) {
  return (
    <>
      <colgroup>
        <col className="w-[30%]" />
        <col className="w-[38%]" />
        <col className="w-[32%]" />
      </colgroup>
      <TableHead
        rowClassName={HEAD_ROW}
        columns={[
          { label: kind === 'claim' ? 'Claim' : 'Parameter', className: 'py-2 pl-4 pr-2 font-medium' },
          { label: 'Value', className: 'px-2 py-2 font-medium' },
          { label: 'Meaning', className: 'py-2 pl-2 pr-4 font-medium' },
        ]}
      />
    </>
  )
}

/**
 * The claims or header parameters as decoded, in the report table's columns and widths (its
 * "Meaning" column left empty until the meanings arrive), so the rows sit where the report's own
 * rows will.
 */
export function PreviewTable({
  kind,
  caption,
  items,
  now,
  redactor,
}: {
  kind: 'claim' | 'header'
  caption: string
  items: (ClaimAnnotation | HeaderAnnotation)[]
  now: number
  redactor: Redactor
}) {
  if (items.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">Nothing to show.</p>
  return (
    <div className="-mx-4 overflow-x-auto">
      <table className="w-full table-fixed border-collapse text-sm" data-testid={kind === 'claim' ? 'decoded-preview' : undefined}>
        <caption className="sr-only">{caption}</caption>
        <AnnotationColumns kind={kind} />
        <tbody>
          {items.map((c) => (
            <tr
              key={c.name}
              data-claim={kind === 'claim' ? c.name : undefined}
              data-header-param={kind === 'header' ? c.name : undefined}
              className="border-b border-slate-100 align-top dark:border-slate-800"
            >
              <th
                scope="row"
                className="py-2.5 pl-4 pr-2 text-left font-mono text-[13px] font-semibold break-all text-slate-900 dark:text-slate-100"
              >
                {previewText(c.name)}
              </th>
              <td className="break-all px-2 py-2.5 font-mono text-xs text-slate-900 dark:text-slate-100">
                {kind === 'claim' && redactor.active && redactor.isPersonal(c.name) ? (
                  MASK
                ) : (
                  <PreviewValue name={kind === 'claim' ? c.name : ''} value={c.value} now={now} redactor={redactor} />
                )}
              </td>
              <td className="py-2.5 pl-2 pr-4" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function PreviewValue({ name, value, now, redactor }: { name: string; value: unknown; now: number; redactor: Redactor }) {
  const raw = previewText(redactor.text(rawText(value)))
  if (!TIME_CLAIMS.has(name) || typeof value !== 'number') return <>{raw}</>
  const t = humaniseTime(value, now)
  return (
    <>
      {raw}
      <span className="block font-sans text-slate-700 dark:text-slate-300">
        {t.text}
        {t.relative ? ` · ${t.relative}` : ''}
      </span>
    </>
  )
}
