/** The Flow screen: every exchange of this tab's sign-ins, in order, with the flow drawn above. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import { sanitizeEntries, toHar } from '../../core/har/sanitize.ts'
import type { CapturedEntry } from '../../core/capture/types.ts'
import { useCaptureStore } from '../../stores/capture-store.ts'
import { BUTTON_GHOST, BUTTON_SECONDARY } from '../../ui/button-styles.ts'
import { PageHeader } from '../../ui/page-header.tsx'
import { Switch } from '../../ui/switch.tsx'
import { DiagramSection } from './diagram-section.tsx'
import { ExchangeRow } from './exchange-row.tsx'

function download(name: string, text: string) {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 1000)
}

/** Every captured exchange of this tab, in order, each expandable into request and response. */
export function ExchangesPage() {
  const entries = useCaptureStore((s) => s.entries)
  const clearCapture = useCaptureStore((s) => s.clear)
  const [reveal, setReveal] = useState(false)
  const [openRows, setOpenRows] = useState<ReadonlySet<number>>(() => new Set())
  // The row the diagram asked for; `seq` makes a second click on the same arrow scroll again.
  const [target, setTarget] = useState<{ index: number; seq: number } | null>(null)
  const rowButtons = useRef(new Map<number, HTMLButtonElement>())
  const registerRow = useCallback((index: number, el: HTMLButtonElement | null) => {
    if (el) rowButtons.current.set(index, el)
    else rowButtons.current.delete(index)
  }, [])
  const toggleRow = useCallback((index: number) => {
    setOpenRows((rows) => {
      const next = new Set(rows)
      if (!next.delete(index)) next.add(index)
      return next
    })
  }, [])
  const showExchange = useCallback((index: number) => {
    setOpenRows((rows) => (rows.has(index) ? rows : new Set(rows).add(index)))
    setTarget((t) => ({ index, seq: (t?.seq ?? 0) + 1 }))
  }, [])
  useEffect(() => {
    const el = target ? rowButtons.current.get(target.index) : undefined
    if (!el) return
    // Focus first (without the browser's own jump), then one scroll that respects reduced motion.
    el.focus({ preventScroll: true })
    const reduce = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
    el.closest('li')?.scrollIntoView?.({ block: 'start', behavior: reduce ? 'auto' : 'smooth' })
  }, [target])
  const clear = () => {
    setOpenRows(new Set())
    setTarget(null)
    clearCapture()
  }
  const flows = useMemo(() => new Set(entries.map((e) => e._oauth.flowId)).size, [entries])
  const exportHar = (keepTokens: boolean) => {
    const { entries: clean, redactionCount } = sanitizeEntries(entries, { keepTokens })
    const har = toHar(
      clean,
      '0.1.0',
      `Captured by Token Lens; ${redactionCount} secret value(s) redacted${keepTokens ? ' (access and ID tokens kept)' : ''}.`,
    )
    download(`token-lens-capture-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.har`, JSON.stringify(har, null, 2))
  }
  return (
    <section className="mx-auto max-w-7xl px-4 py-8">
      <PageHeader
        title="Flow"
        lead="Every HTTP exchange of the captured sign-ins in this tab, in order: discovery, the /authorize redirect, the redirect back, the /token POST, JWKS, Graph, refresh and sign-out."
        actions={
          entries.length ? (
            <>
              <button
                type="button"
                className={BUTTON_SECONDARY}
                onClick={() => exportHar(false)}
                title="Codes, tokens, verifiers and refresh tokens replaced by placeholders"
              >
                Export HAR (redacted)
              </button>
              <button type="button" className={BUTTON_GHOST} onClick={clear}>
                Clear
              </button>
            </>
          ) : undefined
        }
      />
      {entries.length === 0 ? (
        <div className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center dark:border-slate-700 dark:bg-slate-900">
          <p className="text-sm font-medium">Nothing captured yet.</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            <Link to="/signin" className="text-indigo-700 underline dark:text-indigo-300">
              Sign in
            </Link>{' '}
            (the demo tenant needs no account) and every request and response shows up here.
          </p>
        </div>
      ) : (
        <>
          <DiagramSection entries={entries} onShowExchange={showExchange} />
          <div className="mt-6 flex flex-wrap items-end justify-between gap-3">
            <div>
              <h2 className="text-base font-semibold">Exchanges</h2>
              <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-300">
                {entries.length} exchange{entries.length === 1 ? '' : 's'} in {flows} flow{flows === 1 ? '' : 's'}. Secrets are masked until
                you reveal them; nothing here leaves the browser.
              </p>
            </div>
            <Switch checked={reveal} onChange={setReveal} label="Reveal secrets" description="Show codes, verifiers and tokens in full" />
          </div>
          <ol className="mt-3 space-y-2" aria-label="Captured exchanges">
            {entries.map((e: CapturedEntry, i) => (
              <ExchangeRow
                key={`${e.startedDateTime}-${i}`}
                entry={e}
                index={i}
                all={entries}
                reveal={reveal}
                open={openRows.has(i)}
                onToggle={toggleRow}
                buttonRef={registerRow}
                highlighted={target?.index === i}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
