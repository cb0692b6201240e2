/**
 * A strict check of the PlantUML subset that toPlantUml emits. No JavaScript parser of PlantUML
 * exists, so this grammar is ours: it accepts exactly the line shapes we write and rejects
 * anything else (undeclared participants, unbalanced quotes, raw line breaks, unknown arrows).
 * Where the real `plantuml` binary is installed, tests also run `plantuml -syntax` on the text.
 */
const ID = 'p\\d+'
const ARROWS = ['->', '-->', '-[#DC2626]>', '-[#DC2626]->', '-[#B45309]->>']

export interface GrammarResult {
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
  const textOk = (s: string) => !/[\r\n]/.test(s) && !/(^|[^\\])\\(?![n\\])/.test(s)
  lines.slice(1, -1).forEach((line, i) => {
    const n = i + 2
    let m: RegExpExecArray | null
    if (/^title \S.*$/.test(line) || line === 'autonumber') return
    if ((m = participant.exec(line))) {
      if (declared.has(m[2] ?? '')) errors.push(`line ${n}: ${m[2]} declared twice`)
      declared.add(m[2] ?? '')
      if (!textOk(m[1] ?? '')) errors.push(`line ${n}: bad escape in participant name`)
      return
    }
    if ((m = message.exec(line))) {
      for (const id of [m[1], m[3]]) if (!declared.has(id ?? '')) errors.push(`line ${n}: ${id} is not declared`)
      if (!textOk(m[4] ?? '')) errors.push(`line ${n}: bad escape in message text`)
      return
    }
    if ((m = note.exec(line))) {
      if (!declared.has(m[1] ?? '')) errors.push(`line ${n}: ${m[1]} is not declared`)
      if (!textOk(m[2] ?? '')) errors.push(`line ${n}: bad escape in note`)
      return
    }
    errors.push(`line ${n}: not part of the emitted grammar: ${line.slice(0, 60)}`)
  })
  return { ok: errors.length === 0, errors }
}
