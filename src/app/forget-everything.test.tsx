import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter, Route, Routes } from 'react-router'
import { buildNavigationEntry } from '../core/capture/har.ts'
import { useCaptureStore } from '../stores/capture-store.ts'
import { useImportStore } from '../stores/import-store.ts'
import { useInspectorStore } from '../stores/inspector-store.ts'
import { useSignInStore } from '../stores/signin-store.ts'
import { Layout } from './layout.tsx'

afterEach(cleanup)

const tokenLensKeys = () =>
  [...Object.keys(sessionStorage), ...Object.keys(localStorage)].filter((k) => k.startsWith('token-lens:') || k.startsWith('msal.'))

/** A session with something secret in every store and in both storage areas. */
function fillEverything() {
  const inspector = useInspectorStore.getState()
  inspector.openToken('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', {
    expected: { issuer: 'https://issuer.test.example' },
    source: 'sign-in',
  })
  inspector.setPastedJwks('{"keys":[]}')
  inspector.alwaysTrust('issuer.test.example')
  const entry = buildNavigationEntry('https://app.test.example/redirect.html#code=SECRET-CODE&state=s', 1_700_000_000_000, {
    step: 'redirect_back',
    flowId: 'flow-1',
    origin: 'observed',
    redactions: [],
  })
  useCaptureStore.getState().add(entry)
  useImportStore.getState().analyseCapture([entry])
  const signin = useSignInStore.getState()
  signin.saveProfile({
    ...signin.profiles[0]!,
    id: 'mine',
    name: 'Mine',
    kind: 'oidc',
    authority: 'https://idp.test.example',
    clientId: 'c',
  })
  useSignInStore.setState({
    account: { name: 'Ada', username: 'ada@test.example', tenantId: 't', homeAccountId: 'h', scopes: ['openid'], expiresOn: null },
  })
  sessionStorage.setItem('msal.token.keys.c', '{"idToken":["x"]}')
  localStorage.setItem('token-lens:theme', 'dark')
}

function renderShell() {
  return render(
    <MemoryRouter initialEntries={['/import']}>
      <Routes>
        <Route element={<Layout />}>
          <Route path="import" element={<p>Import screen</p>} />
        </Route>
      </Routes>
    </MemoryRouter>,
  )
}

describe('Forget everything in the app shell', () => {
  it('asks first, then empties every store and leaves no token-lens: or MSAL key in either storage area', async () => {
    fillEverything()
    expect(useCaptureStore.getState().entries).toHaveLength(1)
    expect(useImportStore.getState().loaded).not.toBeNull()
    expect(tokenLensKeys().length).toBeGreaterThan(4)
    const user = userEvent.setup()
    renderShell()

    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: /^Forget all/ }))
    const dialog = screen.getByRole('dialog', { name: 'Forget everything?' })
    // Its words are a chunk fetched when the pointer reaches the button ("Loading…" until then):
    // on a busy machine the click can come first.
    await waitFor(() => expect(dialog).toHaveTextContent('MSAL cache'), { timeout: 10_000 })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(useInspectorStore.getState().input).not.toBe('')

    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: /^Forget all/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Forget everything' }))
    expect(await screen.findByText(/^Forgotten: .*nothing of this session is left in this browser's storage\.$/)).toBeVisible()

    const inspector = useInspectorStore.getState()
    expect([inspector.input, inspector.compareInput, inspector.pastedJwks]).toEqual(['', '', ''])
    expect(inspector.expected).toEqual({})
    expect(inspector.documents).toEqual({})
    expect([...inspector.approvedHosts, ...inspector.sessionHosts]).toEqual([])
    expect(useCaptureStore.getState().entries).toEqual([])
    expect(useImportStore.getState()).toMatchObject({ status: 'idle', loaded: null, checks: {}, selectedFlowId: null })
    await expect(useImportStore.getState().exportHar(false, null)).rejects.toThrow(/Nothing to export/)
    const signin = useSignInStore.getState()
    expect(signin.account).toBeNull()
    // Only the built-in demo profiles (Entra, B2C user flow, External ID shapes) remain.
    expect(signin.profiles.map((p) => p.id)).toEqual(['demo', 'demo-b2c', 'demo-external'])
    expect(signin.activeId).toBe('demo')
    expect(tokenLensKeys()).toEqual([])
  }, 20_000)
})
