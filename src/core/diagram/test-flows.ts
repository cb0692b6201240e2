/**
 * Test data: a capture shaped like the demo-tenant sign-in (discovery, authorize navigation,
 * redirect back, token, JWKS, Graph) built with the same entry builder as the templates.
 * Used by unit tests and by the benchmark script; not exported from the core barrel.
 */
import type { CapturedEntry } from '../capture/types.ts'
import type { DiagramModel, MessageKind } from './types.ts'
import { entryFactory, JWKS_JSON, DISCOVERY_JSON, exampleJwt } from './templates/build.ts'

export function demoCapture(opts: { failToken?: boolean } = {}): CapturedEntry[] {
  const entry = entryFactory()
  const login = 'https://login.microsoftonline.com/5f0c1e7a-3b2d-4c8e-9a61-2d7e0b4f8c15'
  const list = [
    entry({ step: 'discovery', url: `${login}/v2.0/.well-known/openid-configuration`, status: 200, json: DISCOVERY_JSON }),
    entry({
      step: 'authorize',
      url: `${login}/oauth2/v2.0/authorize?client_id=3c9a4e2b-8f1d-4a6c-b5e7-0d2f9a8c1b34&response_type=code&scope=openid%20profile%20offline_access&state=STATE123456789&nonce=NONCE123456789&code_challenge=abc&code_challenge_method=S256&response_mode=fragment`,
      status: 0,
    }),
    entry({ step: 'redirect_back', url: 'https://app.example/redirect.html#code=CODEVALUE123456789&state=STATE123456789', status: 0 }),
    entry({
      step: 'token',
      url: `${login}/oauth2/v2.0/token`,
      form: {
        client_id: '3c9a4e2b-8f1d-4a6c-b5e7-0d2f9a8c1b34',
        grant_type: 'authorization_code',
        code: 'CODEVALUE123456789',
        code_verifier: 'VERIFIER1234567890',
        redirect_uri: 'https://app.example/redirect.html',
      },
      status: opts.failToken ? 400 : 200,
      json: opts.failToken
        ? {
            error: 'invalid_grant',
            error_description: 'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.',
          }
        : {
            token_type: 'Bearer',
            expires_in: 3599,
            access_token: exampleJwt({ aud: 'x', name: 'Megan Bowen' }),
            id_token: exampleJwt({ aud: 'y' }),
            refresh_token: 'opaque',
          },
      ...(opts.failToken
        ? { error: { error: 'invalid_grant', code: 'AADSTS501481', description: 'The Code_Verifier does not match.' } }
        : {}),
    }),
    entry({ step: 'jwks', url: `${login}/discovery/v2.0/keys`, status: 200, json: JWKS_JSON }),
    entry({
      step: 'graph',
      url: 'https://graph.microsoft.com/v1.0/me',
      headers: { Authorization: 'Bearer eyJabc.def.ghi' },
      status: 200,
      json: { displayName: 'Megan Bowen' },
    }),
  ]
  return list
}

/** A synthetic model of n messages over k lanes, deterministic from a seed (benchmark, tests). */
export function syntheticModel(n: number, lanes = 6, seed = 7): DiagramModel {
  let s = seed
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s / 2147483648
  }
  const participants = Array.from({ length: lanes }, (_, i) => ({
    id: `l${i}`,
    role: (['client', 'authorize', 'token', 'metadata', 'resource', 'other'] as const)[i % 6] ?? 'other',
    title: `Participant ${i + 1}`,
    subtitle: `host${i}.example.com`,
  }))
  const kinds: MessageKind[] = ['request', 'response', 'redirect', 'action']
  const messages = Array.from({ length: n }, (_, i) => {
    const a = Math.floor(rnd() * lanes)
    const b = rnd() < 0.05 ? a : Math.floor(rnd() * lanes)
    return {
      id: `m${i}`,
      from: `l${a}`,
      to: `l${b}`,
      kind: kinds[i % 4] ?? 'request',
      label: `${i % 2 ? 'POST' : 'GET'} /oauth2/v2.0/${i % 3 ? 'token' : 'authorize'}`,
      details: i % 3 === 0 ? ['grant_type=authorization_code  ·  code=0.AXkA…', 'scope=openid profile offline_access'] : ['200 OK'],
      notes: i % 17 === 0 ? ['PKCE S256 verified'] : [],
      failed: i % 23 === 0,
      exchangeIndex: i,
      step: null,
      origin: null,
    }
  })
  return { title: `Synthetic flow of ${n} messages`, template: false, participants, messages }
}
