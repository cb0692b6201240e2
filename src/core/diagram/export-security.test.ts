/**
 * Issue 16, items 5 and 6: hostile values from an imported HAR must leave every export inert
 * (PlantUML runs nothing, links nothing, includes nothing) and well-formed (no code point XML or
 * UTF-8 rejects), while ordinary labels read the same. The hostile data reaches the exports the
 * way real data does: HAR text -> parseHar -> analyzeFlows -> flowEntries -> buildDiagramModel.
 */
import { existsSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseHar } from '../har/parse.ts'
import { analyzeFlows, flowEntries } from '../flows/detect.ts'
import { exportLabel, isCleanExportText } from './export-text.ts'
import { allXmlChars, CANARY_VARIABLE, HOSTILE, hostileHar } from './hostile-har.ts'
import { drawDiagram } from './drawing.ts'
import { approximateMeasure, layoutDiagram } from './layout.ts'
import { toMermaid } from './mermaid.ts'
import { buildDiagramModel } from './model.ts'
import { PALETTES } from './palette.ts'
import { checkPlantUmlSubset } from './plantuml-grammar.ts'
import { plantText, toPlantUml } from './plantuml.ts'
import { renderSvgString } from './svg.ts'
import { demoCapture } from './test-flows.ts'
import type { DiagramModel } from './types.ts'

function hostileModel(redact = false): DiagramModel {
  const parsed = parseHar(hostileHar())
  if (!parsed.ok) throw new Error(parsed.message)
  const flow = analyzeFlows(parsed.entries).flows[0]
  if (!flow) throw new Error('no flow detected in the hostile HAR')
  // The diagram screen titles an imported flow `${file name}: ${flow label}`; the file name is the user's.
  return buildDiagramModel(flowEntries(flow, parsed.entries), {
    redact,
    perspective: 'browser',
    title: `${HOSTILE.getenv} ${HOSTILE.controls}.har: ${flow.label}`,
  })
}

/** Every text of a model as the exports must show it (the character rule applied). */
function modelTexts(m: DiagramModel): string[] {
  const raw = [
    m.title,
    ...m.participants.flatMap((p) => [p.title, p.subtitle ?? '']),
    ...m.messages.flatMap((x) => [x.label, ...x.details, ...x.notes]),
  ]
  return raw.map(exportLabel).filter(Boolean)
}

describe('hostile HAR values reach the diagram model', () => {
  it('as a real import would carry them (negative control for the checks below)', () => {
    const all = modelTexts(hostileModel()).join('\n')
    const raw = hostileModel()
    const rawAll = JSON.stringify(raw)
    for (const v of [HOSTILE.getenv, HOSTILE.image, HOSTILE.variable, '[[javascript:alert(2)]]']) expect(all).toContain(v)
    expect(rawAll).toContain('\\u0001')
    expect(rawAll).toContain('\\ud800')
  })
})

describe('PlantUML export is inert', () => {
  it('hostile labels pass the strict inertness grammar', () => {
    for (const m of [hostileModel(), hostileModel(true)]) expect(checkPlantUmlSubset(toPlantUml(m)).errors).toEqual([])
  })

  it('leaves no preprocessor call, variable, directive, link, image or tag raw', () => {
    const text = toPlantUml(hostileModel())
    const body = text.split('\n').slice(1, -2).join('\n')
    for (const raw of ['%getenv', '%date', '$x', '$y', '!include', '[[', '<img', '<color', '<&star', '</color', '**x**'])
      expect(body).not.toContain(raw)
    expect(body).toContain('<U+0025>getenv("TOKEN_LENS_CANARY")')
    expect(body).toContain('<U+005B>javascript:alert(2)]]')
    expect(isCleanExportText(text)).toBe(true)
    expect(text).toContain('\uFFFD')
  })

  it('keeps ordinary labels readable: only active characters are escaped', () => {
    expect(plantText('GET /…/oauth2/v2.0/authorize')).toBe('GET /…/oauth2/v2.0/authorize')
    expect(plantText('scope=openid profile offline_access  ·  state=STATE123')).toBe(
      'scope=openid profile offline_access  ·  state=STATE123',
    )
    expect(plantText('Location: app.example/redirect.html')).toBe('Location: app.example/redirect.html')
    expect(plantText('verification_uri=https://microsoft.com/devicelogin')).toBe(
      'verification_uri=https:/<U+002F>microsoft.com/devicelogin',
    )
    expect(plantText('a "b" \\ c', { quoted: true })).toBe('a <U+0022>b<U+0022> \\\\ c')
    expect(plantText('* not a bullet')).toBe('<U+002A> not a bullet')
    const demo = toPlantUml(buildDiagramModel(demoCapture()))
    expect(demo).toContain('POST /…/oauth2/v2.0/token\\ngrant_type=authorization_code  ·  code=CODEVALUE1…')
    expect(demo).toContain('participant "Discovery & JWKS\\nlogin.microsoftonline.com" as p3')
    // `<` always starts a creole tag candidate, so it is the one ordinary character written as an escape.
    expect(demo).toContain('Authorization: Bearer <U+003C>access token>')
    expect(plantText('x &#65; & y')).toBe('x <U+0026>#65; & y')
  })

  // 100 generated diagrams through the PlantUML grammar check: ~2 s alone, 5.9 s once on a loaded machine (over Vitest's 5 s).
  it('any text at all comes out inert (property)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom(
        ...Object.values(HOSTILE),
        '//',
        "/'",
        "'/",
        '""',
        '--',
        '__',
        '{{',
        '\\',
        '\\n',
        '@enduml',
        '= h',
        '| t |',
        '..',
        '“',
        '<U+0041>',
      ),
    )
    const label = fc.array(piece, { minLength: 1, maxLength: 5 }).map((xs) => xs.join(''))
    const m = hostileModel()
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 6 }), (labels) => {
        const model: DiagramModel = {
          ...m,
          title: labels[0] ?? '',
          participants: m.participants.map((p, i) => ({ ...p, title: labels[i % labels.length] ?? p.title })),
          messages: m.messages.map((x, i) => ({
            ...x,
            label: labels[i % labels.length] ?? '',
            notes: [labels[(i + 1) % labels.length] ?? ''],
          })),
        }
        expect(checkPlantUmlSubset(toPlantUml(model)).errors).toEqual([])
      }),
    )
  }, 20_000)
})

// The real renderer: Debian's `plantuml` (CI installs it and sets REQUIRE_PLANTUML=1, see
// exports.test.ts). It renders with its default security profile and a canary in its environment.
const binary = ['/usr/bin/plantuml', '/usr/local/bin/plantuml'].find((p) => existsSync(p))
const CANARY = `canary-${Math.random().toString(36).slice(2)}-${process.pid}`

function renderSvg(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary!, ['-tsvg', '-pipe'], {
      stdio: ['pipe', 'pipe', 'ignore'],
      env: { ...process.env, [CANARY_VARIABLE]: CANARY },
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')))
    child.on('error', reject)
    child.on('close', () => resolve(out))
    child.stdin.end(text)
  })
}

/** The text lines PlantUML drew, entities decoded. */
function drawnTexts(svg: string): string[] {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&amp;/g, '&')
      .replace(/\u00a0/g, ' ')
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1] ?? ''))
}

describe.runIf(binary !== undefined)('the real plantuml renderer', () => {
  it('draws a hostile flow without leaking the environment, links or images, and shows the text as written', async () => {
    const hostile = hostileModel()
    const [svg, control] = await Promise.all([
      renderSvg(toPlantUml(hostile)),
      renderSvg(`@startuml\nparticipant "a" as p0\np0 -> p0 : %getenv("${CANARY_VARIABLE}") [[javascript:alert(1) x]]\n@enduml\n`),
    ])
    // Negative control: the same renderer does leak and link when the text is not escaped.
    expect(control).toContain(CANARY)
    expect(control).toMatch(/xlink:href="javascript:/)
    expect(svg).toMatch(/^<\?xml|^<svg/)
    expect(svg).not.toContain(CANARY)
    expect(svg).not.toMatch(/<a\s|xlink:href|\shref=|<image/)
    const drawn = drawnTexts(svg)
    for (const line of modelTexts(hostile).flatMap((t) => t.split('\n'))) expect(drawn, line).toContain(line)
  }, 120_000)

  it('draws ordinary flows with exactly their labels', async () => {
    const m = buildDiagramModel(demoCapture({ failToken: true }))
    const drawn = drawnTexts(await renderSvg(toPlantUml(m)))
    for (const line of modelTexts(m)) expect(drawn, line).toContain(line)
  }, 120_000)
})

describe('Mermaid and SVG exports keep to the character rule', () => {
  it('Mermaid text of the hostile flow holds only clean code points', () => {
    const text = toMermaid(hostileModel())
    expect(isCleanExportText(text)).toBe(true)
    expect(text).toContain('\uFFFD')
  })

  it('the SVG of the hostile flow is well-formed XML text, in both palettes', () => {
    const m = hostileModel()
    for (const palette of [PALETTES.light, PALETTES.dark]) {
      const svg = renderSvgString(drawDiagram(layoutDiagram(m, approximateMeasure), palette), { title: m.title })
      expect(allXmlChars(svg)).toBe(true)
      expect(svg).toContain('profile of lone \uFFFD high')
      expect(svg).toContain('prompt=&lt;img:file:///etc/pas…')
    }
  })
})
