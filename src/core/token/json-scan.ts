/**
 * Finds duplicate member names in a JSON text.
 *
 * Why hand-written: `JSON.parse` silently keeps the last duplicate, so the parsed object cannot
 * tell us that `{"aud":"a","aud":"b"}` was ambiguous, and jose decodes with `JSON.parse` too. RFC 7519
 * §4 and RFC 7515 §5.2 require either rejecting duplicates or using the lexically last one; a
 * validator that flags them protects against parsers that disagree (one picks the first, another
 * the last). No small library reports duplicates, and this scanner is about 80 lines.
 *
 * The text must already be valid JSON (call after `JSON.parse` succeeded); on anything unexpected
 * the scanner stops and returns what it found so far, it never throws.
 */
export function findDuplicateKeys(text: string): string[] {
  const duplicates: string[] = []
  let i = 0

  const skipWs = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++
      else break
    }
  }

  const readString = (): string => {
    // text[i] is the opening quote.
    const start = i
    i++
    let escaped = false
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 0x5c) {
        escaped = true
        i += 2
        continue
      }
      if (c === 0x22) break
      i++
    }
    i++ // closing quote
    const raw = text.slice(start, i)
    if (!escaped) return raw.slice(1, -1)
    try {
      return JSON.parse(raw) as string
    } catch {
      return raw.slice(1, -1)
    }
  }

  const skipScalar = (): void => {
    while (i < text.length) {
      const ch = text[i]
      if (ch === ',' || ch === '}' || ch === ']' || ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') break
      i++
    }
  }

  const readValue = (path: string, depth: number): void => {
    skipWs()
    const ch = text[i]
    if (depth > 200) {
      i = text.length
      return
    }
    if (ch === '{') readObject(path, depth + 1)
    else if (ch === '[') readArray(path, depth + 1)
    else if (ch === '"') readString()
    else skipScalar()
  }

  const readArray = (path: string, depth: number): void => {
    i++ // [
    skipWs()
    if (text[i] === ']') {
      i++
      return
    }
    let index = 0
    while (i < text.length) {
      readValue(`${path}[${index}]`, depth)
      index++
      skipWs()
      if (text[i] === ',') {
        i++
        continue
      }
      i++ // ]
      return
    }
  }

  const readObject = (path: string, depth: number): void => {
    i++ // {
    const seen = new Set<string>()
    skipWs()
    if (text[i] === '}') {
      i++
      return
    }
    while (i < text.length) {
      skipWs()
      if (text[i] !== '"') {
        i = text.length
        return
      }
      const name = readString()
      const full = path ? `${path}.${name}` : name
      if (seen.has(name)) {
        if (!duplicates.includes(full)) duplicates.push(full)
      } else {
        seen.add(name)
      }
      skipWs()
      i++ // :
      readValue(full, depth)
      skipWs()
      if (text[i] === ',') {
        i++
        continue
      }
      i++ // }
      return
    }
  }

  readValue('', 0)
  return duplicates
}
