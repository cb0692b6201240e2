/**
 * Diagram exports: each of the four downloads is non-empty and valid. Mermaid text is checked
 * with the real Mermaid parser (the `mermaid` dev dependency, never bundled into the app) inside
 * Chromium on a blank page, because Mermaid 11 needs a DOM; PlantUML text with our strict subset
 * grammar and, where Debian's `plantuml` package is installed, with `plantuml -syntax`. A HAR
 * file with hostile values (issue 16 items 5-6) goes through the real import and every export:
 * the SVG must stay well-formed, the PNG must be drawn, and the PlantUML text, rendered by the
 * real `plantuml` with a canary in its environment, must leak nothing and link nothing.
 */
import { test, expect } from './fixtures.ts'
import { demoSignIn } from './support/demo-signin.ts'
import type { Browser, Download, Page } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { checkPlantUmlSubset } from '../src/core/diagram/plantuml-grammar.ts'
import { toMermaid } from '../src/core/diagram/mermaid.ts'
import { TEMPLATE_IDS, templateModel } from '../src/core/diagram/templates.ts'
import { CANARY_VARIABLE, HOSTILE, hostileHar } from '../src/core/diagram/hostile-har.ts'

const require = createRequire(import.meta.url)
const MERMAID_JS = require.resolve('mermaid/dist/mermaid.min.js')
const PLANTUML = ['/usr/bin/plantuml', '/usr/local/bin/plantuml'].find((p) => existsSync(p))

async function download(page: Page, format: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${format}` }).click()])
  return readFileSync((await (file as Download).path())!)
}

/** Parses each text with mermaid.parse in a fresh blank page; returns the diagram types or errors. */
async function mermaidParse(browser: Browser, texts: string[]): Promise<string[]> {
  const page = await browser.newPage()
  try {
    await page.goto('about:blank')
    await page.addScriptTag({ path: MERMAID_JS })
    return await page.evaluate(async (list) => {
      const m = (window as unknown as { mermaid: { initialize(o: object): void; parse(t: string): Promise<{ diagramType: string }> } })
        .mermaid
      m.initialize({ startOnLoad: false })
      const out: string[] = []
      for (const t of list) {
        try {
          out.push((await m.parse(t)).diagramType)
        } catch (e) {
          out.push(`ERROR: ${e instanceof Error ? e.message : String(e)}`)
        }
      }
      return out
    }, texts)
  } finally {
    await page.close()
  }
}

test('SVG, PNG, Mermaid and PlantUML downloads are non-empty and valid (template)', async ({ page, browser }) => {
  await page.goto('/#/diagram?source=template:on-behalf-of')
  await expect(page.getByTestId('sequence-diagram')).toBeVisible()
  await checkExports(page, browser)
})

test('the exports of a captured demo-tenant sign-in are valid too', async ({ page, browser }) => {
  await demoSignIn(page)
  await page.goto('/#/diagram')
  await expect(page.getByTestId('source-picker')).toHaveValue('capture')
  const mermaid = await checkExports(page, browser)
  expect(mermaid).toContain('POST /…/oauth2/v2.0/token')
  expect(mermaid).toContain('code_verifier=')
})

async function checkExports(page: Page, browser: Browser): Promise<string> {
  const svg = (await download(page, 'SVG')).toString('utf8')
  expect(svg.length).toBeGreaterThan(1000)
  expect(svg).not.toMatch(/<style|<script|class=/)
  const svgCheck = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.nodeName,
      texts: doc.getElementsByTagName('text').length,
    }
  }, svg)
  expect(svgCheck).toMatchObject({ error: 0, root: 'svg' })
  expect(svgCheck.texts).toBeGreaterThan(10)

  const png = await download(page, 'PNG')
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const width = png.readUInt32BE(16)
  const height = png.readUInt32BE(20)
  expect(width).toBeGreaterThan(800)
  expect(height).toBeGreaterThan(300)
  await expect(page.getByRole('status').filter({ hasText: /Downloaded .*\.png/ })).toBeVisible()

  const mermaid = (await download(page, 'Mermaid')).toString('utf8')
  expect(mermaid.startsWith('sequenceDiagram\n')).toBe(true)
  expect(await mermaidParse(browser, [mermaid])).toEqual(['sequence'])

  const puml = (await download(page, 'PlantUML')).toString('utf8')
  expect(puml.startsWith('@startuml\n')).toBe(true)
  expect(checkPlantUmlSubset(puml).errors).toEqual([])
  if (PLANTUML)
    expect(spawnSync(PLANTUML, ['-syntax'], { input: puml, encoding: 'utf8', timeout: 60_000 }).stdout.split('\n')[0]).toBe('SEQUENCE')
  return mermaid
}

test('the real Mermaid parser accepts every template and rejects broken text', async ({ browser }) => {
  const texts = TEMPLATE_IDS.flatMap((id) => [toMermaid(templateModel(id)), toMermaid(templateModel(id, { redact: true }))])
  const results = await mermaidParse(browser, [...texts, 'sequenceDiagram\n  p0->>: missing target\n'])
  expect(results.slice(0, -1)).toEqual(texts.map(() => 'sequence'))
  expect(results.at(-1)).toMatch(/^ERROR/)
})

test('a hostile imported HAR exports inert, well-formed files in all four formats', async ({ page, browser }) => {
  await page.goto('/#/import')
  await page
    .getByTestId('har-file-input')
    .setInputFiles({ name: 'hostile.har', mimeType: 'application/json', buffer: Buffer.from(hostileHar(), 'utf8') })
  await expect(page.getByTestId('import-summary')).toContainText('hostile.har')
  await page.getByRole('link', { name: 'Open in the Diagram screen' }).click()
  await expect(page.getByTestId('source-picker').getByRole('option', { selected: true })).toHaveText(
    'hostile.har: Authorization code flow · login.microsoftonline.com',
  )
  await expect(page.getByTestId('sequence-diagram')).toContainText('profile of lone')

  const svg = (await download(page, 'SVG')).toString('utf8')
  const svgCheck = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.nodeName,
      text: doc.documentElement.textContent ?? '',
    }
  }, svg)
  expect(svgCheck).toMatchObject({ error: 0, root: 'svg' })
  expect(svgCheck.text).toContain('profile of lone \uFFFD high a\uFFFDb')
  expect(svgCheck.text).toContain('state=%getenv("TOKEN')
  expect(svg).not.toMatch(/<a\s|href=|<image|<script/)

  const png = await download(page, 'PNG')
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  await expect(page.getByRole('status').filter({ hasText: /Downloaded .*\.png/ })).toBeVisible()

  const mermaid = (await download(page, 'Mermaid')).toString('utf8')
  expect(await mermaidParse(browser, [mermaid])).toEqual(['sequence'])
  expect(mermaid).toContain('\uFFFD')

  const puml = (await download(page, 'PlantUML')).toString('utf8')
  expect(checkPlantUmlSubset(puml).errors).toEqual([])
  expect(puml).toContain('<U+0025>getenv("TOKEN_LENS_CANARY")')
  if (process.env.REQUIRE_PLANTUML === '1') expect(PLANTUML).toBeDefined()
  if (PLANTUML) {
    const canary = `canary-${Math.random().toString(36).slice(2)}`
    const render = (text: string) =>
      spawnSync(PLANTUML, ['-tsvg', '-pipe'], {
        input: text,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, [CANARY_VARIABLE]: canary },
      }).stdout
    const [drawn, control] = [
      render(puml),
      render(`@startuml\nparticipant "a" as p0\np0 -> p0 : ${HOSTILE.getenv} ${HOSTILE.link}\n@enduml\n`),
    ]
    // Negative control: unescaped, the same renderer reads the environment and makes a link.
    expect(control).toContain(canary)
    expect(control).toContain('xlink:href="javascript:')
    expect(drawn).toContain('<svg')
    expect(drawn).not.toContain(canary)
    expect(drawn).not.toMatch(/<a\s|xlink:href|\shref=|<image/)
    expect(drawn).toMatch(/state=%getenv\((&quot;|")TOKEN_LENS_CANARY/) // drawn as written
  }
})
