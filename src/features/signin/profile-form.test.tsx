import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { blankProfile } from '../../core/capture/profile.ts'
import { ProfileForm } from './profile-form.tsx'
import { registrationBody } from './registration-helper.tsx'

const origin = window.location.origin

afterEach(cleanup)

/** A form for a new profile, its save callback and a user to drive it. */
function renderBlankForm() {
  const onSave = vi.fn()
  render(<ProfileForm initial={blankProfile('p1', `${origin}/redirect.html`)} onSave={onSave} onCancel={() => undefined} />)
  return { onSave, user: userEvent.setup() }
}

describe('ProfileForm', () => {
  it('refuses a malformed GUID, a foreign redirect URI and an http authority before anything is saved', async () => {
    const { onSave, user } = renderBlankForm()
    await user.type(screen.getByLabelText('Tenant'), '72f988bf-0000-4000-8000-00000000c0d')
    await user.type(screen.getByLabelText('Application (client) ID'), '1234')
    await user.clear(screen.getByLabelText('Redirect URI'))
    await user.type(screen.getByLabelText('Redirect URI'), 'https://elsewhere.example/redirect.html')
    await user.click(screen.getByRole('button', { name: 'Save profile' }))
    expect(onSave).not.toHaveBeenCalled()
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was sent')
    expect(screen.getByLabelText('Tenant')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Tenant')).toHaveAccessibleDescription(/not a well-formed GUID/)
    expect(screen.getByLabelText('Application (client) ID')).toHaveAccessibleDescription(/is not a GUID/)
    expect(screen.getByLabelText('Redirect URI')).toHaveAccessibleDescription(/elsewhere\.example/)

    await user.selectOptions(screen.getByLabelText('Kind'), 'oidc')
    await user.type(screen.getByLabelText('Authority (issuer URL)'), 'http://idp.example')
    expect(screen.getByLabelText('Authority (issuer URL)')).toHaveAccessibleDescription(/https/)
  })

  it('saves a valid profile, trimmed', async () => {
    const { onSave, user } = renderBlankForm()
    await user.type(screen.getByLabelText('Tenant'), ' contoso.onmicrosoft.com ')
    await user.type(screen.getByLabelText('Application (client) ID'), '11111111-2222-3333-4444-555555555555')
    await user.click(screen.getByRole('button', { name: 'Save profile' }))
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({ tenant: 'contoso.onmicrosoft.com', clientId: '11111111-2222-3333-4444-555555555555', kind: 'entra' }),
    )
  })
})

describe('registration body', () => {
  it('registers the redirect URI under spa and documents User.Read', () => {
    const body = registrationBody({ ...blankProfile('p', 'https://app.example/redirect.html'), tenant: 'contoso.com' })
    expect(body).toMatchObject({
      spa: { redirectUris: ['https://app.example/redirect.html'] },
      signInAudience: 'AzureADMyOrg',
      requiredResourceAccess: [
        {
          resourceAppId: '00000003-0000-0000-c000-000000000000',
          resourceAccess: [{ id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' }],
        },
      ],
    })
    expect(registrationBody({ ...blankProfile('p', 'x'), tenant: 'common' }).signInAudience).toBe('AzureADandPersonalMicrosoftAccount')
  })
})

describe('ProfileForm provider presets', () => {
  it('a preset fills the authority template, says which placeholders remain, and shows the registration notes with source links', async () => {
    const user = userEvent.setup()
    const onSave = vi.fn()
    render(<ProfileForm initial={blankProfile('p2', `${origin}/redirect.html`)} onSave={onSave} onCancel={() => undefined} />)
    expect(screen.queryByLabelText('Provider preset')).toBeNull()
    await user.selectOptions(screen.getByLabelText('Kind'), 'oidc')
    await user.selectOptions(screen.getByLabelText('Provider preset'), 'keycloak')
    expect(screen.getByLabelText('Authority (issuer URL)')).toHaveValue('https://{host}/realms/{realm}')
    expect(screen.getByLabelText('Authority (issuer URL)')).toHaveAccessibleDescription(/Replace \{host\}, \{realm\}/)
    const notes = screen.getByRole('region', { name: 'Keycloak registration' })
    expect(notes).toHaveTextContent('Web origins')
    expect(notes).toHaveTextContent('(unconfirmed)')
    const links = notes.querySelectorAll('a')
    expect(links.length).toBeGreaterThan(1)
    for (const a of links) expect(a.getAttribute('href')).toMatch(/^https:\/\/www\.keycloak\.org\//)
    await user.clear(screen.getByLabelText('Authority (issuer URL)'))
    await user.type(screen.getByLabelText('Authority (issuer URL)'), 'https://sso.example/realms/main')
    expect(screen.getByLabelText('Authority (issuer URL)')).toHaveAccessibleDescription(/https only/)
  })
})
