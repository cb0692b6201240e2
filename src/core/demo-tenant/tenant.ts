/**
 * createDemoTenant: the Entra-shaped authorization server behind the network edge. One object
 * answers every emulated URL (handle), and exposes the authorize steps directly for the in-app
 * sign-in page (beginAuthorize / completeAuthorize). State is plain JSON (serialize) so a page
 * that navigates away to the redirect URI can resume with the same keys, codes and sessions.
 *
 * Wiring (adapters, not here): MSAL's networkClient -> handle({method, url, headers, body});
 * onRedirectNavigate(url) -> return false, then beginAuthorize(url) for /authorize (show the
 * prompt, call completeAuthorize, save serialize(), navigate to outcome.url) or handle() for
 * /logout (302 `location`); the app's own discovery/JWKS/Graph fetches -> handle().
 */
import type { AuthorizeOutcome, DemoFaults, DemoTenant, DemoTenantOptions, DemoTenantState, EdgeRequest, EdgeResponse } from './types.ts'
import { DEMO_CLIENT_ID, DEMO_TENANT_ID } from './types.ts'
import { beginAuthorize, completeAuthorize } from './authorize.ts'
import { resolveLoginHint } from './claims-request.ts'
import { atShape, errorContext, issuerOf, resolveTenant, type TenantContext } from './context.ts'
import {
  GRAPH_HOST,
  LOGIN,
  b2cDiscovery,
  instanceDiscovery,
  jwksDocument,
  v1Discovery,
  v1Issuer,
  v2Discovery,
  v2Issuer,
} from './discovery.ts'
import { DEMO_B2C_NAME, DEMO_B2C_POLICY, DEMO_CIAM_NAME, locate, shapeBase, shapeHosts } from './shapes.ts'
import { safeUrl } from '../flows/http.ts'
import { GUID_RE, defaultRandom, header, parseForm, safeDecode } from './encoding.ts'
import { E, errorResponse, jsonResponse } from './errors.ts'
import { handleGraph } from './graph.ts'
import { generateSigningKey, restoreSigningKey } from './keys.ts'
import { PAGE_STYLE, pageCsp, renderErrorPage, renderFormPostPage, renderSignInPage, renderSignedOutPage } from './sign-in-page.ts'
import { handleToken } from './token-endpoint.ts'
import { DEMO_TENANT_DOMAIN, DEMO_TENANT_NAME, demoUserRecords, toDemoUser } from './users.ts'

export const DEMO_APP_DISPLAY_NAME = 'Token Lens (demo SPA)'

/**
 * Without a registered list, a redirect URI counts as registered when it is https (or
 * http://localhost / 127.0.0.1, which Entra also accepts for development) and its path ends in
 * redirect.html — the MSAL v5 redirect bridge page this app uses.
 */
export function isDefaultRedirectUri(uri: string): boolean {
  const u = safeUrl(uri)
  if (!u) return false
  const local = u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1')
  return (u.protocol === 'https:' || local) && u.pathname.endsWith('redirect.html') && u.hash === ''
}

function emptyState(tid: string, key: DemoTenantState['signingKey'], faults: DemoFaults): DemoTenantState {
  return { version: 1, tenantId: tid, signingKey: key, pending: {}, codes: {}, refreshTokens: {}, consents: {}, sessions: {}, faults }
}

export async function createDemoTenant(options: DemoTenantOptions): Promise<DemoTenant> {
  const tid = (options.tenantId ?? options.state?.tenantId ?? DEMO_TENANT_ID).toLowerCase()
  if (!GUID_RE.test(tid)) throw new Error(`Demo tenant ID must be a GUID, got '${tid}'`)
  const random = options.random ?? defaultRandom
  const key =
    options.state !== undefined
      ? await restoreSigningKey(options.state.signingKey)
      : await generateSigningKey({ now: options.now(), random })
  const st: DemoTenantState =
    options.state !== undefined
      ? (JSON.parse(JSON.stringify({ ...options.state, tenantId: tid })) as DemoTenantState)
      : emptyState(tid, { kid: key.kid, privateJwk: { ...key.privateJwk }, ...(key.x5c !== undefined ? { x5c: key.x5c } : {}) }, {})
  if (options.faults !== undefined) st.faults = { ...options.faults }
  const clientIds = new Set((options.clientIds ?? [DEMO_CLIENT_ID]).map((c) => c.toLowerCase()))
  const redirectUris = options.redirectUris

  const ctx: TenantContext = {
    tid,
    domain: DEMO_TENANT_DOMAIN,
    tenantName: DEMO_TENANT_NAME,
    appDisplayName: DEMO_APP_DISPLAY_NAME,
    users: demoUserRecords(),
    st,
    key,
    now: options.now,
    random,
    isKnownClient: (id) => clientIds.has(id.toLowerCase()) || (options.acceptAnyClient === true && GUID_RE.test(id)),
    // RFC 6749 §3.1.2.3 / Entra: exact string comparison against the registered list.
    isRegisteredRedirect: (uri) => (redirectUris !== undefined ? redirectUris.includes(uri) : isDefaultRedirectUri(uri)),
    idTokenAtHash: options.idTokenAtHash === true,
    redirectListGiven: redirectUris !== undefined,
    names: {
      b2cName: (options.b2cName ?? DEMO_B2C_NAME).toLowerCase(),
      ciamName: (options.ciamName ?? DEMO_CIAM_NAME).toLowerCase(),
      policies: [DEMO_B2C_POLICY],
    },
  }

  const tenant: DemoTenant = {
    tenantId: tid,
    hosts: shapeHosts(tid, ctx.names),
    users: ctx.users.map(toDemoUser),
    handle: (req) => handle(ctx, req),
    beginAuthorize: (url) => beginAuthorize(ctx, url),
    completeAuthorize: (sessionId, choice) => Promise.resolve(completeAuthorize(ctx, sessionId, choice)),
    serialize: () => JSON.parse(JSON.stringify(st)) as DemoTenantState,
    setFaults: (f) => {
      st.faults = { ...f }
    },
    jwks: () => jwksDocument(key, v2Issuer(tid)),
  }
  return tenant
}

/** CORS preflight (Fetch §3.2.2) for the token endpoint and Graph: any origin, no credentials. */
export function corsPreflight(req: { headers: Record<string, string> }): EdgeResponse {
  const requested = header(req.headers, 'access-control-request-headers')
  return {
    status: 204,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': requested ?? 'content-type, authorization, client-request-id',
      'access-control-max-age': '86400',
    },
    body: '',
  }
}

const V2_DISCOVERY = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration\/?$/i
const V1_DISCOVERY = /^\/([^/]+)\/\.well-known\/openid-configuration\/?$/i
const V2_KEYS = /^\/([^/]+)\/discovery\/v2\.0\/keys\/?$/i
const V1_KEYS = /^\/([^/]+)\/discovery\/keys\/?$/i
const TOKEN = /^\/([^/]+)\/oauth2\/v2\.0\/token\/?$/i
const AUTHORIZE = /^\/([^/]+)\/oauth2\/v2\.0\/authorize\/?$/i
const LOGOUT = /^\/([^/]+)\/oauth2\/v2\.0\/logout\/?$/i
const LOGIN_POST = /^\/([^/]+)\/login\/?$/i
const INSTANCE = /^\/common\/discovery\/instance\/?$/i

async function handle(base: TenantContext, req: EdgeRequest): Promise<EdgeResponse> {
  let url: URL
  try {
    url = new URL(req.url)
  } catch {
    return jsonResponse(400, { error: 'invalid_request', error_description: `Not a URL: ${req.url}` })
  }
  if (url.host === GRAPH_HOST) return handleGraph(base, req, url.pathname)
  // The host decides the shape (Entra, B2C, External ID); each shape's paths are the tenant
  // segment (B2C: tenant and policy) followed by the same endpoint paths.
  const at = locate(url, base.tid, base.names)
  if (at === null) return jsonResponse(404, { error: 'not_found', error_description: `The demo tenant does not emulate ${url.host}.` })
  const ctx = atShape(base, at)
  const path = `/${encodeURIComponent(at.segment)}${at.rest}`
  const fail = (code: Parameters<typeof errorResponse>[0]): EdgeResponse =>
    errorResponse(code, errorContext(ctx, header(req.headers, 'client-request-id')))
  const tenantOf = (re: RegExp): { segment: string; ok: boolean } | null => {
    const m = re.exec(path)
    if (m?.[1] === undefined) return null
    const segment = safeDecode(m[1])
    return { segment, ok: resolveTenant(ctx, segment) !== null }
  }
  // B2C serves everything per user flow: a URL without one names no policy to run.
  if (at.shape === 'b2c' && at.policy === undefined && at.rest !== '') {
    return jsonResponse(400, {
      error: 'invalid_request',
      error_description: `The URL ${url.origin}${url.pathname} names no user flow (policy). B2C serves discovery, keys and every endpoint per policy: ${url.origin}/{tenant}/{policy}/…`,
    })
  }

  if (at.shape === 'entra' && INSTANCE.test(path))
    return jsonResponse(200, instanceDiscovery(url.searchParams.get('authorization_endpoint')))
  let t = tenantOf(V2_DISCOVERY)
  if (t !== null) {
    if (!t.ok) return fail(E.tenantNotFound(t.segment))
    if (at.shape === 'b2c') return jsonResponse(200, b2cDiscovery(shapeBase(at), issuerOf(ctx)))
    if (at.shape === 'external') return jsonResponse(200, v2Discovery(t.segment, ctx.tid, { base: shapeBase(at), issuer: issuerOf(ctx) }))
    return jsonResponse(200, v2Discovery(t.segment, ctx.tid))
  }
  t = tenantOf(V1_DISCOVERY)
  if (t !== null && at.shape === 'entra')
    return t.ok ? jsonResponse(200, v1Discovery(t.segment, ctx.tid)) : fail(E.tenantNotFound(t.segment))
  t = tenantOf(V2_KEYS)
  if (t !== null) {
    if (!t.ok) return fail(E.tenantNotFound(t.segment))
    if (at.shape !== 'entra') return jsonResponse(200, jwksDocument(ctx.key, undefined))
    const multi = t.segment === 'common' || t.segment === 'organizations'
    return jsonResponse(200, jwksDocument(ctx.key, multi ? `${LOGIN}/{tenantid}/v2.0` : v2Issuer(ctx.tid)))
  }
  t = tenantOf(V1_KEYS)
  if (t !== null && at.shape === 'entra')
    return t.ok ? jsonResponse(200, jwksDocument(ctx.key, undefined)) : fail(E.tenantNotFound(t.segment))
  t = tenantOf(TOKEN)
  if (t !== null) return t.ok ? handleToken(ctx, req) : fail(E.tenantNotFound(t.segment))
  t = tenantOf(AUTHORIZE)
  if (t !== null) return outcomeToResponse(ctx, beginAuthorize(ctx, req.url), t.segment)
  t = tenantOf(LOGIN_POST)
  if (t !== null && req.method === 'POST') {
    const form = parseForm(req.body)
    const outcome = completeAuthorize(ctx, form.get('session') ?? '', {
      userId: form.get('user') ?? '',
      consent: form.get('consent') === 'accept',
    })
    return outcomeToResponse(ctx, outcome, t.segment)
  }
  t = tenantOf(LOGOUT)
  if (t !== null) return logout(ctx, url)
  return jsonResponse(404, { error: 'not_found', error_description: `The demo tenant does not emulate ${url.pathname}.` })
}

async function htmlResponse(
  status: number,
  html: string,
  formTargets: string[],
  extra: Record<string, string> = {},
): Promise<EdgeResponse> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(PAGE_STYLE))
  let bin = ''
  for (const b of new Uint8Array(digest)) bin += String.fromCharCode(b)
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store, no-cache',
      'content-security-policy': pageCsp(btoa(bin), formTargets),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...extra,
    },
    body: html,
  }
}

function isWebUri(uri: string): boolean {
  try {
    const u = new URL(uri)
    return u.protocol === 'https:' || (u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1'))
  } catch {
    return false
  }
}

function originOf(uri: string): string[] {
  try {
    return [new URL(uri).origin]
  } catch {
    return []
  }
}

/** Turn an authorize outcome into what a browser navigation receives. */
export async function outcomeToResponse(ctx: TenantContext, outcome: AuthorizeOutcome, segment: string): Promise<EdgeResponse> {
  if (outcome.kind === 'prompt') {
    const action = ctx.at !== undefined ? `${shapeBase({ ...ctx.at, segment })}/login` : `${LOGIN}/${encodeURIComponent(segment)}/login`
    const html = renderSignInPage(outcome.prompt, { action, tenantName: ctx.tenantName, tenantId: ctx.tid, appName: ctx.appDisplayName })
    // The login POST answers with a 302 to the redirect URI; CSP form-action covers that hop too.
    return htmlResponse(200, html, originOf(outcome.prompt.redirectUri))
  }
  if (outcome.kind === 'error_page') return htmlResponse(200, renderErrorPage(outcome, ctx.tenantName, ctx.tid), [])
  if (outcome.form !== undefined)
    return htmlResponse(200, renderFormPostPage(outcome.url, outcome.form, ctx.tenantName), originOf(outcome.url))
  return { status: 302, headers: { location: outcome.url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }, body: '' }
}

/** OIDC RP-Initiated Logout 1.0 §2–3: end the IdP session, return to a registered URI or say so. */
async function logout(ctx: TenantContext, url: URL): Promise<EdgeResponse> {
  // logout_hint (MSAL sends our login_hint claim) ends only that user's sessions, without the
  // account picker; without it every session of the demo tenant in this browser ends.
  const hint = url.searchParams.get('logout_hint')
  const hinted = hint !== null ? resolveLoginHint(hint, ctx.users) : undefined
  for (const [sid, session] of Object.entries(ctx.st.sessions)) {
    if (hinted === undefined || session.userId === hinted.id) delete ctx.st.sessions[sid]
  }
  const target = url.searchParams.get('post_logout_redirect_uri')
  const state = url.searchParams.get('state')
  // With a registered list, post_logout_redirect_uri must be on it; otherwise any https or
  // localhost URI is accepted (MSAL defaults it to the page's own URL, not redirect.html).
  if (target !== null && (ctx.isRegisteredRedirect(target) || (ctx.redirectListGiven === false && isWebUri(target)))) {
    const back = new URL(target)
    if (state !== null) back.searchParams.set('state', state)
    return { status: 302, headers: { location: back.toString(), 'cache-control': 'no-store' }, body: '' }
  }
  return htmlResponse(200, renderSignedOutPage(ctx.tenantName), [])
}

export { v1Issuer, v2Issuer }
