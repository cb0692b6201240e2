// The one Chromium every script, benchmark and Playwright run launches, and the switches it gets.
// Browsers cannot be downloaded here, so Debian's Chromium comes first; elsewhere Playwright's own.
import { chromium } from '@playwright/test'
import { existsSync } from 'node:fs'

/**
 * Switches for an unattended run: no sandbox (containers give Chromium no user namespaces), no GPU
 * (none here), and nothing the browser starts by itself that would reach the internet or take CPU
 * from a measurement (component and field-trial downloads, sync, first-run pages, QUIC probes).
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
])

/**
 * $PLAYWRIGHT_CHROMIUM_EXECUTABLE when set (scripts/e2e.mjs sets it for Playwright's workers), else
 * Debian's Chromium when installed; undefined means "Playwright's own browser".
 */
export function systemChromium() {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE
  if (fromEnv) return fromEnv
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
}

/** A path to start by hand (chrome-launcher, Lighthouse): the system's Chromium, else Playwright's. */
export function chromiumExecutable() {
  return systemChromium() ?? chromium.executablePath()
}

/** Options for chromium.launch() / launchPersistentContext(): the shared switches, then `extraArgs`. */
export function launchOptions(extraArgs = []) {
  const executablePath = systemChromium()
  return { ...(executablePath ? { executablePath } : {}), args: [...CHROMIUM_ARGS, ...extraArgs] }
}
