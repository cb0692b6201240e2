import { describe, expect, it } from 'vitest'
import { base64url } from 'jose'
import { buildEntry, buildNavigationEntry, oauthErrorOf, parseFormBody, responseParams } from './har.ts'
import { decodeClientInfo, grantTypeOf } from './classify.ts'
import { stampEntry } from '../flows/stamp.ts'
import { explainParam, isMsalAdded, looksLikeJwt, maskValue } from './params.ts'
import { authorityOf, blankProfile, demoProfile, discoveryUrlOf, extraParamsOf, sanitizeProfile, validateProfile } from './profile.ts'
import { isCapturedEntry, type OAuthAnnotation } from './types.ts'
import { DEMO_TENANT_ID } from '../demo-tenant/types.ts'

const ORIGIN = 'https://app.example'
const oauth = (step: OAuthAnnotation['step']): OAuthAnnotation => ({ step, flowId: 'f1', origin: 'captured', redactions: [] })
const b64url = (s: string) => base64url.encode(s)

describe('HAR entries', () => {
  it('builds a valid HAR 1.2 entry with the _oauth annotation', () => {
    const e = buildEntry({
      method: 'POST',
      url: 'https://login.example/t/oauth2/v2.0/token?x=1',
      requestHeaders: { 'Content-Type': 'application/x-www-form-urlencoded' },
      requestBody: 'grant_type=authorization_code&code=abc&code_verifier=v',
      status: 200,
      responseHeaders: { 'content-type': 'application/json' },
      responseBody: '{"access_token":"x"}',
      startedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
      durationMs: 12.4,
      oauth: oauth('token'),
    })
    expect(e.startedDateTime).toBe('2026-01-02T03:04:05.000Z')
    expect(e.time).toBe(12)
    expect(e.request.queryString).toEqual([{ name: 'x', value: '1' }])
    expect(e.request.postData?.text).toContain('code_verifier=v')
    expect(e.response.content.mimeType).toBe('application/json')
    expect(e.response.statusText).toBe('OK')
    expect(isCapturedEntry(e)).toBe(true)
    expect(JSON.parse(JSON.stringify(e))).toEqual(e)
  })

  it('records navigations with status 0 and the query parameters', () => {
    const e = buildNavigationEntry('https://idp.example/authorize?state=s&nonce=n', 0, oauth('authorize'))
    expect(e.response.status).toBe(0)
    expect(e.request.queryString.map((q) => q.name)).toEqual(['state', 'nonce'])
  })

  it('parses form bodies and fragment/query responses', () => {
    expect(parseFormBody('a=1&b=two%20words')).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: 'two words' },
    ])
    expect(responseParams('https://app.example/redirect.html#code=c&state=s')).toEqual({ code: 'c', state: 's' })
    expect(responseParams('https://app.example/redirect.html?error=access_denied')).toEqual({ error: 'access_denied' })
    expect(responseParams('not a url')).toEqual({})
  })

  it('reads OAuth errors and AADSTS codes from JSON bodies and redirect params', () => {
    expect(oauthErrorOf('{"error":"invalid_grant","error_description":"AADSTS70008: expired","error_codes":[70008]}')).toEqual({
      error: 'invalid_grant',
      description: 'AADSTS70008: expired',
      code: 'AADSTS70008',
    })
    expect(oauthErrorOf({ error: 'access_denied' })).toEqual({ error: 'access_denied' })
    expect(oauthErrorOf('{"access_token":"x"}')).toBeUndefined()
    expect(oauthErrorOf('<html>')).toBeUndefined()
  })
})

describe('classification: the live capture is stamped by the HAR classifier', () => {
  const A = 'https://login.microsoftonline.com/t/oauth2/v2.0'
  const stamp = (method: 'GET' | 'POST', url: string, body?: string, headers?: Record<string, string>, responseBody?: string) =>
    stampEntry(
      buildEntry({
        method,
        url,
        ...(headers ? { requestHeaders: headers } : {}),
        ...(body !== undefined ? { requestBody: body } : {}),
        status: 200,
        ...(responseBody ? { responseBody } : {}),
        startedAt: 0,
        oauth: oauth('other'),
      }),
    )._oauth
  it.each([
    ['GET', 'https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration', undefined, undefined, 'discovery'],
    ['GET', 'https://login.microsoftonline.com/t/discovery/v2.0/keys', undefined, undefined, 'jwks'],
    ['GET', `${A}/authorize?client_id=c&response_type=code&state=s`, undefined, undefined, 'authorize'],
    ['POST', `${A}/token`, 'grant_type=authorization_code&code=x&client_id=c', undefined, 'token'],
    ['POST', `${A}/token`, 'grant_type=refresh_token&refresh_token=r&client_id=c', undefined, 'refresh'],
    ['GET', `${A}/logout?post_logout_redirect_uri=https%3A%2F%2Fapp`, undefined, undefined, 'logout'],
    ['GET', 'https://graph.microsoft.com/v1.0/me', undefined, { Authorization: 'Bearer eyJ.x.y' }, 'graph'],
    ['POST', `${A}/devicecode`, 'client_id=c&scope=openid', undefined, 'device_authorization'],
    ['GET', 'https://app.example/redirect.html#code=c&state=s', undefined, undefined, 'redirect_back'],
  ] as const)('%s %s -> %s', (method, url, body, headers, step) => {
    // MSAL's JWKS answer is JSON with a keys array: that, not the path alone, makes it a key set.
    const o = stamp(method, url, body, headers, step === 'jwks' ? '{"keys":[]}' : undefined)
    expect(o.step).toBe(step)
    // One vocabulary: the label is the classifier's label of that step.
    expect(o.label).toBeTruthy()
  })

  it('keeps what the capture knew when the wire shows nothing (a bare state back after sign-out)', () => {
    const e = stampEntry(buildNavigationEntry('https://app.example/?state=s', 0, { ...oauth('logout'), label: 'Back after sign-out' }))
    expect(e._oauth).toMatchObject({ step: 'logout', label: 'Back after sign-out' })
  })

  it('keeps userinfo for the app’s own call at the discovery document’s userinfo_endpoint, whatever its path', () => {
    const call = (url: string, step: OAuthAnnotation['step']) =>
      stampEntry(
        buildEntry({
          method: 'GET',
          url,
          requestHeaders: { Authorization: 'Bearer AT' },
          status: 200,
          responseBody: '{"sub":"s"}',
          startedAt: 0,
          oauth: { ...oauth(step), label: 'UserInfo request' },
        }),
      )._oauth
    expect(call('https://op.example/me', 'userinfo')).toMatchObject({ step: 'userinfo', label: 'UserInfo request' })
    // Not recorded as userinfo: the wire's answer (a bearer call is an API call).
    expect(call('https://op.example/me', 'other').step).toBe('api')
  })

  it('stamps the grant type and the JSON error of a failed token call', () => {
    const o = stamp(
      'POST',
      `${A}/token`,
      'grant_type=authorization_code&code=x&client_id=c',
      undefined,
      '{"error":"invalid_grant","error_description":"AADSTS70008: expired"}',
    )
    expect(o).toMatchObject({ step: 'token', grantType: 'authorization_code', error: { error: 'invalid_grant', code: 'AADSTS70008' } })
  })

  it('reads the grant type', () => {
    expect(grantTypeOf('grant_type=refresh_token&x=1')).toBe('refresh_token')
    expect(grantTypeOf(undefined)).toBeUndefined()
  })

  it('decodes client_info, padded or not, and survives garbage', () => {
    const raw = b64url('{"uid":"u-1","utid":"t-1"}')
    expect(decodeClientInfo(raw)).toMatchObject({ uid: 'u-1', utid: 't-1' })
    expect(decodeClientInfo(`${raw}==`).uid).toBe('u-1')
    expect(decodeClientInfo('!!!').json).toBeNull()
  })
})

describe('parameters', () => {
  it('marks what MSAL adds and masks secrets', () => {
    expect(isMsalAdded('code_challenge')).toBe(true)
    expect(isMsalAdded('client_info')).toBe(true)
    expect(isMsalAdded('x-client-SKU')).toBe(true)
    expect(isMsalAdded('x-client-whatever')).toBe(true)
    expect(isMsalAdded('login_hint')).toBe(false)
    expect(explainParam('code_verifier')?.sensitive).toBe(true)
    expect(maskValue('0123456789abcdefghij')).toBe('012345…ghij (20 chars)')
    expect(maskValue('short')).toBe('•••••')
    expect(looksLikeJwt('eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.sig')).toBe(true)
    expect(looksLikeJwt('0.AAAA-refresh')).toBe(false)
  })
})

describe('profiles', () => {
  const good = {
    ...blankProfile('p1', `${ORIGIN}/redirect.html`),
    tenant: 'contoso.onmicrosoft.com',
    clientId: '11111111-2222-3333-4444-555555555555',
  }

  it('accepts a good Entra profile and the demo profile', () => {
    expect(validateProfile(good, ORIGIN)).toEqual([])
    expect(validateProfile(demoProfile(`${ORIGIN}/redirect.html`), ORIGIN)).toEqual([])
  })

  it('refuses a malformed GUID, an http authority and a foreign redirect URI, each with its field', () => {
    const fields = (p: typeof good) => validateProfile(p, ORIGIN).map((x) => x.field)
    expect(fields({ ...good, clientId: '1111-2222' })).toEqual(['clientId'])
    expect(fields({ ...good, tenant: '11111111-2222-3333-4444-55555555555' })).toEqual(['tenant'])
    expect(validateProfile({ ...good, kind: 'oidc', authority: 'http://idp.example' }, ORIGIN)[0]?.message).toMatch(/https/)
    const foreign = validateProfile({ ...good, redirectUri: 'https://evil.example/redirect.html' }, ORIGIN)
    expect(foreign[0]?.field).toBe('redirectUri')
    expect(foreign[0]?.message).toMatch(/evil\.example/)
    expect(fields({ ...good, extraParams: 'state=x' })).toEqual(['extraParams'])
  })

  it('builds authorities and discovery URLs per kind and cloud', () => {
    expect(authorityOf({ ...good, cloud: 'usgov' })).toBe('https://login.microsoftonline.us/contoso.onmicrosoft.com')
    expect(authorityOf({ ...good, kind: 'b2c', tenant: 'contoso', policy: 'B2C_1_su' })).toBe(
      'https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_su',
    )
    expect(discoveryUrlOf(demoProfile('x'))).toBe(
      `https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0/.well-known/openid-configuration`,
    )
    expect(discoveryUrlOf({ ...good, kind: 'oidc', authority: 'https://idp.example/' })).toBe(
      'https://idp.example/.well-known/openid-configuration',
    )
  })

  it('parses extra parameters and sanitizes imports', () => {
    expect(extraParamsOf({ ...good, extraParams: 'a=1&b = two\nflag' })).toEqual({ a: '1', b: 'two', flag: '' })
    expect(sanitizeProfile({ kind: 'entra', clientId: 5, name: 'x' }, 'id')).toMatchObject({ id: 'id', clientId: '', name: 'x' })
    expect(sanitizeProfile({ kind: 'evil' }, 'id')).toBeNull()
  })
})
