/**
 * Mermaid `sequenceDiagram` text of a model. Message text runs to the end of the line, so the
 * characters Mermaid treats specially there are written as its entity codes: `;` ends a
 * statement, `#` starts an entity, `%%` a comment, `<`/`>`/`&` would be read as HTML. Line
 * breaks become spaces and the export character rule (export-text.ts) applies first.
 */
import { exportLabel } from './export-text.ts'
import type { DiagramMessage, DiagramModel } from './types.ts'

const ENTITY: Record<string, string> = { '#': '#35;', ';': '#59;', '%': '#37;', '<': '#lt;', '>': '#gt;', '&': '#amp;' }

function mermaidText(s: string): string {
  return exportLabel(s).replace(/[#;%<>&]/g, (c) => ENTITY[c] ?? c)
}

function arrow(m: DiagramMessage): string {
  if (m.failed) return m.kind === 'response' || m.kind === 'redirect' ? '--x' : '-x'
  switch (m.kind) {
    case 'request':
    case 'action':
      return '->>'
    case 'response':
      return '-->>'
    case 'redirect':
      return '--)'
  }
}

export function toMermaid(model: DiagramModel): string {
  const ids = new Map(model.participants.map((p, i) => [p.id, `p${i}`]))
  const lines: string[] = ['sequenceDiagram', `  title ${mermaidText(model.title) || 'Sequence diagram'}`, '  autonumber']
  model.participants.forEach((p, i) => {
    const label = [p.title, p.subtitle ?? ''].map(mermaidText).filter(Boolean).join('<br/>') || '(unnamed)'
    lines.push(`  participant p${i} as ${label}`)
  })
  for (const m of model.messages) {
    const from = ids.get(m.from) ?? 'p0'
    const to = ids.get(m.to) ?? 'p0'
    const text = [m.label, ...m.details].map(mermaidText).filter(Boolean).join('<br/>')
    lines.push(`  ${from}${arrow(m)}${to}: ${text || ' '}`)
    const notes = m.notes.map(mermaidText).filter(Boolean)
    if (notes.length > 0) lines.push(`  Note over ${to}: ${notes.join('<br/>')}`)
  }
  return `${lines.join('\n')}\n`
}
