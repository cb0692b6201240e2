/**
 * Playwright's recordHar writes a .zip when its path ends in .zip: the HAR plus one file per body,
 * each named by the entry's `_file` (content "attach"). Given the unzipped files, this finds the
 * HAR, parses it like any other and puts every body it can find back in place; bodies not in the
 * archive stay reported as "not in this file". Pure: unzipping happens in the caller.
 */
import type { Entry } from 'har-format'
import { parseHar, type ParseProgress } from './parse.ts'
import type { HarParseResult, MissingBody } from './types.ts'

const TEXTUAL = /json|text|xml|javascript|x-www-form-urlencoded|html|jwt|jose/i

function bytesToBase64(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin)
}

export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04
}

export function parseHarArchive(files: Record<string, Uint8Array>, onProgress?: ParseProgress): HarParseResult {
  const names = Object.keys(files)
  const harName = names.find((n) => /\.har$/i.test(n))
  if (!harName) {
    return {
      ok: false,
      reason: 'not_har',
      kind: 'zip',
      message: `This ZIP archive holds no .har file (it has ${names.length} file${names.length === 1 ? '' : 's'}${names.length ? `: ${names.slice(0, 5).join(', ')}` : ''}).`,
    }
  }
  const text = new TextDecoder('utf-8').decode(files[harName])
  const result = parseHar(text, onProgress)
  if (!result.ok) return result
  const stillMissing: MissingBody[] = []
  for (const m of result.missingBodies) {
    const bytes = m.file ? files[m.file] : undefined
    const entry = result.entries[m.position]
    if (!bytes || !entry) {
      stillMissing.push(m)
      continue
    }
    fillBody(entry, m.side, bytes)
  }
  return {
    ...result,
    missingBodies: stillMissing,
    missingBodyCount: result.missingBodyCount - (result.missingBodies.length - stillMissing.length),
  }
}

function fillBody(entry: Entry, side: MissingBody['side'], bytes: Uint8Array): void {
  if (side === 'response') {
    const content = entry.response.content
    if (TEXTUAL.test(content.mimeType) || content.mimeType === '') content.text = new TextDecoder('utf-8').decode(bytes)
    else {
      try {
        content.text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      } catch {
        content.text = bytesToBase64(bytes)
        content.encoding = 'base64'
      }
    }
    return
  }
  if (entry.request.postData) entry.request.postData.text = new TextDecoder('utf-8').decode(bytes)
}
