import { describe, expect, it } from 'vitest'
import { exchangeDetail, redactText } from './exchange-detail.ts'
import { demoCapture } from './test-flows.ts'

describe('exchangeDetail', () => {
  const entries = demoCapture()
  it('lists the token POST body with code_verifier and decodes returned JWTs', () => {
    const d = exchangeDetail(entries[3]!)
    expect(d.method).toBe('POST')
    expect(d.form.find((f) => f.name === 'code_verifier')?.value).toBe('VERIFIER1234567890')
    expect(d.requestBody).toContain('code_verifier=VERIFIER1234567890')
    expect(d.tokens.map((t) => t.name)).toEqual(['access_token', 'id_token'])
    expect(d.tokens[0]!.payload).toMatchObject({ aud: 'x', name: 'Megan Bowen' })
    expect(d.tokens[0]!.header).toMatchObject({ alg: 'RS256' })
  })
  it('reads fragment parameters of the redirect back', () => {
    const d = exchangeDetail(entries[2]!)
    expect(d.fragment).toEqual([
      { name: 'code', value: 'CODEVALUE123456789' },
      { name: 'state', value: 'STATE123456789' },
    ])
  })
  it('masks secrets and personal values in redaction mode', () => {
    const d = exchangeDetail(entries[3]!, { redact: true })
    const all = JSON.stringify({ ...d, tokens: [] })
    for (const s of ['VERIFIER', 'CODEVALUE', 'Megan', 'eyJ']) expect(all).not.toContain(s)
    expect(redactText('mail me at a.b@contoso.com')).toBe('mail me at •••')
  })
  it('does not treat an opaque refresh token as a JWT', () => {
    expect(exchangeDetail(entries[3]!).tokens.some((t) => t.name === 'refresh_token')).toBe(false)
  })
})
