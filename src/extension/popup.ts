/**
 * The toolbar popup: "Record this tab" / "Stop" for the active tab, the keep-everything switch
 * and a link to the viewer. The active tab's id needs no permission (its URL would).
 */
import './extension.css'
import type { Command, RecordingStatus } from './protocol.ts'

const stateEl = document.getElementById('state') as HTMLParagraphElement
const errorEl = document.getElementById('error') as HTMLParagraphElement
const toggle = document.getElementById('toggle') as HTMLButtonElement
const viewer = document.getElementById('viewer') as HTMLButtonElement
const keepAll = document.getElementById('keep-all') as HTMLInputElement

if (matchMedia('(prefers-color-scheme: dark)').matches) document.documentElement.classList.add('dark')

function command(c: Command): Promise<RecordingStatus> {
  return chrome.runtime.sendMessage<Command, RecordingStatus>(c)
}

function render(s: RecordingStatus): void {
  stateEl.textContent = s.recording
    ? `Recording this tab: ${s.oauth} OAuth exchange${s.oauth === 1 ? '' : 's'} (${s.kept} kept).`
    : s.kept > 0
      ? `Stopped. ${s.oauth} OAuth exchange${s.oauth === 1 ? '' : 's'} recorded.${s.detachedReason ? ` ${s.detachedReason}` : ''}`
      : 'Not recording this tab.'
  toggle.textContent = s.recording ? 'Stop' : 'Record this tab'
  keepAll.checked = s.keepAll
  errorEl.textContent = s.error ?? ''
  errorEl.classList.toggle('hidden', !s.error)
}

async function main(): Promise<void> {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true })
  const tabId = tab?.id
  if (tabId === undefined) {
    stateEl.textContent = 'No tab to record here.'
    toggle.disabled = true
    return
  }
  let current = await command({ type: 'status', tabId })
  render(current)
  toggle.addEventListener('click', () => {
    void (async () => {
      current = await command(
        current.recording ? { type: 'stop', tabId } : { type: 'start', tabId, keepAll: keepAll.checked, openViewer: true },
      )
      render(current)
    })()
  })
  keepAll.addEventListener('change', () => {
    void (async () => {
      current = await command({ type: 'keepAll', tabId, keepAll: keepAll.checked })
      render(current)
    })()
  })
  viewer.addEventListener('click', () => void command({ type: 'openViewer', tabId }))
}

void main()
