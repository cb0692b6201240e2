import { describe, expect, it } from 'vitest'
import { buildDiagramModel } from './model.ts'
import { demoCapture } from './test-flows.ts'
import { listTemplates, TEMPLATE_IDS, templateModel } from './templates.ts'

describe('buildDiagramModel (captured demo sign-in)', () => {
  const model = buildDiagramModel(demoCapture())

  it('draws discovery, authorize, redirect back, token, JWKS and Graph in order', () => {
    const steps = model.messages.filter((m) => m.kind !== 'response').map((m) => m.step)
    expect(steps).toEqual(['discovery', 'authorize', 'redirect_back', 'token', 'jwks', 'graph'])
    const labels = model.messages.map((m) => m.label)
    expect(labels).toEqual([
      'GET /…/v2.0/.well-known/openid-configuration',
      '200 OK',
      'GET /…/oauth2/v2.0/authorize',
      'redirect to /redirect.html',
      'POST /…/oauth2/v2.0/token',
      '200 OK',
      'GET /…/discovery/v2.0/keys',
      '200 OK',
      'GET /v1.0/me',
      '200 OK',
    ])
  })

  it('orders lanes app, authorization, token, metadata, API and reuses lanes per host', () => {
    expect(model.participants.map((p) => p.title)).toEqual([
      'This app',
      'Authorization endpoint',
      'Token endpoint',
      'Discovery & JWKS',
      'Microsoft Graph',
    ])
    const redirect = model.messages.find((m) => m.step === 'redirect_back')!
    const authorize = model.messages.find((m) => m.step === 'authorize')!
    expect(redirect.from).toBe(authorize.to)
    expect(redirect.kind).toBe('redirect')
    expect(authorize.kind).toBe('redirect')
  })

  it('shows the parameters that matter', () => {
    const authorize = model.messages.find((m) => m.step === 'authorize')!
    expect(authorize.details.join(' ')).toContain('response_type=code')
    expect(authorize.details.join(' ')).toContain('code_challenge_method=S256')
    expect(authorize.details.join(' ')).toContain('state=STATE123456789')
    const token = model.messages.find((m) => m.step === 'token' && m.kind === 'request')!
    expect(token.details.join(' ')).toContain('grant_type=authorization_code')
    expect(token.details.join(' ')).toContain('code_verifier=VERIFIER12…')
    const tokenResponse = model.messages.find((m) => m.step === 'token' && m.kind === 'response')!
    expect(tokenResponse.details[0]).toBe('access_token, id_token, refresh_token')
    expect(model.messages.every((m) => m.explanation && m.explanation.title.length > 0)).toBe(true)
  })

  it('masks codes, state and personal values in redaction mode', () => {
    const red = buildDiagramModel(demoCapture(), { redact: true })
    const text = red.messages.flatMap((m) => [m.label, ...m.details, ...m.notes]).join('\n')
    for (const secret of ['STATE123', 'CODEVALUE', 'VERIFIER', 'NONCE123', 'Megan']) expect(text).not.toContain(secret)
    expect(text).toContain('code_verifier=•••')
  })

  it('marks a failed token request and names the error', () => {
    const failed = buildDiagramModel(demoCapture({ failToken: true }))
    const resp = failed.messages.find((m) => m.step === 'token' && m.kind === 'response')!
    expect(resp.failed).toBe(true)
    expect(resp.label).toBe('400 invalid_grant')
    expect(resp.details[0]).toBe('AADSTS501481')
    expect(failed.messages.filter((m) => m.failed)).toHaveLength(1)
  })

  it('points exchangeIndex at the caller’s list even when entries arrive out of order', () => {
    const entries = demoCapture()
    const shuffled = [entries[3]!, entries[0]!, entries[5]!, entries[1]!, entries[2]!, entries[4]!]
    const m = buildDiagramModel(shuffled)
    const first = m.messages[0]!
    expect(first.step).toBe('discovery')
    expect(shuffled[first.exchangeIndex!]!._oauth.step).toBe('discovery')
  })

  it('returns an empty diagram for no exchanges', () => {
    const empty = buildDiagramModel([])
    expect(empty.participants).toEqual([])
    expect(empty.messages).toEqual([])
  })
})

describe('canonical templates', () => {
  it('are labelled as templates and explain every step with https spec links', () => {
    expect(listTemplates().map((t) => t.id)).toEqual([...TEMPLATE_IDS])
    for (const id of TEMPLATE_IDS) {
      const m = templateModel(id)
      expect(m.template).toBe(true)
      expect(m.title.startsWith('Template: ')).toBe(true)
      expect(m.messages.length).toBeGreaterThan(2)
      for (const msg of m.messages) {
        expect(msg.explanation?.body.length ?? 0).toBeGreaterThan(20)
        for (const link of msg.explanation?.links ?? []) expect(link.url).toMatch(/^https:\/\//)
        expect(m.participants.some((p) => p.id === msg.from) && m.participants.some((p) => p.id === msg.to)).toBe(true)
      }
    }
  })

  it('SPA + PKCE sends code_verifier to the token endpoint; the web app sends a masked secret', () => {
    const spa = templateModel('auth-code-pkce-spa')
    expect(spa.messages.some((m) => m.details.join(' ').includes('code_verifier='))).toBe(true)
    const web = templateModel('auth-code-web')
    const tokenReq = web.messages.find((m) => m.step === 'token' && m.kind === 'request')!
    expect(tokenReq.details.join(' ')).toContain('client_secret=•••')
    expect(tokenReq.details.join(' ')).not.toContain('example~secret')
  })

  it('on-behalf-of answers the app last, after the downstream calls', () => {
    const obo = templateModel('on-behalf-of')
    expect(obo.participants.map((p) => p.title)).toEqual(['Single-page app', 'Middle-tier API', 'Token endpoint', 'Microsoft Graph'])
    const last = obo.messages.at(-1)!
    expect(last.kind).toBe('response')
    expect(last.to).toBe('client:Single-page app')
    expect(obo.messages.find((m) => m.details.join(' ').includes('jwt-bearer'))).toBeDefined()
  })

  it('device code polling "authorization_pending" is not drawn as a failure', () => {
    const dc = templateModel('device-code')
    const pending = dc.messages.find((m) => m.label === '400 authorization_pending')!
    expect(pending.failed).toBe(false)
    const refresh = templateModel('refresh-token')
    expect(refresh.messages.find((m) => m.label.startsWith('401'))?.failed).toBe(true)
  })

  it('builds identical data each time (no shared counters)', () => {
    expect(templateModel('device-code')).toEqual(templateModel('device-code'))
  })
})

describe('buildDiagramModel of a recorded form_post callback (perspective: app)', () => {
  it('names the callback a form_post, not a redirect', async () => {
    const { entryFactory } = await import('./templates/build.ts')
    const entry = entryFactory()
    const idp = 'https://idp.example.test'
    const m = buildDiagramModel([
      entry({ step: 'authorize', url: `${idp}/authorize?response_type=code&response_mode=form_post`, status: 200 }),
      entry({
        step: 'callback',
        method: 'POST',
        url: 'https://app.example.test/signin-oidc',
        form: { code: 'C', state: 'S' },
        status: 302,
      }),
      entry({ step: 'callback', url: 'https://app.example.test/cb?code=C&state=S', status: 200 }),
    ])
    const labels = m.messages.filter((x) => x.step === 'callback').map((x) => x.label)
    expect(labels.filter((l) => !/^\d/.test(l))).toEqual(['form_post to /signin-oidc', 'redirect to /cb'])
  })
})

describe('buildDiagramModel from a browser-recorded HAR (perspective: browser)', () => {
  it('makes the browser the caller, the redirect URI host the app, and a not-observed token call the app’s', async () => {
    const { entryFactory } = await import('./templates/build.ts')
    const entry = entryFactory()
    const idp = 'https://login.microsoftonline.com/contoso.onmicrosoft.com'
    const entries = [
      entry({ step: 'authorize', url: `${idp}/oauth2/v2.0/authorize?response_type=code&response_mode=form_post`, status: 200 }),
      entry({ step: 'redirect_back', method: 'POST', url: `${idp}/login`, form: { login: 'x' }, status: 200 }),
      entry({
        step: 'callback',
        method: 'POST',
        url: 'https://webapp.contoso.test/signin-oidc',
        form: { code: 'C', state: 'S' },
        status: 302,
        responseHeaders: { Location: 'https://webapp.contoso.test/' },
      }),
      entry({ step: 'token', url: `${idp}/oauth2/v2.0/token`, form: { grant_type: 'authorization_code', code: 'C' }, status: 0 }),
    ]
    entries[3]!._oauth.origin = 'not_observed'
    const m = buildDiagramModel(entries, { perspective: 'browser' })
    expect(m.participants.map((p) => `${p.title}${p.subtitle ? ` @ ${p.subtitle}` : ''}`)).toEqual([
      'Browser',
      'App (redirect URI) @ webapp.contoso.test',
      'Authorization endpoint @ login.microsoftonline.com',
      'Token endpoint @ login.microsoftonline.com',
    ])
    const [authorize, authorizeResp, login, loginResp, callback, callbackResp, tokenReq] = m.messages
    expect([authorize!.from, authorize!.to, authorize!.kind]).toEqual(['browser', 'authorize:login.microsoftonline.com', 'redirect'])
    expect(authorizeResp!.to).toBe('browser')
    expect([login!.label, login!.to, login!.kind, loginResp!.to]).toEqual([
      'POST /…/login',
      'authorize:login.microsoftonline.com',
      'request',
      'browser',
    ])
    expect([callback!.label, callback!.to, callback!.kind]).toEqual(['POST /signin-oidc', 'client:App (redirect URI)', 'redirect'])
    expect([callbackResp!.kind, callbackResp!.to]).toEqual(['redirect', 'browser'])
    expect([tokenReq!.from, tokenReq!.to]).toEqual(['client:App (redirect URI)', 'token:login.microsoftonline.com'])
    expect(tokenReq!.notes).toContain('not observed: inferred')
    expect(callback!.details.join(' ')).toContain('state=S')
  })
})
