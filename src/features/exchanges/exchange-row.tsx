/** One row of the Flow screen's exchange list: step label, method, URL and status, expandable. */
import { useId } from 'react'
import type { CapturedEntry } from '../../core/capture/types.ts'
import { stepLabel } from '../../core/flows/classify.ts'
import { Badge, type Tone } from '../../ui/badge.tsx'
import { Chevron } from '../../ui/disclosure.tsx'
import { ExchangeDetail } from './exchange-detail.tsx'

const ORIGIN: Record<CapturedEntry['_oauth']['origin'], { tone: Tone; text: string; title: string }> = {
  observed: { tone: 'sky', text: 'observed', title: 'The app saw this happen (a browser navigation)' },
  captured: { tone: 'green', text: 'captured', title: 'The app sent or relayed this request and recorded both sides' },
  simulated: { tone: 'violet', text: 'simulated', title: 'Answered by the built-in demo tenant; no real identity provider was involved' },
  not_observed: { tone: 'slate', text: 'inferred', title: 'Not seen; inferred from other steps' },
}

function shortUrl(url: string): { host: string; path: string } {
  try {
    const u = new URL(url)
    return { host: u.host, path: u.pathname }
  } catch {
    return { host: '', path: url }
  }
}

function statusTone(status: number): Tone {
  if (status === 0) return 'slate'
  if (status < 300) return 'green'
  if (status < 400) return 'sky'
  return 'red'
}

export interface ExchangeRowProps {
  entry: CapturedEntry
  index: number
  all: CapturedEntry[]
  reveal: boolean
  /** Open state lives in the page, so the diagram above can open a row (disclosure pattern). */
  open: boolean
  onToggle: (index: number) => void
  buttonRef?: (index: number, el: HTMLButtonElement | null) => void
  /** The row the diagram last pointed at: outlined so the eye finds it after the scroll. */
  highlighted?: boolean
}

export function ExchangeRow({ entry, index, all, reveal, open, onToggle, buttonRef, highlighted = false }: ExchangeRowProps) {
  const regionId = useId()
  const { host, path } = shortUrl(entry.request.url)
  const origin = ORIGIN[entry._oauth.origin]
  const time = new Date(entry.startedDateTime)
  return (
    <li
      className={`scroll-mt-20 overflow-hidden rounded-xl border bg-white shadow-sm dark:bg-slate-900 ${highlighted ? 'border-indigo-500 ring-2 ring-indigo-500/30 dark:border-indigo-400 dark:ring-indigo-400/30' : 'border-slate-200 dark:border-slate-800'}`}
      data-highlighted={highlighted ? 'true' : undefined}
    >
      <button
        ref={buttonRef ? (el) => buttonRef(index, el) : undefined}
        type="button"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => onToggle(index)}
        className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-left hover:bg-slate-50 dark:hover:bg-slate-800/50"
      >
        <Chevron open={open} />
        <span className="w-6 text-right font-mono text-xs text-slate-500 dark:text-slate-400">{index + 1}</span>
        <span className="w-52 shrink-0 text-sm font-medium">{entry._oauth.label ?? stepLabel(entry._oauth.step)}</span>
        <span className="w-12 font-mono text-xs font-semibold text-slate-600 dark:text-slate-300">
          {entry.response.status === 0 ? 'NAV' : entry.request.method}
        </span>
        <span
          className="min-w-0 flex-1 truncate font-mono text-xs text-slate-700 dark:text-slate-200"
          title={entry.request.url.split('?')[0]}
        >
          <span className="text-slate-500 dark:text-slate-400">{host}</span>
          {path}
        </span>
        <span className="flex flex-wrap items-center gap-1.5">
          {entry.response.status ? (
            <Badge tone={statusTone(entry.response.status)}>{entry.response.status}</Badge>
          ) : (
            <Badge tone="slate" title="A browser navigation, not a fetch">
              navigation
            </Badge>
          )}
          <Badge tone={origin.tone} title={origin.title}>
            {origin.text}
          </Badge>
          {entry._oauth.error ? <Badge tone="red">{entry._oauth.error.code ?? entry._oauth.error.error}</Badge> : null}
          <time dateTime={entry.startedDateTime} className="text-xs tabular-nums text-slate-500 dark:text-slate-400">
            {time.toLocaleTimeString()}
          </time>
        </span>
      </button>
      <div id={regionId} hidden={!open} className="border-t border-slate-100 dark:border-slate-800">
        {open ? <ExchangeDetail entry={entry} all={all} reveal={reveal} /> : null}
      </div>
    </li>
  )
}
