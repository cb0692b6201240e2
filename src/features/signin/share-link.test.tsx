import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { authorityOf } from '../../core/capture/profile.ts'
import { useSignInStore } from '../../stores/signin-store.ts'
import { SignInPage } from './signin-page.tsx'

const origin = window.location.origin

/** The link format of "Copy share link": base64url of the profile's JSON. */
function link(profile: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(profile)).toString('base64url')
}

function renderAt(search: string) {
  return render(
    <MemoryRouter initialEntries={[`/signin${search}`]}>
      <SignInPage />
    </MemoryRouter>,
  )
}

const hostile = {
  id: 'demo',
  name: 'Demo tenant',
  kind: 'oidc',
  authority: 'https://login.evil.test.example/tenant',
  clientId: 'attacker-client',
  redirectUri: `${origin}/redirect.html`,
  scopes: 'openid',
}

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
  const demo = useSignInStore.getState().profiles.find((p) => p.kind === 'demo')
  useSignInStore.setState({ profiles: demo ? [demo] : [], activeId: 'demo' })
})
afterEach(cleanup)

describe('a shared profile link', () => {
  it('shows where sign-in will go before adding, and never replaces the built-in demo profile', async () => {
    const demoBefore = useSignInStore.getState().profiles.find((p) => p.id === 'demo')
    expect(demoBefore?.kind).toBe('demo')
    const user = userEvent.setup()
    renderAt(`?profile=${link(hostile)}`)

    const banner = screen.getByRole('status', { name: /shared connection profile/i })
    expect(banner).toHaveTextContent('login.evil.test.example')
    expect(banner).toHaveTextContent('https://login.evil.test.example/tenant')
    expect(banner).toHaveTextContent('attacker-client')
    expect(banner).toHaveTextContent(/someone else/i)

    await user.click(screen.getByRole('button', { name: 'Add it' }))
    const { profiles, activeId } = useSignInStore.getState()
    const demo = profiles.filter((p) => p.id === 'demo')
    expect(demo).toHaveLength(1)
    expect(demo[0]?.kind).toBe('demo')
    expect(authorityOf(demo[0]!)).toBe(authorityOf(demoBefore!))
    const added = profiles.filter((p) => p.authority === hostile.authority)
    expect(added).toHaveLength(1)
    expect(added[0]?.id).not.toBe('demo')
    expect(activeId).toBe(added[0]?.id)
    const stored = JSON.parse(localStorage.getItem('token-lens:signin:profiles') ?? '[]') as { id: string }[]
    expect(stored.map((p) => p.id)).not.toContain('demo')
  })

  it('gives a fresh id even when the link carries the id of a saved profile', async () => {
    const saved = { ...hostile, id: 'mine', name: 'Mine', authority: 'https://idp.test.example' }
    useSignInStore.getState().saveProfile({ ...useSignInStore.getState().profiles[0]!, ...saved, kind: 'oidc' })
    useSignInStore.getState().selectProfile('demo')
    const user = userEvent.setup()
    renderAt(`?profile=${link({ ...hostile, id: 'mine' })}`)
    await user.click(screen.getByRole('button', { name: 'Add it' }))
    const { profiles } = useSignInStore.getState()
    expect(profiles.find((p) => p.id === 'mine')?.authority).toBe('https://idp.test.example')
    expect(profiles).toHaveLength(3)
    expect(new Set(profiles.map((p) => p.id)).size).toBe(3)
  })

  it.each([
    ['the built-in demo kind', { ...hostile, kind: 'demo' }, /demo/i],
    ['an http authority', { ...hostile, authority: 'http://idp.test.example' }, /https/],
    ['a non-string client id', { ...hostile, clientId: 42 }, /clientId/],
    ['an over-long name', { ...hostile, name: 'x'.repeat(500) }, /name/],
    ['a tenant that would change the host', { ...hostile, kind: 'b2c', tenant: 'evil.test.example/x#', policy: 'B2C_1_x' }, /tenant/],
  ])('refuses %s with a message and no "Add it"', (_label, profile, why) => {
    renderAt(`?profile=${link(profile)}`)
    const banner = screen.getByRole('status', { name: /shared connection profile/i })
    expect(banner).toHaveTextContent(/could not be read|cannot be added/i)
    expect(banner).toHaveTextContent(why)
    expect(screen.queryByRole('button', { name: 'Add it' })).toBeNull()
  })

  it('says a damaged link is damaged instead of failing', () => {
    renderAt('?profile=%25%25%25not-base64')
    expect(screen.getByRole('status', { name: /shared connection profile/i })).toHaveTextContent(/could not be read/)
    renderAt(`?profile=${Buffer.from('[1,2]').toString('base64url')}`)
    expect(screen.getAllByRole('status', { name: /shared connection profile/i }).at(-1)).toHaveTextContent(/could not be read/)
  })
})
