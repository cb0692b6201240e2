/**
 * Bundle guard: the inspector's first view decodes with decode.ts alone, so its import graph
 * must stay small: no jose verification code, no key handling, no claims registry.
 * (Measured with a Vite library build: decode.ts and its imports are about 4 KB gzipped.)
 */
import { describe, expect, it } from 'vitest'

// Raw sources of this folder through Vite (no node:fs, so the file type-checks with the app).
const sources = import.meta.glob<string>('./*.ts', { query: '?raw', import: 'default', eager: true })

function resolve(from: string, spec: string): string {
  return spec.startsWith('./') ? spec : `${from.replace(/[^/]*$/, '')}${spec}`
}

function importsOf(file: string): { local: string[]; jose: string[] } {
  const src = sources[file] ?? ''
  const local: string[] = []
  const jose: string[] = []
  for (const m of src.matchAll(/^import\s+(type\s+)?(\{[^}]*\}|\*\s+as\s+\w+|\w+)\s+from\s+'([^']+)'/gm)) {
    const [, typeOnly, names = '', from = ''] = m
    if (typeOnly) continue // erased at build time
    if (from === 'jose')
      jose.push(
        ...names
          .replace(/[{}]/g, '')
          .split(',')
          .map((n: string) => n.trim())
          .filter(Boolean),
      )
    else if (from.startsWith('.')) local.push(resolve(file, from))
  }
  return { local, jose }
}

describe('decode.ts stays light for the first view', () => {
  it("reaches only the JSON scanner and opaque detection, and only jose's base64url", () => {
    const seen = new Set<string>()
    const joseNames = new Set<string>()
    const walk = (file: string): void => {
      if (seen.has(file)) return
      seen.add(file)
      const { local, jose } = importsOf(file)
      jose.forEach((n) => joseNames.add(n))
      local.forEach(walk)
    }
    walk('./decode.ts')
    expect([...seen].sort()).toEqual(['./decode.ts', './json-scan.ts', './opaque.ts'])
    expect([...joseNames]).toEqual(['base64url'])
  })
})
