import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { sanitizeEntries, toHar } from '../../core/har/sanitize.ts'
import type { CapturedEntry } from '../../core/capture/types.ts'
import { useCaptureStore } from '../../stores/capture-store.ts'
import { BUTTON_GHOST, BUTTON_SECONDARY } from '../../ui/button-styles.ts'
import { PageHeader } from '../../ui/page-header.tsx'
import { Switch } from '../../ui/switch.tsx'
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
  const clear = useCaptureStore((s) => s.clear)
  const [reveal, setReveal] = useState(false)
  const flows = useMemo(() => new Set(entries.map((e) => e._oauth.flowId)).size, [entries])
  const exportHar = (keepTokens: boolean) => {
    const { entries: clean, redactionCount } = sanitizeEntries(entries, { keepTokens })
    const har = toHar(clean, '0.1.0', `Captured by Token Lens; ${redactionCount} secret value(s) redacted${keepTokens ? ' (access and ID tokens kept)' : ''}.`)
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
              <button type="button" className={BUTTON_SECONDARY} onClick={() => exportHar(false)} title="Codes, tokens, verifiers and refresh tokens replaced by placeholders">Export HAR (redacted)</button>
              <button type="button" className={BUTTON_GHOST} onClick={clear}>Clear</button>
            </>
          ) : undefined
        }
      />
      {entries.length === 0 ? (
        <div className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center dark:border-slate-700 dark:bg-slate-900">
          <p className="text-sm font-medium">Nothing captured yet.</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            <Link to="/signin" className="text-indigo-700 underline dark:text-indigo-300">Sign in</Link> (the demo tenant needs no account) and every request and response shows up here.
          </p>
        </div>
      ) : (
        <>
          <div className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-300">
            <p>{entries.length} exchange{entries.length === 1 ? '' : 's'} in {flows} flow{flows === 1 ? '' : 's'}. Secrets are masked until you reveal them; nothing here leaves the browser.</p>
            <Switch checked={reveal} onChange={setReveal} label="Reveal secrets" description="Show codes, verifiers and tokens in full" />
          </div>
          <ol className="mt-3 space-y-2" aria-label="Captured exchanges">
            {entries.map((e: CapturedEntry, i) => (
              <ExchangeRow key={`${e.startedDateTime}-${i}`} entry={e} index={i} all={entries} reveal={reveal} />
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
