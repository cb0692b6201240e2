/**
 * A strict check of the PlantUML subset that toPlantUml emits. No JavaScript parser of PlantUML
 * exists, so this grammar is ours: it accepts exactly the line shapes we write and rejects
 * anything else (undeclared participants, unbalanced quotes, raw line breaks, unknown arrows).
 * Where the real `plantuml` binary is installed, tests also run `plantuml -syntax` on the text.
 * It also checks that every text is inert: no character that PlantUML's preprocessor or creole
 * would act on is left raw (written independently of plantuml.ts, so one checks the other).
 */
import { isCleanExportText } from './export-text.ts'

const ID = 'p\\d+'
const ARROWS = ['->', '-->', '-[#DC2626]>', '-[#DC2626]->', '-[#B45309]->>']

interface GrammarResult {
  ok: boolean
  errors: string[]
}

export function checkPlantUmlSubset(text: string): GrammarResult {
  const errors: string[] = []
  const lines = text.replace(/\n$/, '').split('\n')
  if (lines[0] !== '@startuml') errors.push('line 1: must be @startuml')
  if (lines.at(-1) !== '@enduml') errors.push(`line ${lines.length}: must be @enduml`)
  const declared = new Set<string>()
  const participant = new RegExp(`^participant "([^"“”\\n]+)" as (${ID})$`)
  const arrowAlt = ARROWS.map((a) => a.replace(/[[\]#>-]/g, (c) => `\\${c}`)).join('|')
  const message = new RegExp(`^(${ID}) (${arrowAlt}) (${ID})(?: : (\\S.*))?$`)
  const note = new RegExp(`^note over (${ID}) : (\\S.*)$`)
  const textOk = (s: string, quoted = false) => inertText(s, quoted)
  lines.slice(1, -1).forEach((line, i) => {
    const n = i + 2
    let m: RegExpExecArray | null
    if (line === 'autonumber') return
    if ((m = /^title (\S.*)$/.exec(line))) {
      if (!textOk(m[1] ?? '')) errors.push(`line ${n}: title is not inert`)
      return
    }
    if ((m = participant.exec(line))) {
      if (declared.has(m[2] ?? '')) errors.push(`line ${n}: ${m[2]} declared twice`)
      declared.add(m[2] ?? '')
      if (!textOk(m[1] ?? '', true)) errors.push(`line ${n}: participant name is not inert`)
      return
    }
    if ((m = message.exec(line))) {
      for (const id of [m[1], m[3]]) if (!declared.has(id ?? '')) errors.push(`line ${n}: ${id} is not declared`)
      if (m[4] !== undefined && !textOk(m[4])) errors.push(`line ${n}: message text is not inert`)
      return
    }
    if ((m = note.exec(line))) {
      if (!declared.has(m[1] ?? '')) errors.push(`line ${n}: ${m[1]} is not declared`)
      if (!textOk(m[2] ?? '')) errors.push(`line ${n}: note is not inert`)
      return
    }
    errors.push(`line ${n}: not part of the emitted grammar: ${line.slice(0, 60)}`)
  })
  return { ok: errors.length === 0, errors }
}

/** Raw characters that would start a preprocessor call, a creole tag, link, escape or entity. */
const ACTIVE = /[%$!<[~]|&#|([*/"_{}-])\1|\/'|'\//
/** Creole line markers at the start of a `\n` piece. */
const LINE_MARKER = /^[*#=|._-]/

/**
 * True when a label is inert: only the export character rule's code points, no raw line break,
 * backslashes only as `\\` or our `\n`, and in each `\n` piece (one creole line) no active
 * character outside a `<U+XXXX>` escape; in a quoted name also no quote of any kind.
 */
function inertText(s: string, quoted = false): boolean {
  if (!isCleanExportText(s) || /[\r\n]/.test(s)) return false
  const flat = s.replace(/\\\\|<U\+[0-9A-F]{4,6}>/g, 'U')
  if (/\\(?!n)/.test(flat)) return false
  return flat
    .split('\\n')
    .every((piece) => piece.length > 0 && !ACTIVE.test(piece) && !LINE_MARKER.test(piece) && !(quoted && /["“”]/.test(piece)))
}
