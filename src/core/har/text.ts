/**
 * A HAR file's bytes to the text JSON.parse reads, fast for the files people actually have.
 *
 * HAR files are UTF-8 (HAR 1.2 spec, "HAR files are required to be saved in UTF-8 encoding").
 * Decoding a 60 MB file that holds a single non-ASCII character (an em dash in a page title, a
 * name in a JSON body: nearly every real capture has some) makes V8 store the whole text with two
 * bytes per character; reading it then takes several times longer than an all-ASCII file, and
 * every string JSON.parse cuts out of it doubles in size too. Non-ASCII characters can only
 * appear inside JSON strings (RFC 8259 §2 and §7: outside them only ASCII structure and
 * whitespace are allowed), where a `\uXXXX` escape means the same character (RFC 8259 §7). So
 * each run of non-ASCII bytes is decoded on its own and written as escapes, and the rest of the
 * file decodes as one-byte text: JSON.parse then returns exactly the value it would have returned
 * for the plain decoding.
 *
 * Invalid JSON stays invalid either way, but its error position refers to the rewritten text:
 * callers re-read the file plainly to describe a parse error (`escaped` says when that matters).
 */
export interface HarText {
  text: string
  /** Some non-ASCII characters were written as `\uXXXX` escapes. */
  escaped: boolean
}

export function harTextFromBytes(bytes: Uint8Array): HarText {
  // ignoreBOM: each piece is decoded separately, and only the file's first byte order mark
  // (which a plain UTF-8 decoding removes too, Encoding Standard §4.2) may be dropped.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  const n = bytes.length
  const start = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const parts: string[] = []
  let from = start
  let i = nextNonAscii(bytes, start)
  while (i < n) {
    // After a backslash an escape would change meaning (`\\u…` is a backslash and text, and an
    // invalid escape would become valid): such a file (a Windows path "C:\\Ünï") is decoded plainly.
    if (i > start && bytes[i - 1] === 0x5c) return { text: decoder.decode(bytes.subarray(start)), escaped: false }
    let end = i
    while (end < n && (bytes[end] as number) >= 0x80) end++
    if (i > from) parts.push(decoder.decode(bytes.subarray(from, i)))
    // A maximal run of bytes >= 0x80 holds whole UTF-8 sequences (continuation bytes are never
    // ASCII), so decoding it alone gives the characters (or U+FFFD) a whole-file decoding gives.
    const chars = decoder.decode(bytes.subarray(i, end))
    let escapes = ''
    for (let c = 0; c < chars.length; c++) escapes += `\\u${chars.charCodeAt(c).toString(16).padStart(4, '0')}`
    parts.push(escapes)
    from = end
    i = nextNonAscii(bytes, end)
  }
  if (parts.length === 0) return { text: decoder.decode(start ? bytes.subarray(start) : bytes), escaped: false }
  if (from < n) parts.push(decoder.decode(bytes.subarray(from)))
  return { text: parts.join(''), escaped: true }
}

/** Index of the first byte >= 0x80 at or after `from`, or the length: four bytes at a time. */
function nextNonAscii(bytes: Uint8Array, from: number): number {
  const n = bytes.length
  let i = from
  // Byte by byte up to a 4-byte boundary of the underlying buffer, then whole words.
  while (i < n && (bytes.byteOffset + i) % 4 !== 0) {
    if ((bytes[i] as number) >= 0x80) return i
    i++
  }
  if (i >= n) return n
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (n - i) >>> 2)
  let w = 0
  while (w < words.length && ((words[w] as number) & 0x80808080) === 0) w++
  i += w << 2
  while (i < n) {
    if ((bytes[i] as number) >= 0x80) return i
    i++
  }
  return n
}
