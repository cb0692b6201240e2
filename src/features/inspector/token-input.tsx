/** The token field: paste, type or drop a token, with its parts coloured and the input limit enforced. */
import { useId, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent } from 'react'
import type { DecodedToken, SegmentName } from '../../core/token/types.ts'
import { formatSize, inputTooLarge, MAX_TOKEN_FILE_BYTES, MAX_TOKEN_INPUT_CHARS, tokenTooLargeMessage } from '../../core/token/decode.ts'
import { BUTTON_SECONDARY, CODE_ENTRY } from '../../ui/button-styles.ts'
import { useFileDrop } from '../../ui/file-drop.ts'
import { segmentClass, segmentNames, segmentRuns, SEGMENT_DOTS } from './segments.ts'

/** Takes a token out of a dropped/opened file: the text itself, or the first token in a JSON token response. */
function tokenFromFileText(text: string): string {
  const trimmed = text.trim()
  if (trimmed.startsWith('{')) {
    try {
      const json = JSON.parse(trimmed) as Record<string, unknown>
      for (const key of ['id_token', 'access_token', 'token', 'logout_token']) {
        const v = json[key]
        if (typeof v === 'string' && v !== '') return v
      }
    } catch {
      // Not JSON after all: inspect the text as it is.
    }
  }
  return trimmed
}

const FIELD_SIZING = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content')

// Where each decoder segment sits in the compact form (JWS: 3 parts, JWE: 5); a problem with the
// token as a whole ('token') marks no single segment.
const SEGMENT_INDEX: Record<SegmentName, number | null> = {
  header: 0,
  payload: 1,
  signature: 2,
  encrypted_key: 1,
  iv: 2,
  ciphertext: 3,
  tag: 4,
  token: null,
}

/**
 * What a refused input leaves behind, so the user is never left wondering where the paste went:
 * nothing is stored, and the token that was there stays.
 */
function refusedNote(message: string, hadToken: boolean): string {
  return `${message} Nothing was pasted or stored${hadToken ? '; the token you had is still here' : ''}.`
}

/**
 * The length to judge a paste by: the pasted text itself when it alone is over the limit (that is
 * what the user knows they copied), else the field's text once the paste replaces the selection.
 */
export function pastedLength(el: HTMLTextAreaElement, pasted: string): number {
  if (pasted.length > MAX_TOKEN_INPUT_CHARS) return pasted.length
  return el.value.length - Math.abs(el.selectionEnd - el.selectionStart) + pasted.length
}

export function TokenInput({
  value,
  onChange,
  decoded,
  redacted,
  label = 'Token',
}: {
  value: string
  onChange: (value: string, source?: string) => void
  decoded: DecodedToken | null
  redacted: boolean
  label?: string
}) {
  const id = useId()
  const mirror = useRef<HTMLDivElement>(null)
  const area = useRef<HTMLTextAreaElement>(null)
  // Grow with the token (up to a limit) so the whole of a typical JWT is visible without
  // scrolling. Where CSS can size the field to its content (field-sizing, CSS Basic UI 4 §6.1)
  // the browser does it in its own layout pass; elsewhere the height is set through the CSSOM
  // (which the style-src 'self' policy allows), at the price of a forced layout on each change.
  useLayoutEffect(() => {
    const el = area.current
    if (!el || FIELD_SIZING) return
    el.style.height = 'auto'
    el.style.height = `${Math.min(Math.max(el.scrollHeight + 2, 240), 520)}px`
  }, [value, redacted])
  const fileInput = useRef<HTMLInputElement>(null)
  // A notice belongs to the value it was given for: a token opened from elsewhere hides it.
  const [noticeState, setNoticeState] = useState<{ text: string; forValue: string } | null>(null)
  const setNotice = (text: string | null) => setNoticeState(text === null ? null : { text, forValue: value })
  const notice = noticeState?.forValue === value ? noticeState.text : null
  // A value over the limit can still arrive from elsewhere (openToken from a link or a capture):
  // it is never mirrored or put in the textarea, whose layout is what froze the tab.
  const oversized = inputTooLarge(value)
  const runs = useMemo(() => (oversized === null ? segmentRuns(value) : []), [value, oversized])
  const count = decoded?.segments.length ?? 0
  const names = segmentNames(count)
  const failed = new Set((decoded?.problems ?? []).map((p) => SEGMENT_INDEX[p.segment]))

  // Every way in (typing, paste, drop, file) passes here: text over the limit is refused before
  // it reaches the store, so it is neither rendered nor written to sessionStorage.
  const accept = (text: string, source: string) => {
    const refused = inputTooLarge(text)
    if (refused !== null) {
      setNotice(refusedNote(refused, value !== ''))
      return
    }
    setNotice(null)
    onChange(text, source)
  }
  // Stops a huge paste before the browser inserts it into the field at all.
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const after = pastedLength(e.currentTarget, e.clipboardData.getData('text/plain'))
    if (after > MAX_TOKEN_INPUT_CHARS) {
      e.preventDefault()
      setNotice(refusedNote(tokenTooLargeMessage(after), value !== ''))
    }
  }
  const readFile = async (file: File) => {
    setNotice(null)
    if (file.size > MAX_TOKEN_FILE_BYTES) {
      setNotice(
        `${file.name} is ${formatSize(file.size)}; a token file is at most ${formatSize(MAX_TOKEN_FILE_BYTES)}. Nothing was loaded.`,
      )
      return
    }
    let text: string
    try {
      text = await file.text()
    } catch {
      setNotice(`${file.name} could not be read as text.`)
      return
    }
    accept(tokenFromFileText(text), `file ${file.name}`)
  }
  const drop = useFileDrop(
    (file) => void readFile(file),
    (text) => accept(text, 'drop'),
  )

  return (
    <div>
      <div className="mb-1.5 flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-800 dark:text-slate-100">
          {label}
        </label>
        <button type="button" className={`${BUTTON_SECONDARY} !px-2 !py-1 !text-xs`} onClick={() => fileInput.current?.click()}>
          Open file…
        </button>
        <input
          ref={fileInput}
          type="file"
          className="sr-only"
          tabIndex={-1}
          aria-hidden="true"
          accept=".txt,.jwt,.json,text/plain,application/json,application/jwt"
          onChange={(e) => {
            const f = e.target.files?.[0]
            if (f) void readFile(f)
            e.target.value = ''
          }}
        />
      </div>
      <div
        {...drop.handlers}
        className={`relative rounded-lg border bg-white shadow-inner dark:bg-slate-950 ${drop.over ? 'border-indigo-500 ring-2 ring-indigo-500/40' : 'border-slate-300 dark:border-slate-700'} focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/30`}
      >
        {oversized !== null ? (
          <div role="alert" className="min-h-60 p-3 text-sm text-red-700 dark:text-red-300">
            <p>{oversized} It was not stored.</p>
            <button type="button" className={`${BUTTON_SECONDARY} mt-3 !px-2 !py-1 !text-xs`} onClick={() => onChange('')}>
              Clear it
            </button>
          </div>
        ) : redacted ? (
          <RedactedView runs={runs} />
        ) : (
          <>
            {/* The coloured copy sits under a transparent textarea: the textarea stays the real,
                accessible control; the mirror is decoration (aria-hidden). */}
            <div
              ref={mirror}
              aria-hidden="true"
              // warm-up.tsx lays out a copy of the coloured token (and only of it, of this panel).
              data-token-mirror=""
              className="pointer-events-none absolute inset-0 overflow-hidden whitespace-pre-wrap break-all p-3 font-mono text-[13px] leading-5 [scrollbar-gutter:stable]"
            >
              {runs.map((r, i) => (
                <span key={i} className={segmentClass(r.kind)}>
                  {r.text}
                </span>
              ))}
              {'\n'}
            </div>
            <textarea
              ref={area}
              id={id}
              value={value}
              {...CODE_ENTRY}
              aria-describedby={`${id}-hint`}
              onChange={(e) => accept(e.target.value, 'paste')}
              onPaste={onPaste}
              onScroll={(e) => {
                if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop
              }}
              placeholder="Paste a JWT (eyJ…), with or without “Bearer ”, or drop a file here"
              className="relative block min-h-60 max-h-[520px] w-full resize-y [field-sizing:content] overflow-y-auto whitespace-pre-wrap break-all rounded-lg bg-transparent p-3 font-mono text-[13px] leading-5 text-transparent caret-slate-900 outline-none [scrollbar-gutter:stable] selection:bg-indigo-200/60 placeholder:text-slate-400 dark:caret-white dark:selection:bg-indigo-400/30 dark:placeholder:text-slate-500"
            />
          </>
        )}
      </div>
      <p id={`${id}-hint`} className="mt-1.5 text-xs text-slate-500 dark:text-slate-400">
        Stays in this browser tab. Whitespace, line breaks and a <code className="font-mono">Bearer</code> prefix are ignored.
      </p>
      {count > 1 ? (
        <ul aria-label="Token segments" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-300">
          {names.slice(0, Math.max(count, 3)).map((name, i) => {
            const length = decoded?.segments[i]?.length ?? 0
            const bad = failed.has(i)
            return (
              <li key={name} className="flex items-center gap-1.5">
                <span className={`inline-block h-2.5 w-2.5 rounded-full ${SEGMENT_DOTS[i] ?? 'bg-slate-400'}`} aria-hidden="true" />
                <span className={bad ? 'font-semibold text-red-700 dark:text-red-300' : ''}>
                  {name}{' '}
                  <span className={bad ? '' : 'text-slate-500 dark:text-slate-400'}>{bad ? '· cannot be decoded' : `${length} chars`}</span>
                </span>
              </li>
            )
          })}
        </ul>
      ) : null}
      {notice ? (
        <p role="alert" data-testid="token-input-notice" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {notice}
        </p>
      ) : null}
    </div>
  )
}

/** Redaction mode: the payload segment (which base64-encodes the personal claims) is not shown at all. */
function RedactedView({ runs }: { runs: ReturnType<typeof segmentRuns> }) {
  return (
    <div
      role="group"
      aria-label="Token (payload hidden by redaction mode)"
      className="min-h-60 overflow-y-auto whitespace-pre-wrap break-all p-3 font-mono text-[13px] leading-5"
    >
      {runs.map((r, i) =>
        r.kind === 'segment1' ? (
          <span
            key={i}
            className="mx-0.5 rounded bg-violet-100 px-1.5 py-0.5 font-sans text-xs font-medium text-violet-800 dark:bg-violet-500/15 dark:text-violet-200"
          >
            payload hidden ({r.text.length} characters)
          </span>
        ) : (
          <span key={i} className={segmentClass(r.kind)}>
            {r.text}
          </span>
        ),
      )}
      <p className="mt-3 font-sans text-xs text-slate-500 dark:text-slate-400">Redaction mode is on: turn it off to edit the token.</p>
    </div>
  )
}
