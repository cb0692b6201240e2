/**
 * Sanitised HAR export. Secrets are replaced by marked placeholders ("[redacted:refresh_token]")
 * wherever they hide: query strings and fragments (request URL, Location, redirectURL,
 * Referer), form and JSON bodies, form_post pages, headers and cookies. A final sweep replaces
 * every collected secret value anywhere else in the entry (plain, URL-encoded or JSON-escaped),
 * so a value seen once is gone everywhere. Redaction paths are recorded on each entry
 * (`_oauth.redactions`, or `_redactions` for entries without an annotation).
 */
import type { Entry, Har, Header } from 'har-format'
import { base64ToText } from './base64.ts'

export interface SanitizeOptions {
  /** Keep access tokens, ID tokens and Bearer headers (an explicit opt-in). Everything else stays redacted. */
  keepTokens?: boolean
}

export interface SanitizeResult {
  entries: Entry[]
  /** Number of values replaced. */
  redactionCount: number
}

/** Parameter and JSON member names whose values are secrets, and the placeholder kind. */
function secretKind(name: string): string | null {
  const n = name.toLowerCase()
  if (/_endpoint$|_uri$|_url$|_supported$|^token_type$|^expires|^ext_expires|^scope$|^token_use$|^requested_token_use$|_type$/.test(n)) return null
  if (n === 'code' || n === 'code_verifier' || n === 'device_code' || n === 'user_code' || n === 'otc') return n
  if (n === 'access_token' || n === 'id_token' || n === 'refresh_token' || n === 'id_token_hint' || n === 'logout_token') return n
  if (n === 'client_secret' || n === 'client_assertion' || n === 'assertion' || n === 'subject_token' || n === 'actor_token') return n
  if (n === 'samlresponse' || n === 'samlrequest') return 'saml'
  if (/passw|^pwd$|^pass$|^passwd$/.test(n)) return 'password'
  if (/secret|api[-_]?key|flowtoken|token$|^ctx$|^sessionid$/.test(n)) return n.replace(/[^a-z0-9_]/g, '_')
  return null
}

const KEEPABLE = new Set(['access_token', 'id_token', 'id_token_hint'])

const SENSITIVE_HEADERS: Record<string, string> = {
  cookie: 'cookie',
  'set-cookie': 'set_cookie',
  'proxy-authorization': 'proxy_authorization',
  'x-api-key': 'api_key',
  'api-key': 'api_key',
  'ocp-apim-subscription-key': 'api_key',
  dpop: 'dpop_proof',
}

const MIN_SWEEP_LENGTH = 6

class Redactor {
  readonly secrets = new Set<string>()
  count = 0
  paths: string[] = []
  constructor(private readonly keepTokens: boolean) {}

  /** The placeholder for a value, or null to keep it. Records the value for the final sweep. */
  replace(kind: string, value: string, path: string): string | null {
    if (this.keepTokens && KEEPABLE.has(kind)) return null
    if (value === '' || value.startsWith('[redacted:')) return null
    if (value.length >= MIN_SWEEP_LENGTH) this.secrets.add(value)
    this.count++
    this.paths.push(path)
    return `[redacted:${kind}]`
  }

  /** Query or fragment text: redacts secret parameters, leaves the others byte for byte. */
  params(text: string, path: string): string {
    return text
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=')
        if (eq < 0) return pair
        let name: string
        let value: string
        try {
          name = decodeURIComponent(pair.slice(0, eq).replace(/\+/g, ' '))
          value = decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '))
        } catch {
          return pair
        }
        const kind = secretKind(name)
        if (!kind) return pair
        // The placeholder stays readable in the URL instead of being percent-encoded.
        const r = this.replace(kind, value, `${path}#${name}`)
        return r === null ? pair : `${pair.slice(0, eq)}=${r}`
      })
      .join('&')
  }

  url(raw: string, path: string): string {
    const hashAt = raw.indexOf('#')
    const beforeHash = hashAt < 0 ? raw : raw.slice(0, hashAt)
    const fragment = hashAt < 0 ? null : raw.slice(hashAt + 1)
    const qAt = beforeHash.indexOf('?')
    let out = qAt < 0 ? beforeHash : `${beforeHash.slice(0, qAt + 1)}${this.params(beforeHash.slice(qAt + 1), `${path}?query`)}`
    if (fragment !== null) out += `#${this.params(fragment, `${path}#fragment`)}`
    return out
  }

  json(value: unknown, path: string): unknown {
    if (Array.isArray(value)) return value.map((v, i) => this.json(v, `${path}[${i}]`))
    if (typeof value !== 'object' || value === null) return value
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      const kind = secretKind(k)
      if (kind && typeof v === 'string') out[k] = this.replace(kind, v, `${path}.${k}`) ?? v
      else out[k] = this.json(v, `${path}.${k}`)
    }
    return out
  }

  body(text: string, mimeType: string, path: string): string {
    const t = text.trimStart()
    if ((t.startsWith('{') || t.startsWith('[')) && text.length < 20_000_000) {
      try {
        return JSON.stringify(this.json(JSON.parse(text), path))
      } catch {
        /* not JSON after all: fall through */
      }
    }
    if (/x-www-form-urlencoded/i.test(mimeType) || /^[\w.~%-]+=[^\s]*$/.test(text.trim())) return this.params(text, path)
    if (/html/i.test(mimeType)) return this.formPostPage(text, path)
    return text
  }

  /** Hidden inputs of form_post pages and login forms: <input name="code" value="..."> */
  formPostPage(html: string, path: string): string {
    return html.replace(/<input\b[^>]*>/gi, (tag) => {
      const name = /\bname=["']?([^"'\s>]+)/i.exec(tag)?.[1]
      const kind = name ? secretKind(name) : null
      if (!kind) return tag
      return tag.replace(/(\bvalue=)(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i, (_m, attr: string, a?: string, b?: string, c?: string) => {
        const r = this.replace(kind, a ?? b ?? c ?? '', `${path}<input ${name}>`)
        return r === null ? _m : `${attr}"${r}"`
      })
    })
  }

  headers(headers: Header[], path: string): Header[] {
    return headers.map((h, i) => {
      const n = h.name.toLowerCase()
      const p = `${path}[${i}]`
      if (n === 'authorization') {
        const m = /^(\w+)\s+(.+)$/.exec(h.value)
        const scheme = m?.[1] ?? ''
        if (/^basic$/i.test(scheme) && m?.[2]) {
          try {
            const decoded = base64ToText(m[2])
            const colon = decoded.indexOf(':')
            if (colon >= 0) {
              const secret = decoded.slice(colon + 1)
              this.replace('client_secret', secret, `${p}.value`)
              this.replace('client_secret', decodeURIComponent(secret), `${p}.value`)
            }
          } catch {
            /* not base64: still redacted below */
          }
          return { ...h, value: `Basic ${this.replace('client_secret', m[2], `${p}.value`) ?? m[2]}` }
        }
        if (/^(bearer|dpop)$/i.test(scheme) && m?.[2]) return { ...h, value: `${scheme} ${this.replace('access_token', m[2], `${p}.value`) ?? m[2]}` }
        return { ...h, value: this.replace('authorization', h.value, `${p}.value`) ?? h.value }
      }
      const kind = SENSITIVE_HEADERS[n]
      if (kind) return { ...h, value: this.replace(kind, h.value, `${p}.value`) ?? h.value }
      if (n === 'location' || n === 'referer' || n === ':path') return { ...h, value: this.url(h.value, `${p}.value`) }
      if (/token|secret|api-?key|session/i.test(n)) return { ...h, value: this.replace(n.replace(/[^a-z0-9_]/g, '_'), h.value, `${p}.value`) ?? h.value }
      return h
    })
  }
}

function sanitizeEntry(entry: Entry, r: Redactor): Entry {
  const req = entry.request
  const res = entry.response
  const request = {
    ...req,
    url: r.url(req.url, 'request.url'),
    headers: r.headers(req.headers, 'request.headers'),
    queryString: req.queryString.map((q, i) => {
      const kind = secretKind(q.name)
      return kind ? { ...q, value: r.replace(kind, q.value, `request.queryString[${i}]`) ?? q.value } : q
    }),
    cookies: req.cookies.map((c, i) => ({ ...c, value: r.replace('cookie', c.value, `request.cookies[${i}]`) ?? c.value })),
  }
  if (req.postData) {
    const pd = { ...req.postData }
    if (typeof pd.text === 'string') pd.text = r.body(pd.text, pd.mimeType, 'request.postData.text')
    if (Array.isArray(pd.params)) {
      pd.params = pd.params.map((p, i) => {
        const kind = secretKind(p.name)
        return kind && p.value ? { ...p, value: r.replace(kind, p.value, `request.postData.params[${i}]`) ?? p.value } : p
      })
    }
    request.postData = pd
  }
  const content = { ...res.content }
  if (typeof content.text === 'string' && content.encoding === 'base64') {
    // A body kept in base64 under a binary or unusual MIME type can still be JSON or a form
    // page carrying tokens: decode it when it is text, so the same rules apply.
    const decoded = textOf(content.text)
    if (decoded !== null) {
      content.text = decoded
      delete content.encoding
    }
  }
  if (typeof content.text === 'string' && content.encoding !== 'base64') content.text = r.body(content.text, content.mimeType, 'response.content.text')
  const response = {
    ...res,
    headers: r.headers(res.headers, 'response.headers'),
    cookies: res.cookies.map((c, i) => ({ ...c, value: r.replace('set_cookie', c.value, `response.cookies[${i}]`) ?? c.value })),
    redirectURL: res.redirectURL ? r.url(res.redirectURL, 'response.redirectURL') : res.redirectURL,
    content,
  }
  return { ...entry, request, response }
}

/** The UTF-8 text of a base64 body, or null when it is binary. */
function textOf(b64: string): string | null {
  try {
    const text = base64ToText(b64)
    // U+FFFD marks invalid UTF-8; other C0 controls (except tab, CR, LF) mean binary data.
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 0xfffd || c < 0x09 || (c > 0x0d && c < 0x20)) return null
    }
    return text
  } catch {
    return null
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Every written form of a secret: as is, percent-encoded, form-encoded and JSON-escaped. */
function variants(secret: string): string[] {
  const out = new Set([secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+'), JSON.stringify(secret).slice(1, -1)])
  return [...out].filter((v) => v.length >= MIN_SWEEP_LENGTH)
}

export function sanitizeEntries(entries: readonly Entry[], options: SanitizeOptions = {}): SanitizeResult {
  const r = new Redactor(options.keepTokens === true)
  const perEntry: { entry: Entry; paths: string[] }[] = []
  for (const entry of entries) {
    r.paths = []
    const clean = sanitizeEntry(entry, r)
    perEntry.push({ entry: clean, paths: r.paths })
  }
  // The sweep: anything left (Referer of another entry, a page body echoing a code, a custom
  // field) that equals a redacted value is replaced too. Longest first so a value containing
  // another is replaced whole.
  const all = [...r.secrets].flatMap(variants).sort((a, b) => b.length - a.length)
  const sweep = all.length > 0 ? new RegExp(all.map(escapeRegExp).join('|'), 'g') : null
  const out = perEntry.map(({ entry, paths }) => {
    let result = entry
    if (sweep) {
      const text = JSON.stringify(entry)
      let swept = 0
      const replaced = text.replace(sweep, () => {
        swept++
        return '[redacted:value]'
      })
      if (swept > 0) {
        r.count += swept
        paths.push(`(${swept} more occurrence${swept > 1 ? 's' : ''} of redacted values)`)
        result = JSON.parse(replaced) as Entry
      }
    }
    const own = (result as { _oauth?: { redactions?: string[] } })._oauth
    if (own) return { ...result, _oauth: { ...own, redactions: [...(own.redactions ?? []), ...paths] } } as Entry
    return paths.length > 0 ? ({ ...result, _redactions: paths } as Entry) : result
  })
  return { entries: out, redactionCount: r.count }
}

/** A HAR 1.2 document around (sanitised) entries, written by Token Lens. */
export function toHar(entries: Entry[], creatorVersion: string, comment?: string): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: 'Token Lens', version: creatorVersion },
      entries,
      ...(comment ? { comment } : {}),
    },
  }
}

/** A URL with its secret query and fragment parameters replaced (for reports and lists). */
export function sanitizeUrl(url: string): string {
  return new Redactor(false).url(url, 'url')
}
