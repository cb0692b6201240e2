import { existsSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { toPlantUml } from './plantuml.ts'
import { checkPlantUmlSubset } from './plantuml-grammar.ts'
import { toMermaid } from './mermaid.ts'
import { drawDiagram } from './drawing.ts'
import { renderSvgString } from './svg.ts'
import { approximateMeasure, layoutDiagram } from './layout.ts'
import { PALETTES } from './palette.ts'
import { buildDiagramModel } from './model.ts'
import { demoCapture, syntheticModel } from './test-flows.ts'
import { TEMPLATE_IDS, templateModel } from './templates.ts'
import type { DiagramModel } from './types.ts'

const models: DiagramModel[] = [
  ...TEMPLATE_IDS.map((id) => templateModel(id)),
  buildDiagramModel(demoCapture()),
  buildDiagramModel(demoCapture({ failToken: true }), { redact: true }),
]
const nasty = [
  'a "quoted" \\ back\\slash',
  'semi; colon # hash %% pct',
  '<b>tag</b> & amp',
  'line\nbreak',
  '@enduml',
  'end',
  'participant x as y',
  '-->> arrow',
]

function nastyModel(labels: string[]): DiagramModel {
  const base = syntheticModel(labels.length, 3)
  return {
    ...base,
    title: labels[0] ?? 't',
    participants: base.participants.map((p, i) => ({ ...p, title: labels[i] ?? p.title })),
    messages: base.messages.map((m, i) => ({
      ...m,
      label: labels[i] ?? '',
      details: [labels[(i + 1) % labels.length] ?? ''],
      notes: [labels[(i + 2) % labels.length] ?? 'n'],
    })),
  }
}

// The real `plantuml -syntax` check runs where Debian's `plantuml` package is installed;
// .ci/run installs it and sets REQUIRE_PLANTUML=1 so that in CI a missing binary is a failure.
const binary = ['/usr/bin/plantuml', '/usr/local/bin/plantuml'].find((p) => existsSync(p))
const requirePlantUml = process.env.REQUIRE_PLANTUML === '1'
describe('PlantUML export', () => {
  it('emits only the checked grammar, for templates, captures and hostile labels', () => {
    for (const m of [...models, nastyModel(nasty)]) {
      const r = checkPlantUmlSubset(toPlantUml(m))
      expect(r.errors).toEqual([])
    }
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 12 }), (labels) => {
        expect(checkPlantUmlSubset(toPlantUml(nastyModel(labels))).errors).toEqual([])
      }),
    )
  })

  it('the grammar check rejects broken text (negative control)', () => {
    expect(checkPlantUmlSubset('@startuml\nparticipant "a”b" as p0\n@enduml\n').ok).toBe(false)
    expect(checkPlantUmlSubset('@startuml\np0 -> p1 : x\n@enduml\n').ok).toBe(false) // undeclared
    expect(checkPlantUmlSubset('@startuml\nparticipant "a" as p0\np0 => p0 : x\n@enduml\n').ok).toBe(false)
    expect(checkPlantUmlSubset('@startuml\nparticipant "a"b" as p0\n@enduml\n').ok).toBe(false)
  })

  it.runIf(requirePlantUml)('the plantuml binary is installed where it is required', () => {
    expect(binary).toBeDefined()
  })

  it.runIf(binary !== undefined)(
    'the real plantuml binary accepts every export (plantuml -syntax)',
    async () => {
      // One JVM per text, started in parallel: `-syntax` reads a single diagram from stdin.
      const check = (text: string) =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(binary!, ['-syntax'], { stdio: ['pipe', 'pipe', 'ignore'] })
          let out = ''
          child.stdout.on('data', (d) => (out += d.toString('utf8')))
          child.on('error', reject)
          child.on('close', () => resolve(out))
          child.stdin.end(text)
        })
      const all = [...models, nastyModel(nasty)]
      const outs = await Promise.all([
        ...all.map((m) => check(toPlantUml(m))),
        check('@startuml\nparticipant "a" as p0\np0 -[#zz> p0 : x\nfoo bar baz\n@enduml\n'),
      ])
      all.forEach((m, i) => {
        const out = outs[i] ?? ''
        expect(out.split('\n')[0], `${m.title}\n${out}`).toBe('SEQUENCE')
        expect(out).toContain(`(${m.participants.length} participants)`)
      })
      expect(outs.at(-1)?.split('\n')[0]).toBe('ERROR')
    },
    120_000,
  )
})

describe('Mermaid export', () => {
  it('declares participants and escapes statement separators and HTML', () => {
    const text = toMermaid(nastyModel(nasty))
    const lines = text.trimEnd().split('\n')
    expect(lines[0]).toBe('sequenceDiagram')
    for (const line of lines.slice(3)) {
      expect(line.startsWith('  ')).toBe(true)
      const text = line.includes(': ') ? line.slice(line.indexOf(': ') + 2) : line.replace(/^ {2}participant p\d+ as /, '')
      const bare = text.replace(/<br\/>/g, ' ').replace(/#(35|59|37|lt|gt|amp);/g, ' ')
      expect(bare).not.toMatch(/[;<>#%&]/)
    }
  })
  // The real Mermaid parser runs in Chromium: see e2e/diagram-exports.spec.ts.
})

describe('SVG export', () => {
  it('is standalone: no <style>, no scripts, no external references, text escaped', () => {
    const m = nastyModel(nasty)
    const svg = renderSvgString(drawDiagram(layoutDiagram(m, approximateMeasure), PALETTES.dark), { title: m.title })
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).not.toMatch(/<style|<script|href=|class=|url\(/)
    expect(svg).toContain('&lt;b&gt;tag&lt;/b&gt; &amp; amp')
    expect(svg).not.toContain('<b>')
  })
  it('renders only the revealed messages when asked', () => {
    const m = templateModel('auth-code-pkce-spa')
    const d = drawDiagram(layoutDiagram(m, approximateMeasure), PALETTES.light)
    const badges = (s: string) => (s.match(/text-anchor="middle"/g) ?? []).length
    expect(badges(renderSvgString(d, { visibleCount: 3 }))).toBe(3)
    expect(badges(renderSvgString(d))).toBe(m.messages.length)
  })
})
