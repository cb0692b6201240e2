import { describe, expect, it } from 'vitest'
import { parseHar } from './parse.ts'
import { sanitizeEntries, sanitizeUrl, toHar } from './sanitize.ts'
import { mkEntry } from './test-entry.ts'
import { HAR_FIXTURE_SECRETS as secrets, HAR_FIXTURES, toBase64 } from './test-fixtures.ts'

function load(name: string) {
  const r = parseHar(HAR_FIXTURES[name] ?? '')
  if (!r.ok) throw new Error(r.message)
  return r.entries
}

/** Every written form a secret can take in a HAR file. */
function forms(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), new URLSearchParams({ x: secret }).toString().slice(2)])]
}

const fixtures: [string, string][] = [
  ['webapp-confidential.har', 'webapp'],
  ['implicit-flow.har', 'implicit'],
  ['leaked-secret.har', 'leak'],
]

describe('sanitised export of the fixtures', () => {
  it.each(fixtures)('%s: no original secret value survives', (file, key) => {
    const entries = load(file)
    const before = JSON.stringify(entries)
    const values = Object.values(secrets[key] ?? {})
    expect(values.length).toBeGreaterThan(1)
    // The fixture really carries the secrets (otherwise the test proves nothing).
    for (const v of values) expect(forms(v).some((f) => before.includes(f)), v.slice(0, 12)).toBe(true)
    const { entries: clean, redactionCount } = sanitizeEntries(entries)
    const out = JSON.stringify(toHar(clean, 'test'))
    for (const v of values) for (const f of forms(v)) expect(out.includes(f), `${key}: ${f.slice(0, 16)}…`).toBe(false)
    expect(redactionCount).toBeGreaterThan(values.length)
    expect(out).toContain('[redacted:')
  })

  it('leaked-secret: client secret, Basic header, refresh tokens and codes get their own placeholders', () => {
    const out = JSON.stringify(sanitizeEntries(load('leaked-secret.har')).entries)
    for (const kind of ['client_secret', 'refresh_token', 'access_token', 'id_token', 'code']) expect(out).toContain(`[redacted:${kind}]`)
    expect(out).toContain('Basic [redacted:client_secret]')
    expect(out).toContain('Bearer [redacted:access_token]')
  })

  it('webapp: password, cookies, Set-Cookie and form_post inputs are redacted', () => {
    const clean = sanitizeEntries(load('webapp-confidential.har')).entries
    const out = JSON.stringify(clean)
    expect(out).toContain('[redacted:password]')
    expect(out).toContain('[redacted:cookie]')
    expect(out).toContain('[redacted:set_cookie]')
    expect(out).toMatch(/name=\\"code\\" value=\\"\[redacted:code\]\\"/)
    const paths = clean.flatMap((e) => ((e as unknown as { _redactions?: string[] })._redactions ?? []))
    expect(paths).toContain('request.postData.text#passwd')
  })

  it('keepTokens keeps access and ID tokens but still removes refresh tokens, secrets, passwords and cookies', () => {
    const leak = secrets.leak ?? {}
    const out = JSON.stringify(sanitizeEntries(load('leaked-secret.har'), { keepTokens: true }).entries)
    expect(out).toContain(leak.accessToken)
    expect(out).toContain(leak.idToken)
    for (const k of ['clientSecret', 'refreshToken', 'refreshToken2', 'code', 'basic']) expect(out.includes(leak[k] ?? '?'), k).toBe(false)
    const web = JSON.stringify(sanitizeEntries(load('webapp-confidential.har'), { keepTokens: true }).entries)
    expect(web).toContain(secrets.webapp?.idToken)
    for (const k of ['password', 'sessionCookie', 'estsAuth', 'code']) for (const f of forms(secrets.webapp?.[k] ?? '?')) expect(web.includes(f), k).toBe(false)
  })
})

describe('sanitiser placement', () => {
  it('redacts fragments, Location, Referer, JSON bodies and records paths on _oauth', () => {
    const at = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig-abcdef'
    const e = mkEntry({
      url: 'https://app.example/cb?code=CODE-123456&state=s1',
      reqHeaders: { Referer: 'https://app.example/x?code=CODE-123456', 'X-Api-Key': 'key-abcdef' },
      location: `https://app.example/#access_token=${at}&state=s1`,
      json: { nested: { refresh_token: 'RT-1234567' }, list: [{ client_secret: 'SEC-1234567' }], token_type: 'Bearer' },
    })
    const annotated = { ...e, _oauth: { step: 'redirect_back', flowId: 'f', origin: 'captured', redactions: [] } }
    const [clean] = sanitizeEntries([annotated]).entries
    const out = JSON.stringify(clean)
    for (const v of ['CODE-123456', at, 'RT-1234567', 'SEC-1234567', 'key-abcdef']) expect(out).not.toContain(v)
    expect(clean?.request.url).toBe('https://app.example/cb?code=[redacted:code]&state=s1')
    expect(clean?.response.content.text).toContain('"token_type":"Bearer"')
    expect(out).toContain('state=s1')
    const redactions = (clean as unknown as { _oauth: { redactions: string[] } })._oauth.redactions
    expect(redactions).toEqual(expect.arrayContaining(['request.url?query#code', 'response.content.text.nested.refresh_token']))
  })

  it('a secret seen in one place is swept from every other place', () => {
    const a = mkEntry({ url: 'https://idp.example/token', form: { grant_type: 'client_credentials', client_secret: 'p@ss w0rd&more' } })
    const b = mkEntry({ url: 'https://app.example/log', body: 'debug: secret was p@ss w0rd&more', mime: 'text/plain' })
    const out = JSON.stringify(sanitizeEntries([a, b]).entries)
    expect(out).not.toContain('p@ss w0rd&more')
    expect(out).not.toContain(encodeURIComponent('p@ss w0rd&more'))
    expect(out).toContain('[redacted:value]')
  })

  it('decodes textual base64 bodies under a binary MIME type before redacting, keeps binary ones', () => {
    const e = mkEntry({ url: 'https://idp.example/token', json: {} })
    e.response.content = { size: 1, mimeType: 'application/octet-stream', encoding: 'base64', text: toBase64(JSON.stringify({ refresh_token: 'RT-hidden-in-base64' })) }
    const png = mkEntry({ url: 'https://cdn.example/x.png' })
    png.response.content = { size: 4, mimeType: 'image/png', encoding: 'base64', text: 'iVBORw0KGgoAAAANSUhEUg==' }
    const [clean, image] = sanitizeEntries([e, png]).entries
    expect(clean?.response.content.text).toContain('[redacted:refresh_token]')
    expect(clean?.response.content.encoding).toBeUndefined()
    expect(image?.response.content).toMatchObject({ encoding: 'base64', text: 'iVBORw0KGgoAAAANSUhEUg==' })
  })

  it('sanitizeUrl leaves ordinary parameters byte for byte', () => {
    expect(sanitizeUrl('https://x.example/a?b=%20c&id_token=abc.def.ghi#code=zz&x=1')).toBe('https://x.example/a?b=%20c&id_token=[redacted:id_token]#code=[redacted:code]&x=1')
  })
})
