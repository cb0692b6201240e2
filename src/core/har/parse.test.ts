import { describe, expect, it } from 'vitest'
import { parseHar, parseHarValue } from './parse.ts'
import { mkEntry, mkHar } from './test-entry.ts'
import { toBase64 } from './test-fixtures.ts'

const ok = mkEntry({ url: 'https://app.example/' })

function problems(text: string) {
  const r = parseHar(text)
  if (r.ok || r.reason !== 'invalid') throw new Error(`expected invalid, got ${JSON.stringify(r).slice(0, 200)}`)
  return r
}

describe('not a HAR', () => {
  const cases: [string, string, RegExp][] = [
    ['', 'empty', /empty/],
    ['   \n', 'empty', /empty/],
    ['eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', 'jwt', /JWT/],
    ['Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln\n', 'jwt', /JWT/],
    ['eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d', 'jwe', /encrypted/],
    ['PK\u0003\u0004rest', 'zip', /ZIP/],
    ['<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>', 'xml', /SAML/],
    ['<!doctype html><html></html>', 'xml', /HTML/],
    ['[1,2]', 'json_array', /array/],
    ['{"keys":[{"kty":"RSA"}]}', 'jwks', /JWKS/],
    ['{"issuer":"https://x","jwks_uri":"https://x/k"}', 'discovery', /discovery/],
    ['{"access_token":"abc","token_type":"Bearer"}', 'token_response', /token endpoint response/],
    ['{"hello":1}', 'json_other', /"log"/],
    ['42', 'json_other', /number/],
  ]
  it.each(cases)('%j is recognised as %s', (text, kind, message) => {
    const r = parseHar(text)
    expect(r.ok).toBe(false)
    if (r.ok || r.reason !== 'not_har') throw new Error('wrong reason')
    expect(r.kind).toBe(kind)
    expect(r.message).toMatch(message)
  })

  it('reports the line and column of a JSON syntax error', () => {
    const r = parseHar('{\n  "log": {\n    "entries": [,]\n  }\n}')
    if (r.ok || r.reason !== 'not_har') throw new Error('expected not_har')
    expect(r.kind).toBe('not_json')
    expect(r.message).toMatch(/line 3, column \d+/)
  })
})

describe('structural validation with JSON paths', () => {
  it('requires log to be an object', () => {
    expect(problems('{"log":[]}').problems[0]).toMatchObject({ path: 'log', severity: 'error' })
  })
  it('requires log.entries', () => {
    const r = problems('{"log":{"version":"1.2"}}')
    expect(r.problems[0]?.path).toBe('log.entries')
    expect(r.message).toContain('log.entries')
  })
  it('a file whose every entry is unusable is a structural error, with the JSON path', () => {
    const bad = { ...ok, request: { ...ok.request, url: '/relative' } }
    expect(problems(mkHar([bad])).problems[0]?.path).toBe('log.entries[0].request.url')
  })
  it('caps the number of reported problems', () => {
    const bad = { ...ok, request: { ...ok.request, url: 7 } }
    const r = problems(mkHar(Array.from({ length: 120 }, () => bad)))
    expect(r.problems).toHaveLength(50)
    expect(r.problemCount).toBe(120)
  })
})

describe('bad entries never sink a file', () => {
  function parsed(entries: unknown[]) {
    const r = parseHar(mkHar(entries))
    if (!r.ok) throw new Error(r.message)
    return r
  }
  it('skips an entry with a missing URL, naming its index, method and URL as written', () => {
    const bad = { ...ok, request: { ...ok.request, url: undefined } }
    const r = parsed([ok, bad])
    expect(r.entries).toHaveLength(1)
    expect(r.skippedCount).toBe(1)
    expect(r.skipped[0]).toMatchObject({
      index: 1,
      method: 'GET',
      url: '(no URL)',
      reason: expect.stringMatching(/^log\.entries\[1\]\.request\.url: Missing/),
    })
  })
  it('skips an unparsable URL and keeps it as written', () => {
    const bad = { ...ok, request: { ...ok.request, method: 'post', url: 'https://exa mple.com:99999/x' } }
    const r = parsed([bad, ok])
    expect(r.skipped[0]).toMatchObject({ index: 0, method: 'post', url: 'https://exa mple.com:99999/x' })
  })
  it('skips headers that are not an array and a bad header value, one note each', () => {
    const a = { ...ok, request: { ...ok.request, headers: { Host: 'x' } } }
    const b = {
      ...ok,
      response: {
        ...ok.response,
        headers: [
          { name: 'A', value: 'b' },
          { name: 'C', value: { x: 1 } },
        ],
      },
    }
    const r = parsed([a, b, ok])
    expect(r.skipped.map((x) => x.index)).toEqual([0, 1])
    expect(r.skipped[1]?.reason).toContain('log.entries[1].response.headers[1].value')
  })
  it('skips an entry that is not an object, a missing method and content.text of the wrong type', () => {
    const noMethod = { ...ok, request: { ...ok.request, method: undefined } }
    const badText = { ...ok, response: { ...ok.response, content: { size: 1, mimeType: 'text/plain', text: 12 } } }
    const r = parsed(['x', noMethod, badText, ok])
    expect(r.skipped.map((x) => [x.index, x.method])).toEqual([
      [0, '(no method)'],
      [1, '(no method)'],
      [2, 'GET'],
    ])
    expect(r.entries).toHaveLength(1)
  })
  it('an empty entries array is a HAR with nothing in it, not an error', () => {
    expect(parseHar(mkHar([])).ok).toBe(true)
  })
})

describe('bodies as producers write them', () => {
  function one(raw: unknown) {
    const r = parseHarValue({ log: { version: '1.2', creator: { name: 'Playwright', version: '1.65' }, entries: [raw] } })
    if (!r.ok) throw new Error(r.message)
    return r
  }
  it('decodes base64 whatever the MIME type when it is UTF-8 text (a token response as octet-stream)', () => {
    const text = '{"access_token":"x","token_type":"Bearer"}'
    const r = one({
      ...ok,
      response: {
        ...ok.response,
        content: { size: text.length, mimeType: 'application/octet-stream', text: toBase64(text), encoding: 'base64' },
      },
    })
    expect(r.entries[0]?.response.content.text).toBe(text)
  })
  it('keeps a binary body base64 even under a wrong MIME type', () => {
    const gif = 'R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs='
    const r = one({
      ...ok,
      response: { ...ok.response, content: { size: 43, mimeType: 'application/octet-stream', text: gif, encoding: 'base64' } },
    })
    expect(r.entries[0]?.response.content).toMatchObject({ text: gif, encoding: 'base64' })
  })
  it('reports Playwright "attach" bodies (content._file) as not in this file and analyses the rest', () => {
    const r = one({
      ...ok,
      response: { ...ok.response, content: { size: 120, mimeType: 'application/json', _file: '3f2a.json' } },
      request: { ...ok.request, method: 'POST', postData: { mimeType: 'application/x-www-form-urlencoded', _file: '9c1b.dat' } },
    })
    expect(r.entries).toHaveLength(1)
    expect(r.missingBodyCount).toBe(2)
    expect(r.missingBodies).toEqual([
      { index: 0, position: 0, side: 'response', file: '3f2a.json' },
      { index: 0, position: 0, side: 'request', file: '9c1b.dat' },
    ])
  })
})

describe('normalisation of exporter variants', () => {
  function one(raw: unknown) {
    const r = parseHarValue({ log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: [raw] } })
    if (!r.ok) throw new Error(r.message)
    return { entry: r.entries[0]!, warnings: r.warnings }
  }
  it('rebuilds postData.text from params (Firefox)', () => {
    const { entry, warnings } = one({
      ...ok,
      request: {
        ...ok.request,
        method: 'post',
        postData: {
          mimeType: 'application/x-www-form-urlencoded',
          params: [
            { name: 'grant_type', value: 'authorization_code' },
            { name: 'code', value: 'a b' },
          ],
        },
      },
    })
    expect(entry.request.method).toBe('POST')
    expect(entry.request.postData?.text).toBe('grant_type=authorization_code&code=a+b')
    expect(warnings[0]?.path).toBe('log.entries[0].request.postData.text')
  })
  it('decodes base64 textual content (Chromium, HTTP Toolkit, Fiddler)', () => {
    const text = JSON.stringify({ keys: [{ kty: 'RSA', kid: 'é' }] })
    const b64 = toBase64(text)
    const { entry } = one({
      ...ok,
      response: { ...ok.response, content: { size: text.length, mimeType: 'application/json', text: b64, encoding: 'base64' } },
    })
    expect(entry.response.content.text).toBe(text)
    expect(entry.response.content.encoding).toBeUndefined()
  })
  it('keeps binary base64 content as is', () => {
    const { entry } = one({
      ...ok,
      response: { ...ok.response, content: { size: 3, mimeType: 'image/png', text: 'iVBO', encoding: 'base64' } },
    })
    expect(entry.response.content).toMatchObject({ text: 'iVBO', encoding: 'base64' })
  })
  it('decodes a base64 request body marked by the exporter', () => {
    const { entry } = one({
      ...ok,
      request: {
        ...ok.request,
        method: 'POST',
        postData: { mimeType: 'application/x-www-form-urlencoded', text: toBase64('a=1'), _encoding: 'base64' },
      },
    })
    expect(entry.request.postData?.text).toBe('a=1')
  })
  it('fills missing lists and sizes, converts a string status, tolerates a missing response', () => {
    const { entry, warnings } = one({ startedDateTime: 'yesterday', request: { method: 'GET', url: 'https://a.example/x?q=1' } })
    expect(entry.request.headers).toEqual([])
    expect(entry.request.queryString).toEqual([{ name: 'q', value: '1' }])
    expect(entry.response.status).toBe(0)
    expect(warnings.map((w) => w.path)).toEqual(
      expect.arrayContaining(['log.entries[0].request.headers', 'log.entries[0].response', 'log.entries[0].startedDateTime']),
    )
    const s = one({ ...ok, response: { ...ok.response, status: '302' } })
    expect(s.entry.response.status).toBe(302)
  })
  it('accepts a UTF-8 byte order mark (Fiddler) and reports the creator and progress', () => {
    const seen: [number, number][] = []
    const r = parseHar(`\ufeff${mkHar([ok, ok, ok])}`, (d, t) => seen.push([d, t]))
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.creator).toBe('test 1')
    expect(seen.at(-1)).toEqual([3, 3])
  })
  it('keeps custom fields such as _oauth and _resourceType', () => {
    const { entry } = one({
      ...ok,
      _resourceType: 'document',
      _oauth: { step: 'authorize', flowId: 'f', origin: 'simulated', redactions: [] },
    })
    expect((entry as unknown as Record<string, unknown>)._resourceType).toBe('document')
    expect((entry as unknown as Record<string, { origin: string }>)._oauth?.origin).toBe('simulated')
  })
})
