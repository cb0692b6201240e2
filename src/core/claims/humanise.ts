/**
 * Value humanisers: turn raw claim and header values into words. Lazily loaded by annotate.ts.
 * Each humaniser is total: odd values (wrong type, unknown code) come back as raw text.
 */
import { base64url } from 'jose'
import type { AnnotateContext, HumanValue } from './types.ts'
import type { ClaimContext } from './platform.ts'
import { humaniseTime } from './time.ts'
import {
  GRAPH_APP_ID,
  isGuid,
  lookupDirectoryRole,
  lookupFirstPartyApp,
  lookupGraphPermissionId,
  lookupGraphPermissionName,
} from './lookups.ts'
import { describeGraphPermission } from './graph-permission-words.ts'
import * as W from './words.ts'
import { rawText } from './raw-text.ts'

export interface HumaniseEnv {
  ctx: AnnotateContext
  context: ClaimContext
  payload: Record<string, unknown>
}

function hv(raw: string, text?: string, source?: string): HumanValue {
  const h: HumanValue = { raw }
  if (text !== undefined) h.text = text
  if (source !== undefined) h.source = source
  return h
}

function word(table: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}

/** Array claims may arrive as a single string; treat both alike. */
function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value]
}

function timeValue(value: unknown, now: number): HumanValue {
  const t = humaniseTime(value, now)
  const h = hv(rawText(value), t.text)
  if (t.relative !== undefined) h.relative = t.relative
  return h
}

const TIME_CLAIMS = new Set(['exp', 'nbf', 'iat', 'auth_time', 'updated_at', 'toe', 'xms_tcdt', 'xms_acd', 'xms_pftexp'])

export function isGraphAudience(aud: unknown): boolean {
  return asList(aud).some(
    (a) =>
      typeof a === 'string' &&
      (a.toLowerCase() === GRAPH_APP_ID ||
        /^https:\/\/(graph\.microsoft\.(com|us)|dod-graph\.microsoft\.us|microsoftgraph\.chinacloudapi\.cn)\/?$/i.test(a)),
  )
}

/** An application or resource identifier (GUID, App ID URI, api://GUID) in words. */
export async function describeAppOrResource(value: string): Promise<HumanValue> {
  if (isGuid(value)) {
    const name = await lookupFirstPartyApp(value)
    return name === undefined ? hv(value, 'Application ID (not a well-known Microsoft app)') : hv(value, name, 'Microsoft first-party app')
  }
  const trimmed = value.replace(/\/+$/, '')
  const known = word(W.RESOURCE_URIS, trimmed.toLowerCase())
  if (known !== undefined) return hv(value, known, 'Microsoft resource URI')
  if (/^https:\/\/[a-z0-9-]+(-my|-admin)?\.sharepoint\.(com|us|cn)$/i.test(trimmed))
    return hv(value, 'SharePoint Online / OneDrive', 'Microsoft resource URI')
  const api = /^api:\/\/([0-9a-f-]{36})(\/.*)?$/i.exec(value)
  if (api?.[1] !== undefined) {
    const name = await lookupFirstPartyApp(api[1])
    return hv(
      value,
      name === undefined ? `App ID URI of application ${api[1]}` : `App ID URI of ${name}`,
      name === undefined ? undefined : 'Microsoft first-party app',
    )
  }
  return hv(value)
}

function tenantText(tid: string): string | undefined {
  return word(W.WELL_KNOWN_TENANTS, tid.toLowerCase())
}

function issuerText(iss: string, context: ClaimContext): string | undefined {
  if (context !== 'entra' && context !== 'b2c') return undefined
  const m = /^https:\/\/([^/]+)\/([^/]+)\/(v2\.0\/?)?$/i.exec(iss)
  if (m === null) return undefined
  const [, host = '', tenant = '', v2] = m
  const cloud: Record<string, string> = {
    'sts.windows.net': 'global cloud',
    'login.microsoftonline.com': 'global cloud',
    'login.microsoftonline.us': 'US Government cloud',
    'login.partner.microsoftonline.cn': 'China (21Vianet)',
    'sts.chinacloudapi.cn': 'China (21Vianet)',
    'sts.microsoftonline.de': 'Azure Germany (closed)',
  }
  const lower = host.toLowerCase()
  const where =
    word(cloud, lower) ??
    (lower.endsWith('.ciamlogin.com') ? 'Entra External ID' : lower.endsWith('.b2clogin.com') ? 'Azure AD B2C' : 'Entra')
  const ver = v2 === undefined ? 'v1.0 issuer' : 'v2.0 issuer'
  const known = tenantText(tenant)
  // The raw value (shown beside this) already holds the tenant GUID; name it only when well known.
  return `Entra ${ver}, ${where}${known === undefined ? '' : `, ${known}`}`
}

function idpText(idp: string, payload: Record<string, unknown>): string {
  const lower = idp.toLowerCase()
  if (lower === 'live.com') return 'Personal Microsoft account'
  if (lower === 'mail') return 'Email one-time passcode (guest without an account)'
  if (lower === 'google.com') return 'Google account (social federation)'
  if (lower === 'facebook.com') return 'Facebook account (social federation)'
  const sts = /^https:\/\/sts\.windows\.net\/([0-9a-f-]{36})\/?$/i.exec(idp)
  if (sts?.[1] !== undefined) {
    const t = sts[1].toLowerCase()
    if (t === '9188040d-6c67-4c5b-b112-36a304b66dad') return 'Personal Microsoft account'
    if (typeof payload['tid'] === 'string' && payload['tid'].toLowerCase() === t) return 'This tenant itself (a home user)'
    return `Guest from another Entra tenant (${t})`
  }
  if (idp === payload['iss']) return 'The issuing tenant itself'
  return 'External identity provider (federation)'
}

async function scopeValue(scope: string, graph: boolean): Promise<HumanValue> {
  const oidc = word(W.OIDC_SCOPES, scope)
  if (oidc !== undefined) return hv(scope, oidc, 'OpenID Connect scope')
  if (graph) {
    const g = await lookupGraphPermissionName(scope)
    if (g.delegated)
      return hv(
        scope,
        `${describeGraphPermission(scope)}${g.adminConsent ? ' — needs admin consent' : ''}`,
        'Microsoft Graph delegated permission',
      )
    return hv(scope, 'Not a Microsoft Graph delegated permission name')
  }
  if (scope === 'user_impersonation') return hv(scope, 'Access the API as the signed-in user')
  if (scope === '.default') return hv(scope, 'All permissions statically configured for the app')
  return hv(scope)
}

async function roleValue(role: unknown, graph: boolean): Promise<HumanValue> {
  const raw = rawText(role)
  if (typeof role !== 'string') return hv(raw)
  if (isGuid(role)) {
    const p = await lookupGraphPermissionId(role)
    if (p !== undefined) return hv(raw, `${p.value} (${describeGraphPermission(p.value)})`, `Microsoft Graph ${p.type} permission`)
    return hv(raw)
  }
  if (graph) {
    const g = await lookupGraphPermissionName(role)
    if (g.application) return hv(raw, `${describeGraphPermission(role)}, as the app itself`, 'Microsoft Graph application permission')
  }
  return hv(raw, undefined, 'App role')
}

function factList(value: unknown, table: Record<string, string>): HumanValue[] {
  if (typeof value !== 'string') return [hv(rawText(value))]
  return value
    .split(/\s+/)
    .filter(Boolean)
    .map((n) => hv(n, word(table, n) ?? 'Unknown value (ignore it)'))
}

const displayNames = new Map<string, Intl.DisplayNames>()

function displayName(type: 'language' | 'region', code: string): string | undefined {
  try {
    // Intl.DisplayNames is standard ECMA-402, available in Node and browsers; not a DOM API.
    let d = displayNames.get(type)
    if (d === undefined) {
      d = new Intl.DisplayNames(['en'], { type })
      displayNames.set(type, d)
    }
    return d.of(code)
  } catch {
    return undefined
  }
}

function armText(id: string): string | undefined {
  const m = /^\/subscriptions\/([^/]+)\/resource[gG]roups\/([^/]+)\/providers\/([^/]+\/[^/]+)\/([^/]+)/.exec(id)
  if (m === null) return undefined
  const [, sub, rg, type, name] = m
  const kind =
    type?.toLowerCase() === 'microsoft.managedidentity/userassignedidentities' ? 'User-assigned managed identity' : `Resource ${type ?? ''}`
  return `${kind} "${name ?? ''}" in resource group "${rg ?? ''}" (subscription ${sub ?? ''})`
}

/** Human values for one claim. */
export async function humaniseClaim(name: string, value: unknown, env: HumaniseEnv): Promise<HumanValue[]> {
  const { ctx, context, payload } = env
  const raw = rawText(value)
  // Azure AD B2C tokens come from Entra's token service: the Entra humanisers apply to them too.
  const entra = context === 'entra' || context === 'b2c'
  if (TIME_CLAIMS.has(name)) return [timeValue(value, ctx.now)]
  if (context === 'dpop' && name === 'iat') return [timeValue(value, ctx.now)]
  switch (name) {
    case 'aud':
      return Promise.all(asList(value).map((a) => (typeof a === 'string' ? describeAppOrResource(a) : hv(rawText(a)))))
    case 'appid':
    case 'azp':
    case 'xms_par_app_azp':
    case 'client_id':
      return typeof value === 'string' ? [await describeAppOrResource(value)] : [hv(raw)]
    case 'tid':
      return [hv(raw, typeof value === 'string' ? tenantText(value) : undefined)]
    case 'iss':
      return [hv(raw, typeof value === 'string' ? issuerText(value, context) : undefined)]
    case 'idp':
      return [hv(raw, typeof value === 'string' && context !== 'okta' ? idpText(value, payload) : undefined)]
    case 'ver':
      if (context === 'b2c') return [hv(raw, `Azure AD B2C token format ${raw}`)]
      if (entra && (value === '1.0' || value === '2.0')) return [hv(raw, `Entra v${value} token format`)]
      return [hv(raw, context === 'okta' ? `Okta token format version ${raw}` : undefined)]
    case 'appidacr':
    case 'azpacr':
      return [hv(raw, word(W.CLIENT_AUTH, raw))]
    case 'amr':
      return asList(value).map((m) =>
        hv(
          rawText(m),
          typeof m !== 'string' ? undefined : entra && m === 'pwd' ? W.ENTRA_AMR_PWD : (word(W.AMR, m) ?? 'Unregistered method name'),
        ),
      )
    case 'acr': {
      const table = entra ? W.ENTRA_ACR : context === 'keycloak' ? W.KEYCLOAK_ACR : W.STANDARD_ACR
      let text = context === 'b2c' ? undefined : word(table, raw)
      if (text === undefined && /^b2c_1a?_/i.test(raw))
        text = /^b2c_1a_/i.test(raw) ? 'Azure AD B2C custom policy' : 'Azure AD B2C user flow'
      return [hv(raw, text)]
    }
    case 'acrs':
      return asList(value).map((a) => {
        const s = rawText(a)
        if (/^c([1-9]|[1-9][0-9])$/.test(s)) return hv(s, `Authentication context ${s} (defined by this tenant’s admins)`)
        // Conditional Access user actions (Graph conditionalAccessApplications.includeUserActions):
        // documented values, seen in acrs when a policy targeted the action the user performed.
        if (s === 'urn:user:registersecurityinfo') return hv(s, 'Conditional Access user action: register security information')
        if (s === 'urn:user:registerdevice') return hv(s, 'Conditional Access user action: register or join a device')
        return hv(s, 'Undocumented value')
      })
    case 'scp':
    case 'scope': {
      const list = typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : Array.isArray(value) ? value.map(rawText) : [raw]
      const graph = entra && isGraphAudience(payload['aud'])
      return Promise.all(list.map((s) => scopeValue(s, graph)))
    }
    case 'roles': {
      const graph = entra && isGraphAudience(payload['aud'])
      return Promise.all(asList(value).map((r) => roleValue(r, graph)))
    }
    case 'wids':
      return Promise.all(
        asList(value).map(async (w) => {
          const s = rawText(w)
          const role = typeof w === 'string' ? await lookupDirectoryRole(w) : undefined
          if (role === undefined) return hv(s, 'Unknown directory role template')
          const status = role.status !== undefined && !role.name.includes(role.status) ? role.status : ''
          const notes = [
            role.privileged === true ? 'privileged' : '',
            status,
            role.formerly === undefined ? '' : `formerly ${role.formerly.join(', ')}`,
          ].filter(Boolean)
          return hv(s, notes.length === 0 ? role.name : `${role.name} (${notes.join('; ')})`, 'Entra directory role')
        }),
      )
    case 'idtyp':
      return [hv(raw, word(W.IDTYP, raw))]
    case 'acct':
      return [hv(raw, value === 0 ? 'Member of the tenant' : value === 1 ? 'Guest (B2B)' : undefined)]
    case 'xms_cc':
      return asList(value).map((c) => hv(rawText(c), word(W.XMS_CC, rawText(c).toLowerCase())))
    case 'xms_idrel':
      return factList(value, W.XMS_IDREL)
    case 'xms_act_fct':
    case 'xms_sub_fct':
      return factList(value, W.AGENT_FACTS)
    case 'signin_state':
      return asList(value).map((s) => hv(rawText(s), word(W.SIGNIN_STATE, rawText(s))))
    case 'controls':
      return asList(value).map((s) => hv(rawText(s), word(W.CONTROLS, rawText(s))))
    case 'xms_pdl':
      return [hv(raw, word(W.DATA_LOCATION, raw.toUpperCase()))]
    case 'tenant_region_scope':
      return [hv(raw, word(W.TENANT_REGION, raw))]
    case 'xms_pl':
    case 'xms_tpl':
    case 'locale':
      return [hv(raw, typeof value === 'string' ? displayName('language', value) : undefined)]
    case 'ctry':
    case 'tenant_ctry':
      return [hv(raw, typeof value === 'string' && /^[A-Za-z]{2}$/.test(value) ? displayName('region', value.toUpperCase()) : undefined)]
    case 'xms_edov':
      return [
        hv(
          raw,
          value === true ? 'Domain owner verified' : value === false ? 'Domain owner NOT verified: don’t trust the email' : undefined,
        ),
      ]
    case 'email_verified':
    case 'phone_number_verified':
      return [hv(raw, value === true ? 'Verified' : value === false ? 'Not verified' : undefined)]
    case 'in_corp':
      return [hv(raw, value === true ? 'Signed in from a trusted corporate network' : undefined)]
    case 'hasgroups':
      return [hv(raw, 'Groups left out (too many): read memberships from Microsoft Graph')]
    case '_claim_names':
      return objectEntries(value).map(([k, v]) =>
        hv(
          `${k} → ${rawText(v)}`,
          k === 'groups' && entra
            ? 'Groups overage: the group list was too long and was left out'
            : `Claim "${k}" is held by source "${rawText(v)}"`,
        ),
      )
    case '_claim_sources':
      return objectEntries(value).map(([k, v]) => {
        const ep = typeof v === 'object' && v !== null && 'endpoint' in v ? rawText((v as { endpoint: unknown }).endpoint) : undefined
        if (ep !== undefined)
          return hv(
            `${k}: ${ep}`,
            /graph\.windows\.net/i.test(ep)
              ? 'Retired Azure AD Graph URL: call Microsoft Graph instead'
              : 'Fetch the claims from this endpoint',
          )
        return hv(`${k}: ${rawText(v)}`, 'Aggregated claims in an embedded JWT (verify it separately)')
      })
    case 'pwd_exp': {
      const iat = payload['iat']
      if (typeof value === 'number' && typeof iat === 'number' && value < 1e9) {
        // The optional-claims reference describes pwd_exp as seconds after iat; a small number is that form.
        const t = timeValue(iat + value, ctx.now)
        return [{ ...t, raw, text: `${t.text ?? ''} (${raw} s after iat)` }]
      }
      return [timeValue(value, ctx.now)]
    }
    case 'sub':
      // Entra's user sub is pairwise, so sub === oid means an app-only token; B2C puts the user's
      // object ID in sub by default, so there the equality is the normal user case.
      if (context === 'b2c' && typeof value === 'string' && value === payload['oid'])
        return [hv(raw, 'Same as oid: the user’s object ID (the B2C default)')]
      if (entra && typeof value === 'string' && value === payload['oid'])
        return [hv(raw, 'Same as oid: an app-only token for this service principal')]
      return [hv(raw)]
    case 'xms_mirid':
    case 'xms_az_rid':
      return [hv(raw, typeof value === 'string' ? armText(value) : undefined)]
    case 'events':
      return objectEntries(value).map(([k]) =>
        hv(k, k === 'http://schemas.openid.net/event/backchannel-logout' ? 'Back-channel logout event' : undefined),
      )
    case 'cnf':
      return objectEntries(value).map(([k, v]) => hv(`${k}: ${rawText(v)}`, word(CNF, k)))
    case 'act':
      return actChain(value)
    case 'typ':
      return [hv(raw, context === 'keycloak' ? word(W.KEYCLOAK_TYP, raw) : undefined)]
    case 'jti':
      if (context === 'okta' && typeof value === 'string')
        return [hv(raw, value.startsWith('AT.') ? 'Okta access token ID' : value.startsWith('ID.') ? 'Okta ID token ID' : undefined)]
      return [hv(raw)]
    case 'birthdate':
      return [hv(raw, typeof value === 'string' && value.startsWith('0000-') ? 'Year withheld' : undefined)]
    case 'xms_ssm':
    case 'xms_cae':
      return [
        hv(
          raw,
          value === '1' || value === 1 ? 'Continuous access evaluation applies: the resource may revoke this token before exp' : undefined,
        ),
      ]
    case 'xms_st': {
      const st = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['sub'] : undefined
      return [hv(raw, typeof st === 'string' ? `Earlier token’s sub: ${st}` : undefined)]
    }
    case 'xms_ftd':
      return [hv(raw, typeof value === 'string' ? ftdLabel(value) : undefined)]
    case 'aio':
    case 'rh':
    case 'xms_rd':
    case 'login_hint':
      return [hv(raw, 'Opaque: not meant to be read')]
    default:
      return [hv(raw)]
  }
}

/** Observed layout of xms_ftd: 32 bytes, a 0x01 byte, then an ASCII data-center label. */
function ftdLabel(value: string): string {
  try {
    const bytes = base64url.decode(value)
    if (bytes.length > 33 && bytes[32] === 1) {
      const label = new TextDecoder('ascii', { fatal: false }).decode(bytes.subarray(33))
      if (/^[\x20-\x7e]+$/.test(label)) return `Opaque; carries the data-center label "${label}"`
    }
  } catch {
    // not base64url: fall through
  }
  return 'Opaque: not meant to be read'
}

const CNF: Record<string, string> = {
  jkt: 'Bound to a DPoP key (SHA-256 JWK thumbprint)',
  'x5t#S256': 'Bound to a mutual-TLS client certificate (SHA-256 thumbprint)',
  jwk: 'Bound to this public key',
  jwe: 'Bound to an encrypted symmetric key',
  kid: 'Bound to a key the recipient knows by this ID',
  jku: 'Bound to a key in this JWK Set URL',
}

function objectEntries(value: unknown): [string, unknown][] {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : []
}

/** RFC 8693 §4.1: the outermost actor is current; nested ones acted before it. */
function actChain(value: unknown): HumanValue[] {
  const out: HumanValue[] = []
  let cur: unknown = value
  for (let depth = 0; depth < 10 && typeof cur === 'object' && cur !== null; depth++) {
    const a = cur as Record<string, unknown>
    out.push(hv(rawText(a['sub']), depth === 0 ? 'Current actor' : `Earlier actor (${depth} step${depth === 1 ? '' : 's'} back)`))
    cur = a['act']
  }
  return out.length === 0 ? [hv(rawText(value))] : out
}

export { humaniseHeader } from './humanise-header.ts'
export { prefetchAppNames } from './lookups.ts'

/**
 * Words for an OAuth `scope` request parameter (as seen in captured requests). Entra v2 scopes
 * may carry their resource as a prefix ("https://graph.microsoft.com/User.Read",
 * "api://<id>/access_as_user"); a bare name on the v2 endpoint means Microsoft Graph.
 */
export async function describeScopeParam(scope: string, entra: boolean): Promise<HumanValue[]> {
  return Promise.all(
    scope
      .split(/\s+/)
      .filter(Boolean)
      .map(async (s): Promise<HumanValue> => {
        const oidc = word(W.OIDC_SCOPES, s)
        if (oidc !== undefined) return hv(s, oidc, 'OpenID Connect scope')
        const slash = s.lastIndexOf('/')
        const resource = slash > 0 ? s.slice(0, slash) : undefined
        const name = slash > 0 ? s.slice(slash + 1) : s
        const res = resource === undefined ? undefined : await describeAppOrResource(resource)
        const resName = res?.text
        if (name === '.default')
          return hv(s, `All permissions configured for the app at ${resName ?? resource ?? 'the resource'}`, res?.source)
        const graph = entra && (resource === undefined || isGraphAudience(resource))
        if (graph) {
          const h = await scopeValue(name, true)
          return h.source === undefined ? hv(s, resName) : { ...h, raw: s }
        }
        return hv(s, resName === undefined ? undefined : `"${name}" at ${resName}`, res?.source)
      }),
  )
}
