/**
 * The two Microsoft Graph endpoints a sign-in touches: GET /v1.0/me (User.Read) and the OIDC
 * UserInfo endpoint (OIDC Core §5.3) Entra's discovery points at. Graph validates its own
 * tokens (header-nonce transform included, tokens.ts) and answers in OData JSON; errors use
 * Graph's `{ error: { code, message, innerError } }` shape.
 */
import type { EdgeRequest, EdgeResponse } from './types.ts'
import { errorContext, findUser, type TenantContext } from './context.ts'
import { entraTimestamp, header } from './encoding.ts'
import { pairwiseSub, verifyGraphToken } from './tokens.ts'

function graphHeaders(requestId: string, clientRequestId: string | undefined, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'content-type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
    'cache-control': 'no-cache',
    'request-id': requestId,
    ...(clientRequestId !== undefined ? { 'client-request-id': clientRequestId } : {}),
    // Graph allows browser calls from any origin (tokens, not cookies, carry the authority).
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'request-id, client-request-id',
    ...extra,
  }
}

function graphError(ctx: TenantContext, status: number, code: string, message: string, clientRequestId: string | undefined): EdgeResponse {
  const requestId = errorContext(ctx).traceId
  const body = {
    error: {
      code,
      message,
      innerError: {
        date: entraTimestamp(ctx.now()).replace(' ', 'T'),
        'request-id': requestId,
        'client-request-id': clientRequestId ?? requestId,
      },
    },
  }
  const extra: Record<string, string> =
    status === 401
      ? {
          'www-authenticate': `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
        }
      : {}
  return { status, headers: graphHeaders(requestId, clientRequestId, extra), body: JSON.stringify(body) }
}

export async function handleGraph(ctx: TenantContext, req: EdgeRequest, path: string): Promise<EdgeResponse> {
  const clientRequestId = header(req.headers, 'client-request-id')
  const isMe = /^\/v1\.0\/me\/?$/i.test(path)
  const isUserInfo = /^\/oidc\/userinfo\/?$/i.test(path)
  if (!isMe && !isUserInfo) {
    return graphError(
      ctx,
      404,
      'Request_ResourceNotFound',
      `The demo tenant emulates only /v1.0/me and /oidc/userinfo, not '${path}'.`,
      clientRequestId,
    )
  }
  if (req.method !== 'GET' && !(isUserInfo && req.method === 'POST')) {
    return graphError(ctx, 405, 'Request_BadRequest', `The ${req.method} method is not allowed here.`, clientRequestId)
  }
  const auth = header(req.headers, 'authorization') ?? ''
  const m = /^Bearer\s+(\S+)$/i.exec(auth)
  if (m?.[1] === undefined) return graphError(ctx, 401, 'InvalidAuthenticationToken', 'Access token is empty.', clientRequestId)
  const checked = await verifyGraphToken(m[1], ctx.key.publicKey, ctx.tid, ctx.now())
  if (!checked.ok) return graphError(ctx, 401, 'InvalidAuthenticationToken', checked.reason, clientRequestId)
  const p = checked.payload
  const user = typeof p.oid === 'string' ? findUser(ctx, p.oid) : undefined
  if (user === undefined) return graphError(ctx, 404, 'Request_ResourceNotFound', 'The signed-in user no longer exists.', clientRequestId)
  const scp = typeof p.scp === 'string' ? p.scp.split(' ') : []
  const requestId = errorContext(ctx).traceId

  if (isMe) {
    if (!scp.some((s) => ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'].includes(s))) {
      return graphError(ctx, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.', clientRequestId)
    }
    const body = {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
      businessPhones: [],
      displayName: user.displayName,
      givenName: user.givenName,
      jobTitle: user.jobTitle,
      mail: user.mail,
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: 'en-US',
      surname: user.surname,
      userPrincipalName: user.userPrincipalName,
      id: user.id,
    }
    return { status: 200, headers: graphHeaders(requestId, clientRequestId), body: JSON.stringify(body) }
  }
  // UserInfo's sub is the same pairwise value the app's ID token carries (OIDC Core §5.3.2).
  const appId = typeof p.appid === 'string' ? p.appid : ''
  const body: Record<string, unknown> = {
    sub: await pairwiseSub(appId, user.id),
    name: user.displayName,
    family_name: user.surname,
    given_name: user.givenName,
    picture: 'https://graph.microsoft.com/v1.0/me/photo/$value',
  }
  if (scp.includes('email')) body.email = user.mail
  return {
    status: 200,
    headers: { ...graphHeaders(requestId, clientRequestId), 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  }
}
