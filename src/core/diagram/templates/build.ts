/**
 * Helpers to write canonical flows as HAR entries, so a template goes through exactly the same
 * model, side panel and exports as a real capture. Values are illustrative (contoso.com, fixed
 * times); the example JWTs carry a signature that is deliberately not valid.
 */
import { base64url } from 'jose'
import type { CapturedEntry, OAuthAnnotation, StepKind } from '../../capture/types.ts'

export const TENANT = 'contoso.onmicrosoft.com'
export const LOGIN = `https://login.microsoftonline.com/${TENANT}`
export const AUTHORIZE_URL = `${LOGIN}/oauth2/v2.0/authorize`
export const TOKEN_URL = `${LOGIN}/oauth2/v2.0/token`
export const DISCOVERY_URL = `${LOGIN}/v2.0/.well-known/openid-configuration`
export const JWKS_URL = `${LOGIN}/discovery/v2.0/keys`
export const ISSUER = 'https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0'
export const SPA_CLIENT = '6b3e2d10-7a4c-4f8e-9d21-5c0b8e7f1a42'
export const WEB_CLIENT = 'c2a1f0e9-3b7d-4e5c-8a96-1f2e3d4c5b6a'
export const API_CLIENT = 'f1e2d3c4-b5a6-4978-8a1b-2c3d4e5f6a7b'
const T0 = Date.UTC(2026, 0, 15, 9, 0, 0)

/** An example JWT for teaching; its signature segment is not a real signature. */
export function exampleJwt(payload: Record<string, unknown>): string {
  const enc = (o: unknown) => base64url.encode(new TextEncoder().encode(JSON.stringify(o)))
  return `${enc({ typ: 'JWT', alg: 'RS256', kid: 'example-key-1' })}.${enc(payload)}.${base64url.encode(new TextEncoder().encode('template: not a real signature'))}`
}

export const IAT = Math.floor(T0 / 1000)

export interface EntrySpec {
  step: StepKind
  method?: 'GET' | 'POST'
  url: string
  headers?: Record<string, string>
  form?: Record<string, string>
  status: number
  responseHeaders?: Record<string, string>
  json?: unknown
  grantType?: string
  error?: OAuthAnnotation['error']
  notes?: string[]
}

/** Each template numbers its own entries, so building it twice gives identical data. */
export function entryFactory(): (spec: EntrySpec) => CapturedEntry {
  let seq = 0
  return (spec) => {
    seq += 1
    return entry(spec, seq)
  }
}

function entry(spec: EntrySpec, seq: number): CapturedEntry {
  const body = spec.form ? new URLSearchParams(spec.form).toString() : undefined
  const url = new URL(spec.url)
  const responseText = spec.json === undefined ? undefined : JSON.stringify(spec.json, null, 2)
  const headers = { ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}), ...spec.headers }
  const resHeaders = { ...(responseText ? { 'Content-Type': 'application/json; charset=utf-8' } : {}), ...spec.responseHeaders }
  const oauth: OAuthAnnotation = {
    step: spec.step,
    flowId: 'template',
    origin: 'simulated',
    redactions: [],
    ...(spec.grantType ? { grantType: spec.grantType } : {}),
    ...(spec.error ? { error: spec.error } : {}),
    ...(spec.notes ? { notes: spec.notes } : {}),
  }
  return {
    startedDateTime: new Date(T0 + seq * 1000).toISOString(),
    time: 80,
    request: {
      method: spec.method ?? (body ? 'POST' : 'GET'),
      url: spec.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(body ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: body } } : {}),
      headersSize: -1,
      bodySize: body?.length ?? 0,
    },
    response: {
      status: spec.status,
      statusText: ({ 0: 'navigation', 200: 'OK', 302: 'Found', 400: 'Bad Request' } as Record<number, string>)[spec.status] ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: Object.entries(resHeaders).map(([name, value]) => ({ name, value })),
      content: {
        size: responseText?.length ?? 0,
        mimeType: resHeaders['Content-Type'] ?? '',
        ...(responseText ? { text: responseText } : {}),
      },
      redirectURL: spec.responseHeaders?.Location ?? '',
      headersSize: -1,
      bodySize: responseText?.length ?? -1,
    },
    cache: {},
    timings: { send: 0, wait: 80, receive: 0 },
    _oauth: oauth,
  }
}

export const DISCOVERY_JSON = {
  issuer: ISSUER,
  authorization_endpoint: AUTHORIZE_URL,
  token_endpoint: TOKEN_URL,
  jwks_uri: JWKS_URL,
  response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token'],
  code_challenge_methods_supported: ['S256'],
}

export const JWKS_JSON = {
  keys: [{ kty: 'RSA', use: 'sig', kid: 'example-key-1', n: 'sXch…(shortened in the template)', e: 'AQAB' }],
}
