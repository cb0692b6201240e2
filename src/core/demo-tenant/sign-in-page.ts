/**
 * Server-rendered HTML for the demo tenant's own pages (sign-in + consent, error, form_post,
 * signed out). Pure string building: every interpolated value goes through escapeHtml, there is
 * no script at all, and the one <style> block is allowed by its hash in the page's own CSP
 * (pageCsp), so the pages work under `default-src 'none'`.
 */
import type { AuthorizePrompt, DemoUser } from './types.ts'
import { DEMO_API_APP_ID } from './types.ts'

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`)
}

export const PAGE_STYLE = `
:root{color-scheme:light dark;--bg:#f3f4f6;--card:#fff;--fg:#1b1b1f;--muted:#4b5563;--line:#d1d5db;--accent:#0b57d0;--accent-fg:#fff;--warn:#7a4b00;--warn-bg:#fff4d6}
@media (prefers-color-scheme:dark){:root{--bg:#111318;--card:#1c1f26;--fg:#eceef2;--muted:#b4bac6;--line:#3a3f4b;--accent:#8ab4f8;--accent-fg:#0b1a33;--warn:#ffd88a;--warn-bg:#3a2c0c}}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;padding:32px 0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{width:min(440px,100% - 32px);background:var(--card);border:1px solid var(--line);border-radius:12px;padding:28px 28px 24px;box-shadow:0 2px 12px rgb(0 0 0 / .08)}
.sim{display:inline-block;margin:0 0 14px;padding:2px 10px;border-radius:999px;background:var(--warn-bg);color:var(--warn);font-size:12px;font-weight:600;letter-spacing:.02em}
.tenant{margin:0;color:var(--muted);font-size:13px}
.tenant code{display:block}
dl{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;font-size:13px}
dt{color:var(--muted)}
dd{margin:0;overflow-wrap:anywhere}
h1{margin:4px 0 16px;font-size:22px;font-weight:600}
h2{margin:20px 0 8px;font-size:15px;font-weight:600}
p{margin:0 0 12px}
fieldset{margin:0;padding:0;border:0}
legend{padding:0;margin-bottom:8px;font-weight:600}
.user{display:flex;gap:12px;align-items:flex-start;padding:10px 12px;margin-bottom:8px;border:1px solid var(--line);border-radius:8px;cursor:pointer}
.user:has(input:checked){border-color:var(--accent);box-shadow:0 0 0 1px var(--accent)}
.user input{margin-top:4px;accent-color:var(--accent)}
.name{display:block;font-weight:600}
.upn,.desc{display:block;color:var(--muted);font-size:13px;overflow-wrap:anywhere}
ul{margin:0 0 12px;padding-left:20px}
li{margin-bottom:4px}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.actions{display:flex;gap:10px;justify-content:flex-end;margin-top:20px}
button{font:inherit;font-weight:600;padding:8px 18px;border-radius:6px;border:1px solid var(--line);background:transparent;color:var(--fg);cursor:pointer}
button.primary{background:var(--accent);border-color:var(--accent);color:var(--accent-fg)}
button:focus-visible,.user:focus-within{outline:2px solid var(--accent);outline-offset:2px}
.err{color:var(--muted);font-size:13px;overflow-wrap:anywhere}
.small{color:var(--muted);font-size:13px}
`.trim()

/** CSP for our pages: nothing but the one style block, forms only to us and the app's redirect. */
export function pageCsp(styleHashB64: string, formTargets: string[]): string {
  return [
    "default-src 'none'",
    `style-src 'sha256-${styleHashB64}'`,
    `form-action 'self' ${formTargets.map((t) => escapeCspSource(t)).join(' ')}`.trim(),
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

function escapeCspSource(origin: string): string {
  return origin.replace(/[;,\s']/g, '')
}

/** Words a person reads on the consent list (our wording). */
export function describeScope(scope: string): string {
  const known = new Map<string, string>(
    Object.entries({
      openid: 'Sign you in',
      profile: 'View your basic profile',
      email: 'View your email address',
      offline_access: 'Maintain access to data you have given it access to',
      'User.Read': 'Sign you in and read your profile (Microsoft Graph)',
    }),
  )
  const api = `api://${DEMO_API_APP_ID}/`
  if (scope.startsWith(api))
    return `${scope.slice(api.length) === 'Notes.Read' ? 'Read your notes' : scope.slice(api.length)} (Token Lens demo API)`
  // A Map, not an object lookup: a scope named 'constructor' must not find Object.prototype's.
  return known.get(scope) ?? scope
}

function shell(title: string, tenantName: string, inner: string, tenantId?: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
<p class="sim">Simulated — Token Lens demo tenant</p>
<p class="tenant">${escapeHtml(tenantName)}${tenantId !== undefined ? `<code>${escapeHtml(tenantId)}</code>` : ''}</p>
${inner}
</main>
</body>
</html>
`
}

/** A B2B guest's UPN (alias_home.example#EXT#@host) back to the address they sign in with. */
function signInAddress(upn: string): string {
  const lower = upn.toLowerCase()
  const ext = lower.indexOf('#ext#@')
  if (ext < 0) return lower
  const local = lower.slice(0, ext)
  const at = local.lastIndexOf('_')
  return at < 0 ? local : `${local.slice(0, at)}@${local.slice(at + 1)}`
}

function userOption(u: DemoUser, checked: boolean): string {
  const kind = u.kind === 'admin' ? 'Administrator' : u.kind === 'guest' ? 'Guest' : 'Member'
  return `<label class="user"><input type="radio" name="user" value="${escapeHtml(u.id)}" required${checked ? ' checked' : ''}>
<span><span class="name">${escapeHtml(u.displayName)} · ${kind}</span><span class="upn">${escapeHtml(u.userPrincipalName)}</span><span class="desc">${escapeHtml(u.description)}</span></span></label>`
}

export interface SignInPageOptions {
  /** Where the form posts (the emulator's /{tenant}/login URL). */
  action: string
  tenantName: string
  tenantId?: string
  appName: string
}

export function renderSignInPage(prompt: AuthorizePrompt, opts: SignInPageOptions): string {
  const hint = prompt.loginHint?.toLowerCase()
  const hinted = hint === undefined ? undefined : prompt.users.find((u) => signInAddress(u.userPrincipalName) === hint)
  const users = prompt.users.map((u) => userOption(u, hinted?.id === u.id)).join('\n')
  const consent =
    prompt.consentScopes.length > 0
      ? `<h2>Permissions requested</h2>
<p class="small"><strong>${escapeHtml(opts.appName)}</strong> (<code>${escapeHtml(prompt.clientId)}</code>) would like to:</p>
<ul>${prompt.consentScopes.map((s) => `<li>${escapeHtml(describeScope(s))} <code>${escapeHtml(s)}</code></li>`).join('')}</ul>
<p class="small">Accepting signs you in and grants these permissions. Cancel sends <code>access_denied</code> back to the app.</p>`
      : ''
  const inner = `<h1>Pick an account</h1>
<form method="post" action="${escapeHtml(opts.action)}">
<input type="hidden" name="session" value="${escapeHtml(prompt.sessionId)}">
<fieldset><legend>Demo users</legend>
${users}
</fieldset>
${consent}
<p class="small">Returns to <code>${escapeHtml(prompt.redirectUri)}</code></p>
<div class="actions"><button type="submit" name="consent" value="decline" formnovalidate>Cancel</button><button class="primary" type="submit" name="consent" value="accept">Accept and sign in</button></div>
</form>`
  return shell('Sign in to the Token Lens demo tenant', opts.tenantName, inner, opts.tenantId)
}

/** Split Entra's "AADSTSn: message Trace ID: … Correlation ID: … Timestamp: …" for display. */
function splitDescription(description: string): { message: string; trace: [string, string][] } {
  const m = /^(.*?)\s+Trace ID: (\S+) Correlation ID: (\S+) Timestamp: (.+)$/s.exec(description)
  if (m === null) return { message: description, trace: [] }
  return {
    message: m[1] ?? description,
    trace: [
      ['Trace ID', m[2] ?? ''],
      ['Correlation ID', m[3] ?? ''],
      ['Timestamp', m[4] ?? ''],
    ],
  }
}

export function renderErrorPage(e: { error: string; description: string; code?: string }, tenantName: string, tenantId?: string): string {
  const { message, trace } = splitDescription(e.description)
  const rows: [string, string][] = [['Error code', e.code ?? '—'], ['OAuth error', e.error], ...trace]
  const inner = `<h1>Sign-in stopped</h1>
<p>The demo tenant refused this sign-in request before anyone chose an account. The problem is in the request itself (its client or redirect URI), so the tenant shows it here rather than sending it back to the app.</p>
<p class="err">${escapeHtml(message)}</p>
<h2>Details for troubleshooting</h2>
<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd><code>${escapeHtml(v)}</code></dd>`).join('')}</dl>`
  return shell('Sign-in stopped', tenantName, inner, tenantId)
}

/** response_mode=form_post: a form the user submits (no script on our pages). */
export function renderFormPostPage(url: string, fields: Record<string, string>, tenantName: string): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('\n')
  const inner = `<h1>Continue to the app</h1>
<form method="post" action="${escapeHtml(url)}">
${inputs}
<p class="small">The response is posted to <code>${escapeHtml(url)}</code> (response_mode=form_post).</p>
<div class="actions"><button class="primary" type="submit">Continue</button></div>
</form>`
  return shell('Continue', tenantName, inner)
}

export function renderSignedOutPage(tenantName: string): string {
  return shell(
    'Signed out',
    tenantName,
    `<h1>Signed out of the demo tenant</h1>
<p>The demo tenant ended your session. Tokens the app already holds stay valid until they expire; the app forgets them on its side.</p>`,
  )
}
