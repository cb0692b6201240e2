#!/usr/bin/env node
/**
 * Generates the hand-made HAR fixtures of the import feature (issue 7). Each file is the traffic
 * a browser would record for one scenario, written the way Chromium DevTools writes HAR 1.2.
 * Reproducible: fixed clock, fixed seeds, and an RSA test key kept next to the fixtures (created
 * on first run), so re-running gives byte-identical files (RS256 signatures are deterministic).
 *
 *   node scripts/gen-har-fixtures.mjs
 *
 * - webapp-confidential.har: a server-side web app (response_mode=form_post, PKCE, nonce). The
 *   authorize request and the callback are seen; the token call happens on the server.
 * - implicit-flow.har: a legacy SPA with response_type="id_token token" (lint flags implicit).
 * - leaked-secret.har: a browser app redeeming the code with a client_secret and refreshing
 *   with HTTP Basic credentials (lint flags both; the sanitised export must drop them).
 * - secrets.json: every secret value planted in the fixtures, for the sanitiser tests to grep.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SignJWT, exportJWK, generateKeyPair, importJWK } from 'jose'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = resolve(root, 'e2e/fixtures/har')
mkdirSync(outDir, { recursive: true })

const TENANT = '7c1a9b2e-4f3d-4e6a-8b1c-2d9e0f7a6b5c'
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`
const AUTHORITY = `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0`
const BASE_TIME = Date.parse('2026-01-15T09:00:00.000Z')
const KID = 'har-fixture-key-1'

const seeded = (seed, len = 43) => createHash('sha256').update(`token-lens-har-fixture:${seed}`).digest('base64url').slice(0, len)
const long = (seed, n) => Array.from({ length: n }, (_, i) => seeded(`${seed}:${i}`)).join('')

async function signingKey() {
  const file = resolve(outDir, 'har-fixture-signing-key.private.jwk.json')
  if (!existsSync(file)) {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true })
    writeFileSync(file, `${JSON.stringify({ ...(await exportJWK(privateKey)), kid: KID, alg: 'RS256' }, null, 2)}\n`)
  }
  const jwk = JSON.parse(readFileSync(file, 'utf8'))
  // The public half: drop the private members (RFC 7518 §6.3.2).
  const pub = Object.fromEntries(Object.entries(jwk).filter(([k]) => !['d', 'p', 'q', 'dp', 'dq', 'qi'].includes(k)))
  return { key: await importJWK(jwk, 'RS256'), jwks: { keys: [{ ...pub, use: 'sig' }] } }
}

const { key, jwks } = await signingKey()

async function jwt(payload, at) {
  const iat = Math.floor(at / 1000)
  return new SignJWT({ ver: '2.0', tid: TENANT, iss: ISSUER, iat, nbf: iat, exp: iat + 3600, ...payload })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: KID })
    .sign(key)
}

let clock = BASE_TIME
const tick = (ms = 150) => (clock += ms)

function h(obj) {
  return Object.entries(obj).map(([name, value]) => ({ name, value }))
}

/** One Chromium-shaped HAR entry. */
function entry({
  method = 'GET',
  url,
  reqHeaders = {},
  body,
  bodyType = 'application/x-www-form-urlencoded',
  status = 200,
  resHeaders = {},
  mime = 'text/html',
  text = '',
  encode = false,
}) {
  const started = new Date(tick()).toISOString()
  const u = new URL(url)
  const e = {
    startedDateTime: started,
    time: 120,
    request: {
      method,
      url,
      httpVersion: 'http/2.0',
      headers: h({
        ':authority': u.host,
        ':method': method,
        ':path': `${u.pathname}${u.search}`,
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.0.0',
        ...reqHeaders,
      }),
      queryString: [...u.searchParams].map(([name, value]) => ({ name, value })),
      cookies: [],
      headersSize: -1,
      bodySize: body ? body.length : 0,
    },
    response: {
      status,
      statusText: status === 302 ? 'Found' : status === 200 ? 'OK' : status === 400 ? 'Bad Request' : '',
      httpVersion: 'http/2.0',
      headers: h({ 'content-type': mime, ...resHeaders }),
      cookies: [],
      content: encode
        ? { size: text.length, mimeType: mime, text: Buffer.from(text).toString('base64'), encoding: 'base64' }
        : { size: text.length, mimeType: mime, text },
      redirectURL: resHeaders.location ?? '',
      headersSize: -1,
      bodySize: text.length,
      _transferSize: text.length + 300,
    },
    cache: {},
    timings: { blocked: 1, dns: -1, ssl: -1, connect: -1, send: 0, wait: 100, receive: 19 },
    _resourceType: method === 'GET' && mime.includes('html') ? 'document' : 'fetch',
  }
  if (body !== undefined) e.request.postData = { mimeType: bodyType, text: body }
  return e
}

const har = (entries, comment) => ({
  log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries, comment },
})
const form = (o) => new URLSearchParams(o).toString()
const pkce = (seed) => {
  const verifier = seeded(`verifier:${seed}`)
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}
const secrets = {}

// --- 1. Confidential web app: form_post, PKCE, server-side redemption -------------------------
{
  clock = BASE_TIME
  const app = 'https://webapp.contoso.test'
  const clientId = 'b6e2c0d4-1a3f-4c5e-9d7b-8a0f2e4c6b1d'
  const redirect = `${app}/signin-oidc`
  const state = seeded('web:state', 32)
  const nonce = seeded('web:nonce', 32)
  const { challenge } = pkce('web')
  const code = `1.AXoA${long('web:code', 4)}`
  const password = 'Winter-2026!correct horse'
  const sessionCookie = `.AspNetCore.Cookies=${long('web:cookie', 3)}`
  const estsAuth = `ESTSAUTH=${long('web:ests', 2)}`
  const idToken = await jwt(
    {
      aud: clientId,
      nonce,
      sub: seeded('web:sub'),
      oid: '0a1b2c3d-1111-4222-8333-444455556666',
      name: 'Megan Bowen',
      preferred_username: 'megan@contoso.test',
    },
    clock,
  )
  secrets.webapp = { code, password, sessionCookie, estsAuth, idToken }
  const authorizeUrl = `${AUTHORITY}/authorize?${form({ client_id: clientId, redirect_uri: redirect, response_type: 'code', response_mode: 'form_post', scope: 'openid profile offline_access', state, nonce, code_challenge: challenge, code_challenge_method: 'S256', 'x-client-SKU': 'ID_NET8_0' })}`
  const entries = [
    entry({ url: `${app}/`, text: '<!doctype html><title>Contoso</title><a href="/signin">Sign in</a>' }),
    entry({ url: `${app}/static/site.css`, mime: 'text/css', text: 'body{font-family:sans-serif}' }),
    entry({
      url: `${app}/signin`,
      status: 302,
      resHeaders: {
        location: authorizeUrl,
        'set-cookie': `.AspNetCore.Correlation=${seeded('web:corr')}; path=/signin-oidc; secure; httponly`,
      },
      text: '',
    }),
    entry({
      url: authorizeUrl,
      text: '<!doctype html><title>Sign in to your account</title><form method="post" action="/common/login"><input type="email" name="login"><input type="password" name="passwd"></form>',
    }),
    entry({
      method: 'POST',
      url: 'https://login.microsoftonline.com/common/login',
      reqHeaders: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://login.microsoftonline.com', cookie: estsAuth },
      body: form({ login: 'megan@contoso.test', passwd: password, flowToken: long('web:flow', 2), ctx: seeded('web:ctx') }),
      resHeaders: { 'set-cookie': `${estsAuth}; domain=.login.microsoftonline.com; secure; httponly` },
      text: `<html><head><title>Working...</title></head><body><form method="POST" name="hiddenform" action="${redirect}"><input type="hidden" name="code" value="${code}" /><input type="hidden" name="id_token" value="${idToken}" /><input type="hidden" name="state" value="${state}" /><input type="hidden" name="session_state" value="${seeded('web:ss', 36)}" /><noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit" /></noscript></form><script>document.hiddenform.submit()</script></body></html>`,
    }),
    entry({
      method: 'POST',
      url: redirect,
      reqHeaders: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://login.microsoftonline.com',
        referer: 'https://login.microsoftonline.com/',
      },
      body: form({ code, id_token: idToken, state, session_state: seeded('web:ss', 36) }),
      status: 302,
      resHeaders: { location: `${app}/`, 'set-cookie': `${sessionCookie}; path=/; secure; samesite=lax; httponly` },
    }),
    entry({ url: `${app}/`, reqHeaders: { cookie: sessionCookie }, text: '<!doctype html><title>Contoso</title><p>Hello Megan</p>' }),
  ]
  writeFileSync(resolve(outDir, 'webapp-confidential.har'), `${JSON.stringify(har(entries), null, 2)}\n`)
}

// --- 2. Implicit flow SPA (response_type=id_token token) --------------------------------------
{
  clock = BASE_TIME + 3_600_000
  const app = 'https://legacy-spa.contoso.test'
  const clientId = 'e4d3c2b1-5a6f-4b8c-9d0e-1f2a3b4c5d6e'
  const state = seeded('imp:state', 32)
  const nonce = seeded('imp:nonce', 32)
  const accessToken = await jwt(
    { aud: '00000003-0000-0000-c000-000000000000', azp: clientId, scp: 'User.Read', sub: seeded('imp:sub') },
    clock,
  )
  // at_hash: left half of SHA-256 of the access token, base64url (OIDC Core §3.2.2.9).
  const atHash = createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url')
  const idToken = await jwt({ aud: clientId, nonce, sub: seeded('imp:sub'), name: 'Adele Vance', at_hash: atHash }, clock)
  secrets.implicit = { accessToken, idToken }
  const authorizeUrl = `${AUTHORITY}/authorize?${form({ client_id: clientId, redirect_uri: `${app}/`, response_type: 'id_token token', response_mode: 'fragment', scope: 'openid profile User.Read', state, nonce })}`
  const entries = [
    entry({ url: `${app}/`, text: '<!doctype html><title>Legacy SPA</title>' }),
    entry({ url: `${app}/assets/app.js`, mime: 'application/javascript', text: 'console.log("app")', encode: true }),
    entry({
      url: `https://login.microsoftonline.com/${TENANT}/v2.0/.well-known/openid-configuration`,
      mime: 'application/json',
      reqHeaders: { origin: app },
      text: JSON.stringify({
        issuer: ISSUER,
        authorization_endpoint: `${AUTHORITY}/authorize`,
        token_endpoint: `${AUTHORITY}/token`,
        jwks_uri: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      }),
    }),
    entry({
      url: authorizeUrl,
      status: 302,
      resHeaders: {
        location: `${app}/#access_token=${accessToken}&token_type=Bearer&expires_in=3599&scope=User.Read+profile+openid&id_token=${idToken}&state=${state}&session_state=${seeded('imp:ss', 36)}`,
      },
    }),
    entry({ url: `${app}/`, text: '<!doctype html><title>Legacy SPA</title>' }),
    entry({
      url: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
      mime: 'application/json',
      reqHeaders: { origin: app },
      text: JSON.stringify(jwks),
      encode: true,
    }),
    entry({
      url: 'https://graph.microsoft.com/v1.0/me',
      mime: 'application/json',
      reqHeaders: { authorization: `Bearer ${accessToken}`, origin: app },
      text: JSON.stringify({ displayName: 'Adele Vance', id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd' }),
    }),
  ]
  writeFileSync(resolve(outDir, 'implicit-flow.har'), `${JSON.stringify(har(entries), null, 2)}\n`)
}

// --- 3. A browser app that leaks its client secret ---------------------------------------------
{
  clock = BASE_TIME + 7_200_000
  const app = 'https://dashboard.fabrikam.test'
  const clientId = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'
  const state = seeded('leak:state', 32)
  const nonce = seeded('leak:nonce', 32)
  const clientSecret = 'Qx8Q~' + seeded('leak:secret', 35)
  const code = `1.AXoB${long('leak:code', 4)}`
  const refreshToken = `1.AXoB${long('leak:rt', 8)}`
  const refreshToken2 = `1.AXoB${long('leak:rt2', 8)}`
  const accessToken = await jwt({ aud: 'api://fabrikam-reports', azp: clientId, scp: 'Reports.Read', sub: seeded('leak:sub') }, clock)
  const accessToken2 = await jwt(
    { aud: 'api://fabrikam-reports', azp: clientId, scp: 'Reports.Read', sub: seeded('leak:sub'), jti: 'second' },
    clock + 60_000,
  )
  const idToken = await jwt({ aud: clientId, nonce, sub: seeded('leak:sub'), name: 'Lee Gu' }, clock)
  const basic = Buffer.from(`${clientId}:${encodeURIComponent(clientSecret)}`).toString('base64')
  secrets.leak = { clientSecret, code, refreshToken, refreshToken2, accessToken, accessToken2, idToken, basic }
  const redirect = `${app}/auth/callback`
  const authorizeUrl = `${AUTHORITY}/authorize?${form({ client_id: clientId, redirect_uri: redirect, response_type: 'code', scope: 'openid offline_access api://fabrikam-reports/Reports.Read', state, nonce })}`
  const tokenBody = (at, rt) =>
    JSON.stringify({
      token_type: 'Bearer',
      scope: 'api://fabrikam-reports/Reports.Read',
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: at,
      refresh_token: rt,
      id_token: idToken,
    })
  const entries = [
    entry({ url: `${app}/`, text: '<!doctype html><title>Fabrikam dashboard</title>' }),
    entry({
      url: authorizeUrl,
      status: 302,
      resHeaders: { location: `${redirect}?code=${code}&state=${state}&session_state=${seeded('leak:ss', 36)}` },
    }),
    entry({
      url: `${redirect}?code=${code}&state=${state}&session_state=${seeded('leak:ss', 36)}`,
      text: '<!doctype html><title>Signing in…</title>',
    }),
    entry({
      method: 'POST',
      url: `${AUTHORITY}/token`,
      reqHeaders: {
        'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
        origin: app,
        referer: `${redirect}?code=${code}&state=${state}`,
      },
      body: form({
        client_id: clientId,
        client_secret: clientSecret,
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirect,
        scope: 'openid offline_access api://fabrikam-reports/Reports.Read',
      }),
      mime: 'application/json; charset=utf-8',
      text: tokenBody(accessToken, refreshToken),
    }),
    entry({
      url: 'https://reports.fabrikam.test/api/reports',
      mime: 'application/json',
      reqHeaders: { authorization: `Bearer ${accessToken}`, origin: app },
      text: '[{"id":1,"name":"Q4"}]',
    }),
    entry({
      method: 'POST',
      url: `${AUTHORITY}/token`,
      reqHeaders: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', origin: app, authorization: `Basic ${basic}` },
      body: form({ grant_type: 'refresh_token', refresh_token: refreshToken, scope: 'api://fabrikam-reports/Reports.Read' }),
      mime: 'application/json; charset=utf-8',
      text: tokenBody(accessToken2, refreshToken2),
    }),
  ]
  writeFileSync(resolve(outDir, 'leaked-secret.har'), `${JSON.stringify(har(entries), null, 2)}\n`)
}

writeFileSync(resolve(outDir, 'har-fixture-secrets.json'), `${JSON.stringify(secrets, null, 2)}\n`)
console.log(`wrote webapp-confidential.har, implicit-flow.har, leaked-secret.har and har-fixture-secrets.json to ${outDir}`)
