import { describe, expect, it } from 'vitest'
import { CLAIM_NAMES } from './claim-names.ts'
import { ALL_CLAIMS, claimContexts, claimEntry, resolveClaim } from './registry.ts'
import { HEADER_NAMES, resolveHeader } from './header-registry.ts'
import type { ClaimContext } from './platform.ts'
import reference from './data/reference-claim-list.json'

const REF_DIR = '/work/shared/reference'

/**
 * node:fs without Node typings: the app tsconfig only has vite/client types, so reach the module
 * through process.getBuiltinModule (Node >= 20.16). Undefined outside Node.
 */
interface MiniFs {
  existsSync(p: string): boolean
  readFileSync(p: string, enc: 'utf8'): string
}
const fs = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:fs') as
  MiniFs | undefined

describe('claim registry coverage', () => {
  it('the committed reference list matches ../shared/reference when that folder is present', () => {
    if (fs === undefined || !fs.existsSync(`${REF_DIR}/claims.json`)) return
    const full = JSON.parse(fs.readFileSync(`${REF_DIR}/claims.json`, 'utf8')) as { name: string; context: string; status: string }[]
    expect(reference.claims).toEqual(full.map(({ name, context, status }) => ({ name, context, status })))
    const headers = JSON.parse(fs.readFileSync(`${REF_DIR}/jose_headers.json`, 'utf8')) as { name: string }[]
    expect(reference.headers).toEqual(headers.map((h) => h.name))
  })

  it('has 166 reference claims to compare against', () => {
    expect(reference.claims).toHaveLength(166)
  })

  it('covers every documented and legacy-documented name+context pair of the reference', () => {
    const missing = reference.claims
      .filter((c) => c.status !== 'observed-undocumented')
      .filter((c) => !claimContexts(c.name).includes(c.context as ClaimContext))
      .map((c) => `${c.context}:${c.name}`)
    expect(missing).toEqual([])
  })

  it('covers the observed-undocumented claims too, and marks them so', () => {
    const observed = reference.claims.filter((c) => c.status === 'observed-undocumented')
    expect(observed.length).toBe(11)
    for (const c of observed) {
      const r = resolveClaim(c.name, c.context as ClaimContext)
      expect(r, c.name).toBeDefined()
      expect(r?.info.status, c.name).toBe('observed-undocumented')
    }
  })

  it('gives each reference pair the reference status', () => {
    const wrong = reference.claims
      .filter((c) => resolveClaim(c.name, c.context as ClaimContext)?.info.status !== c.status)
      .map((c) => `${c.context}:${c.name}`)
    expect(wrong).toEqual([])
  })

  it('has exactly one entry per CLAIM_NAMES name, keyed by its own name', () => {
    expect(new Set(CLAIM_NAMES).size).toBe(CLAIM_NAMES.length)
    expect(Object.keys(ALL_CLAIMS).sort()).toEqual([...CLAIM_NAMES].sort())
    for (const [key, info] of Object.entries(ALL_CLAIMS)) expect(info?.name, key).toBe(key)
  })

  it('every entry has a title, a one-line summary, details, https spec links and a valid context list', () => {
    for (const name of CLAIM_NAMES) {
      const info = claimEntry(name)
      expect(info, name).toBeDefined()
      if (info === undefined) continue
      expect(info.title.length, name).toBeGreaterThan(2)
      expect(info.summary, name).not.toMatch(/\n/)
      expect(info.summary.length, name).toBeLessThan(160)
      expect(info.details.length, name).toBeGreaterThan(info.summary.length / 2)
      expect(info.definedIn.length, name).toBeGreaterThan(0)
      for (const l of info.definedIn) expect(l.url, name).toMatch(/^https:\/\//)
      expect(info.contexts.length, name).toBeGreaterThan(0)
    }
  })

  it('links the registered claims to RFC 7519 §4.1.x', () => {
    const sections: Record<string, string> = {
      iss: '4.1.1',
      sub: '4.1.2',
      aud: '4.1.3',
      exp: '4.1.4',
      nbf: '4.1.5',
      iat: '4.1.6',
      jti: '4.1.7',
    }
    for (const [name, sec] of Object.entries(sections)) {
      expect(claimEntry(name)?.definedIn).toContainEqual({
        label: `RFC 7519 §${sec}`,
        url: `https://www.rfc-editor.org/rfc/rfc7519#section-${sec}`,
      })
    }
  })

  it('has Entra-specific text for claims that mean something different on Entra', () => {
    for (const name of ['aud', 'iss', 'sub', 'acr', 'azp', 'groups', 'roles', 'email', 'preferred_username']) {
      const std = resolveClaim(name, 'standard')
      const ent = resolveClaim(name, 'entra')
      expect(ent?.variant, name).toBe('entra')
      expect(ent?.info.details, name).not.toBe(std?.info.details)
      expect(
        ent?.info.definedIn.some((l) => l.url.startsWith('https://learn.microsoft.com/')),
        name,
      ).toBe(true)
    }
    expect(resolveClaim('sub', 'entra')?.info.details).toMatch(/pairwise/)
    expect(resolveClaim('sub', 'entra')?.info.watchFor).toMatch(/oid/)
  })

  it('flags personal data claims and leaves technical ones unflagged', () => {
    const personal = [
      'name',
      'email',
      'upn',
      'preferred_username',
      'unique_name',
      'given_name',
      'family_name',
      'oid',
      'sub',
      'ipaddr',
      'login_hint',
      'sid',
      'phone_number',
      'address',
      'birthdate',
    ]
    for (const n of personal) expect(claimEntry(n)?.personal, n).toBe(true)
    for (const n of ['exp', 'iat', 'aud', 'iss', 'tid', 'ver', 'scp', 'wids', 'roles', 'appid'])
      expect(claimEntry(n)?.personal, n).toBe(false)
  })

  it('warns against authorising on email and preferred_username', () => {
    for (const n of ['email', 'preferred_username', 'upn']) {
      expect(resolveClaim(n, 'entra')?.info.watchFor, n).toMatch(/oid/)
    }
  })

  it('maps extension attributes to the extn.<attributename> entry', () => {
    const r = resolveClaim('extn.costCenter', 'entra')
    expect(r?.info.name).toBe('extn.costCenter')
    expect(r?.info.title).toBe('Directory extension attribute')
  })

  it('is not fooled by Object.prototype names', () => {
    expect(claimEntry('constructor')).toBeUndefined()
    expect(claimEntry('__proto__')).toBeUndefined()
    expect(resolveHeader('toString')).toBeUndefined()
  })
})

describe('header registry', () => {
  it('covers every JOSE header parameter of the reference', () => {
    expect(reference.headers.filter((h) => resolveHeader(h) === undefined)).toEqual([])
    expect(HEADER_NAMES.length).toBeGreaterThanOrEqual(reference.headers.length)
  })

  it('marks exactly jku, x5u, jwk and x5c as risky', () => {
    const risky = HEADER_NAMES.filter((n) => resolveHeader(n)?.risky === true).sort()
    expect(risky).toEqual(['jku', 'jwk', 'x5c', 'x5u'])
  })

  it('explains the Entra Graph nonce', () => {
    expect(resolveHeader('nonce')?.details).toMatch(/SHA-256/)
    expect(resolveHeader('nonce')?.details).toMatch(/Microsoft Graph/)
  })
})
