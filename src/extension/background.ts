/**
 * The extension's service worker: records the tab the user chose, and only that tab, through
 * the Chrome DevTools Protocol Network domain (chrome.debugger).
 *
 * Why chrome.debugger and not webRequest + a page script: one mechanism sees every hop of a
 * navigation (each redirect arrives as requestWillBeSent with the previous hop's
 * redirectResponse), form_post bodies, and the page's own fetch/XHR calls WITH request and
 * response bodies (Network.getRequestPostData, Network.getResponseBody), in every frame and
 * worker of the tab. webRequest never gives response bodies, and a main-world fetch/XHR wrapper
 * misses service workers, iframes started before it and the navigations themselves.
 * Limits: Chrome shows a "started debugging this browser" bar while attached, DevTools on the
 * same tab may take over (we stop and say why), and a confidential client's back channel (the
 * web server redeeming the code at /token) never passes through the browser at all: the
 * analysis infers that step from the callback to the server route and marks it "not observed".
 */
import type { CapturedEntry } from '../core/capture/types.ts'
import { CdpHarBuilder, RelevanceFilter, toRecordedEntry, withBodies, type CdpBody, type CdpFinished } from '../core/har/from-cdp.ts'
import { VIEWER_PORT_PREFIX, viewerUrlPath, type Command, type RecordingStatus, type ViewerUpdate } from './protocol.ts'

const PROTOCOL_VERSION = '1.3'
/** Bodies of form posts up to this size arrive with requestWillBeSent (CDP Network.enable). */
const MAX_POST_DATA = 256 * 1024

interface Recording {
  tabId: number
  recording: boolean
  keepAll: boolean
  flowId: string
  builder: CdpHarBuilder
  filter: RelevanceFilter
  entries: CapturedEntry[]
  /** Finished exchanges are processed one after another so their order holds. */
  queue: Promise<void>
  detachedReason?: string
  error?: string
}

// Held in memory only: codes and tokens never reach chrome.storage (local, sync or session).
const recordings = new Map<number, Recording>()
const viewers = new Map<number, Set<chrome.runtime.Port>>()

function status(tabId: number): RecordingStatus {
  const r = recordings.get(tabId)
  if (!r) return { tabId, recording: false, keepAll: false, kept: 0, oauth: 0 }
  return {
    tabId,
    recording: r.recording,
    keepAll: r.keepAll,
    kept: r.entries.length,
    oauth: oauthCount(r),
    ...(r.detachedReason ? { detachedReason: r.detachedReason } : {}),
    ...(r.error ? { error: r.error } : {}),
  }
}

function oauthCount(r: Recording): number {
  return r.entries.filter((e) => e._oauth.step !== 'other').length
}

function newFlowId(): string {
  return `ext-${crypto.randomUUID()}`
}

async function updateBadge(tabId: number): Promise<void> {
  const r = recordings.get(tabId)
  try {
    if (r?.recording) {
      const n = oauthCount(r)
      await chrome.action.setBadgeBackgroundColor({ tabId, color: '#b91c1c' })
      await chrome.action.setBadgeText({ tabId, text: n > 0 ? String(Math.min(n, 999)) : 'REC' })
      await chrome.action.setTitle({ tabId, title: `Token Lens: recording this tab (${n} OAuth exchange${n === 1 ? '' : 's'})` })
    } else {
      await chrome.action.setBadgeText({ tabId, text: '' })
      await chrome.action.setTitle({ tabId, title: 'Token Lens: record this tab' })
    }
  } catch {
    // The tab is gone.
  }
}

function broadcast(tabId: number): void {
  const r = recordings.get(tabId)
  const update: ViewerUpdate = { status: status(tabId), entries: r ? r.entries : [] }
  for (const port of viewers.get(tabId) ?? []) {
    try {
      port.postMessage(update)
    } catch {
      viewers.get(tabId)?.delete(port)
    }
  }
}

async function send<T>(tabId: number, method: string, params?: Record<string, unknown>): Promise<T> {
  return (await chrome.debugger.sendCommand({ tabId }, method, params)) as T
}

async function start(tabId: number, keepAll: boolean): Promise<RecordingStatus> {
  const existing = recordings.get(tabId)
  if (existing?.recording) return status(tabId)
  const r: Recording = existing ?? {
    tabId,
    recording: false,
    keepAll,
    flowId: newFlowId(),
    builder: new CdpHarBuilder(),
    filter: new RelevanceFilter(),
    entries: [],
    queue: Promise.resolve(),
  }
  r.keepAll = keepAll
  r.builder = new CdpHarBuilder()
  delete r.detachedReason
  delete r.error
  recordings.set(tabId, r)
  try {
    await chrome.debugger.attach({ tabId }, PROTOCOL_VERSION)
  } catch (error) {
    // chrome:// pages, the Web Store and tabs DevTools already holds refuse a debugger.
    r.error = `This tab cannot be recorded: ${error instanceof Error ? error.message : String(error)}`
    broadcast(tabId)
    return status(tabId)
  }
  try {
    await send(tabId, 'Network.enable', { maxPostDataSize: MAX_POST_DATA })
    r.recording = true
  } catch (error) {
    r.error = `Recording could not start: ${error instanceof Error ? error.message : String(error)}`
    await chrome.debugger.detach({ tabId }).catch(() => undefined)
  }
  await updateBadge(tabId)
  broadcast(tabId)
  return status(tabId)
}

async function stop(tabId: number): Promise<RecordingStatus> {
  const r = recordings.get(tabId)
  if (r?.recording) {
    r.recording = false
    await chrome.debugger.detach({ tabId }).catch(() => undefined)
    await r.queue
  }
  await updateBadge(tabId)
  broadcast(tabId)
  return status(tabId)
}

async function body(tabId: number, requestId: string): Promise<CdpBody | null> {
  try {
    return await send<CdpBody>(tabId, 'Network.getResponseBody', { requestId })
  } catch {
    // Evicted from the browser's buffer or never kept (a navigation away): the entry stays without it.
    return null
  }
}

async function postData(tabId: number, requestId: string): Promise<string | null> {
  try {
    return (await send<{ postData: string }>(tabId, 'Network.getRequestPostData', { requestId })).postData
  } catch {
    return null
  }
}

async function process(r: Recording, f: CdpFinished): Promise<void> {
  // Request bodies first: the classifier needs grant_type to know a token call.
  let entry = f.needsPostData ? withBodies(f.entry, { postData: await postData(r.tabId, f.requestId) }) : f.entry
  const keep = r.filter.keep(entry) || r.keepAll
  if (!keep) return
  if (f.needsBody) entry = withBodies(entry, { response: await body(r.tabId, f.requestId) })
  r.entries.push(toRecordedEntry(entry, r.flowId))
  await updateBadge(r.tabId)
  broadcast(r.tabId)
}

chrome.debugger.onEvent.addListener((source, method, params) => {
  const tabId = source.tabId
  if (tabId === undefined) return
  const r = recordings.get(tabId)
  // Only the chosen tab, only while recording.
  if (!r?.recording) return
  for (const f of r.builder.handle(method, params)) {
    r.queue = r.queue.then(() => process(r, f)).catch(() => undefined)
  }
})

chrome.debugger.onDetach.addListener((source, reason) => {
  const tabId = source.tabId
  if (tabId === undefined) return
  const r = recordings.get(tabId)
  if (!r?.recording) return
  r.recording = false
  r.detachedReason =
    reason === 'canceled_by_user'
      ? 'You cancelled the debugging bar, so recording stopped.'
      : reason === 'target_closed'
        ? 'The tab was closed.'
        : `The debugger was detached (${reason}).`
  void updateBadge(tabId)
  broadcast(tabId)
})

// Chrome clears a tab's own badge when the tab navigates: put it back while recording.
chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status && recordings.get(tabId)?.recording) void updateBadge(tabId)
})

chrome.tabs.onRemoved.addListener((tabId) => {
  const r = recordings.get(tabId)
  if (r) r.recording = false
  broadcast(tabId)
  // Forget the recording once no viewer shows it.
  if (!viewers.get(tabId)?.size) recordings.delete(tabId)
})

export async function handleCommand(command: Command): Promise<RecordingStatus> {
  switch (command.type) {
    case 'status':
      return status(command.tabId)
    case 'start': {
      const s = await start(command.tabId, command.keepAll ?? false)
      if (command.openViewer && s.recording) await openViewer(command.tabId)
      return s
    }
    case 'stop':
      return stop(command.tabId)
    case 'keepAll': {
      const r = recordings.get(command.tabId)
      // Applies to what arrives from now on; what was dropped before is gone.
      if (r) r.keepAll = command.keepAll
      broadcast(command.tabId)
      return status(command.tabId)
    }
    case 'clear': {
      const r = recordings.get(command.tabId)
      if (r) {
        r.entries = []
        r.filter = new RelevanceFilter()
        r.flowId = newFlowId()
      }
      await updateBadge(command.tabId)
      broadcast(command.tabId)
      return status(command.tabId)
    }
    case 'openViewer':
      await openViewer(command.tabId)
      return status(command.tabId)
  }
}

async function openViewer(tabId: number): Promise<void> {
  const tab = await chrome.tabs.get(tabId).catch(() => null)
  await chrome.tabs.create({
    url: chrome.runtime.getURL(viewerUrlPath(tabId)),
    active: false,
    ...(tab ? { index: tab.index + 1, windowId: tab.windowId } : {}),
  })
}

function isCommand(value: unknown): value is Command {
  if (!value || typeof value !== 'object') return false
  const v = value as { type?: unknown; tabId?: unknown }
  return typeof v.type === 'string' && typeof v.tabId === 'number' && Number.isInteger(v.tabId)
}

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  // Only the extension's own pages talk to it (no externally_connectable, no content scripts).
  if (sender.id !== chrome.runtime.id || !isCommand(message)) return false
  handleCommand(message).then(sendResponse, (error: unknown) => sendResponse({ ...status(message.tabId), error: String(error) }))
  return true
})

chrome.runtime.onConnect.addListener((port) => {
  if (!port.name.startsWith(VIEWER_PORT_PREFIX) || port.sender?.id !== chrome.runtime.id) return
  const tabId = Number(port.name.slice(VIEWER_PORT_PREFIX.length))
  if (!Number.isInteger(tabId)) return
  const set = viewers.get(tabId) ?? new Set()
  set.add(port)
  viewers.set(tabId, set)
  port.onDisconnect.addListener(() => set.delete(port))
  broadcast(tabId)
})

// For the end-to-end test and for DevTools on the service worker: the same entry point as the popup.
;(globalThis as { tokenLensRecorder?: { handleCommand: typeof handleCommand } }).tokenLensRecorder = { handleCommand }
