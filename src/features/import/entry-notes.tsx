/** What the import skipped or could not read (bad entries, bodies not in the file), named as written. */
import type { LoadedHar } from '../../stores/import-store.ts'

/**
 * What the import left out or could not see, named so a reader can find it in the file: entries
 * skipped as unusable (index, method and URL as the file wrote them) and bodies stored outside
 * the file (Playwright "attach"). All values render as text.
 */
export function EntryNotes({ loaded }: { loaded: LoadedHar }) {
  const skipped = loaded.skipped ?? []
  const skippedCount = loaded.skippedCount ?? skipped.length
  const missing = loaded.missingBodies ?? []
  const missingCount = loaded.missingBodyCount ?? missing.length
  if (skippedCount === 0 && missingCount === 0) return null
  return (
    <div
      className="mt-3 space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
      data-testid="entry-notes"
    >
      {skippedCount > 0 ? (
        <details>
          <summary className="cursor-pointer font-medium">
            {skippedCount} entr{skippedCount === 1 ? 'y' : 'ies'} skipped as unusable; the rest of the file is analysed.
          </summary>
          <ul className="mt-2 space-y-1">
            {skipped.map((s) => (
              <li key={s.index} className="break-all font-mono text-xs" data-testid="skipped-entry">
                #{s.index} {s.method} {s.url} — {s.reason}
              </li>
            ))}
            {skippedCount > skipped.length ? <li className="text-xs">…and {skippedCount - skipped.length} more.</li> : null}
          </ul>
        </details>
      ) : null}
      {missingCount > 0 ? (
        <details>
          <summary className="cursor-pointer font-medium">
            {missingCount} bod{missingCount === 1 ? 'y is' : 'ies are'} not in this file (the producer stored{' '}
            {missingCount === 1 ? 'it' : 'them'} separately); those exchanges are analysed from their URLs and headers.
          </summary>
          <ul className="mt-2 space-y-1">
            {missing.map((m) => (
              <li key={`${m.index}-${m.side}`} className="break-all font-mono text-xs" data-testid="missing-body">
                #{m.index} {m.side} body: body not in this file{m.file ? ` (${m.file})` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}
