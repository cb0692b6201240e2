/** Two tokens side by side: which claims differ, which are only in one. */
import { useId, useMemo, useState, type ClipboardEvent } from 'react'
import { compareClaims, type ClaimChange } from '../../core/compare/compare-claims.ts'
import type { DecodedToken } from '../../core/token/types.ts'
import { inputTooLarge, MAX_TOKEN_INPUT_CHARS, tokenTooLargeMessage } from '../../core/token/decode.ts'
import { Badge, type Tone } from '../../ui/badge.tsx'
import { CODE_ENTRY, INPUT } from '../../ui/button-styles.ts'
import { Switch } from '../../ui/switch.tsx'
import { rawText } from '../../core/claims/raw-text.ts'
import { MASK, type Redactor } from './redaction.ts'
import { pastedLength } from './token-input.tsx'
import { VisibleText } from './claim-value.tsx'
import { HEAD_ROW, TableHead } from '../../ui/table-head.tsx'

const COLUMNS = [
  { label: 'Claim', className: 'w-[22%] py-2 pl-4 pr-2 font-medium' },
  { label: 'Change', className: 'w-[14%] px-2 py-2 font-medium' },
  { label: 'First token', className: 'px-2 py-2 font-medium' },
  { label: 'Second token', className: 'py-2 pl-2 pr-4 font-medium' },
]

const CHANGE: Record<ClaimChange, { label: string; tone: Tone }> = {
  added: { label: 'added', tone: 'green' },
  removed: { label: 'removed', tone: 'red' },
  changed: { label: 'changed', tone: 'amber' },
  same: { label: 'same', tone: 'slate' },
}

export function ComparePanel({
  first,
  second,
  secondText,
  onSecondChange,
  redactor,
}: {
  first: DecodedToken | null
  second: DecodedToken | null
  secondText: string
  onSecondChange: (text: string) => void
  redactor: Redactor
}) {
  const id = useId()
  const [showSame, setShowSame] = useState(false)
  // Same rule as the main token input: text over the limit is refused before it is stored.
  const [refused, setRefused] = useState<string | null>(null)
  const refuse = (message: string) =>
    setRefused(`${message} Nothing was pasted or stored${secondText ? '; the second token you had is still here' : ''}.`)
  const change = (text: string) => {
    const tooLarge = inputTooLarge(text)
    if (tooLarge !== null) return refuse(tooLarge)
    setRefused(null)
    onSecondChange(text)
  }
  const paste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const after = pastedLength(e.currentTarget, e.clipboardData.getData('text/plain'))
    if (after > MAX_TOKEN_INPUT_CHARS) {
      e.preventDefault()
      refuse(tokenTooLargeMessage(after))
    }
  }
  const result = useMemo(() => (first && second ? compareClaims(first.payload, second.payload) : null), [first, second])
  // Invisible characters are drawn as markers here too: a changed value may differ only by one.
  const showText = (name: string, value: unknown) => (redactor.isPersonal(name) ? MASK : redactor.text(rawText(value)))
  const show = (name: string, value: unknown) => <VisibleText text={showText(name, value)} />
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
          Second token
        </label>
        <textarea
          id={id}
          value={secondText}
          onChange={(e) => change(e.target.value)}
          onPaste={paste}
          {...CODE_ENTRY}
          placeholder="Paste another token: a v1 and a v2 token, or the same token before and after an optional-claims change"
          className={`${INPUT} mt-1 h-24 resize-y break-all font-mono !text-xs`}
        />
        {refused ? (
          <p role="alert" data-testid="compare-input-notice" className="mt-1 text-xs text-red-700 dark:text-red-300">
            {refused}
          </p>
        ) : null}
        {second && !second.decodes ? (
          <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
            {second.problems[0]?.message ?? second.formReason}
          </p>
        ) : null}
      </div>
      {result && !result.comparable && second?.decodes ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          One of the payloads is not a JSON object, so there are no claims to compare.
        </p>
      ) : null}
      {result?.comparable ? (
        <>
          <div className="flex flex-wrap items-center gap-2 text-sm" aria-live="polite">
            <Badge tone="green">{result.counts.added} added</Badge>
            <Badge tone="red">{result.counts.removed} removed</Badge>
            <Badge tone="amber">{result.counts.changed} changed</Badge>
            <Badge>{result.counts.same} same</Badge>
            <span className="ml-auto">
              <Switch checked={showSame} onChange={setShowSame} label="Show unchanged" />
            </span>
          </div>
          <div className="-mx-4 overflow-x-auto">
            <table className="w-full table-fixed text-sm">
              <caption className="sr-only">Claims of the first token compared with the second</caption>
              <TableHead rowClassName={HEAD_ROW} columns={COLUMNS} />
              <tbody>
                {result.diffs
                  .filter((d) => showSame || d.change !== 'same')
                  .map((d) => (
                    <tr
                      key={d.name}
                      data-compare-claim={d.name}
                      data-change={d.change}
                      className="border-b border-slate-100 align-top dark:border-slate-800"
                    >
                      <th scope="row" className="py-2 pl-4 pr-2 text-left font-mono text-[13px] font-semibold">
                        <VisibleText text={d.name} />
                      </th>
                      <td className="px-2 py-2">
                        <Badge tone={CHANGE[d.change].tone}>{CHANGE[d.change].label}</Badge>
                      </td>
                      <td className="break-all px-2 py-2 font-mono text-xs">
                        {'before' in d ? show(d.name, d.before) : <span className="text-slate-500 dark:text-slate-400">—</span>}
                      </td>
                      <td className="break-all py-2 pl-2 pr-4 font-mono text-xs">
                        {'after' in d ? show(d.name, d.after) : <span className="text-slate-500 dark:text-slate-400">—</span>}
                        {d.elementsAdded?.length || d.elementsRemoved?.length ? (
                          <div className="mt-1 font-sans text-[11px] text-slate-600 dark:text-slate-400">
                            {d.elementsAdded?.length ? (
                              <div>
                                + <VisibleText text={d.elementsAdded.map((v) => showText(d.name, v)).join(', ')} />
                              </div>
                            ) : null}
                            {d.elementsRemoved?.length ? (
                              <div>
                                − <VisibleText text={d.elementsRemoved.map((v) => showText(d.name, v)).join(', ')} />
                              </div>
                            ) : null}
                          </div>
                        ) : null}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  )
}
