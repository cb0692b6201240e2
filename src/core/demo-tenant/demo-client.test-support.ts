/**
 * Test support: a minimal public client that talks to the demo tenant the way MSAL.js 5 does
 * (authorize URL parameters, token POST body). Used only by the *.test.ts files.
 */
import { base64url } from 'jose'
import type { DemoTenant, DemoTenantOptions, DemoTenantState, EdgeResponse } from './types.ts'
import { createDemoTenant } from './tenant.ts'
import { DEMO_CLIENT_ID, DEMO_TENANT_ID } from './types.ts'

export const REDIRECT = 'https://app.example/token-lens/redirect.html'
export const START = 1_780_000_000

export function clock(start = START): { now: () => number; advance: (sec: number) => void } {
  let t = start
  return {
    now: () => t,
    advance: (sec) => {
      t += sec
    },
  }
}

export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url.encode(globalThis.crypto.getRandomValues(new Uint8Array(32)))
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return { verifier, challenge: base64url.encode(new Uint8Array(digest)) }
}

export interface AuthorizeParams {
  tenant?: string
  clientId?: string
  redirectUri?: string
  scope?: string
  challenge?: string | null
  state?: string
  nonce?: string
  extra?: Record<string, string>
}

/** Parameter set and order of an msal-browser 5.30 loginRedirect /authorize URL (observed). */
export function msalAuthorizeUrl(p: AuthorizeParams): string {
  const q = new URLSearchParams()
  q.set('client_id', p.clientId ?? DEMO_CLIENT_ID)
  q.set('scope', p.scope ?? 'openid profile offline_access')
  q.set('redirect_uri', p.redirectUri ?? REDIRECT)
  q.set('client-request-id', '0f4e3c2b-1a09-4877-8665-5443322110ff')
  q.set('response_mode', 'fragment')
  q.set('client_info', '1')
  q.set('clidata', '1')
  q.set('prompt', 'select_account')
  q.set('nonce', p.nonce ?? '01a21487-69e5-7088-a2e6-49c5f171cbc2')
  q.set('state', p.state ?? 'eyJpZCI6IjAxOTMiLCJtZXRhIjp7ImludGVyYWN0aW9uVHlwZSI6InJlZGlyZWN0In19')
  // What msal-browser 5.30 actually sends (observed against this emulator in Chromium).
  q.set(
    'claims',
    '{"id_token":{"signin_state":{"essential":false},"login_hint":{"essential":false},"tenant_region_sub_scope":{"essential":false}}}',
  )
  q.set('pocd', '1')
  q.set('x-client-SKU', 'msal.js.browser')
  q.set('x-client-VER', '5.30.0')
  q.set('response_type', 'code')
  if (p.challenge !== null && p.challenge !== undefined) {
    q.set('code_challenge', p.challenge)
    q.set('code_challenge_method', 'S256')
  }
  for (const [k, v] of Object.entries(p.extra ?? {})) q.set(k, v)
  return `https://login.microsoftonline.com/${p.tenant ?? DEMO_TENANT_ID}/oauth2/v2.0/authorize?${q.toString()}`
}

export function fragmentParams(url: string): URLSearchParams {
  const hash = new URL(url).hash
  return new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash)
}

export async function signIn(tenant: DemoTenant, params: AuthorizeParams, userIndex = 0): Promise<URLSearchParams> {
  const begun = tenant.beginAuthorize(msalAuthorizeUrl(params))
  if (begun.kind !== 'prompt') throw new Error(`expected a prompt, got ${JSON.stringify(begun)}`)
  const user = tenant.users[userIndex]
  if (user === undefined) throw new Error('no such user')
  const done = await tenant.completeAuthorize(begun.prompt.sessionId, { userId: user.id, consent: true })
  if (done.kind !== 'redirect') throw new Error(`expected a redirect, got ${JSON.stringify(done)}`)
  return fragmentParams(done.url)
}

export async function tokenPost(
  tenant: DemoTenant,
  fields: Record<string, string>,
  opts: { tenantSegment?: string; headers?: Record<string, string> } = {},
): Promise<{ res: EdgeResponse; json: Record<string, unknown> }> {
  const res = await tenant.handle({
    method: 'POST',
    url: `https://login.microsoftonline.com/${opts.tenantSegment ?? DEMO_TENANT_ID}/oauth2/v2.0/token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', origin: 'https://app.example', ...opts.headers },
    body: new URLSearchParams(fields).toString(),
  })
  return { res, json: JSON.parse(res.body) as Record<string, unknown> }
}

/** The body MSAL posts to redeem a code. */
export function codeRedemption(code: string, verifier: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    client_id: DEMO_CLIENT_ID,
    redirect_uri: REDIRECT,
    scope: 'openid profile offline_access',
    code,
    'x-client-SKU': 'msal.js.browser',
    'x-client-VER': '5.30.0',
    'x-ms-lib-capability': 'retry-after, h429',
    grant_type: 'authorization_code',
    code_verifier: verifier,
    client_info: '1',
    ...extra,
  }
}

/** A PKCE sign-in of user `userIndex`, then the body MSAL posts to redeem its code (not posted yet). */
export async function freshRedemption(tenant: DemoTenant, params: Omit<AuthorizeParams, 'challenge'> = {}, userIndex = 0) {
  const { verifier, challenge } = await pkcePair()
  const back = await signIn(tenant, { ...params, challenge }, userIndex)
  return codeRedemption(back.get('code') ?? '', verifier)
}

/** A sign-in and its code redemption: the token response most tests start from. */
export async function signInAndRedeem(tenant: DemoTenant): Promise<{ res: EdgeResponse; json: Record<string, unknown> }> {
  return tokenPost(tenant, await freshRedemption(tenant))
}

let cachedState: Promise<DemoTenantState> | undefined

/**
 * A fresh tenant (no sessions, codes or grants) that reuses one generated RSA key across tests:
 * 2048-bit key generation costs ~0.1–1 s, and the key-generation path is covered separately.
 */
export async function newTenant(options: Omit<DemoTenantOptions, 'state'>): Promise<DemoTenant> {
  cachedState ??= createDemoTenant({ now: () => START }).then((t) => t.serialize())
  const base = await cachedState
  return createDemoTenant({ ...options, state: { ...base, faults: {} } })
}
