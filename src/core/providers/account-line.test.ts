import { describe, expect, it } from 'vitest'
import { accountFacts, accountLine } from './account-line.ts'

const line = (...args: Parameters<typeof accountFacts>) => accountLine(accountFacts(...args))

describe('the signed-in account line', () => {
  it('an OpenID provider: the user, the issuer host and the subject; no empty tenant', () => {
    // MSAL leaves tenantId empty for a token without tid/tfp/acr.
    const l = line(
      'oidc',
      { username: 'ada', tenantId: '' },
      { iss: 'https://localhost:43117', sub: 'ada-4711', email: 'ada@provider.test' },
    )
    expect(l).toBe('ada · issuer localhost:43117 · subject ada-4711')
    expect(l).not.toContain('tenant')
  })
  it('an OpenID provider without preferred_username: the e-mail stands for the user; missing claims are left out, never blank', () => {
    expect(
      line('oidc', { username: '', tenantId: '' }, { iss: 'https://id.example.com/', sub: '248289761001', email: 'jane@example.com' }),
    ).toBe('jane@example.com · issuer id.example.com · subject 248289761001')
    expect(line('oidc', { username: '', tenantId: '' }, { sub: 's' })).toBe('subject s')
    expect(line('oidc', { username: '', tenantId: '' }, undefined)).toBe('')
  })
  it('B2C: the tenant from tid or the issuer path and the user flow from tfp, not MSAL’s tenantId (which is tfp when tid is absent)', () => {
    const tid = '5c1f0e3a-8d2b-4f6e-9a1c-7b3d5e9f1a2c'
    const claims = {
      iss: `https://contoso.b2clogin.com/${tid}/v2.0/`,
      sub: 'u1',
      tfp: 'B2C_1_signupsignin',
      emails: ['amy@contoso.example'],
    }
    expect(line('b2c', { username: '', tenantId: 'b2c_1_signupsignin' }, claims)).toBe(
      `amy@contoso.example · tenant ${tid} · user flow B2C_1_signupsignin`,
    )
    expect(
      line(
        'b2c',
        { username: '', tenantId: 'x' },
        { iss: 'https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_a/v2.0/', acr: 'b2c_1_a' },
      ),
    ).toBe('user flow b2c_1_a')
  })
  it('Entra and External ID keep their tenant line', () => {
    expect(
      line(
        'entra',
        { username: 'adele@contoso.com', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
        { tid: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
      ),
    ).toBe('adele@contoso.com · tenant 72f988bf-86f1-41af-91ab-2d7cd011db47')
    expect(line('external', { username: 'pat@contoso.example', tenantId: 'abc' }, {})).toBe('pat@contoso.example · tenant abc')
  })
})
