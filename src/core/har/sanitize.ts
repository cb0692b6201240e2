/**
 * Sanitised HAR export. Secrets are replaced by marked placeholders wherever they hide: query
 * strings and fragments (request URL, Location, redirectURL, Referer), form and JSON bodies,
 * form_post pages, headers and cookies. A final sweep replaces every collected secret value
 * anywhere else in the entry (plain, URL-encoded or JSON-escaped), so a value seen once is gone
 * everywhere. Redaction paths are recorded on each entry (`_oauth.redactions`, or `_redactions`
 * for entries without an annotation).
 *
 * Each distinct secret of one export gets a numbered placeholder, "[redacted:refresh_token:2]",
 * and the same value gets the same placeholder everywhere in the file, so an import of the file
 * still ties a refresh to its sign-in and an API call to the flow whose token it presents (core/
 * flows/http.ts `real`). The number is the order of first appearance per kind: it carries
 * neither the length nor any character of the secret. The separator is a colon, not "#": a "#"
 * would end the query of a URL that carries the placeholder (RFC 3986 §3.4). Placeholders
 * without a number ("[redacted:code]", older exports, sanitizeUrl) identify nothing.
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
  if (/_endpoint$|_uri$|_url$|_supported$|^token_type$|^expires|^ext_expires|^scope$|^token_use$|^requested_token_use$|_type$/.test(n))
    return null
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
  'proxy-authorization': 'proxy_authorization',
  'x-api-key': 'api_key',
  'api-key': 'api_key',
  'ocp-apim-subscription-key': 'api_key',
  dpop: 'dpop_proof',
}

const MIN_SWEEP_LENGTH = 6

/** A placeholder of this sanitiser, numbered or not; kinds are [a-z0-9_] (secretKind). */
const PLACEHOLDER_SOURCE = String.raw`\[redacted:[a-z0-9_]+(?::\d+)?\]`
const NUMBERED_IN_TEXT = /\[redacted:([a-z0-9_]+):(\d+)\]/g

class Redactor {
  /** Secret values (MIN_SWEEP_LENGTH or longer) and their placeholders, for the final sweep. */
  readonly secrets = new Map<string, string>()
  /** Every redacted value and its placeholder: the same value, the same placeholder. */
  private readonly assigned = new Map<string, string>()
  /** The last number given per kind (seeded from placeholders already in the file). */
  private readonly counters: Map<string, number>
  count = 0
  paths: string[] = []
  constructor(
    private readonly keepTokens: boolean,
    private readonly numbered = true,
    taken: Map<string, number> = new Map(),
  ) {
    this.counters = new Map(taken)
  }

  /** The placeholder of a value: the one it already has, else the next number of its kind. */
  private placeholder(kind: string, value: string): string {
    if (!this.numbered) return `[redacted:${kind}]`
    const known = this.assigned.get(value)
    if (known) return known
    const n = (this.counters.get(kind) ?? 0) + 1
    this.counters.set(kind, n)
    const p = `[redacted:${kind}:${n}]`
    this.assigned.set(value, p)
    return p
  }

  /** Another written form of an already redacted value (a decoded Basic secret): same placeholder, swept too. */
  private alias(value: string, placeholder: string): void {
    if (value === '' || value.startsWith('[redacted:')) return
    if (this.numbered && !this.assigned.has(value)) this.assigned.set(value, placeholder)
    if (value.length >= MIN_SWEEP_LENGTH && !this.secrets.has(value)) this.secrets.set(value, placeholder)
  }

  /** The placeholder for a value, or null to keep it. Records the value for the final sweep. */
  replace(kind: string, value: string, path: string): string | null {
    if (this.keepTokens && KEEPABLE.has(kind)) return null
    if (value === '' || value.startsWith('[redacted:')) return null
    const p = this.placeholder(kind, value)
    this.alias(value, p)
    this.count++
    this.paths.push(path)
    return p
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

  /**
   * HTTP Basic credentials (RFC 6749 §2.3.1: form-encoded client_id ":" client_secret, base64):
   * the whole blob becomes the secret's placeholder, and the secret as written and decoded is
   * swept from the rest of the file under that same placeholder.
   */
  basic(blob: string, path: string): string | null {
    let secret: string | null = null
    try {
      const decoded = base64ToText(blob)
      const colon = decoded.indexOf(':')
      if (colon >= 0) secret = decoded.slice(colon + 1)
    } catch {
      /* not base64: the blob itself is the secret */
    }
    if (!secret) return this.replace('client_secret', blob, path)
    const p = this.replace('client_secret', secret, path)
    if (p === null) return null
    try {
      this.alias(decodeURIComponent(secret.replace(/\+/g, ' ')), p)
    } catch {
      /* not form-encoded after all */
    }
    this.alias(blob, p)
    return p
  }

  /** "a=1; b=2": each value replaced, names kept. A pair without "=" is replaced whole. */
  cookiePairs(text: string, separator: string, kind: string, path: string): string {
    return text
      .split(separator)
      .map((pair) => {
        const eq = pair.indexOf('=')
        if (eq < 0) return pair.trim() === '' ? pair : (this.replace(kind, pair.trim(), path) ?? pair)
        return `${pair.slice(0, eq + 1)}${this.cookieValue(kind, pair.slice(eq + 1), `${path}#${pair.slice(0, eq).trim()}`)}`
      })
      .join(separator)
  }

  /** A cookie value, surrounding space and DQUOTEs kept (RFC 6265 §4.1.1 cookie-value). */
  cookieValue(kind: string, raw: string, path: string): string {
    const m = /^(\s*"?)(.*?)("?\s*)$/s.exec(raw)
    const value = m?.[2] ?? raw
    const r = this.replace(kind, value, path)
    return r === null ? raw : `${m?.[1] ?? ''}${r}${m?.[3] ?? ''}`
  }

  /** One Set-Cookie line: its value replaced, name and attributes kept. */
  setCookieLine(line: string, path: string): string {
    const semi = line.indexOf(';')
    const pair = semi < 0 ? line : line.slice(0, semi)
    const rest = semi < 0 ? '' : line.slice(semi)
    const eq = pair.indexOf('=')
    if (eq < 0) return `${this.replace('set_cookie', pair.trim(), path) ?? pair}${rest}`
    return `${pair.slice(0, eq + 1)}${this.cookieValue('set_cookie', pair.slice(eq + 1), `${path}#${pair.slice(0, eq).trim()}`)}${rest}`
  }

  headers(headers: Header[], path: string): Header[] {
    return headers.map((h, i) => {
      const n = h.name.toLowerCase()
      const p = `${path}[${i}]`
      if (n === 'authorization') {
        const m = /^(\w+)\s+(.+)$/.exec(h.value)
        const scheme = m?.[1] ?? ''
        if (/^basic$/i.test(scheme) && m?.[2]) return { ...h, value: `Basic ${this.basic(m[2], `${p}.value`) ?? m[2]}` }
        if (/^(bearer|dpop)$/i.test(scheme) && m?.[2])
          return { ...h, value: `${scheme} ${this.replace('access_token', m[2], `${p}.value`) ?? m[2]}` }
        return { ...h, value: this.replace('authorization', h.value, `${p}.value`) ?? h.value }
      }
      // Cookie values one by one, names and attributes kept (RFC 6265 §4.1, §4.2): the same
      // session cookie then carries the same placeholder in Set-Cookie, Cookie and the cookie lists.
      if (n === 'cookie') return { ...h, value: this.cookiePairs(h.value, ';', 'cookie', `${p}.value`) }
      if (n === 'set-cookie')
        return {
          ...h,
          value: h.value
            .split('\n')
            .map((line) => this.setCookieLine(line, `${p}.value`))
            .join('\n'),
        }
      const kind = SENSITIVE_HEADERS[n]
      if (kind) return { ...h, value: this.replace(kind, h.value, `${p}.value`) ?? h.value }
      if (n === 'location' || n === 'referer' || n === ':path') return { ...h, value: this.url(h.value, `${p}.value`) }
      if (/token|secret|api-?key|session/i.test(n))
        return { ...h, value: this.replace(n.replace(/[^a-z0-9_]/g, '_'), h.value, `${p}.value`) ?? h.value }
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
    cookies: req.cookies.map((c, i) => ({ ...c, value: r.cookieValue('cookie', c.value, `request.cookies[${i}]`) })),
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
  if (typeof content.text === 'string' && content.encoding !== 'base64')
    content.text = r.body(content.text, content.mimeType, 'response.content.text')
  const response = {
    ...res,
    headers: r.headers(res.headers, 'response.headers'),
    cookies: res.cookies.map((c, i) => ({ ...c, value: r.cookieValue('set_cookie', c.value, `response.cookies[${i}]`) })),
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

/**
 * The secrets of one export, indexed for the final sweep. One regular expression of a few thousand
 * alternatives (`a|b|c|…`) is too big for the engine to compile and ran for tens of seconds over a
 * 60 MB capture; here each position costs a table look-up on its first two characters, and only a
 * position that could start a secret is compared with the secrets that share its first characters.
 */
class SecretIndex {
  private readonly byPrefix = new Map<string, { value: string; placeholder: string }[]>()
  private readonly firstPairs = new Uint8Array(65536)
  private readonly placeholder = new RegExp(PLACEHOLDER_SOURCE, 'y')

  constructor(byVariant: ReadonlyMap<string, string>) {
    for (const [value, placeholder] of byVariant) {
      const key = value.slice(0, MIN_SWEEP_LENGTH)
      const list = this.byPrefix.get(key) ?? []
      list.push({ value, placeholder })
      this.byPrefix.set(key, list)
      this.firstPairs[pairOf(value, 0)] = 1
    }
    // Longest first, so a value containing another is replaced whole.
    for (const list of this.byPrefix.values()) list.sort((x, y) => y.value.length - x.value.length)
  }

  get empty(): boolean {
    return this.byPrefix.size === 0
  }

  /** Replaces every secret in `text` by its placeholder, leaving placeholders already written alone. */
  sweep(text: string): { text: string; count: number } {
    const parts: string[] = []
    let last = 0
    let count = 0
    const end = text.length - MIN_SWEEP_LENGTH
    for (let i = 0; i <= end; i++) {
      if (text.charCodeAt(i) === 0x5b && text.startsWith('[redacted:', i)) {
        this.placeholder.lastIndex = i
        if (this.placeholder.test(text)) {
          i = this.placeholder.lastIndex - 1
          continue
        }
      }
      if (this.firstPairs[pairOf(text, i)] === 0) continue
      const hit = this.byPrefix.get(text.slice(i, i + MIN_SWEEP_LENGTH))?.find((x) => text.startsWith(x.value, i))
      if (hit === undefined) continue
      parts.push(text.slice(last, i), hit.placeholder)
      count++
      last = i + hit.value.length
      i = last - 1
    }
    if (count === 0) return { text, count }
    parts.push(text.slice(last))
    return { text: parts.join(''), count }
  }
}

/** A 16-bit key from the two UTF-16 code units at `at` (their low bytes): a cheap first filter. */
function pairOf(text: string, at: number): number {
  return ((text.charCodeAt(at) & 0xff) << 8) | (text.charCodeAt(at + 1) & 0xff)
}

/** Every written form of a secret: as is, percent-encoded, form-encoded and JSON-escaped. */
function variants(secret: string): string[] {
  const out = new Set([
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    JSON.stringify(secret).slice(1, -1),
  ])
  return [...out].filter((v) => v.length >= MIN_SWEEP_LENGTH)
}

/** Numbers already given in the file (a re-export of an imported sanitised file), so new ones never collide. */
function takenNumbers(entries: readonly Entry[]): Map<string, number> {
  const taken = new Map<string, number>()
  for (const entry of entries) {
    const text = JSON.stringify(entry)
    if (!text.includes('[redacted:')) continue
    for (const m of text.matchAll(NUMBERED_IN_TEXT)) {
      const kind = m[1] ?? ''
      taken.set(kind, Math.max(taken.get(kind) ?? 0, Number(m[2])))
    }
  }
  return taken
}

export function sanitizeEntries(entries: readonly Entry[], options: SanitizeOptions = {}): SanitizeResult {
  const r = new Redactor(options.keepTokens === true, true, takenNumbers(entries))
  const perEntry: { entry: Entry; paths: string[] }[] = []
  for (const entry of entries) {
    r.paths = []
    const clean = sanitizeEntry(entry, r)
    perEntry.push({ entry: clean, paths: r.paths })
  }
  // The sweep: anything left (Referer of another entry, a page body echoing a code, a custom
  // field) that equals a redacted value is replaced by that value's placeholder too. Longest
  // match wins, so a value containing another is replaced whole; placeholders already written are
  // matched first and left alone (a secret such as "password" must not rewrite its own placeholder).
  const byVariant = new Map<string, string>()
  for (const [secret, placeholder] of r.secrets) for (const v of variants(secret)) if (!byVariant.has(v)) byVariant.set(v, placeholder)
  const index = new SecretIndex(byVariant)
  const out = perEntry.map(({ entry, paths }) => {
    let result = entry
    if (!index.empty) {
      const swept = index.sweep(JSON.stringify(entry))
      if (swept.count > 0) {
        r.count += swept.count
        paths.push(`(${swept.count} more occurrence${swept.count > 1 ? 's' : ''} of redacted values)`)
        result = JSON.parse(swept.text) as Entry
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

/**
 * A URL with its secret query and fragment parameters replaced (for reports and lists). Its
 * placeholders carry no number: URLs are sanitised one at a time, so a number would link
 * nothing and only suggest that it does.
 */
export function sanitizeUrl(url: string): string {
  return new Redactor(false, false).url(url, 'url')
}
