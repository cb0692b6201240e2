import { describe, expect, it } from 'vitest'
import { aadstsCodesIn, aadstsKey, explainError, loadErrorCatalog } from './error-catalog.ts'
import { explainError as explainFlowError } from '../flows/errors.ts'

describe('error catalogue', () => {
  it('explains every AADSTS code the issue lists and MSAL codes', async () => {
    const codes = [50011, 50020, 50058, 50076, 50079, 53003, 65001, 65004, 70011, 700016, 700051, 700054, 7000218, 90014, 9002326, 9002327, 500113, 50126]
    for (const n of codes) {
      const [first] = await explainError({ text: `AADSTS${n}: something` })
      expect(first?.name, `AADSTS${n}`).toBeTruthy()
      expect(first?.cause.length).toBeGreaterThan(20)
    }
    for (const code of ['state_mismatch', 'nonce_mismatch', 'authority_uri_insecure', 'endpoints_resolution_error']) {
      const found = await explainError({ errorCode: code })
      expect(found.some((e) => e.source === 'MSAL'), code).toBe(true)
    }
    expect(aadstsCodesIn('AADSTS50011 and AADSTS50011, AADSTS700016')).toEqual(['AADSTS50011', 'AADSTS700016'])
  })

  it('is one source: the flow lint view and the sign-in view say the same about a code', async () => {
    const [entra] = await explainError({ text: 'AADSTS9002326: cross-origin' })
    const flow = await explainFlowError({ error: 'invalid_request', code: '9002326' })
    expect(flow.aadsts?.meaning).toBe(entra?.cause)
    expect(flow.aadsts?.fix).toBe(entra?.fix)
    const oauth = (await explainError({ oauthError: 'invalid_request' })).find((e) => e.source === 'OAuth 2.0 / OpenID Connect')
    expect(flow.meaning).toBe(oauth?.cause)
    expect(aadstsKey('50011')).toBe('AADSTS50011')
    expect(aadstsKey('AADSTS50011')).toBe('AADSTS50011')
  })

  it('covers the codes both former catalogues covered', async () => {
    const c = await loadErrorCatalog()
    expect(Object.keys(c.aadsts).length).toBeGreaterThanOrEqual(107)
    expect(Object.keys(c.msal).length).toBeGreaterThanOrEqual(145)
    expect(Object.keys(c.oauth).length).toBeGreaterThanOrEqual(35)
    // The former flow-lint table's AADSTS codes (it stored them without the prefix).
    for (const n of [16000, 28000, 50001, 50011, 50020, 50034, 50053, 50055, 50057, 50058, 50059, 50076, 50079, 50105, 50126, 50147, 50148, 50149, 50173, 50194, 50196, 53003, 54005, 65001, 65004, 70000, 70001, 70002, 70005, 70008, 70011, 90002, 500011, 500113, 501481, 650056, 700016, 700024, 700025, 700051, 700054, 700084, 900144, 7000215, 7000218, 7000222, 9002325, 9002326, 9002327])
      expect(c.aadsts[aadstsKey(n)], `AADSTS${n}`).toBeDefined()
  })

  it('does not present an unconfirmed AADSTS-to-OAuth pairing as certain', async () => {
    // AADSTS50011 is shown on Entra's own error page (basis "page"), so its invalid_request pairing is not confirmed.
    const [redirect] = await explainError({ text: 'AADSTS50011' })
    expect(redirect).toMatchObject({ oauthError: 'invalid_request', pairingCertain: false })
    expect((await explainFlowError({ error: 'invalid_request', code: '50011' })).aadsts?.pairingInferred).toBe(true)
    // AADSTS65004 -> access_denied is marked inferred in the reference.
    expect((await explainFlowError({ error: 'access_denied', code: '65004' })).aadsts?.pairingInferred).toBe(true)
    // AADSTS16000 -> interaction_required was observed.
    const [observed] = await explainError({ text: 'AADSTS16000' })
    expect(observed).toMatchObject({ oauthError: 'interaction_required', pairingCertain: true })
    expect((await explainFlowError({ error: 'interaction_required', code: '16000' })).aadsts?.pairingInferred).toBe(false)
    // No pairing at all (basis not_determined): nothing to call inferred.
    const none = await explainFlowError({ error: 'invalid_request', code: '650056' })
    expect(none.aadsts?.pairingInferred).toBe(false)
  })
})
