/**
 * Flow lint: what a reviewer of the captured traffic should notice, each with the section of the
 * spec that says why. Severity: error = a protocol or security rule is broken; warning = a
 * discouraged practice; info = worth knowing, not wrong.
 */
import { basicSecret } from './classify.ts'
import { isRedacted, real, safeUrl } from './http.ts'
import type { Flow, FlowFinding, FlowStep } from './types.ts'
import type { Entry } from 'har-format'

const rfc = (n: number, section: string) => ({
  label: `RFC ${n} §${section}`,
  url: `https://www.rfc-editor.org/rfc/rfc${n}#section-${section}`,
})
const OAUTH21 = (section: string) => ({
  label: `OAuth 2.1 draft §${section}`,
  url: `https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-${section}`,
})
const OIDC = (section: string, anchor: string) => ({
  label: `OIDC Core §${section}`,
  url: `https://openid.net/specs/openid-connect-core-1_0.html#${anchor}`,
})

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])
const TOKEN_PARAMS = ['access_token', 'id_token', 'refresh_token'] as const

function responseTypeParts(rt: string | undefined): Set<string> {
  return new Set((rt ?? '').split(/\s+/).filter(Boolean))
}

export function lintFlow(flow: Flow, entries: readonly Entry[]): FlowFinding[] {
  const out: FlowFinding[] = []
  const authorize = flow.steps.find((s) => s.kind === 'authorize')
  // The flow's client type (detect.ts) also knows a code redeemed server-side; anything not shown
  // to be confidential is held to the public-client rule (RFC 9700 §2.1.1: PKCE required).
  const isPublic = flow.client.type !== 'confidential'

  if (authorize) lintAuthorize(authorize, flow, isPublic, out)

  for (const step of flow.steps) {
    if (step.origin === 'not_observed') {
      out.push({
        code: 'token_call_not_observed',
        severity: 'info',
        stepId: step.id,
        message:
          'The authorization code reached the redirect URI but no token request for it is in the capture: a confidential client (a web app) redeems it server-side, where the browser cannot see it.',
        specRef: rfc(6749, '4.1.3'),
      })
      continue
    }
    lintTokensInQuery(step, out)
    lintSecrets(step, entries, out)
    if ((step.kind === 'token' || step.kind === 'refresh') && step.grantType === 'password') {
      out.push({
        code: 'password_grant',
        severity: 'error',
        stepId: step.id,
        message: "The resource owner password credentials grant hands the user's password to the client. It must not be used.",
        specRef: rfc(9700, '2.4'),
      })
    }
    if (step.error) {
      out.push({
        code: 'error_response',
        severity: 'error',
        stepId: step.id,
        message: `${step.label} failed: ${step.error.error}${step.error.code ? ` (AADSTS${step.error.code})` : ''}.`,
        specRef: step.kind === 'token' || step.kind === 'refresh' ? rfc(6749, '5.2') : rfc(6749, '4.1.2.1'),
        error: step.error,
      })
    }
    if (step.kind === 'saml') {
      out.push({
        code: 'saml_not_analysed',
        severity: 'info',
        stepId: step.id,
        message: 'A SAML message: recognised and shown in the flow, but its assertions are not decoded or checked here.',
        specRef: { label: 'SAML 2.0 Bindings §3.5', url: 'https://docs.oasis-open.org/security/saml/v2.0/saml-bindings-2.0-os.pdf' },
      })
    }
  }
  return dedupe(out)
}

function lintAuthorize(step: FlowStep, flow: Flow, isPublic: boolean, out: FlowFinding[]): void {
  const r = step.request
  const rt = responseTypeParts(r.response_type)
  const hasCode = rt.has('code')
  const oidc = (r.scope ?? '').split(/\s+/).includes('openid')
  if (hasCode && !r.code_challenge) {
    out.push({
      code: 'pkce_missing',
      severity: isPublic ? 'error' : 'warning',
      stepId: step.id,
      message: isPublic
        ? 'The authorization request has no code_challenge. A public client must use PKCE, or a stolen code can be redeemed by anyone.'
        : 'The authorization request has no code_challenge. PKCE is recommended for confidential clients too: it stops authorization code injection.',
      specRef: rfc(9700, '2.1.1'),
    })
  } else if (r.code_challenge && (r.code_challenge_method ?? 'plain') === 'plain') {
    out.push({
      code: 'pkce_plain',
      severity: 'warning',
      stepId: step.id,
      message: `PKCE uses the "plain" method${r.code_challenge_method ? '' : ' (no code_challenge_method means plain)'}: the verifier travels in the front channel. Use S256.`,
      specRef: rfc(9700, '2.1.1'),
    })
  }
  if (!r.state) {
    out.push({
      code: 'state_missing',
      severity: r.code_challenge ? 'info' : 'warning',
      stepId: step.id,
      message: r.code_challenge
        ? 'No state parameter. PKCE already protects against CSRF here, but state still lets the client tie the response to its own request.'
        : 'No state parameter and no PKCE: nothing binds the authorization response to this browser (CSRF).',
      specRef: rfc(9700, '4.7.1'),
    })
  } else {
    const echoes = flow.steps.filter(
      (s) => s !== step && (s.kind === 'redirect_back' || s.kind === 'callback' || s.kind === 'authorize') && s.origin !== 'not_observed',
    )
    for (const s of echoes) {
      const p = s.kind === 'callback' ? s.request : s.response
      if (!('code' in p || 'id_token' in p || 'access_token' in p || 'error' in p)) continue
      if (p.state !== r.state) {
        out.push({
          code: 'state_not_echoed',
          severity: 'error',
          stepId: s.id,
          message:
            p.state === undefined
              ? 'The authorization response does not return the state that was sent.'
              : 'The authorization response returns a different state than the one sent.',
          specRef: rfc(6749, '4.1.2'),
        })
      }
    }
    const own = step.responseMode ? step.response : undefined
    if (own && own.state !== r.state) {
      out.push({
        code: 'state_not_echoed',
        severity: 'error',
        stepId: step.id,
        message:
          own.state === undefined
            ? 'The redirect back does not carry the state that was sent.'
            : 'The redirect back carries a different state than the one sent.',
        specRef: rfc(6749, '4.1.2'),
      })
    }
  }
  const frontTokens = rt.has('token') || rt.has('id_token')
  if (oidc && !r.nonce) {
    out.push({
      code: 'nonce_missing',
      severity: frontTokens ? 'error' : r.code_challenge ? 'info' : 'warning',
      stepId: step.id,
      message: frontTokens
        ? 'This OpenID Connect request returns an ID token from the authorization endpoint but sends no nonce; the nonce is required there.'
        : 'This OpenID Connect request has no nonce, so a replayed ID token cannot be told apart from a fresh one.',
      specRef: frontTokens ? OIDC('3.2.2.1', 'ImplicitAuthRequest') : OIDC('3.1.2.1', 'AuthRequest'),
    })
  }
  if (rt.has('token') && !hasCode) {
    out.push({
      code: 'implicit_flow',
      severity: 'error',
      stepId: step.id,
      message: `Implicit flow (response_type=${r.response_type}): the access token comes back in the URL, where history, logs and scripts can read it. Use the code flow with PKCE.`,
      specRef: rfc(9700, '2.1.2'),
    })
  } else if (rt.has('id_token') && !hasCode) {
    out.push({
      code: 'implicit_flow',
      severity: 'warning',
      stepId: step.id,
      message:
        'Implicit sign-in (response_type=id_token): the ID token travels in the front channel. OAuth 2.1 drops the implicit grant; prefer the code flow.',
      specRef: OAUTH21('10.1'),
    })
  } else if (hasCode && frontTokens) {
    out.push({
      code: 'hybrid_flow',
      severity: rt.has('token') ? 'warning' : 'info',
      stepId: step.id,
      message: rt.has('token')
        ? `Hybrid flow (response_type=${r.response_type}) returns an access token in the front channel. Get access tokens from the token endpoint instead.`
        : `Hybrid flow (response_type=${r.response_type}): the ID token comes back with the code; its c_hash binds the two.`,
      specRef: rt.has('token') ? rfc(9700, '2.1.2') : OIDC('3.3', 'HybridFlowAuth'),
    })
  }
  const redirect = r.redirect_uri ? safeUrl(r.redirect_uri) : null
  if (redirect && redirect.protocol === 'http:' && !LOOPBACK.has(redirect.hostname)) {
    out.push({
      code: 'insecure_redirect_uri',
      severity: 'error',
      stepId: step.id,
      message: `The redirect URI ${redirect.origin} uses http on a host that is not the loopback interface: codes and tokens cross the network in clear text.`,
      specRef: rfc(8252, '7.3'),
    })
  }
}

function lintTokensInQuery(step: FlowStep, out: FlowFinding[]): void {
  const spots: string[] = []
  const url = safeUrl(step.url)
  if (url) for (const k of TOKEN_PARAMS) if (real(url.searchParams.get(k) ?? undefined)) spots.push(`${k} in the request URL`)
  if (step.redirectTo && step.responseMode === 'query') {
    for (const k of TOKEN_PARAMS) if (real(step.response[k])) spots.push(`${k} in the query of the redirect`)
  }
  if (spots.length === 0) return
  out.push({
    code: 'token_in_query',
    severity: 'error',
    stepId: step.id,
    message: `A token travels in a URL query string (${spots.join(', ')}): URLs end up in browser history, server logs and Referer headers.`,
    specRef: spots.some((s) => s.includes('request URL') && step.kind !== 'callback') ? rfc(6750, '2.3') : rfc(9700, '4.3'),
  })
}

function lintSecrets(step: FlowStep, entries: readonly Entry[], out: FlowFinding[]): void {
  const entry = step.entryIndex !== null ? entries[step.entryIndex] : undefined
  const basic = entry ? basicSecret(entry) : null
  const secret = real(step.request.client_secret) ?? (basic ? real(basic.secret) : undefined)
  if (secret) {
    // A numbered placeholder means the secret was there and the file's exporter redacted it:
    // the browser still saw it.
    const seen = isRedacted(secret) ? 'was sent in this capture (redacted in this file)' : 'is visible in this capture'
    out.push({
      code: 'client_secret_exposed',
      severity: 'error',
      stepId: step.id,
      message: `A client secret ${seen} (${real(step.request.client_secret) ? 'client_secret parameter' : 'HTTP Basic Authorization header'}). A secret that reaches a browser is not secret: rotate it and keep it on the server.`,
      specRef: rfc(8252, '8.5'),
    })
  }
  if ((step.kind === 'token' || step.kind === 'refresh') && real(step.response.refresh_token)) {
    const confidential = step.clientAuth !== undefined && step.clientAuth !== 'none'
    out.push({
      code: 'refresh_token_exposed',
      severity: confidential ? 'warning' : 'info',
      stepId: step.id,
      message: confidential
        ? "A confidential client's refresh token appears in this capture. It belongs on the server; whoever holds this file can mint new access tokens until it is revoked."
        : 'The browser receives a refresh token. That is allowed for public clients only when it is rotated or sender-constrained (Entra limits SPA refresh tokens to 24 hours).',
      specRef: rfc(9700, '4.14.2'),
    })
  }
}

function dedupe(findings: FlowFinding[]): FlowFinding[] {
  const seen = new Set<string>()
  return findings.filter((f) => {
    const key = `${f.code}|${f.stepId ?? ''}|${f.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
