#!/usr/bin/env node
/**
 * Benchmark: a 500-message sequence diagram laid out and rendered to an SVG string (DESIGN §9:
 * < 200 ms). TypeScript sources are loaded through Vite's SSR module loader (no tsx needed).
 * Prints the median of several runs after warm-up, for:
 *   - core: buildDiagramModel (250 captured exchanges = 500 messages) + layoutDiagram + drawDiagram
 *     + renderSvgString
 *   - react: the on-screen <SequenceDiagram> of the same drawing rendered to static markup (react-dom/server)
 *   - with --browser: the same in Chromium (Vite dev server + Playwright), with the browser's own
 *     canvas text measurement and the SVG inserted into the page and laid out by the browser
 * Usage: node scripts/bench-diagram.mjs [messages=500] [runs=25] [--browser]
 */
// Production React (as shipped), not the development build with its extra checks.
process.env.NODE_ENV = 'production'
const { createServer } = await import('vite')
import { performance } from 'node:perf_hooks'

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const BROWSER = process.argv.includes('--browser')
const N = Number(args[0] ?? 500)
const RUNS = Number(args[1] ?? 25)

const server = await createServer({
  server: { middlewareMode: true, hmr: false },
  appType: 'custom',
  logLevel: 'error',
  optimizeDeps: { noDiscovery: true, include: [] },
})
try {
  const layoutMod = await server.ssrLoadModule('/src/core/diagram/layout.ts')
  const svgMod = await server.ssrLoadModule('/src/core/diagram/svg.ts')
  const drawingMod = await server.ssrLoadModule('/src/core/diagram/drawing.ts')
  const modelMod = await server.ssrLoadModule('/src/core/diagram/model.ts')
  const paletteMod = await server.ssrLoadModule('/src/core/diagram/palette.ts')
  const flows = await server.ssrLoadModule('/src/core/diagram/test-flows.ts')
  const ui = await server.ssrLoadModule('/src/ui/sequence-diagram/sequence-diagram.tsx')
  const React = await import('react')
  const { renderToStaticMarkup } = await import('react-dom/server')

  // 500 messages from real-looking captured exchanges: the demo sign-in repeated.
  const one = flows.demoCapture()
  // One demo sign-in draws 10 messages (two of its 6 exchanges are navigations without a response).
  const entries = []
  const reps = Math.ceil(N / 10)
  for (let r = 0; r < reps; r++)
    entries.push(
      ...one.map((e, i) => ({ ...e, startedDateTime: new Date(Date.UTC(2026, 0, 1) + (entries.length + i) * 1000).toISOString() })),
    )
  const measure = layoutMod.approximateMeasure

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const time = (fn) => {
    for (let i = 0; i < 3; i++) fn()
    const t = []
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now()
      fn()
      t.push(performance.now() - s)
    }
    return t
  }

  let msgs = 0
  let bytes = 0
  const core = time(() => {
    const model = modelMod.buildDiagramModel(entries)
    const layout = layoutMod.layoutDiagram(model, measure)
    const svg = svgMod.renderSvgString(drawingMod.drawDiagram(layout, paletteMod.PALETTES.light), { title: model.title })
    msgs = model.messages.length
    bytes = svg.length
  })
  const modelOnly = time(() => modelMod.buildDiagramModel(entries))
  const synthetic = flows.syntheticModel(N)
  const layoutOnly = time(() => layoutMod.layoutDiagram(synthetic, measure))
  const drawing = drawingMod.drawDiagram(layoutMod.layoutDiagram(synthetic, measure), paletteMod.PALETTES.dark)
  const layoutAndDraw = time(() => drawingMod.drawDiagram(layoutMod.layoutDiagram(synthetic, measure), paletteMod.PALETTES.dark))
  const labels = synthetic.messages.map((m) => m.label)
  const react = time(() =>
    renderToStaticMarkup(React.createElement(ui.SequenceDiagram, { drawing, rowLabels: labels, title: 't', onActivate: () => {} })),
  )

  console.log(`diagram benchmark: ${msgs} messages, ${RUNS} runs after warm-up (Node ${process.version})`)
  console.log(`  model + layout + SVG string: median ${median(core).toFixed(1)} ms (SVG ${(bytes / 1024).toFixed(0)} KiB)`)
  console.log(`    of which model from ${entries.length} exchanges: median ${median(modelOnly).toFixed(1)} ms`)
  console.log(`  layout only (synthetic ${N}): median ${median(layoutOnly).toFixed(1)} ms`)
  console.log(`  layout + drawing (synthetic ${N}): median ${median(layoutAndDraw).toFixed(1)} ms`)
  console.log(`  React <SequenceDiagram> static render (virtualised, ${N} rows): median ${median(react).toFixed(1)} ms`)
  let browserMedian = 0
  if (BROWSER) browserMedian = await benchInBrowser()
  const worst = Math.max(median(core), median(react), browserMedian)
  console.log(`  target < 200 ms: ${worst < 200 ? 'met' : 'NOT met'}`)
  process.exitCode = worst < 200 ? 0 : 1
} finally {
  await server.close()
}

/** Chromium: canvas-measured layout + SVG string + parsing and painting it in the page. */
async function benchInBrowser() {
  const { chromium } = await import('@playwright/test')
  const dev = await createServer({
    server: { port: 4299, strictPort: false, host: '127.0.0.1' },
    logLevel: 'error',
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  await dev.listen()
  const url = dev.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4299/'
  const { launchOptions } = await import('./chromium.mjs')
  const browser = await chromium.launch(launchOptions())
  try {
    const page = await browser.newPage()
    // Any same-origin page will do; a module URL shows as text and runs no app code.
    await page.goto(`${url}src/core/diagram/types.ts`)
    const times = await page.evaluate(
      async ({ n, runs }) => {
        const layoutMod = await import('/src/core/diagram/layout.ts')
        const svgMod = await import('/src/core/diagram/svg.ts')
        const drawingMod = await import('/src/core/diagram/drawing.ts')
        const paletteMod = await import('/src/core/diagram/palette.ts')
        const flows = await import('/src/core/diagram/test-flows.ts')
        const measure = layoutMod.measureWith(document.createElement('canvas').getContext('2d'))
        const model = flows.syntheticModel(n)
        const host = document.createElement('div')
        document.body.append(host)
        const out = []
        for (let i = 0; i < runs + 3; i++) {
          const t0 = performance.now()
          const layout = layoutMod.layoutDiagram(model, measure)
          const svg = svgMod.renderSvgString(drawingMod.drawDiagram(layout, paletteMod.PALETTES.light))
          host.replaceChildren(new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement)
          host.getBoundingClientRect()
          await new Promise((r) => requestAnimationFrame(() => r(undefined)))
          if (i >= 3) out.push(performance.now() - t0)
        }
        return out
      },
      { n: N, runs: RUNS },
    )
    const m = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]
    console.log(`  Chromium: canvas-measured layout + SVG + parse + paint (${N} messages, no virtualisation): median ${m.toFixed(1)} ms`)
    return m
  } finally {
    await browser.close()
    await dev.close()
  }
}
