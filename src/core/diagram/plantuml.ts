/**
 * PlantUML sequence-diagram text of a model. Every value in it may come from a captured exchange
 * or a token, so it is written inert: PlantUML must draw it as the same characters and act on
 * none of them (see plantText). Labels are one line with `\n` for line breaks; failures use
 * PlantUML's coloured-arrow syntax.
 */
import { exportLabel } from './export-text.ts'
import type { DiagramMessage, DiagramModel } from './types.ts'

const PLANTUML_FAILURE = '#DC2626'
const PLANTUML_REDIRECT = '#B45309'

/**
 * Creole's Unicode escape `<U+XXXX>`: PlantUML draws that one character and parses nothing
 * into it (creole reads the escape as a whole, after the preprocessor has run), so the rendered
 * diagram shows exactly the original text.
 */
function plantUnicode(c: string): string {
  return `<U+${(c.codePointAt(0) ?? 0xfffd).toString(16).toUpperCase().padStart(4, '0')}>`
}

/**
 * Written as `<U+XXXX>` wherever they appear:
 * - `%` `$` `!`: the preprocessor runs on every line before the diagram is parsed and calls
 *   builtin functions (`%getenv(...)` reads the renderer's environment), expands `$variables`
 *   and obeys `!` directives (`!include`, `!define`) (PlantUML Language Reference, "Preprocessing");
 * - `<`: every creole/HTML-like tag starts with it: `<img:...>`, `<&icon>`, `<$sprite>`,
 *   `<color>`, `<size>`, `<U+...>`, `<<stereotype>>`;
 * - `[`: `[[url label]]` makes a clickable link, `javascript:` URLs included;
 * - `~`: creole's escape character, which would change the meaning of what follows.
 */
const ALWAYS = /[%$!<[~]/g
/** `&#65;` is a numeric character reference to creole (drawn as `A`); a bare `&` draws itself. */
const ENTITY = /&(?=#)/g
/** In a quoted participant name PlantUML ends the name at `"` and at typographic quotes. */
const QUOTES = /["“”]/g
/**
 * Doubled creole style markers (`**bold**`, `//italic//`, `""mono""`, `--strike--`,
 * `__underline__`, `{{` embedded diagrams) keep their first character and escape the others;
 * this also keeps `https://` from starting italics.
 */
const DOUBLED = /([*/"\-_{}])\1+/g
/** `/'` and `'/` open and close block comments. */
const COMMENT = /\/'|'\//g
/**
 * Creole reads a line that begins with `*` as a bullet, `#` as a numbered item, `=` as a
 * heading, `|` as a table row and `--`, `..`, `__` as separators; each `\n` piece is such a line.
 */
const LEADING = /^[*#=|\-._]/

/** One piece of label text made inert for PlantUML (the character rule of export-text.ts first). */
export function plantText(s: string, opts: { quoted?: boolean } = {}): string {
  let t = exportLabel(s)
    .replace(/\\/g, '\\\\') // PlantUML reads `\n`, `\t` and `\\` in labels; a doubled backslash draws one
    .replace(ALWAYS, plantUnicode)
    .replace(ENTITY, plantUnicode)
    .replace(COMMENT, (pair) => (pair[0] === "'" ? `${plantUnicode("'")}/` : `/${plantUnicode("'")}`))
    .replace(DOUBLED, (run) => run.charAt(0) + [...run.slice(1)].map(plantUnicode).join(''))
  if (opts.quoted) t = t.replace(QUOTES, plantUnicode)
  return LEADING.test(t) ? plantUnicode(t.charAt(0)) + t.slice(1) : t
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
    const name =
      [p.title, p.subtitle]
        .filter((x): x is string => !!x)
        .map((x) => plantText(x, { quoted: true }))
        .filter(Boolean)
        .join('\\n') || '(unnamed)'
    lines.push(`participant "${name}" as p${i}`)
  })
  for (const m of model.messages) {
    const from = ids.get(m.from) ?? 'p0'
    const to = ids.get(m.to) ?? 'p0'
    const text = [m.label, ...m.details]
      .map((x) => plantText(x))
      .filter(Boolean)
      .join('\\n')
    lines.push(text ? `${from} ${arrow(m)} ${to} : ${text}` : `${from} ${arrow(m)} ${to}`)
    const notes = m.notes.map((x) => plantText(x)).filter(Boolean)
    if (notes.length > 0) lines.push(`note over ${to} : ${notes.join('\\n')}`)
  }
  lines.push('@enduml')
  return `${lines.join('\n')}\n`
}
