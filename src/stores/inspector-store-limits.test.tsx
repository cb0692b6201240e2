import { beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_TOKEN_INPUT_CHARS } from '../core/token/decode.ts'
import { useInspectorStore } from './inspector-store.ts'

// Over-limit text must never reach sessionStorage: a stored 5 MB paste froze the tab again on
// every reload (issue 16, item 7).
const store = () => useInspectorStore.getState()
const HUGE = `eyJ${'A'.repeat(MAX_TOKEN_INPUT_CHARS)}`
const stored = (key: string) => sessionStorage.getItem(`token-lens:inspector:${key}`)

beforeEach(() => {
  sessionStorage.clear()
  store().clear()
})

describe('inspector store: input size limit', () => {
  it('setInput refuses over-limit text: nothing stored, the previous token kept', () => {
    store().setInput('a.b.c', 'paste')
    store().setInput(HUGE, 'paste')
    expect(store().input).toBe('a.b.c')
    expect(stored('input')).toBe('a.b.c')
  })

  it('setCompareInput refuses over-limit text the same way', () => {
    store().setCompareInput('d.e.f')
    store().setCompareInput(HUGE)
    expect(store().compareInput).toBe('d.e.f')
    expect(stored('compare')).toBe('d.e.f')
  })

  it('openToken never writes an over-limit token to sessionStorage', () => {
    store().openToken(HUGE, { source: 'HAR import' })
    expect(stored('input')).toBeNull()
  })

  it('text exactly at the limit is still accepted and stored', () => {
    const atLimit = 'A'.repeat(MAX_TOKEN_INPUT_CHARS)
    store().setInput(atLimit)
    expect(stored('input')?.length).toBe(MAX_TOKEN_INPUT_CHARS)
  })

  it('on startup, an over-limit value stored by an older version is neither loaded nor kept', async () => {
    sessionStorage.setItem('token-lens:inspector:input', HUGE)
    sessionStorage.setItem('token-lens:inspector:compare', HUGE)
    vi.resetModules()
    const fresh = await import('./inspector-store.ts')
    expect(fresh.useInspectorStore.getState().input).toBe('')
    expect(fresh.useInspectorStore.getState().compareInput).toBe('')
    expect(stored('input')).toBeNull()
    expect(stored('compare')).toBeNull()
  })

  it('on startup, a normal stored token is loaded as before', async () => {
    sessionStorage.setItem('token-lens:inspector:input', 'a.b.c')
    vi.resetModules()
    const fresh = await import('./inspector-store.ts')
    expect(fresh.useInspectorStore.getState().input).toBe('a.b.c')
  })
})
