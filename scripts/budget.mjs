#!/usr/bin/env node
// Bundle budget (DESIGN.md §9): builds the app, prints every JavaScript chunk's gzipped size and
// fails if the JavaScript loaded for the first view of #/inspect exceeds the budget, or if MSAL
// is part of that first view. `--no-build` measures the existing dist/.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

// Issue 15: the first view stays within 110 KiB of gzipped JavaScript (112.64 kB, as Vite reports kB).
const BUDGET_BYTES = 110 * 1024
const dist = 'dist'

if (!process.argv.includes('--no-build')) {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, BASE_PATH: '/' } })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

const chunks = JSON.parse(readFileSync('.build-stats/chunks.json', 'utf8'))
// The entry of index.html, from our own build stats (kept outside dist/): a Vite manifest in
// dist/.vite/ would be deployed to Pages and list every file of the app for anyone to read.
const entryFile = Object.entries(chunks).find(([, c]) => c.isEntry && c.facade === '/index.html')?.[0]
if (!entryFile) {
  console.error('budget: index.html has no entry chunk in .build-stats/chunks.json')
  process.exit(1)
}
const entry = { file: entryFile }

// First view of #/inspect = the index.html entry chunk and everything it imports statically
// (the inspector screen is part of the entry; other screens are lazy chunks).
const firstView = new Set()
const queue = [entry.file]
while (queue.length) {
  const file = queue.shift()
  if (firstView.has(file)) continue
  firstView.add(file)
  for (const imp of chunks[file]?.imports ?? []) queue.push(imp)
}

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
const rows = Object.keys(chunks)
  .map((file) => ({ file, raw: readFileSync(join(dist, file)).length, gzip: gz(file), first: firstView.has(file) }))
  .sort((a, b) => Number(b.first) - Number(a.first) || b.gzip - a.gzip)

const kb = (n) => (n / 1000).toFixed(1).padStart(7)
console.log('\nchunk                                              raw kB   gzip kB  first view')
for (const r of rows) console.log(`${r.file.padEnd(48)} ${kb(r.raw)}  ${kb(r.gzip)}  ${r.first ? 'yes' : ''}`)

const total = rows.filter((r) => r.first).reduce((s, r) => s + r.gzip, 0)
const msalInFirstView = [...firstView].filter((f) => (chunks[f]?.modules ?? []).some((m) => m.includes('@azure/msal')))
console.log(`\nfirst view of #/inspect: ${(total / 1000).toFixed(1)} kB gzipped JavaScript (budget ${BUDGET_BYTES / 1000} kB = 110 KiB)`)

let failed = false
if (msalInFirstView.length) {
  console.error(`budget: MSAL is part of the first view (${msalInFirstView.join(', ')}); load it on demand.`)
  failed = true
}
if (total > BUDGET_BYTES) {
  console.error(`budget: first view exceeds the budget by ${((total - BUDGET_BYTES) / 1000).toFixed(1)} kB.`)
  failed = true
}
// What is deployed: no build manifest, and the CSP allows no blob: workers (the HAR worker is
// a file of this origin).
if (existsSync(join(dist, '.vite'))) {
  console.error('budget: dist/.vite/ exists; the build manifest must not be deployed.')
  failed = true
}
// Offline (README "Offline and installing"): the service worker's precache must list every chunk
// of the build, or a lazy screen would be missing with the network off. The worker is not part
// of the first view (it is registered at idle, after load), so it is reported, not budgeted.
const swPath = join(dist, 'sw.js')
if (!existsSync(swPath)) {
  console.error('budget: dist/sw.js is missing; the offline precache was not generated.')
  failed = true
} else {
  const sw = readFileSync(swPath, 'utf8')
  const precached = new Set([...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]))
  const missing = Object.keys(chunks).filter((file) => !precached.has(file))
  console.log(`service worker: ${(gzipSync(sw, { level: 9 }).length / 1000).toFixed(1)} kB gzipped, ${precached.size} files precached`)
  if (missing.length) {
    console.error(`budget: chunks missing from the service worker's precache: ${missing.join(', ')}`)
    failed = true
  }
}
const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1]
if (!csp) {
  console.error('budget: dist/index.html has no Content-Security-Policy meta tag.')
  failed = true
} else if (/worker-src[^;]*blob:/.test(csp) || /script-src[^;]*(unsafe-inline|unsafe-eval|blob:|data:)/.test(csp)) {
  console.error(`budget: the CSP allows more than it needs: ${csp}`)
  failed = true
}
process.exit(failed ? 1 : 0)
