/**
 * Test data: a browser-recorded sign-in (HAR 1.2) whose attacker-controlled values try to turn
 * the diagram exports against the reader: PlantUML preprocessor calls (`%getenv`), variables,
 * directives, creole links, images and tags, and characters that XML 1.0 forbids (C0 controls,
 * a lone surrogate, noncharacters). The values sit where a hostile identity provider, app or
 * network peer really controls them: the query of the authorize request, the redirect back, the
 * token endpoint's error_description, a Graph profile's displayName and a URL path. Used by the
 * export unit tests and by e2e/diagram-exports.spec.ts; not exported from the core barrel.
 */
import { mkEntry, mkHar } from '../har/test-entry.ts'

/** The environment variable the PlantUML checks set; its value must never reach an export. */
export const CANARY_VARIABLE = 'TOKEN_LENS_CANARY'

const LOGIN = 'https://login.microsoftonline.com/common/oauth2/v2.0'
const CLIENT = '6b3e2d10-7a4c-4f8e-9d21-5c0b8e7f1a42'
const REDIRECT = 'https://app.example/callback'

/** Hostile texts, each short enough to survive the label abbreviations. */
export const HOSTILE = {
  getenv: `%getenv("${CANARY_VARIABLE}")`,
  link: '[[javascript:alert(1) click]]',
  image: '<img:file:///etc/passwd>',
  creole: '<color:red>**x**</color> <&star>',
  directive: '!include /etc/passwd',
  variable: '$x %date() ##',
  controls: 'a\u0001b\u0008c\u001bd\u007fe\uffffg\ufdd0h',
  surrogate: 'lone \ud800 high',
} as const

function q(params: Record<string, string>): string {
  return new URLSearchParams(params).toString()
}

/** The code redemption both token requests send (the failed one and its retry). */
const codeRedemption = {
  client_id: CLIENT,
  grant_type: 'authorization_code',
  code: 'CODE1234567890',
  code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  redirect_uri: REDIRECT,
}

/** The hostile sign-in as HAR text, the way a user would import it. */
export function hostileHar(): string {
  const state = HOSTILE.getenv
  const entries = [
    mkEntry({
      url: `${LOGIN}/authorize?${q({ client_id: CLIENT, response_type: 'code', redirect_uri: REDIRECT, scope: `openid ${HOSTILE.variable}`, state, nonce: HOSTILE.controls, code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256', login_hint: HOSTILE.link, prompt: HOSTILE.image })}`,
      location: `${REDIRECT}?${q({ code: 'CODE1234567890', state, session_state: HOSTILE.creole })}`,
    }),
    mkEntry({ url: `${REDIRECT}?${q({ code: 'CODE1234567890', state })}`, at: 1, body: '<!doctype html><title>app</title>' }),
    mkEntry({
      url: `${LOGIN}/token`,
      at: 2,
      form: codeRedemption,
      status: 400,
      json: { error: 'invalid_grant', error_description: `${HOSTILE.getenv} ${HOSTILE.surrogate} ${HOSTILE.link}` },
    }),
    // The retry that issued the access token the Graph call presents: an API call joins the flow
    // whose token it carries (issue 10), so the token must come from this flow.
    mkEntry({
      url: `${LOGIN}/token`,
      at: 2.5,
      form: codeRedemption,
      json: { access_token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', token_type: 'Bearer' },
    }),
    mkEntry({
      url: `https://graph.microsoft.com/v1.0/%getenv(${CANARY_VARIABLE})/[[javascript:alert(2)]]/$y`,
      at: 3,
      reqHeaders: { Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.' },
      json: { displayName: `${HOSTILE.surrogate} ${HOSTILE.controls}` },
    }),
  ]
  return mkHar(entries)
}

/** XML 1.0 §2.2 production [2] Char, written out from the specification (independent of export-text.ts). */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  )
}

/** True when every code point of s is an XML 1.0 Char. */
export function allXmlChars(s: string): boolean {
  return [...s].every((ch) => isXmlChar(ch.codePointAt(0) ?? -1))
}
