/**
 * The extension's viewer: the Token Lens app itself (same router, screens and stores), fed by
 * the recorder instead of MSAL. Every update from the service worker re-runs the one analysis
 * (import store's analyseCapture), so flows, tokens, lint and the diagram follow the recording.
 */
import { StrictMode, useEffect, useState, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '../app/app.tsx'
import { applyTheme } from '../app/theme.ts'
import { useThemeStore } from '../stores/theme-store.ts'
import { useImportStore } from '../stores/import-store.ts'
import { RecordingBar } from './recording-bar.tsx'
import { VIEWER_PORT_PREFIX, type RecordingStatus, type ViewerUpdate } from './protocol.ts'
import './extension.css'

applyTheme(useThemeStore.getState().choice)

const tabId = Number(new URLSearchParams(location.search).get('tab'))
let lastCount = -1

function apply(update: ViewerUpdate): void {
  // The same entries again (a status-only change): keep the analysis and the verdicts as they are.
  if (update.entries.length === lastCount) return
  lastCount = update.entries.length
  const store = useImportStore.getState()
  const selected = store.selectedFlowId
  store.analyseCapture(update.entries, 'recording')
  const flows = useImportStore.getState().loaded?.analysis.flows ?? []
  // Stay on the flow being looked at, then re-check its tokens (analyseCapture starts afresh).
  const keep = flows.find((f) => f.id === selected)?.id ?? flows[0]?.id
  if (keep) {
    useImportStore.getState().selectFlow(keep)
    void useImportStore.getState().checkTokens(keep)
  }
}

function Bar() {
  const [status, setStatus] = useState<RecordingStatus | null>(null)
  const [lost, setLost] = useState(false)
  useEffect(() => {
    if (!Number.isInteger(tabId) || tabId <= 0) return
    const port = chrome.runtime.connect({ name: `${VIEWER_PORT_PREFIX}${tabId}` })
    port.onMessage.addListener((update: ViewerUpdate) => {
      setStatus(update.status)
      apply(update)
    })
    port.onDisconnect.addListener(() => setLost(true))
    return () => port.disconnect()
  }, [])
  if (!Number.isInteger(tabId) || tabId <= 0) {
    return <RecordingBar tabId={null} status={null} lost={false} />
  }
  return <RecordingBar tabId={tabId} status={status} lost={lost} />
}

if (location.hash === '' || location.hash === '#/') location.hash = '#/import'

/** Renders `node` into the page's element `id`, if the page has one. */
function mount(id: string, node: ReactNode) {
  const el = document.getElementById(id)
  if (el) createRoot(el).render(<StrictMode>{node}</StrictMode>)
}
mount('recording-bar', <Bar />)
mount('root', <App />)
