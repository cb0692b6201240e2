#!/usr/bin/env node
/**
 * Benchmark: median time of inspectToken (decode + all rules + signature with cached keys +
 * claim annotation) with the keys given, in Node. Budget (DESIGN.md §9): under 2 ms.
 * Loads the TypeScript sources through Vite's SSR module loader (Node 20 cannot strip types).
 * Run: node scripts/bench-inspect.mjs [iterations]
 */
import { createServer } from 'vite'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const iterations = Number(process.argv[2] ?? 2000)
const server = await createServer({
  configFile: false,
  root,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
})
try {
  const { inspectToken } = await server.ssrLoadModule('/src/core/token/inspect.ts')
  const fx = JSON.parse(readFileSync(resolve(root, 'src/core/token/__fixtures__/scenarios.json'), 'utf8'))
  const jwks = JSON.parse(readFileSync(resolve(root, 'src/core/token/__fixtures__/jwks.json'), 'utf8'))
  const cases = [
    ['RS256 ID token (OIDC)', 'valid-id-rs256', { issuer: fx.constants.issuer, audience: fx.constants.client, nonce: 'n-0S6_WzA2Mj' }],
    ['ES256 access token (RFC 9068)', 'valid-access-es256', { audience: fx.constants.api }],
    ['Entra v2 ID token', 'entra-v2-id', { issuer: fx.constants.entraV2Issuer, audience: fx.constants.entraClient }],
  ]
  const BUDGET_MS = 2
  let worst = 0
  for (const [label, name, expected] of cases) {
    const s = fx.scenarios[name]
    const options = { now: s.now, keys: { jwks: jwks[s.jwks] }, expected }
    const first = await inspectToken(s.token, options)
    if (first.signature.status !== 'valid') throw new Error(`${name}: expected a valid signature, got ${first.signature.status}`)
    // The budget covers annotation too: make sure it really ran.
    if (first.claims.length !== Object.keys(first.payload).length) throw new Error(`${name}: claims were not annotated`)
    for (let i = 0; i < 200; i++) await inspectToken(s.token, options) // warm-up (JIT, key cache, lazy chunks)
    const times = []
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now()
      await inspectToken(s.token, options)
      times.push(performance.now() - t0)
    }
    times.sort((a, b) => a - b)
    const median = times[Math.floor(times.length / 2)]
    const p95 = times[Math.floor(times.length * 0.95)]
    worst = Math.max(worst, median)
    console.log(`${label.padEnd(32)} median ${median.toFixed(3)} ms   p95 ${p95.toFixed(3)} ms   (${iterations} runs, ${first.claims.length} claims annotated)`)
  }
  console.log(`inspectToken median (worst case): ${worst.toFixed(3)} ms — budget ${BUDGET_MS} ms: ${worst < BUDGET_MS ? 'OK' : 'OVER BUDGET'}`)
  if (worst >= BUDGET_MS) process.exitCode = 1
} finally {
  await server.close()
}
