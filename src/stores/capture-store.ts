/**
 * Captured exchanges of this tab (HAR entries with `_oauth`). The journal in sessionStorage is
 * the source of truth, because the redirect bridge page writes to it while this app is unloaded;
 * the store mirrors it and follows every change.
 */
import { create } from 'zustand'
import type { CapturedEntry } from '../core/capture/types.ts'
import { appendToJournal, JOURNAL_EVENT, readJournal, startFlow, writeJournal } from '../adapters/msal/capture-journal.ts'

export interface CaptureState {
  entries: CapturedEntry[]
  add: (entry: CapturedEntry) => void
  clear: () => void
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
  reload: () => set({ entries: readJournal() }),
}))

if (typeof window !== 'undefined') {
  window.addEventListener(JOURNAL_EVENT, () => useCaptureStore.getState().reload())
}
