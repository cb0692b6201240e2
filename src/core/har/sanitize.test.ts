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
    for (const v of values)
      expect(
        forms(v).some((f) => before.includes(f)),
        v.slice(0, 12),
      ).toBe(true)
    const { entries: clean, redactionCount } = sanitizeEntries(entries)
    const out = JSON.stringify(toHar(clean, 'test'))
    for (const v of values) for (const f of forms(v)) expect(out.includes(f), `${key}: ${f.slice(0, 16)}…`).toBe(false)
    expect(redactionCount).toBeGreaterThan(values.length)
    expect(out).toContain('[redacted:')
  })

  it('leaked-secret: client secret, Basic header, refresh tokens and codes get their own numbered placeholders', () => {
    const out = JSON.stringify(sanitizeEntries(load('leaked-secret.har')).entries)
    for (const kind of ['client_secret', 'refresh_token', 'access_token', 'id_token', 'code']) expect(out).toContain(`[redacted:${kind}:1]`)
    // The second refresh token is another value: another number.
    expect(out).toContain('[redacted:refresh_token:2]')
    // The Basic header carries the same secret as the client_secret parameter: the same placeholder.
    expect(out).toContain('Basic [redacted:client_secret:1]')
    expect(out).not.toContain('[redacted:client_secret:2]')
    expect(out).toContain('Bearer [redacted:access_token:1]')
    expect(out).not.toMatch(/\[redacted:[a-z_]+\]/)
  })

  it('webapp: password, cookies, Set-Cookie and form_post inputs are redacted', () => {
    const clean = sanitizeEntries(load('webapp-confidential.har')).entries
    const out = JSON.stringify(clean)
    expect(out).toContain('passwd=[redacted:password:1]')
    // Cookie values one by one, names and attributes kept; the session cookie the login sets is the one the next request sends.
    expect(out).toContain('"name":"cookie","value":"ESTSAUTH=[redacted:cookie:1]"')
    expect(out).toContain('"ESTSAUTH=[redacted:cookie:1]; domain=.login.microsoftonline.com; secure; httponly"')
    expect(out).toContain('.AspNetCore.Cookies=[redacted:set_cookie:2]; path=/; secure; samesite=lax; httponly')
    expect(out).toContain('"name":"cookie","value":".AspNetCore.Cookies=[redacted:set_cookie:2]"')
    // The form_post page and the POST it makes carry the same code and ID token placeholders.
    expect(out).toMatch(/name=\\"code\\" value=\\"\[redacted:code:1\]\\"/)
    expect(out).toContain('code=[redacted:code:1]&id_token=[redacted:id_token:1]&state=')
    const paths = clean.flatMap((e) => (e as unknown as { _redactions?: string[] })._redactions ?? [])
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
    for (const k of ['password', 'sessionCookie', 'estsAuth', 'code'])
      for (const f of forms(secrets.webapp?.[k] ?? '?')) expect(web.includes(f), k).toBe(false)
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
    expect(clean?.request.url).toBe('https://app.example/cb?code=[redacted:code:1]&state=s1')
    // The Referer carries the same code: the same placeholder; the placeholder keeps the URL's query whole.
    expect(out).toContain('"value":"https://app.example/x?code=[redacted:code:1]"')
    expect(new URL(clean?.request.url ?? '').searchParams.get('state')).toBe('s1')
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
    // Swept under the secret's own placeholder, so the two places still read as one value.
    expect(out).toContain('debug: secret was [redacted:client_secret:1]')
  })

  it('decodes textual base64 bodies under a binary MIME type before redacting, keeps binary ones', () => {
    const e = mkEntry({ url: 'https://idp.example/token', json: {} })
    e.response.content = {
      size: 1,
      mimeType: 'application/octet-stream',
      encoding: 'base64',
      text: toBase64(JSON.stringify({ refresh_token: 'RT-hidden-in-base64' })),
    }
    const png = mkEntry({ url: 'https://cdn.example/x.png' })
    png.response.content = { size: 4, mimeType: 'image/png', encoding: 'base64', text: 'iVBORw0KGgoAAAANSUhEUg==' }
    const [clean, image] = sanitizeEntries([e, png]).entries
    expect(clean?.response.content.text).toContain('[redacted:refresh_token:1]')
    expect(clean?.response.content.encoding).toBeUndefined()
    expect(image?.response.content).toMatchObject({ encoding: 'base64', text: 'iVBORw0KGgoAAAANSUhEUg==' })
  })

  it('sanitizeUrl leaves ordinary parameters byte for byte', () => {
    expect(sanitizeUrl('https://x.example/a?b=%20c&id_token=abc.def.ghi#code=zz&x=1')).toBe(
      'https://x.example/a?b=%20c&id_token=[redacted:id_token]#code=[redacted:code]&x=1',
    )
  })
})

describe('numbered placeholders: one per distinct secret, the same everywhere in the file', () => {
  const AT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.at-signature-1'
  const AT2 = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiIn0.at-signature-2'
  const RT = '0.AXoA-refresh-token-one'
  const RT2 = '0.AXoA-refresh-token-two'
  const ID = 'eyJhbGciOiJSUzI1NiJ9.eyJub25jZSI6Im4ifQ.id-signature'
  const signIn = (at: string, at2: string, rt: string, rt2: string, id: string, code: string) => [
    mkEntry({ url: 'https://idp.example/authorize?client_id=c&state=s', location: `https://app.example/cb#code=${code}&state=s` }),
    mkEntry({
      url: 'https://idp.example/token',
      form: { grant_type: 'authorization_code', code, client_id: 'c' },
      json: { access_token: at, refresh_token: rt, id_token: id },
    }),
    mkEntry({ url: 'https://api.example/me', reqHeaders: { Authorization: `Bearer ${at}` }, json: {} }),
    mkEntry({
      url: 'https://api.example/dpop',
      reqHeaders: { Authorization: `DPoP ${at}`, DPoP: 'eyJ0eXAiOiJkcG9wK2p3dCJ9.proof.sig' },
      json: {},
    }),
    mkEntry({
      url: 'https://idp.example/token',
      form: { grant_type: 'refresh_token', refresh_token: rt, client_id: 'c' },
      json: { access_token: at2, refresh_token: rt2 },
    }),
    mkEntry({ url: `https://api.example/q?access_token=${encodeURIComponent(at2)}` }),
    mkEntry({ url: 'https://idp.example/revoke', form: { token: rt2, token_type_hint: 'refresh_token' } }),
    mkEntry({ url: `https://idp.example/logout?id_token_hint=${id}` }),
  ]
  const text = (entries: ReturnType<typeof mkEntry>[], keepTokens = false) =>
    JSON.stringify(sanitizeEntries(entries, { keepTokens }).entries)

  it('gives every place of one value the same placeholder and another value another number', () => {
    const [authorize, code, api, dpop, refresh, query, revoke, logout] = sanitizeEntries(
      signIn(AT, AT2, RT, RT2, ID, 'code-value-1'),
    ).entries
    expect(authorize?.response.redirectURL).toBe('https://app.example/cb#code=[redacted:code:1]&state=s')
    expect(code?.request.postData?.text).toBe('grant_type=authorization_code&code=[redacted:code:1]&client_id=c')
    expect(JSON.parse(code?.response.content.text ?? '')).toEqual({
      access_token: '[redacted:access_token:1]',
      refresh_token: '[redacted:refresh_token:1]',
      id_token: '[redacted:id_token:1]',
    })
    expect(api?.request.headers).toContainEqual({ name: 'Authorization', value: 'Bearer [redacted:access_token:1]' })
    expect(dpop?.request.headers).toContainEqual({ name: 'Authorization', value: 'DPoP [redacted:access_token:1]' })
    expect(dpop?.request.headers).toContainEqual({ name: 'DPoP', value: '[redacted:dpop_proof:1]' })
    expect(refresh?.request.postData?.text).toBe('grant_type=refresh_token&refresh_token=[redacted:refresh_token:1]&client_id=c')
    expect(JSON.parse(refresh?.response.content.text ?? '')).toEqual({
      access_token: '[redacted:access_token:2]',
      refresh_token: '[redacted:refresh_token:2]',
    })
    expect(query?.request.url).toBe('https://api.example/q?access_token=[redacted:access_token:2]')
    expect(query?.request.queryString).toEqual([{ name: 'access_token', value: '[redacted:access_token:2]' }])
    expect(revoke?.request.postData?.text).toBe('token=[redacted:refresh_token:2]&token_type_hint=refresh_token')
    expect(logout?.request.url).toBe('https://idp.example/logout?id_token_hint=[redacted:id_token:1]')
  })

  it('leaks neither the length nor any character of a secret: other values of other lengths give the same file', () => {
    const short = text(signIn('a1', 'b2', 'c3', 'd4', 'e5', 'f6'))
    const long = text(signIn('A'.repeat(3000), 'B'.repeat(17), 'C'.repeat(999), 'D'.repeat(64), `eyJ${'x'.repeat(2000)}`, 'Z'.repeat(300)))
    expect(long).toBe(short)
    expect(text(signIn(AT, AT2, RT, RT2, ID, 'code-value-1'))).toBe(short)
  })

  it('with keepTokens, access and ID tokens stay and the rest is numbered alike', () => {
    const out = text(signIn(AT, AT2, RT, RT2, ID, 'code-value-1'), true)
    for (const v of [AT, AT2, ID]) expect(out).toContain(v)
    expect(out).toContain('refresh_token=[redacted:refresh_token:1]')
    expect(out).toContain('token=[redacted:refresh_token:2]')
    expect(out).not.toContain('[redacted:access_token')
  })

  it('continues the numbers already in a file (a re-export of a sanitised import) instead of reusing them', () => {
    const first = sanitizeEntries(signIn(AT, AT2, RT, RT2, ID, 'code-value-1')).entries
    const again = sanitizeEntries([
      ...first,
      mkEntry({
        url: 'https://idp.example/token',
        form: { grant_type: 'refresh_token', refresh_token: 'a-new-refresh-token' },
        json: { access_token: 'new-access-token' },
      }),
    ]).entries
    const out = JSON.stringify(again)
    expect(JSON.stringify(again.slice(0, first.length).map((e) => e.request))).toBe(JSON.stringify(first.map((e) => e.request)))
    expect(out).toContain('refresh_token=[redacted:refresh_token:3]')
    expect(again.at(-1)?.response.content.text).toBe('{"access_token":"[redacted:access_token:3]"}')
  })

  it('a secret that spells part of a placeholder never rewrites a placeholder', () => {
    const e = mkEntry({
      url: 'https://login.example/login',
      form: { passwd: 'redacted', other_secret: 'password' },
      location: 'https://login.example/done',
    })
    const note = mkEntry({ url: 'https://login.example/log', body: 'typed redacted then password', mime: 'text/plain' })
    const out = sanitizeEntries([e, note]).entries
    expect(out[0]?.request.postData?.text).toBe('passwd=[redacted:password:1]&other_secret=[redacted:other_secret:1]')
    expect(out[1]?.response.content.text).toBe('typed [redacted:password:1] then [redacted:other_secret:1]')
  })

  it('sanitizeUrl, which sees one URL at a time, writes placeholders without numbers', () => {
    expect(sanitizeUrl('https://x.example/cb?code=abc&state=s')).toBe('https://x.example/cb?code=[redacted:code]&state=s')
  })
})
