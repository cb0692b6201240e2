// Run: node scripts/make-icons.mjs (rewrites public/icons/*.png).
// Renders Token Lens's logo (public/favicon.svg's drawing) to the PNG icons the web app manifest needs.
import { chromium } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { launchOptions } from './chromium.mjs'
const out = new URL('../public/icons', import.meta.url).pathname
mkdirSync(out, { recursive: true })
// "any": the rounded tile of the favicon, transparent corners.
const any = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#4f46e5"/><circle cx="14" cy="14" r="7" fill="none" stroke="#fff" stroke-width="3"/><path d="M19 19l6 6" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>`
// "maskable"/Apple: full-bleed background, the lens scaled into the central safe zone (radius 40%).
const full = (scale) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#4f46e5"/><g transform="translate(16 16) scale(${scale}) translate(-16 -16)"><circle cx="14" cy="14" r="7" fill="none" stroke="#fff" stroke-width="3"/><path d="M19 19l6 6" stroke="#fff" stroke-width="3" stroke-linecap="round"/></g></svg>`
const jobs = [
  ['icon-192.png', 192, any],
  ['icon-512.png', 512, any],
  ['icon-maskable-512.png', 512, full(0.72)],
  ['apple-touch-icon.png', 180, full(0.85)],
]
const browser = await chromium.launch(launchOptions())
for (const [name, size, svg] of jobs) {
  const page = await browser.newPage({ viewport: { width: size, height: size } })
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  )
  await page.screenshot({ path: `${out}/${name}`, omitBackground: true })
  await page.close()
}
await browser.close()
