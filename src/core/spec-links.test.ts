import { describe, expect, it } from 'vitest'
import { oauth21, oidc, rfc } from './spec-links.ts'

describe('spec links', () => {
  it('cites an RFC, a section and an appendix with rfc-editor.org anchors', () => {
    expect(rfc(6749)).toEqual({ label: 'RFC 6749', url: 'https://www.rfc-editor.org/rfc/rfc6749' })
    expect(rfc(7519, '4.1.4')).toEqual({ label: 'RFC 7519 §4.1.4', url: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4' })
    expect(rfc(7515, 'A.3')).toEqual({ label: 'RFC 7515 §A.3', url: 'https://www.rfc-editor.org/rfc/rfc7515#appendix-A.3' })
  })

  it('cites OIDC Core by section with its named anchor, and the OAuth 2.1 draft by section', () => {
    expect(oidc('3.1.3.7', 'IDTokenValidation')).toEqual({
      label: 'OIDC Core §3.1.3.7',
      url: 'https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation',
    })
    expect(oauth21('7.5.1').url).toBe('https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-7.5.1')
  })
})
