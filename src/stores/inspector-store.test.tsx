import { beforeEach, describe, expect, it } from 'vitest'
import {
  captureTimeOf,
  createKeyFetcher,
  effectiveKeySource,
  inspectLink,
  issuerFetchDecision,
  useInspectorStore,
} from './inspector-store.ts'

const store = () => useInspectorStore.getState()

beforeEach(() => {
  sessionStorage.clear()
  store().clear()
  store().clearExpected()
  store().forgetDocuments()
})

describe('inspector store', () => {
  it('openToken sets the input and the expectations it came with, and persists both for this tab only', () => {
    store().setExpected({ audience: 'stale-audience' })
    store().openToken('a.b.c', { expected: { audience: 'api://x', nonce: 'n1', tokenType: 'id_token' }, source: 'sign-in' })
    expect(store().input).toBe('a.b.c')
    expect(store().source).toBe('sign-in')
    expect(store().expected).toEqual({ audience: 'api://x', nonce: 'n1', tokenType: 'id_token' })
    expect(sessionStorage.getItem('token-lens:inspector:input')).toBe('a.b.c')
    expect(JSON.parse(sessionStorage.getItem('token-lens:inspector:expected') ?? '{}')).toEqual(store().expected)
    expect(localStorage.getItem('token-lens:inspector:input')).toBeNull()
  })

  it('forgetAll empties the input, keys, documents and every trusted issuer host, in memory and in storage', () => {
    store().openToken('a.b.c', { expected: { issuer: 'https://issuer.test.example' }, source: 'sign-in', trustIssuer: true })
    store().setPastedJwks('{"keys":[]}')
    store().cacheDocument('https://issuer.test.example/.well-known/openid-configuration', { issuer: 'x' }, 1)
    store().alwaysTrust('other.test.example')
    expect(store().sessionHosts.length + store().approvedHosts.length).toBeGreaterThan(1)
    store().forgetAll()
    expect(store().input).toBe('')
    expect(store().expected).toEqual({})
    expect(store().pastedJwks).toBe('')
    expect(store().documents).toEqual({})
    expect(store().approvedHosts).toEqual([])
    expect(store().sessionHosts).toEqual([])
    for (const key of ['input', 'source', 'expected', 'jwks', 'session-issuers'])
      expect(sessionStorage.getItem(`token-lens:inspector:${key}`)).toBeNull()
    expect(localStorage.getItem('token-lens:inspector:trusted-issuers')).toBeNull()
  })

  it('openToken without expectations drops stale ones', () => {
    store().setExpected({ audience: 'old' })
    store().openToken('x.y.z')
    expect(store().expected).toEqual({})
  })

  it('drops empty and unknown expectation values', () => {
    store().setExpected({ audience: '  ', issuer: 'https://i', tokenType: 'bogus' })
    expect(store().expected).toEqual({ issuer: 'https://i' })
  })

  it('Clear forgets the token and the second token', () => {
    store().setInput('a.b.c', 'paste')
    store().setCompareInput('d.e.f')
    store().clear()
    expect(store().input).toBe('')
    expect(store().compareInput).toBe('')
    expect(sessionStorage.getItem('token-lens:inspector:input')).toBeNull()
  })

  it('the key fetcher answers from the session cache without a request, and says so', async () => {
    const url = 'https://issuer.test.example/.well-known/openid-configuration'
    store().cacheDocument(url, { jwks_uri: 'https://issuer.test.example/keys' }, Date.now())
    const fetcher = createKeyFetcher()
    await expect(fetcher.fetchJson(url)).resolves.toEqual({ jwks_uri: 'https://issuer.test.example/keys' })
    // A repeat within the same inspection (rotation refetch) of a fresh copy is served from the cache too.
    await expect(fetcher.fetchJson(url)).resolves.toEqual({ jwks_uri: 'https://issuer.test.example/keys' })
    expect([...fetcher.fromCache]).toEqual([url])
  })

  it('a rotation refetch for a token goes to the network once, then re-validations of that token reuse the answer', async () => {
    const url = 'https://login.microsoftonline.com/common/discovery/v2.0/keys'
    store().cacheDocument(url, { keys: [{ kty: 'RSA', kid: 'old' }] }, Date.now())
    const requested: string[] = []
    const realFetch = globalThis.fetch
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      requested.push(String(input))
      return new Response(JSON.stringify({ keys: [{ kty: 'RSA', kid: 'new' }] }), { status: 200 })
    }) as typeof fetch
    try {
      const first = createKeyFetcher([], 'token-1')
      await first.fetchJson(url)
      await expect(first.fetchJson(url)).resolves.toEqual({ keys: [{ kty: 'RSA', kid: 'new' }] })
      expect(requested).toEqual([url])
      // The next clock tick re-validates the same token: no second request.
      const again = createKeyFetcher([], 'token-1')
      await again.fetchJson(url)
      await again.fetchJson(url)
      expect(requested).toEqual([url])
    } finally {
      globalThis.fetch = realFetch
    }
  })

  it('the key fetcher refuses non-https URLs (fetchJsonAtEdge) instead of requesting them', async () => {
    await expect(createKeyFetcher(['insecure.test.example']).fetchJson('http://insecure.test.example/keys')).rejects.toThrow(/only https/i)
  })

  it('the key fetcher sends nothing to a host the user has not approved, even after the issuer was approved', async () => {
    const fetcher = createKeyFetcher(['issuer.test.example'])
    // jwks_uri on another host than the issuer the user agreed to: held back, and reported.
    await expect(fetcher.fetchJson('https://keys.elsewhere.test.example/jwks')).rejects.toThrow(/needs your consent/)
    expect(fetcher.blocked).toMatchObject({
      url: 'https://keys.elsewhere.test.example/jwks',
      decision: { verdict: 'ask', host: 'keys.elsewhere.test.example' },
    })
    // Inside a private network: never without consent, whatever else is trusted.
    await expect(createKeyFetcher(['issuer.test.example']).fetchJson('https://169.254.169.254/latest/meta-data/')).rejects.toThrow(
      /own network/,
    )
  })

  it('builds links with the token in the fragment', () => {
    expect(inspectLink('a.b.c')).toMatch(/#\/inspect\?token=a\.b\.c$/)
  })
})

/** An (unsigned-looking) JWT with the given issuer; only its payload matters for consent. */
function tokenFrom(iss: string): string {
  const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ iss, sub: 's' })}.c2ln`
}

describe('key fetch consent', () => {
  beforeEach(() => {
    localStorage.clear()
    useInspectorStore.setState({ approvedHosts: [], sessionHosts: [], onceFor: null })
  })

  const consentFor = (iss: string) => {
    const d = issuerFetchDecision(iss, store())
    return d === null ? { state: 'none' } : { state: d.verdict === 'auto' ? 'trusted' : d.verdict, host: d.host }
  }

  it('trusts well-known providers, asks for any other https issuer, and has nothing to ask without one', () => {
    expect(consentFor('https://login.microsoftonline.com/t/v2.0')).toEqual({ state: 'trusted', host: 'login.microsoftonline.com' })
    expect(consentFor('https://accounts.google.com')).toEqual({ state: 'trusted', host: 'accounts.google.com' })
    expect(consentFor('https://issuer.test.example')).toEqual({ state: 'ask', host: 'issuer.test.example' })
    expect(issuerFetchDecision(undefined, store())).toBeNull()
    expect(consentFor('http://issuer.test.example')).toEqual({ state: 'none' })
  })

  it('a token from this tab’s own sign-in trusts its issuer and the expected one, for this tab only', () => {
    store().openToken(tokenFrom('https://idp.test.example/t'), {
      source: 'sign-in',
      trustIssuer: true,
      expected: { issuer: 'https://other.test.example/' },
    })
    expect(consentFor('https://idp.test.example/t').state).toBe('trusted')
    expect(consentFor('https://other.test.example/').state).toBe('trusted')
    expect(JSON.parse(sessionStorage.getItem('token-lens:inspector:session-issuers') ?? '[]')).toEqual([
      'idp.test.example',
      'other.test.example',
    ])
    expect(localStorage.getItem('token-lens:inspector:session-issuers')).toBeNull()
  })

  it('a token from a link, an imported file, or pasted, does not make its issuer trusted', () => {
    store().openToken(tokenFrom('https://evil.test.example'), { source: 'a link' })
    store().openToken(tokenFrom('https://har.test.example'), {
      source: 'HAR import',
      expected: { issuer: 'https://har-expected.test.example' },
    })
    store().setInput(tokenFrom('https://pasted.test.example'), 'paste')
    expect(consentFor('https://evil.test.example').state).toBe('ask')
    expect(consentFor('https://har.test.example').state).toBe('ask')
    expect(consentFor('https://har-expected.test.example').state).toBe('ask')
    expect(consentFor('https://pasted.test.example').state).toBe('ask')
    expect(store().sessionHosts).toEqual([])
    expect(sessionStorage.getItem('token-lens:inspector:session-issuers')).toBeNull()
  })

  it('an issuer inside a private network is asked for even when it is the token of a link, with the reason', () => {
    store().openToken(tokenFrom('https://169.254.169.254/latest'), { source: 'a link' })
    expect(issuerFetchDecision('https://169.254.169.254/latest', store())).toMatchObject({ verdict: 'ask', scope: 'link-local' })
  })

  it('"Fetch once" holds for the current token only', () => {
    const a = tokenFrom('https://issuer.test.example')
    store().setInput(a, 'paste')
    store().allowOnce('issuer.test.example')
    store().allowOnce('keys.test.example')
    expect(consentFor('https://issuer.test.example').state).toBe('trusted')
    expect(consentFor('https://keys.test.example').state).toBe('trusted')
    store().setInput(`${a}x`, 'paste')
    expect(consentFor('https://issuer.test.example').state).toBe('ask')
    expect(localStorage.getItem('token-lens:inspector:trusted-issuers')).toBeNull()
  })

  it('"Always trust" persists the host in localStorage and ignores values that are not hosts', () => {
    store().alwaysTrust('issuer.test.example')
    store().alwaysTrust('issuer.test.example')
    store().alwaysTrust('bad host/"x"')
    expect(consentFor('https://issuer.test.example/anything').state).toBe('trusted')
    expect(JSON.parse(localStorage.getItem('token-lens:inspector:trusted-issuers') ?? '[]')).toEqual(['issuer.test.example'])
  })
})

describe('keys found inside a capture', () => {
  const jwks = { keys: [{ kty: 'RSA', kid: 'file-key', n: 'AQAB', e: 'AQAB' }] }
  const origin = { kind: 'capture' as const, label: 'the imported file “evil.har”' }

  beforeEach(() => {
    store().setKeySource('issuer')
    store().setPastedJwks('')
  })

  it('verify only the token they were opened with, and never become the pasted key set', () => {
    const fromFile = tokenFrom('https://login.microsoftonline.com/t/v2.0')
    store().openToken(fromFile, { source: 'HAR import', captureKeys: { jwks, origin } })
    expect(effectiveKeySource(store())).toBe('capture')
    expect(store().keySource).toBe('issuer')
    expect(store().pastedJwks).toBe('')
    expect(sessionStorage.getItem('token-lens:inspector:jwks')).toBeNull()
    // A later pasted token claiming the same issuer is checked against the issuer, not the file.
    store().setInput(tokenFrom('https://login.microsoftonline.com/t/v2.0') + 'x', 'paste')
    expect(effectiveKeySource(store())).toBe('issuer')
    // Nor does a token opened from elsewhere inherit them.
    store().openToken(fromFile, { source: 'a link' })
    expect(effectiveKeySource(store())).toBe('issuer')
    expect(store().captureKeys).toBeNull()
  })

  it('the user can switch that token to the issuer’s keys and back', () => {
    const t = tokenFrom('https://login.microsoftonline.com/t/v2.0')
    store().openToken(t, { source: 'HAR import', captureKeys: { jwks, origin } })
    store().setKeySource('issuer')
    expect(effectiveKeySource(store())).toBe('issuer')
    store().setKeySource('capture')
    expect(effectiveKeySource(store())).toBe('capture')
  })
})

describe('a token from an imported file is judged as of its capture', () => {
  it('for that token only, until the user asks for the current time; nothing of it is stored', () => {
    const t = tokenFrom('https://login.microsoftonline.com/t/v2.0')
    store().openToken(t, { source: 'HAR import', capturedAt: 1_700_000_000 })
    expect(captureTimeOf(store())).toBe(1_700_000_000)
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('1700000000')
    // Another token in the field is judged now; the file's token again, at its capture.
    store().setInput(`${t}x`, 'paste')
    expect(captureTimeOf(store())).toBeNull()
    store().setInput(t, 'paste')
    expect(captureTimeOf(store())).toBe(1_700_000_000)
    store().judgeAtCurrentTime()
    expect(captureTimeOf(store())).toBeNull()
    // A token opened from elsewhere (a link, a sign-in) carries no capture time.
    store().openToken(t, { source: 'HAR import', capturedAt: 1_700_000_000 })
    store().openToken(t, { source: 'a link' })
    expect(captureTimeOf(store())).toBeNull()
    store().openToken(t, { source: 'HAR import', capturedAt: 1_700_000_000 })
    store().forgetAll()
    expect(store().capturedAt).toBeNull()
  })
})
