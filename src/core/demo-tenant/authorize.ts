/**
 * The authorization endpoint (RFC 6749 §3.1, §4.1.1; OIDC Core §3.1.2) as Entra runs it for a
 * single-page app. Order of checks matters and follows Entra: problems with the client or the
 * redirect URI are shown on Entra's own error page (RFC 6749 §4.1.2.1: never redirect to an
 * unverified URI); everything after that is returned to the app as an error redirect carrying
 * `state`.
 */
import type { AuthorizeOutcome, DemoPendingAuthorize } from './types.ts'
import { E, describe, errorCodeLabel, errorUri, type EntraError } from './errors.ts'
import {
  PENDING_LIFETIME_SEC,
  atShape,
  clientInfo,
  errorContext,
  findUser,
  own,
  resolveTenant,
  sweep,
  type TenantContext,
} from './context.ts'
import { locate, shapeOfHost } from './shapes.ts'
import { randomB64url, randomGuid, safeDecode } from './encoding.ts'
import { classifyScopes, consentKeysOf, isEntraError } from './scopes.ts'
import { toDemoUser, type DemoUserRecord } from './users.ts'
import { requestedIdTokenClaims, resolveLoginHint } from './claims-request.ts'

const PROMPTS = new Set(['login', 'none', 'consent', 'select_account', 'create'])
const AUTHORIZE_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/authorize\/?$/i

type ResponseMode = DemoPendingAuthorize['responseMode']

interface ReturnTo {
  redirectUri: string
  responseMode: ResponseMode
  state?: string
  correlationId: string
}

function errorPage(ctx: TenantContext, err: EntraError, correlationId?: string): AuthorizeOutcome {
  const ec = errorContext(ctx, correlationId)
  return { kind: 'error_page', error: err.error, description: describe(err, ec), code: errorCodeLabel(err, ec) }
}

/** The tenant answering at the origin (and B2C policy) a pending request or code was made for. */
export function shapedFor(ctx: TenantContext, origin: string | undefined, segment: string, policy: string | undefined): TenantContext {
  if (origin === undefined) return ctx
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    return ctx
  }
  const shape = shapeOfHost(host, ctx.tid, ctx.names)
  return shape === null ? ctx : atShape(ctx, { shape, origin, segment, ...(policy !== undefined ? { policy } : {}), rest: '' })
}

/** Build the redirect back to the app with `params` in the fragment, query or a form post. */
export function redirectWith(to: Pick<ReturnTo, 'redirectUri' | 'responseMode'>, params: [string, string][]): AuthorizeOutcome {
  if (to.responseMode === 'form_post') return { kind: 'redirect', url: to.redirectUri, form: Object.fromEntries(params) }
  const url = new URL(to.redirectUri)
  const encoded = new URLSearchParams(params).toString()
  if (to.responseMode === 'query') {
    for (const [k, v] of params) url.searchParams.append(k, v)
    return { kind: 'redirect', url: url.toString() }
  }
  url.hash = ''
  return { kind: 'redirect', url: `${url.toString()}#${encoded}` }
}

export function errorRedirect(ctx: TenantContext, to: ReturnTo, err: EntraError): AuthorizeOutcome {
  const ec = errorContext(ctx, to.correlationId)
  const params: [string, string][] = [
    ['error', err.error],
    ['error_description', describe(err, ec)],
    // B2C sends no error_uri.
    ...(ec.b2c === true ? [] : ([['error_uri', errorUri(err.code)]] as [string, string][])),
  ]
  if (err.suberror !== undefined) params.push(['suberror', err.suberror])
  if (to.state !== undefined) params.push(['state', to.state])
  return redirectWith(to, params)
}

/** Scopes the consent page lists: the resource permissions and OIDC extras (openid itself is implied). */
function consentScopesFor(scopes: string[]): string[] {
  const out = scopes.filter((s) => s !== 'openid')
  const hasResource = out.some((s) => !['profile', 'email', 'offline_access'].includes(s))
  // An OIDC-only sign-in still gets a Graph token with User.Read, so that is what is consented.
  return hasResource ? out : ['User.Read', ...out]
}

export function beginAuthorize(base: TenantContext, rawUrl: string): AuthorizeOutcome {
  sweep(base)
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return errorPage(base, E.badRedirectUri(rawUrl))
  }
  const p = url.searchParams
  const get = (k: string): string | undefined => p.get(k) ?? undefined
  const correlationId = get('client-request-id')
  // Entra, B2C ({tenant}/{policy}/…) or External ID, by host; the endpoint path is the same.
  const at = locate(url, base.tid, base.names)
  const ctx = at !== null ? atShape(base, at) : base
  const m = at !== null ? AUTHORIZE_PATH.exec(`/${encodeURIComponent(at.segment)}${at.rest}`) : null
  if (at === null || m?.[1] === undefined || (at.shape === 'b2c' && at.policy === undefined)) {
    return errorPage(
      ctx,
      { code: 90023, error: 'invalid_request', message: `'${url.origin}${url.pathname}' is not an authorization endpoint of this tenant.` },
      correlationId,
    )
  }
  const segment = safeDecode(m[1])
  if (resolveTenant(ctx, segment) === null) return errorPage(ctx, E.tenantNotFound(segment), correlationId)

  const clientId = get('client_id')
  if (clientId === undefined || clientId === '') return errorPage(ctx, E.missingParam('client_id', 'request'), correlationId)
  if (!ctx.isKnownClient(clientId)) return errorPage(ctx, E.unknownClient(clientId, segment), correlationId)

  const redirectUri = get('redirect_uri')
  if (redirectUri === undefined || redirectUri === '') return errorPage(ctx, E.noRedirectUri(), correlationId)
  let parsedRedirect: URL
  try {
    parsedRedirect = new URL(redirectUri)
  } catch {
    return errorPage(ctx, E.badRedirectUri(redirectUri), correlationId)
  }
  if (parsedRedirect.hash !== '') return errorPage(ctx, E.badRedirectUri(redirectUri), correlationId) // RFC 6749 §3.1.2
  if (ctx.st.faults.wrongRedirectUri === true || !ctx.isRegisteredRedirect(redirectUri)) {
    return errorPage(ctx, E.redirectMismatch(redirectUri, clientId), correlationId)
  }

  // From here on the redirect URI is trusted: errors go back to the app.
  const state = get('state')
  const modeRaw = get('response_mode')
  const responseMode: ResponseMode = modeRaw === 'fragment' || modeRaw === 'form_post' ? modeRaw : 'query'
  const to: ReturnTo = {
    redirectUri,
    responseMode,
    correlationId: correlationId ?? randomGuid(ctx.random),
    ...(state !== undefined ? { state } : {}),
  }
  if (modeRaw !== undefined && modeRaw !== 'query' && modeRaw !== 'fragment' && modeRaw !== 'form_post')
    return errorRedirect(ctx, to, E.badResponseMode(modeRaw))

  const responseType = get('response_type')
  if (responseType === undefined) return errorRedirect(ctx, to, E.missingParam('response_type', 'request'))
  const types = responseType.split(' ')
  if (types.includes('token')) return errorRedirect(ctx, to, E.responseTypeToken())
  if (types.includes('id_token')) return errorRedirect(ctx, to, E.responseTypeIdToken())
  if (responseType !== 'code') return errorRedirect(ctx, to, E.responseTypeUnsupported(responseType))

  const scopeRaw = get('scope')
  if (scopeRaw === undefined || scopeRaw.trim() === '') return errorRedirect(ctx, to, E.missingParam('scope', 'request'))
  const scopes = classifyScopes(scopeRaw)
  if (isEntraError(scopes)) return errorRedirect(ctx, to, scopes)

  const prompt = get('prompt')
  if (prompt !== undefined && !PROMPTS.has(prompt)) return errorRedirect(ctx, to, E.badPrompt(prompt))

  // PKCE (RFC 7636 §4.3). Entra accepts a request without code_challenge here and refuses the
  // browser's redemption later (AADSTS9002325); a malformed challenge is refused now.
  const challenge = get('code_challenge')
  const methodRaw = get('code_challenge_method')
  if (methodRaw !== undefined && methodRaw !== 'S256' && methodRaw !== 'plain')
    return errorRedirect(ctx, to, E.badChallengeMethod(methodRaw))
  if (methodRaw !== undefined && (challenge === undefined || challenge === '')) return errorRedirect(ctx, to, E.missingChallenge())
  if (challenge !== undefined && (challenge.length < 43 || challenge.length > 128 || !/^[A-Za-z0-9\-._~]+$/.test(challenge))) {
    return errorRedirect(ctx, to, E.badChallengeSize())
  }

  const nonce = get('nonce')
  const loginHint = get('login_hint')
  const idTokenClaims = requestedIdTokenClaims(get('claims'))
  const pending: DemoPendingAuthorize = {
    sessionId: randomB64url(ctx.random, 24),
    tenantSegment: segment,
    clientId,
    redirectUri,
    scopes: scopes.requested,
    responseMode,
    correlationId: to.correlationId,
    createdAt: ctx.now(),
    ...(state !== undefined ? { state } : {}),
    ...(nonce !== undefined ? { nonce } : {}),
    ...(challenge !== undefined ? { codeChallenge: challenge, codeChallengeMethod: methodRaw === 'S256' ? 'S256' : 'plain' } : {}),
    ...(prompt !== undefined ? { prompt } : {}),
    ...(loginHint !== undefined ? { loginHint } : {}),
    ...(idTokenClaims.length > 0 ? { idTokenClaims } : {}),
    ...(at.shape !== 'entra' ? { origin: at.origin } : {}),
    ...(at.policy !== undefined ? { policy: at.policy } : {}),
  }

  if (prompt === 'none') return silentAuthorize(ctx, pending, to)

  ctx.st.pending[pending.sessionId] = pending
  return {
    kind: 'prompt',
    prompt: {
      sessionId: pending.sessionId,
      clientId,
      redirectUri,
      scopes: scopes.requested,
      consentScopes: consentScopesFor(scopes.requested),
      users: ctx.users.map(toDemoUser),
      // An opaque hint (our login_hint claim, sent back by MSAL) is shown as the address it names.
      ...(loginHint !== undefined ? { loginHint: resolveLoginHint(loginHint, ctx.users)?.signInName ?? loginHint } : {}),
      ...(prompt !== undefined ? { prompt } : {}),
    },
  }
}

/** prompt=none (OIDC Core §3.1.2.1): answer from an existing session or fail without UI. */
function silentAuthorize(ctx: TenantContext, pending: DemoPendingAuthorize, to: ReturnTo): AuthorizeOutcome {
  const sessions = Object.entries(ctx.st.sessions)
  const hinted = pending.loginHint !== undefined ? (resolveLoginHint(pending.loginHint, ctx.users)?.id ?? '') : undefined
  const match = sessions.filter(([, s]) => findUser(ctx, s.userId) !== undefined && (hinted === undefined || s.userId === hinted))
  const only = match.length === 1 ? match[0] : undefined
  if (only === undefined)
    return errorRedirect(
      ctx,
      to,
      match.length === 0
        ? E.loginRequired()
        : {
            code: 16000,
            error: 'interaction_required',
            message: 'More than one user is signed in; the request does not say which one to use.',
          },
    )
  const [sid, session] = only
  const user = findUser(ctx, session.userId)
  if (user === undefined) return errorRedirect(ctx, to, E.loginRequired())
  const granted = new Set(own(ctx.st.consents, `${user.id} ${pending.clientId}`) ?? [])
  const missing = consentKeysOf(pending.scopes).find((s) => !granted.has(s))
  if (missing !== undefined)
    return errorRedirect(ctx, to, {
      code: 65001,
      error: 'consent_required',
      message: `The user has not consented to '${missing}' for this application.`,
    })
  return issueCode(ctx, pending, user, sid, session.authTime)
}

function issueCode(
  ctx: TenantContext,
  pending: DemoPendingAuthorize,
  user: DemoUserRecord,
  sid: string,
  authTime: number,
): AuthorizeOutcome {
  const code = `1.A${randomB64url(ctx.random, 96)}`
  ctx.st.codes[code] = {
    clientId: pending.clientId,
    redirectUri: pending.redirectUri,
    scopes: pending.scopes,
    userId: user.id,
    sid,
    authTime,
    issuedAt: ctx.now(),
    redeemed: false,
    ...(pending.nonce !== undefined ? { nonce: pending.nonce } : {}),
    ...(pending.codeChallenge !== undefined ? { codeChallenge: pending.codeChallenge } : {}),
    ...(pending.codeChallengeMethod !== undefined ? { codeChallengeMethod: pending.codeChallengeMethod } : {}),
    ...(pending.idTokenClaims !== undefined ? { idTokenClaims: pending.idTokenClaims } : {}),
    ...(pending.origin !== undefined ? { origin: pending.origin } : {}),
    ...(pending.policy !== undefined ? { policy: pending.policy } : {}),
  }
  // Entra's order in the redirect: code, client_info, state, session_state.
  const params: [string, string][] = [
    ['code', code],
    ['client_info', clientInfo(user, ctx.tid, pending.policy)],
  ]
  if (pending.state !== undefined) params.push(['state', pending.state])
  params.push(['session_state', sid])
  return redirectWith(pending, params)
}

export function completeAuthorize(base: TenantContext, sessionId: string, choice: { userId: string; consent: boolean }): AuthorizeOutcome {
  sweep(base)
  const pending = own(base.st.pending, sessionId)
  if (pending === undefined || pending.createdAt + PENDING_LIFETIME_SEC < base.now()) return errorPage(base, E.flowExpired())
  // Answer in the shape the authorize request was made in (B2C error codes, client_info).
  const ctx = shapedFor(base, pending.origin, pending.tenantSegment, pending.policy)
  const to: ReturnTo = {
    redirectUri: pending.redirectUri,
    responseMode: pending.responseMode,
    correlationId: pending.correlationId,
    ...(pending.state !== undefined ? { state: pending.state } : {}),
  }
  // Cancel needs no account choice: the app hears access_denied either way.
  if (!choice.consent) {
    delete ctx.st.pending[sessionId]
    return errorRedirect(ctx, to, E.consentDeclined())
  }
  const user = findUser(ctx, choice.userId)
  if (user === undefined) return errorPage(ctx, E.unknownUser(choice.userId), pending.correlationId)
  delete ctx.st.pending[sessionId]
  if (ctx.st.faults.consentDeclined === true) return errorRedirect(ctx, to, E.consentDeclined())
  const key = `${user.id} ${pending.clientId}`
  ctx.st.consents[key] = [...new Set([...(own(ctx.st.consents, key) ?? []), ...consentKeysOf(pending.scopes)])]
  // One IdP session per sign-in; we use its id for both the `sid` claim and session_state.
  const sid = randomGuid(ctx.random)
  ctx.st.sessions[sid] = { userId: user.id, authTime: ctx.now() }
  return issueCode(ctx, pending, user, sid, ctx.now())
}
