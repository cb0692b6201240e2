/** Where a HAR (or Playwright .zip) file is dropped or chosen. */
import { useRef } from 'react'
import { BUTTON_PRIMARY } from '../../ui/button-styles.ts'
import { useFileDrop } from '../../ui/file-drop.ts'

/** File picker plus drag-and-drop target for one .har file. */
export function DropZone({ onFile, busy }: { onFile: (file: File) => void; busy: boolean }) {
  const input = useRef<HTMLInputElement>(null)
  const { over, handlers } = useFileDrop(onFile)
  return (
    <div
      {...handlers}
      data-testid="har-drop-zone"
      className={`rounded-xl border-2 border-dashed p-6 text-center transition-colors ${over ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-500/10' : 'border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900'}`}
    >
      <p className="text-sm font-medium text-slate-800 dark:text-slate-100">Drop a .har file here</p>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        From Chrome, Edge or Firefox DevTools (Network → Export HAR), HTTP Toolkit, Fiddler or Playwright&apos;s recordHar. It is read in
        this browser only.
      </p>
      {/* The native input stays hidden: the visible button is the one control (no duplicate tab stop). */}
      <input
        ref={input}
        type="file"
        accept=".har,application/json,.json"
        className="hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="har-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0]
          if (file) onFile(file)
          e.target.value = ''
        }}
      />
      <button type="button" className={`${BUTTON_PRIMARY} mt-3`} disabled={busy} onClick={() => input.current?.click()}>
        Choose a HAR file…
      </button>
    </div>
  )
}
