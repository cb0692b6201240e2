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

/**
 * Removes every key of ours from both areas ("forget everything"), and keys starting with any of
 * `alsoPrefixes` (MSAL's cache, `msal.`, lives in this app's sessionStorage too).
 */
export function forgetAllStored(alsoPrefixes: readonly string[] = []): void {
  const prefixes = [PREFIX, ...alsoPrefixes]
  for (const kind of ['local', 'session'] as const) {
    const store = area(kind)
    if (!store) continue
    try {
      for (const key of Object.keys(store)) if (prefixes.some((p) => key.startsWith(p))) store.removeItem(key)
    } catch {
      // ignore
    }
  }
}

/** Keys of ours (and starting with `alsoPrefixes`) still in either area: proof that forgetting worked. */
export function storedKeys(alsoPrefixes: readonly string[] = []): string[] {
  const prefixes = [PREFIX, ...alsoPrefixes]
  const keys: string[] = []
  for (const kind of ['local', 'session'] as const) {
    try {
      const store = area(kind)
      if (store) keys.push(...Object.keys(store).filter((key) => prefixes.some((p) => key.startsWith(p))))
    } catch {
      // Unreadable storage holds nothing we could list.
    }
  }
  return keys
}
