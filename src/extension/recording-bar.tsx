/** The extension viewer's recording strip: which tab is recorded, its state, and Record/Stop. */
import type { Command, RecordingStatus } from './protocol.ts'
import { Switch } from '../ui/switch.tsx'
import { BUTTON_GHOST, BUTTON_SECONDARY } from '../ui/button-styles.ts'

function send(command: Command): void {
  void chrome.runtime.sendMessage(command)
}

/** The viewer's strip above the app: what is recorded, from which tab, and the controls. */
export function RecordingBar({ tabId, status, lost }: { tabId: number | null; status: RecordingStatus | null; lost: boolean }) {
  const base = 'border-b px-4 py-2 text-sm'
  if (tabId === null) {
    return (
      <div
        className={`${base} border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100`}
        role="status"
        data-testid="recording-bar"
      >
        No tab chosen. Open the viewer from the Token Lens toolbar button on the tab you want to record.
      </div>
    )
  }
  const recording = status?.recording ?? false
  return (
    <div
      className={`${base} ${recording ? 'border-red-200 bg-red-50 text-red-950 dark:border-red-500/40 dark:bg-red-500/10 dark:text-red-100' : 'border-slate-200 bg-white text-slate-800 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100'}`}
      data-testid="recording-bar"
    >
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1">
        <p role="status" aria-live="polite" data-testid="recording-status">
          {lost
            ? 'The recorder is gone (the extension was reloaded): what is shown stays until you close this page.'
            : status === null
              ? 'Connecting to the recorder…'
              : recording
                ? `Recording tab ${tabId}: ${status.oauth} OAuth exchange${status.oauth === 1 ? '' : 's'}, ${status.kept} kept.`
                : `Not recording tab ${tabId}. ${status.kept} exchange${status.kept === 1 ? '' : 's'} kept.${status.detachedReason ? ` ${status.detachedReason}` : ''}`}
        </p>
        {status?.error ? (
          <p role="alert" className="text-red-800 dark:text-red-200">
            {status.error}
          </p>
        ) : null}
        {status && !lost ? (
          <div className="ml-auto flex flex-wrap items-center gap-2">
            <Switch
              checked={status.keepAll}
              onChange={(on) => send({ type: 'keepAll', tabId, keepAll: on })}
              label="Keep everything"
              description="Keep every exchange of the tab, not only sign-in traffic and API calls with a bearer token"
            />
            <button
              type="button"
              className={BUTTON_SECONDARY}
              onClick={() => send(recording ? { type: 'stop', tabId } : { type: 'start', tabId, keepAll: status.keepAll })}
            >
              {recording ? 'Stop' : 'Record the tab again'}
            </button>
            <button type="button" className={BUTTON_GHOST} onClick={() => send({ type: 'clear', tabId })} disabled={status.kept === 0}>
              Clear
            </button>
          </div>
        ) : null}
      </div>
    </div>
  )
}
