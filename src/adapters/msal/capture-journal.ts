/**
 * The captured exchanges of this tab, kept in sessionStorage so they survive the redirect round
 * trip (the page unloads at /authorize and again at the redirect bridge). Shared by the capture
 * store and the redirect bridge page, which records the redirect back before MSAL sees it.
 */
import { readStored, writeStored } from '../storage.ts'
import { isCapturedEntry, type CapturedEntry } from '../../core/capture/types.ts'
import { stampEntry } from '../../core/flows/stamp.ts'

const ENTRIES_KEY = 'capture:entries'
const FLOW_KEY = 'capture:flow'
/** Set by the redirect bridge: the redirect back is waiting for the app (step-through pause 2). */
const PENDING_KEY = 'capture:pending-redirect'

export function readJournal(): CapturedEntry[] {
  const raw = readStored('session', ENTRIES_KEY)
  if (!raw) return []
  try {
    const parsed: unknown = JSON.parse(raw)
    return Array.isArray(parsed)
      ? parsed.filter((e): e is CapturedEntry => typeof e === 'object' && e !== null && isCapturedEntry(e as CapturedEntry))
      : []
  } catch {
    return []
  }
}

/** Dispatched on window after every change, so the capture store (and its screens) follow. */
export const JOURNAL_EVENT = 'token-lens:captures'

export function writeJournal(entries: CapturedEntry[]): void {
  writeStored('session', ENTRIES_KEY, entries.length ? JSON.stringify(entries) : null)
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(JOURNAL_EVENT))
}

/** Appends one exchange, stamped by the one classifier every capture goes through (core/flows/stamp.ts). */
export function appendToJournal(entry: CapturedEntry): CapturedEntry[] {
  const next = [...readJournal(), stampEntry(entry)]
  writeJournal(next)
  return next
}

/** The current flow ID: one per sign-in attempt, so a diagram can group its steps. */
export function currentFlowId(): string {
  return readStored('session', FLOW_KEY) ?? startFlow()
}

export function startFlow(): string {
  const id = `flow-${crypto.randomUUID().slice(0, 8)}`
  writeStored('session', FLOW_KEY, id)
  return id
}

export interface PendingRedirect {
  url: string
  at: number
}

export function setPendingRedirect(value: PendingRedirect | null): void {
  writeStored('session', PENDING_KEY, value ? JSON.stringify(value) : null)
}

export function readPendingRedirect(): PendingRedirect | null {
  const raw = readStored('session', PENDING_KEY)
  if (!raw) return null
  try {
    const v = JSON.parse(raw) as Partial<PendingRedirect>
    return typeof v.url === 'string' && typeof v.at === 'number' ? { url: v.url, at: v.at } : null
  } catch {
    return null
  }
}
