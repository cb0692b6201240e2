import { beforeEach, describe, expect, it } from 'vitest'
import { useInspectorStore } from '../../stores/inspector-store.ts'
import { openTokenFromAddress } from './use-token-from-url.ts'
import scenarios from '../../../e2e/fixtures/tokens/scenarios.json'

const TOKEN = (scenarios as { tokens: Record<string, string> }).tokens.valid!

/** A window.history stand-in that records what the address becomes. */
function fakeHistory() {
  const calls: { state: unknown; url: string }[] = []
  return {
    calls,
    state: { usr: null, key: 'k', idx: 0 },
    replaceState: (state: unknown, _unused: string, url?: string | URL | null) => void calls.push({ state, url: String(url) }),
  }
}

beforeEach(() => {
  sessionStorage.clear()
  useInspectorStore.getState().clear()
  useInspectorStore.getState().clearExpected()
})

describe('openTokenFromAddress (a token link, before the first render)', () => {
  it('opens the token as one from a link and leaves only #/inspect in the address', () => {
    const history = fakeHistory()
    const opened = openTokenFromAddress({ hash: `#/inspect?token=${TOKEN}`, pathname: '/token-lens/', search: '?x=1' }, history)
    expect(opened).toBe(true)
    const s = useInspectorStore.getState()
    expect(s.input).toBe(TOKEN)
    expect(s.source).toBe('a link')
    // Nothing trusted on the link's say-so: its issuer still needs the user's consent.
    expect(s.sessionHosts).toEqual([])
    expect(history.calls).toEqual([{ state: history.state, url: `/token-lens/?x=1#/inspect` }])
  })

  it('keeps a redirect link’s access token as the at_hash expectation', () => {
    const history = fakeHistory()
    const hash = `#/inspect?${new URLSearchParams({ token: TOKEN, from: 'fragment', access_token: 'at-value' }).toString()}`
    expect(openTokenFromAddress({ hash, pathname: '/', search: '' }, history)).toBe(true)
    const s = useInspectorStore.getState()
    expect(s.source).toBe('a redirect link (#id_token=…)')
    expect(s.expected).toEqual({ accessToken: 'at-value' })
  })

  it('leaves other addresses, and links without a token, alone', () => {
    for (const hash of ['', '#/inspect', '#/signin?profile=abc', '#/inspect?from=fragment', '#/flow?token=abc']) {
      const history = fakeHistory()
      expect(openTokenFromAddress({ hash, pathname: '/', search: '' }, history)).toBe(false)
      expect(history.calls).toEqual([])
    }
    expect(useInspectorStore.getState().input).toBe('')
  })
})
