/**
 * Browser storage, namespaced. GitHub Pages project sites of one account share an origin, so
 * every key carries our prefix; storage failures (private mode, quota, disabled storage) are
 * swallowed because losing a preference must never break the page.
 */
const PREFIX = 'token-lens:'

type Area = 'local' | 'session'

function area(kind: Area): Storage | null {
  try {
    return kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage
  } catch {
    return null
  }
}

export function readStored(kind: Area, key: string): string | null {
  try {
    return area(kind)?.getItem(PREFIX + key) ?? null
  } catch {
    return null
  }
}

export function writeStored(kind: Area, key: string, value: string | null): void {
  try {
    const store = area(kind)
    if (!store) return
    if (value === null) store.removeItem(PREFIX + key)
    else store.setItem(PREFIX + key, value)
  } catch {
    // Quota exceeded or storage disabled: keep working in memory.
  }
}

/** Removes every key of ours from both areas ("forget everything"). */
export function forgetAllStored(): void {
  for (const kind of ['local', 'session'] as const) {
    const store = area(kind)
    if (!store) continue
    try {
      for (const key of Object.keys(store)) if (key.startsWith(PREFIX)) store.removeItem(key)
    } catch {
      // ignore
    }
  }
}
