#!/usr/bin/env node
// Runs the Playwright suite against fresh production builds (dist/ at '/', dist-subpath/ at
// '/token-lens/'). Resolves a Chromium first: $PLAYWRIGHT_CHROMIUM_EXECUTABLE, Debian's
// /usr/bin/chromium, or Playwright's own browser; says how to get one when none exists.
// Extra arguments are passed to `playwright test` (e.g. a spec file or --grep).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

async function bundledChromium() {
  try {
    const { chromium } = await import('@playwright/test')
    const path = chromium.executablePath()
    return path && existsSync(path) ? path : null
  } catch {
    return null
  }
}

async function resolveChromium() {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE
  if (fromEnv && existsSync(fromEnv)) return fromEnv
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(candidate)) return candidate
  const bundled = await bundledChromium()
  if (bundled) return bundled
  console.warn('No Chromium found. Trying `npx playwright install chromium`…')
  spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' })
  const installed = await bundledChromium()
  if (installed) return installed
  console.error(
    [
      'No Chromium is available for the end-to-end tests. Install one of:',
      '  Debian/Ubuntu: sudo apt-get install -y chromium      (then /usr/bin/chromium is used)',
      '  anywhere with internet access: npx playwright install chromium',
      '  or point PLAYWRIGHT_CHROMIUM_EXECUTABLE at a Chromium/Chrome binary.',
    ].join('\n'),
  )
  process.exit(1)
}

const executable = await resolveChromium()
console.log(`e2e: using Chromium at ${executable}`)

if (process.env.E2E_SKIP_BUILD !== '1') {
  // The sub-path build first: the root build runs last so .build-stats/ describes dist/.
  run('npx', ['vite', 'build', '--outDir', 'dist-subpath', '--emptyOutDir', '--logLevel', 'warn'], { BASE_PATH: '/token-lens/' })
  run('npx', ['vite', 'build', '--outDir', 'dist', '--emptyOutDir', '--logLevel', 'warn'], { BASE_PATH: '/' })
  // The browser extension (dist-extension/), loaded unpacked by e2e/extension.spec.ts.
  run('npx', ['vite', 'build', '--config', 'vite.extension.config.ts', '--logLevel', 'warn'])
}

const bundled = await bundledChromium()
run('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  ...(executable !== bundled ? { PLAYWRIGHT_CHROMIUM_EXECUTABLE: executable } : {}),
})
