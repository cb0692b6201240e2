/**
 * A real, OpenID Certified provider for the e2e suite: panva's `oidc-provider`, started by the
 * test itself on https://localhost:<random port> with a certificate made on the spot by Debian's
 * `openssl`, and stopped when the test ends. Nothing sits between the browser and it (no
 * Playwright routing): discovery, JWKS, /token, userinfo and end-session answer with the
 * provider's own CORS headers and preflights, so the app is tested against a server that can
 * disagree with our reading of the specs.
 *
 * Configured as hosted providers are for a browser-only SPA: a public client
 * (token_endpoint_auth_method=none, RFC 6749 §2.1), PKCE S256 required (RFC 7636; RFC 9700
 * §2.1.1), refresh tokens, userinfo (OIDC Core §5.3), RP-initiated logout (OIDC RP-Initiated
 * Logout 1.0 §2) and CORS only for the app's own origin.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, type JWK } from 'jose'
import type Provider from 'oidc-provider'

export const APP_ORIGIN = 'http://127.0.0.1:4173'
export const APP_REDIRECT_URI = `${APP_ORIGIN}/redirect.html`
export const SPA_CLIENT_ID = 'token-lens-spa'

/** The one user of this provider; userinfo and the ID token carry these claims. */
export const OP_USER = {
  sub: 'ada-4711',
  name: 'Ada Lovelace',
  preferred_username: 'ada',
  email: 'ada@provider.test',
  email_verified: true,
}

export type CorsRoute = 'token' | 'userinfo'

export interface RunningProvider {
  issuer: string
  /** host:port, for the request guard. */
  host: string
  /** Every request the provider received: `METHOD /path origin=<Origin header or ->`. */
  log: () => string[]
  /** Stop (or restart) sending CORS headers to the app's origin on one endpoint. */
  setCors: (route: CorsRoute, allowed: boolean) => void
  /** Put a new signing key first in the JWKS (the old one stays published for verification). */
  rotateKeys: () => Promise<string>
  /** The kid the provider signs with now. */
  currentKid: () => string
  stop: () => Promise<void>
}

/** A self-signed certificate for localhost, made now (valid one day). Says why when it cannot. */
function makeCertificate(): { key: string; cert: string } {
  // The key goes to a scratch folder under test-results/ (tests write only inside the
  // repository) and is deleted at once; the certificate comes back on stdout.
  mkdirSync(join(process.cwd(), 'test-results'), { recursive: true })
  const dir = mkdtempSync(join(process.cwd(), 'test-results', '.op-cert-'))
  const keyFile = join(dir, 'key.pem')
  let r: SpawnSyncReturns<string>
  let keyText = ''
  try {
    r = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyFile,
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-days',
        '1',
      ],
      { encoding: 'utf8' },
    )
    if (existsSync(keyFile)) keyText = readFileSync(keyFile, 'utf8')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : r.stderr
    throw new Error(
      `The test OpenID provider needs a certificate and openssl could not make one (${why.trim()}). Install it: apt-get install -y openssl`,
    )
  }
  const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(keyText)?.[0]
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(r.stdout)?.[0]
  if (!key || !cert) throw new Error(`openssl printed no key or certificate for the test OpenID provider: ${r.stderr.trim()}`)
  return { key, cert }
}

async function signingKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = await exportJWK(privateKey)
  return { ...jwk, alg: 'RS256', use: 'sig', kid: `k-${Math.random().toString(36).slice(2, 10)}` }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** Plain pages with no outside fonts or scripts: the request guard allows only this host. */
function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;max-width:28rem;margin:2rem auto"><h1>${escapeHtml(title)}</h1>${body}</body></html>`
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

/**
 * oidc-provider's storage interface, kept in one Map per running provider so that a key
 * rotation (a new Provider instance with a new key set) keeps sessions, grants and interactions
 * in flight, as a real provider's database does.
 */
function sharedStore(): new (model: string) => object {
  const rows = new Map<string, { payload: Record<string, unknown>; expiresAt: number }>()
  const uids = new Map<string, string>()
  const live = (key: string) => {
    const row = rows.get(key)
    if (!row) return undefined
    if (row.expiresAt < Date.now()) {
      rows.delete(key)
      return undefined
    }
    return row.payload
  }
  return class Store {
    constructor(private readonly model: string) {}
    upsert(id: string, payload: Record<string, unknown>, expiresIn: number) {
      rows.set(`${this.model}:${id}`, { payload, expiresAt: Date.now() + (expiresIn || 3600) * 1000 })
      if (typeof payload.uid === 'string') uids.set(`${this.model}:${payload.uid}`, id)
      return Promise.resolve()
    }
    find(id: string) {
      return Promise.resolve(live(`${this.model}:${id}`))
    }
    findByUid(uid: string) {
      const id = uids.get(`${this.model}:${uid}`)
      return Promise.resolve(id ? live(`${this.model}:${id}`) : undefined)
    }
    findByUserCode() {
      return Promise.resolve(undefined)
    }
    consume(id: string) {
      const payload = live(`${this.model}:${id}`)
      if (payload) payload.consumed = Math.floor(Date.now() / 1000)
      return Promise.resolve()
    }
    destroy(id: string) {
      rows.delete(`${this.model}:${id}`)
      return Promise.resolve()
    }
    revokeByGrantId(grantId: string) {
      for (const [key, row] of rows) if (row.payload.grantId === grantId) rows.delete(key)
      return Promise.resolve()
    }
  }
}

export async function startOidcProvider(): Promise<RunningProvider> {
  let ProviderClass: typeof Provider
  try {
    ProviderClass = (await import('oidc-provider')).default
  } catch (error) {
    throw new Error(`The test OpenID provider could not load the oidc-provider package (run npm ci): ${String(error)}`)
  }
  const { key, cert } = makeCertificate()
  const keys: JWK[] = [await signingKey()]
  const corsOff = new Set<CorsRoute>()
  const log: string[] = []
  const cookieKeys = [`cookie-${Math.random().toString(36).slice(2)}`]
  const adapter = sharedStore()

  const server: Server = createServer({ key, cert })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(new Error(`The test OpenID provider could not listen on localhost: ${e.message}`)))
    server.listen(0, 'localhost', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const issuer = `https://localhost:${port}`

  const build = () =>
    new ProviderClass(issuer, {
      clients: [
        {
          client_id: SPA_CLIENT_ID,
          application_type: 'web',
          // A public client: a browser cannot keep a secret (RFC 6749 §2.1).
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          redirect_uris: [APP_REDIRECT_URI],
          post_logout_redirect_uris: [APP_REDIRECT_URI],
        },
      ],
      adapter,
      jwks: { keys: keys.map((k) => ({ ...k })) },
      cookies: { keys: cookieKeys },
      scopes: ['openid', 'offline_access', 'profile', 'email'],
      claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email', 'email_verified'] },
      // Put the scope's claims in the ID token too, as Okta, Auth0, Keycloak and Entra do
      // (OIDC Core §5.4 allows either; oidc-provider's default keeps them for userinfo only).
      conformIdTokenClaims: false,
      // Served at /userinfo like most providers (oidc-provider's default is /me, which the
      // analysis would also recognise, through the discovery document's userinfo_endpoint).
      routes: { userinfo: '/userinfo' },
      findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ ...OP_USER, sub }) }),
      // PKCE for every public client, S256 only (RFC 9700 §2.1.1).
      pkce: { required: () => true },
      // Refresh tokens: oidc-provider's default, issued when offline_access was granted, which
      // it honours only with prompt=consent (OIDC Core §11); the e2e profile sends it.
      // CORS only for the app's origin, and only while the test has not switched it off.
      clientBasedCORS: (ctx, origin) => {
        const route = ctx.oidc.route
        if ((route === 'token' || route === 'userinfo') && corsOff.has(route)) return false
        return origin === APP_ORIGIN
      },
      features: {
        devInteractions: { enabled: false },
        userinfo: { enabled: true },
        revocation: { enabled: true },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource: (ctx, form) => {
            ctx.body = page(
              'Sign out of the test provider?',
              `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>`,
            )
          },
          postLogoutSuccessSource: (ctx) => {
            ctx.body = page('Signed out', '<p>You are signed out of the test provider.</p>')
          },
        },
      },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      renderError: (ctx, out) => {
        ctx.type = 'html'
        ctx.body = page('Provider error', `<pre>${escapeHtml(JSON.stringify(out, null, 2))}</pre>`)
      },
    })

  let provider = build()
  let handler = provider.callback()

  /** The sign-in page: any user name signs in as OP_USER; consent is given for a first-party app. */
  const interaction = async (req: IncomingMessage, res: ServerResponse, uid: string) => {
    const details = await provider.interactionDetails(req, res)
    if (details.prompt.name === 'login') {
      if (req.method === 'POST') {
        const form = await readForm(req)
        if (!form.get('login')) throw new Error('no login given')
        await provider.interactionFinished(req, res, { login: { accountId: OP_USER.sub } }, { mergeWithLastSubmission: false })
        return
      }
      res.setHeader('content-type', 'text/html; charset=utf-8')
      res.end(
        page(
          'Sign in to the test provider',
          `<form method="post" action="/interaction/${escapeHtml(uid)}"><label>User name <input name="login" autocomplete="username" required></label> <button type="submit">Sign in</button></form>`,
        ),
      )
      return
    }
    // consent: grant what the app asked for (first-party client, as hosted providers allow).
    const prompt = details.prompt.details as {
      missingOIDCScope?: string[]
      missingOIDCClaims?: string[]
      missingResourceScopes?: Record<string, string[]>
    }
    const grant = details.grantId
      ? ((await provider.Grant.find(details.grantId)) ??
        new provider.Grant({ accountId: details.session?.accountId, clientId: String(details.params.client_id) }))
      : new provider.Grant({ accountId: details.session?.accountId, clientId: String(details.params.client_id) })
    if (prompt.missingOIDCScope) grant.addOIDCScope(prompt.missingOIDCScope.join(' '))
    if (prompt.missingOIDCClaims) grant.addOIDCClaims(prompt.missingOIDCClaims)
    for (const [indicator, scopes] of Object.entries(prompt.missingResourceScopes ?? {}))
      grant.addResourceScope(indicator, scopes.join(' '))
    const grantId = await grant.save()
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true })
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer)
    log.push(`${req.method} ${url.pathname} origin=${req.headers.origin ?? '-'}`)
    const match = /^\/interaction\/([\w-]+)$/.exec(url.pathname)
    if (match) {
      interaction(req, res, match[1]!).catch((error: unknown) => {
        res.statusCode = 400
        res.setHeader('content-type', 'text/html; charset=utf-8')
        res.end(page('Sign-in failed', `<p>${escapeHtml(String(error))}</p>`))
      })
      return
    }
    void handler(req, res)
  })

  return {
    issuer,
    host: `localhost:${port}`,
    log: () => [...log],
    setCors: (route, allowed) => {
      if (allowed) corsOff.delete(route)
      else corsOff.add(route)
    },
    rotateKeys: async () => {
      // A new Provider with the new key first: it signs with it, and keeps publishing the old
      // one so tokens already issued still verify. The store is shared, so sessions and
      // sign-ins in flight survive the swap.
      keys.unshift(await signingKey())
      provider = build()
      handler = provider.callback()
      return keys[0]!.kid!
    },
    currentKid: () => keys[0]!.kid!,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
