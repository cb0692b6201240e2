import { defineConfig } from '@playwright/test'
import { launchOptions } from './scripts/chromium.mjs'

/**
 * End-to-end tests run against the production build served by `vite preview` (dist/ at the root
 * path, dist-subpath/ under /token-lens/ as on GitHub Pages). Browsers cannot be downloaded
 * here, so Debian's Chromium is used when present (scripts/e2e.mjs resolves it; the executable
 * and the switches are scripts/chromium.mjs's, shared with the benchmarks).
 */

export const SUBPATH_BASE = '/token-lens/'

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: './test-results',
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:4173',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // The production build registers a service worker (README "Offline and installing"). Specs
    // route, abort and count requests; a worker answering from its cache would hide them, so it
    // is blocked everywhere except e2e/offline.spec.ts, which tests it.
    serviceWorkers: 'block',
    launchOptions: launchOptions(),
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort --outDir dist',
      url: 'http://127.0.0.1:4173/',
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx vite preview --host 127.0.0.1 --port 4174 --strictPort --outDir dist-subpath`,
      url: `http://127.0.0.1:4174${SUBPATH_BASE}`,
      env: { BASE_PATH: SUBPATH_BASE },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
})
