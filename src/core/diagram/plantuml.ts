/**
 * PlantUML sequence-diagram text of a model. Labels are written on one line with `\n` for line
 * breaks; a literal backslash is doubled, and `"` cannot appear inside a quoted participant name,
 * so it becomes a typographic quote. Failures use PlantUML's coloured-arrow syntax.
 */
import type { DiagramMessage, DiagramModel } from './types.ts'

export const PLANTUML_FAILURE = '#DC2626'
export const PLANTUML_REDIRECT = '#B45309'

export function plantText(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\').trim()
}

function arrow(m: DiagramMessage): string {
  const dashed = m.kind === 'response' || m.kind === 'redirect'
  if (m.failed) return dashed ? `-[${PLANTUML_FAILURE}]->` : `-[${PLANTUML_FAILURE}]>`
  if (m.kind === 'redirect') return `-[${PLANTUML_REDIRECT}]->>`
  return dashed ? '-->' : '->'
}

export function toPlantUml(model: DiagramModel): string {
  const ids = new Map(model.participants.map((p, i) => [p.id, `p${i}`]))
  const lines: string[] = ['@startuml', `title ${plantText(model.title) || 'Sequence diagram'}`, 'autonumber']
  model.participants.forEach((p, i) => {
    const name = [p.title, p.subtitle].filter((x): x is string => !!x).map((x) => plantText(x).replace(/["“”]/g, "'")).filter(Boolean).join('\\n') || '(unnamed)'
    lines.push(`participant "${name}" as p${i}`)
  })
  for (const m of model.messages) {
    const from = ids.get(m.from) ?? 'p0'
    const to = ids.get(m.to) ?? 'p0'
    const text = [m.label, ...m.details].map(plantText).filter(Boolean).join('\\n')
    lines.push(text ? `${from} ${arrow(m)} ${to} : ${text}` : `${from} ${arrow(m)} ${to}`)
    const notes = m.notes.map(plantText).filter(Boolean)
    if (notes.length > 0) lines.push(`note over ${to} : ${notes.join('\\n')}`)
  }
  lines.push('@enduml')
  return `${lines.join('\n')}\n`
}
