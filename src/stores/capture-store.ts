/**
 * Captured exchanges of this tab (HAR entries with `_oauth`). The journal in sessionStorage is
 * the source of truth, because the redirect bridge page writes to it while this app is unloaded;
 * the store mirrors it and follows every change.
 */
import { create } from 'zustand'
import { isCapturedEntry, type CapturedEntry } from '../core/capture/types.ts'
import { appendToJournal, currentFlowId, JOURNAL_EVENT, readJournal, startFlow, writeJournal } from '../adapters/msal/capture-journal.ts'
import { CAPTURE_CHANNEL } from '../adapters/msal/redirect-capture.ts'

export interface CaptureState {
  entries: CapturedEntry[]
  add: (entry: CapturedEntry) => void
  clear: () => void
  /** "Forget everything": no entries in memory or storage, and no new flow id written either. */
  forget: () => void
  reload: () => void
}

export const useCaptureStore = create<CaptureState>((set) => ({
  entries: readJournal(),
  add: (entry) => {
    appendToJournal(entry)
  },
  clear: () => {
    writeJournal([])
    startFlow()
  },
  forget: () => {
    writeJournal([])
    set({ entries: [] })
  },
  reload: () => set({ entries: readJournal() }),
}))

if (typeof window !== 'undefined') {
  window.addEventListener(JOURNAL_EVENT, () => useCaptureStore.getState().reload())
  // The redirect back of a popup sign-in is recorded in the popup; take it if it belongs to
  // this tab's current flow (other tabs have other flow IDs) and is not here yet.
  try {
    const channel = new BroadcastChannel(CAPTURE_CHANNEL)
    channel.onmessage = (event: MessageEvent<{ entry?: unknown }>) => {
      const entry = event.data.entry
      if (!entry || typeof entry !== 'object' || !isCapturedEntry(entry as CapturedEntry)) return
      const e = entry as CapturedEntry
      if (e._oauth.flowId !== currentFlowId()) return
      if (readJournal().some((x) => x.startedDateTime === e.startedDateTime && x.request.url === e.request.url)) return
      appendToJournal(e)
    }
  } catch {
    // No BroadcastChannel: popup captures stay in the popup.
  }
}
