import { beforeEach, describe, expect, it } from 'vitest'
import { createKeyFetcher, inspectLink, useInspectorStore } from './inspector-store.ts'

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

  it('the key fetcher refuses non-https URLs (fetchJsonAtEdge) instead of requesting them', async () => {
    await expect(createKeyFetcher().fetchJson('http://insecure.test.example/keys')).rejects.toThrow(/only https/)
  })

  it('builds links with the token in the fragment', () => {
    expect(inspectLink('a.b.c')).toMatch(/#\/inspect\?token=a\.b\.c$/)
  })
})
