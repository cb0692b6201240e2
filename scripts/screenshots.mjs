#!/usr/bin/env node
// Takes screenshots of app routes in light and dark themes from a running preview server, for
// looking at the product as a person would. Usage:
//   npx vite preview --port 4173 &  node scripts/screenshots.mjs [#/route ...]
// Writes e2e-artifacts/screens/<route>-<theme>.png.
import { chromium } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { launchOptions } from './chromium.mjs'

const base = process.env.SCREENSHOT_BASE ?? 'http://127.0.0.1:4173/'
const routes = process.argv.slice(2).length ? process.argv.slice(2) : ['#/inspect', '#/signin', '#/flow', '#/diagram', '#/import']
const browser = await chromium.launch(launchOptions())
mkdirSync('e2e-artifacts/screens', { recursive: true })
for (const theme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, colorScheme: theme })
  for (const route of routes) {
    await page.goto(base + route)
    await page.waitForLoadState('networkidle')
    const name =
      route
        .replace(/[^a-z0-9]+/gi, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40) || 'root'
    await page.screenshot({ path: `e2e-artifacts/screens/${name}-${theme}.png`, fullPage: true })
    console.log(`e2e-artifacts/screens/${name}-${theme}.png`)
  }
  await page.close()
}
await browser.close()
