/**
 * Messages between the extension's pages (popup, viewer) and its service worker. Plain JSON:
 * chrome.runtime messaging structured-clones them, and nothing here leaves the browser.
 */
import type { CapturedEntry } from '../core/capture/types.ts'

export interface RecordingStatus {
  tabId: number
  recording: boolean
  /** Keep every exchange of the tab, not only OAuth / OpenID Connect traffic. */
  keepAll: boolean
  /** Entries kept so far. */
  kept: number
  /** Of them, exchanges the classifier names as OAuth / OIDC steps (the badge count). */
  oauth: number
  /** Why recording stopped on its own (tab closed, DevTools took over, the user cancelled). */
  detachedReason?: string
  error?: string
}

export type Command =
  | { type: 'status'; tabId: number }
  | { type: 'start'; tabId: number; keepAll?: boolean; openViewer?: boolean }
  | { type: 'stop'; tabId: number }
  | { type: 'keepAll'; tabId: number; keepAll: boolean }
  | { type: 'clear'; tabId: number }
  | { type: 'openViewer'; tabId: number }

/** Sent on a viewer's port after it connects and after every change. */
export interface ViewerUpdate {
  status: RecordingStatus
  entries: CapturedEntry[]
}

export const VIEWER_PORT_PREFIX = 'viewer:'

export function viewerUrlPath(tabId: number): string {
  return `viewer.html?tab=${tabId}#/import`
}
