/**
 * Claim rules (RFC 7519 §4.1, OIDC Core §2 / §3.1.3.7, Back-Channel Logout 1.0 §2.4 / §2.6).
 * Every rule runs and adds its own finding; nothing stops at the first problem.
 */
import type { Finding, InspectOptions, TokenType } from './types.ts'
import { finding, show } from './findings.ts'
import { SPEC } from './spec-refs.ts'
import type { SpecLink } from '../spec-links.ts'
import { hasTenantPlaceholder, substituteTenant } from './discovery-url.ts'
import { BACKCHANNEL_LOGOUT_EVENT } from './family.ts'

export interface ClaimContext {
  payload: Record<string, unknown>
  tokenType: TokenType
  options: InspectOptions
  tolerance: number
  isEntra: boolean
}

function has(p: Record<string, unknown>, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(p, name)
}

function iso(sec: number): string {
  const ms = sec * 1000
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return String(sec)
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

function span(sec: number): string {
  const s = Math.abs(Math.round(sec))
  if (s < 120) return `${s} s`
  if (s < 7200) return `${Math.round(s / 60)} min`
  if (s < 172800) return `${Math.round(s / 360) / 10} h`
  return `${Math.round(s / 8640) / 10} days`
}

const TIME_REFS: Record<'exp' | 'nbf' | 'iat', SpecLink> = { exp: SPEC.exp, nbf: SPEC.nbf, iat: SPEC.iat }

function checkTimes(ctx: ClaimContext, findings: Finding[]): void {
  const { payload: p, options, tolerance } = ctx
  const now = options.now
  const nums: Partial<Record<'exp' | 'nbf' | 'iat', number>> = {}
  for (const name of ['exp', 'nbf', 'iat'] as const) {
    if (!has(p, name)) continue
    const v = p[name]
    if (typeof v === 'number' && Number.isFinite(v)) nums[name] = v
    else {
      findings.push(
        finding(
          'claim_type_invalid',
          'error',
          name,
          `"${name}" must be a NumericDate: a JSON number of seconds since 1970 (RFC 7519 §2), not ${typeof v === 'string' ? 'a string' : show(v)}. Many libraries reject the token or, worse, skip the check.`,
          TIME_REFS[name],
          {
            expected: 'number',
            actual: v,
          },
        ),
      )
    }
  }
  const { exp, nbf, iat } = nums
  if (exp !== undefined) {
    if (now >= exp + tolerance) {
      findings.push(
        finding(
          'expired',
          'error',
          'exp',
          `The token expired at ${iso(exp)}, ${span(now - exp)} before the time of the check (allowed clock skew ${tolerance} s).`,
          SPEC.exp,
          { expected: `after ${iso(now - tolerance)}`, actual: iso(exp) },
        ),
      )
    } else if (now >= exp) {
      findings.push(
        finding(
          'lifetime_info',
          'info',
          'exp',
          `The token expired ${span(now - exp)} ago, at ${iso(exp)}, but is still within the ${tolerance} s clock-skew tolerance.`,
          SPEC.exp,
          { actual: iso(exp) },
        ),
      )
    }
  }
  if (nbf !== undefined && nbf > now + tolerance) {
    findings.push(
      finding(
        'not_yet_valid',
        'error',
        'nbf',
        `The token is not valid before ${iso(nbf)}, ${span(nbf - now)} after the time of the check (allowed clock skew ${tolerance} s). A clock on one side may be wrong.`,
        SPEC.nbf,
        { expected: `before ${iso(now + tolerance)}`, actual: iso(nbf) },
      ),
    )
  }
  if (iat !== undefined && iat > now + tolerance) {
    findings.push(
      finding(
        'iat_future',
        'warning',
        'iat',
        `The token claims it was issued at ${iso(iat)}, ${span(iat - now)} in the future (allowed clock skew ${tolerance} s): a clock is wrong or the token was made up.`,
        SPEC.iat,
        { expected: `before ${iso(now + tolerance)}`, actual: iso(iat) },
      ),
    )
  }
  if (exp !== undefined && iat !== undefined && exp < iat) {
    findings.push(
      finding(
        'claim_type_invalid',
        'warning',
        'exp',
        `"exp" (${iso(exp)}) is before "iat" (${iso(iat)}): the token was never valid.`,
        SPEC.exp,
        { actual: `${exp} < ${iat}` },
      ),
    )
  }
}

function checkIssuer(ctx: ClaimContext, findings: Finding[]): void {
  const { payload: p, options } = ctx
  const iss = p['iss']
  if (has(p, 'iss') && typeof iss !== 'string') {
    findings.push(
      finding('claim_type_invalid', 'error', 'iss', '"iss" must be a string (RFC 7519 §4.1.1).', SPEC.iss, {
        expected: 'string',
        actual: iss,
      }),
    )
  }
  const expected = options.expected?.issuer
  if (expected !== undefined) {
    if (typeof iss !== 'string') {
      if (!has(p, 'iss'))
        findings.push(
          finding(
            'missing_iss',
            'error',
            'iss',
            `The token has no "iss", so it cannot be matched with the expected issuer ${expected}.`,
            SPEC.idTokenValidation,
            { expected },
          ),
        )
    } else {
      const want = substituteTenant(expected, p['tid'])
      if (hasTenantPlaceholder(want)) {
        findings.push(
          finding(
            'iss_mismatch',
            'error',
            'iss',
            `The expected issuer is a multi-tenant template (${expected}) but the token has no "tid" to fill in {tenantid}.`,
            SPEC.entraMultiTenant,
            { expected, actual: iss },
          ),
        )
      } else if (want !== iss) {
        const hint =
          want.replace(/\/+$/, '') === iss.replace(/\/+$/, '')
            ? ' They differ only by a trailing slash, and issuers are compared exactly.'
            : ''
        findings.push(
          finding(
            'iss_mismatch',
            'error',
            'iss',
            `The token was issued by "${iss}", not by the expected "${want}".${hint}`,
            SPEC.idTokenValidation,
            { expected: want, actual: iss },
          ),
        )
      }
    }
  }
  const tenant = options.expected?.tenantId
  if (tenant !== undefined && typeof p['tid'] === 'string' && p['tid'].toLowerCase() !== tenant.toLowerCase()) {
    findings.push(
      finding(
        'tenant_mismatch',
        'error',
        'tid',
        `The token comes from tenant ${p['tid']}, not the expected ${tenant}.`,
        SPEC.entraMultiTenant,
        { expected: tenant, actual: p['tid'] },
      ),
    )
  }
}

function checkAudience(ctx: ClaimContext, findings: Finding[]): void {
  const { payload: p, options } = ctx
  const aud = p['aud']
  const validShape = typeof aud === 'string' || (Array.isArray(aud) && aud.every((a) => typeof a === 'string'))
  if (has(p, 'aud') && !validShape) {
    findings.push(
      finding('claim_type_invalid', 'error', 'aud', '"aud" must be a string or an array of strings (RFC 7519 §4.1.3).', SPEC.aud, {
        expected: 'string or string[]',
        actual: aud,
      }),
    )
  }
  const expected = options.expected?.audience
  if (expected === undefined) return
  if (!has(p, 'aud')) {
    findings.push(
      finding('missing_aud', 'error', 'aud', `The token has no "aud", so nothing says it is meant for ${expected}.`, SPEC.aud, {
        expected,
      }),
    )
    return
  }
  const list = Array.isArray(aud) ? aud : [aud]
  if (!list.includes(expected)) {
    const api = list.some((a) => typeof a === 'string' && a.toLowerCase() === `api://${expected.toLowerCase()}`)
    const hint = api
      ? " The audience is your API's application ID URI; compare with that, or request v2.0 tokens whose aud is the client ID."
      : ''
    findings.push(
      finding('aud_mismatch', 'error', 'aud', `The token is meant for ${show(aud)}, not for ${expected}.${hint}`, SPEC.aud, {
        expected,
        actual: aud,
      }),
    )
  }
}

const WHY_REQUIRED: Record<'iss' | 'sub' | 'aud' | 'exp' | 'iat', string> = {
  iss: 'without it nothing says who issued the token, so its keys cannot be chosen',
  sub: 'without it the token does not say who the user is',
  aud: 'without it the token does not say who may accept it, so any client or API could',
  exp: 'without it the token never expires',
  iat: 'without it the token does not say when it was issued',
}

function requireClaims(
  ctx: ClaimContext,
  names: ('iss' | 'sub' | 'aud' | 'exp' | 'iat')[],
  ref: SpecLink,
  severity: 'error' | 'warning',
  what: string,
  findings: Finding[],
): void {
  for (const name of names) {
    if (has(ctx.payload, name)) continue
    // missing_iss / missing_aud may already have been reported against an expected value.
    if (findings.some((f) => f.code === `missing_${name}`)) continue
    findings.push(finding(`missing_${name}`, severity, name, `${what} must contain "${name}": ${WHY_REQUIRED[name]}.`, ref))
  }
}

function checkIdToken(ctx: ClaimContext, findings: Finding[]): void {
  const { payload: p, options } = ctx
  requireClaims(ctx, ['iss', 'sub', 'aud', 'exp', 'iat'], SPEC.idToken, 'error', 'An ID token (OIDC Core §2)', findings)
  const nonce = options.expected?.nonce
  if (nonce !== undefined) {
    if (!has(p, 'nonce')) {
      findings.push(
        finding(
          'missing_nonce',
          'error',
          'nonce',
          'A nonce was sent in the authentication request, but the ID token does not return it: it may be replayed from another sign-in (OIDC Core §3.1.3.7 step 11).',
          SPEC.idTokenValidation,
          { expected: nonce },
        ),
      )
    } else if (p['nonce'] !== nonce) {
      findings.push(
        finding(
          'nonce_mismatch',
          'error',
          'nonce',
          "The ID token's nonce is not the one this sign-in sent: it belongs to another sign-in, possibly a replay (OIDC Core §3.1.3.7 step 11).",
          SPEC.idTokenValidation,
          { expected: nonce, actual: p['nonce'] },
        ),
      )
    }
  }
  const client = options.expected?.clientId ?? options.expected?.audience
  if (client !== undefined && has(p, 'azp') && p['azp'] !== client) {
    findings.push(
      finding(
        'azp_mismatch',
        'error',
        'azp',
        `The ID token was issued to the authorized party ${show(p['azp'])}, not to this client (${client}) (OIDC Core §3.1.3.7 step 5).`,
        SPEC.idTokenValidation,
        { expected: client, actual: p['azp'] },
      ),
    )
  }
}

function checkLogoutToken(ctx: ClaimContext, findings: Finding[]): void {
  const p = ctx.payload
  requireClaims(ctx, ['iss', 'aud', 'iat', 'exp'], SPEC.logoutToken, 'error', 'A logout token (Back-Channel Logout 1.0 §2.4)', findings)
  const events = p['events']
  if (typeof events !== 'object' || events === null || Array.isArray(events)) {
    findings.push(
      finding(
        'logout_event_invalid',
        'error',
        'events',
        `A logout token needs an "events" object with the member "${BACKCHANNEL_LOGOUT_EVENT}"; ${has(p, 'events') ? `here "events" is ${show(events)}` : 'it has none'}.`,
        SPEC.logoutValidation,
        { expected: `{"${BACKCHANNEL_LOGOUT_EVENT}":{}}`, actual: events },
      ),
    )
  } else {
    const member = (events as Record<string, unknown>)[BACKCHANNEL_LOGOUT_EVENT]
    if (member === undefined) {
      findings.push(
        finding(
          'logout_event_invalid',
          'error',
          'events',
          `"events" lacks the member "${BACKCHANNEL_LOGOUT_EVENT}", so this is not a back-channel logout token.`,
          SPEC.logoutValidation,
          { expected: BACKCHANNEL_LOGOUT_EVENT, actual: Object.keys(events).join(', ') || '{}' },
        ),
      )
    } else if (typeof member !== 'object' || member === null || Array.isArray(member)) {
      findings.push(
        finding(
          'logout_event_invalid',
          'error',
          'events',
          `The value of "${BACKCHANNEL_LOGOUT_EVENT}" must be a JSON object (it may be empty), not ${show(member)}.`,
          SPEC.logoutValidation,
          { expected: '{}', actual: member },
        ),
      )
    }
  }
  if (!has(p, 'sub') && !has(p, 'sid')) {
    findings.push(
      finding(
        'logout_event_invalid',
        'error',
        'sid',
        'A logout token must contain "sub", "sid" or both, to say which session or user to sign out (Back-Channel Logout 1.0 §2.4).',
        SPEC.logoutToken,
      ),
    )
  }
  if (has(p, 'nonce')) {
    findings.push(
      finding(
        'logout_nonce_present',
        'error',
        'nonce',
        'A logout token must not contain "nonce" (Back-Channel Logout 1.0 §2.4): that rule keeps an ID token from being replayed as a logout token.',
        SPEC.logoutToken,
        { actual: p['nonce'] },
      ),
    )
  }
}

function checkAccessToken(ctx: ClaimContext, findings: Finding[], typ: string): void {
  if (typ === 'at+jwt') {
    requireClaims(ctx, ['iss', 'sub', 'aud', 'exp', 'iat'], SPEC.at9068, 'error', 'A JWT access token (RFC 9068 §2.2)', findings)
  } else if (!has(ctx.payload, 'exp')) {
    findings.push(
      finding(
        'missing_exp',
        'warning',
        'exp',
        'The access token has no "exp": it never expires, so a leaked copy stays usable forever.',
        SPEC.exp,
      ),
    )
  }
}

function checkGroupsOverage(ctx: ClaimContext, findings: Finding[]): void {
  const p = ctx.payload
  const names = p['_claim_names']
  const sources = p['_claim_sources']
  const overage = typeof names === 'object' && names !== null && has(names as Record<string, unknown>, 'groups')
  if (overage || p['hasgroups'] === true) {
    let endpoint = ''
    if (overage && typeof sources === 'object' && sources !== null) {
      const src = (sources as Record<string, unknown>)[String((names as Record<string, unknown>)['groups'])]
      const ep = typeof src === 'object' && src !== null ? (src as Record<string, unknown>)['endpoint'] : undefined
      if (typeof ep === 'string') endpoint = ` The token points to ${ep}.`
    }
    findings.push(
      finding(
        'groups_overage',
        'info',
        'groups',
        `The user is in more groups than fit in a token, so "groups" was left out and ${overage ? '"_claim_names"/"_claim_sources" say where to get them' : '"hasgroups" is true'}. Read the memberships from Microsoft Graph (POST /users/{id}/getMemberObjects or /me/transitiveMemberOf), or configure app roles or group filtering so the token stays small.${endpoint}`,
        overage ? SPEC.entraGroupsOverage : SPEC.entraGroupsOverage,
      ),
    )
  }
}

function typOf(header: Record<string, unknown> | null): string {
  const t = header?.['typ']
  return typeof t === 'string' ? t.toLowerCase().replace(/^application\//, '') : ''
}

export function checkTyp(header: Record<string, unknown>, tokenType: TokenType, findings: Finding[]): void {
  const typ = typOf(header)
  if (tokenType === 'logout_token' && typ !== 'logout+jwt') {
    findings.push(
      finding(
        'typ_unexpected',
        'info',
        'header.typ',
        `Logout tokens should be explicitly typed "logout+jwt" (Back-Channel Logout 1.0 §2.4); this one has ${typ ? `"${typ}"` : 'no typ'}.`,
        SPEC.logoutToken,
        { expected: 'logout+jwt', actual: typ || '(none)' },
      ),
    )
  } else if (tokenType === 'id_token' && (typ === 'at+jwt' || typ === 'logout+jwt' || typ === 'dpop+jwt')) {
    findings.push(
      finding(
        'typ_unexpected',
        'warning',
        'header.typ',
        `The token is typed "${typ}", which is not an ID token; accepting it as one is token confusion (RFC 9068 §4, RFC 8725 §3.11).`,
        SPEC.at9068Typ,
        { actual: typ },
      ),
    )
  } else if (tokenType === 'access_token' && (typ === 'logout+jwt' || typ === 'dpop+jwt')) {
    findings.push(
      finding('typ_unexpected', 'warning', 'header.typ', `The token is typed "${typ}", which is not an access token.`, SPEC.typ, {
        actual: typ,
      }),
    )
  }
}

export function checkClaims(ctx: ClaimContext, header: Record<string, unknown>, findings: Finding[]): void {
  checkTimes(ctx, findings)
  checkIssuer(ctx, findings)
  checkAudience(ctx, findings)
  if (has(ctx.payload, 'sub') && typeof ctx.payload['sub'] !== 'string') {
    findings.push(
      finding('claim_type_invalid', 'error', 'sub', '"sub" must be a string (RFC 7519 §4.1.2).', SPEC.jwtClaims, {
        expected: 'string',
        actual: ctx.payload['sub'],
      }),
    )
  }
  if (ctx.tokenType === 'id_token') checkIdToken(ctx, findings)
  else if (ctx.tokenType === 'logout_token') checkLogoutToken(ctx, findings)
  else if (ctx.tokenType === 'access_token') checkAccessToken(ctx, findings, typOf(header))
  checkGroupsOverage(ctx, findings)
}
