import { zipSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { isZip, parseHarArchive } from './archive.ts'
import { mkEntry } from './test-entry.ts'

/**
 * Playwright recordHar with a .zip path: the HAR goes in as "har.har" and each body as a file
 * named by its SHA-1 with `content._file` pointing at it (Playwright HAR recording docs).
 */
function playwrightZip(withBody: boolean) {
  const tokenBody = JSON.stringify({ access_token: 'AT', token_type: 'Bearer' })
  const entry = mkEntry({
    url: 'https://login.example.com/t/oauth2/v2.0/token',
    form: { grant_type: 'client_credentials', client_id: 'c', client_secret: 's' },
    json: {},
  })
  const raw = JSON.parse(JSON.stringify(entry)) as { response: { content: Record<string, unknown> } }
  raw.response.content = { size: tokenBody.length, mimeType: 'application/json', _file: '5d41402abc4b2a76b9719d911017c592.json' }
  const har = JSON.stringify({ log: { version: '1.2', creator: { name: 'Playwright', version: '1.65.1' }, entries: [raw] } })
  const files: Record<string, Uint8Array> = { 'har.har': strToU8(har) }
  if (withBody) files['5d41402abc4b2a76b9719d911017c592.json'] = strToU8(tokenBody)
  return { zip: zipSync(files), tokenBody }
}

describe('Playwright .zip HAR', () => {
  it('is recognised by its signature and unzipped with its attached bodies put back', async () => {
    const { zip, tokenBody } = playwrightZip(true)
    expect(isZip(zip.subarray(0, 4))).toBe(true)
    const { unzipSync } = await import('fflate')
    const r = parseHarArchive(unzipSync(zip))
    if (!r.ok) throw new Error(r.message)
    expect(r.entries[0]?.response.content.text).toBe(tokenBody)
    expect(r.missingBodyCount).toBe(0)
  })
  it('reports a body missing from the archive as not in this file and analyses the rest', async () => {
    const { zip } = playwrightZip(false)
    const { unzipSync } = await import('fflate')
    const r = parseHarArchive(unzipSync(zip))
    if (!r.ok) throw new Error(r.message)
    expect(r.entries).toHaveLength(1)
    expect(r.missingBodies).toEqual([expect.objectContaining({ side: 'response', file: '5d41402abc4b2a76b9719d911017c592.json' })])
  })
  it('says so when the archive holds no .har', () => {
    const r = parseHarArchive({ 'notes.txt': strToU8('hi') })
    expect(r).toMatchObject({ ok: false, reason: 'not_har', kind: 'zip', message: expect.stringMatching(/no \.har file.*notes\.txt/) })
  })
})
