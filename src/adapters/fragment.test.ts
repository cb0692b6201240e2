import { describe, expect, it } from 'vitest'
import { inspectLinkFor, routerHashForFragment } from './fragment.ts'

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln'

describe('routerHashForFragment', () => {
  it('leaves router paths alone', () => {
    expect(routerHashForFragment('#/inspect?token=abc')).toBeNull()
    expect(routerHashForFragment('#/signin')).toBeNull()
    expect(routerHashForFragment('#main')).toBeNull()
  })

  it('sends the bare address to the inspector before the router draws anything', () => {
    expect(routerHashForFragment('')).toBe('#/inspect')
    expect(routerHashForFragment('#')).toBe('#/inspect')
    expect(routerHashForFragment('#/')).toBe('#/inspect')
  })

  it('turns a jwt.ms-style id_token fragment into the inspector route', () => {
    const hash = routerHashForFragment(`#id_token=${JWT}&state=xyz&session_state=abc`)
    expect(hash!.startsWith('#/inspect?')).toBe(true)
    const params = new URLSearchParams(hash!.slice('#/inspect?'.length))
    expect(params.get('token')).toBe(JWT)
    expect(params.get('from')).toBe('fragment')
  })

  it('accepts an access_token fragment', () => {
    const params = new URLSearchParams(routerHashForFragment(`#access_token=${JWT}&token_type=Bearer&expires_in=3599`)!.slice(10))
    expect(params.get('token')).toBe(JWT)
    expect(params.get('access_token')).toBeNull()
  })

  it('prefers the id token and keeps the access token for at_hash when both are present', () => {
    const params = new URLSearchParams(routerHashForFragment(`#access_token=AT.x.y&id_token=${JWT}`)!.slice(10))
    expect(params.get('token')).toBe(JWT)
    expect(params.get('access_token')).toBe('AT.x.y')
  })

  it('ignores fragments without a token (errors, other apps)', () => {
    expect(routerHashForFragment('#error=access_denied&error_description=x')).toBeNull()
    expect(routerHashForFragment('#main')).toBeNull()
  })
})

describe('inspectLinkFor', () => {
  it('keeps the token in the fragment, never in the query', () => {
    const link = inspectLinkFor(JWT, { origin: 'https://example.github.io', pathname: '/token-lens/', search: '' })
    expect(link.startsWith('https://example.github.io/token-lens/#/inspect?token=')).toBe(true)
    const url = new URL(link)
    expect(url.search).toBe('')
    expect(new URLSearchParams(url.hash.slice('#/inspect?'.length)).get('token')).toBe(JWT)
  })
})
