/**
 * The one way core cites a rule: a SpecLink (label + URL) and the builders for the publishers we
 * cite most. Token findings, claim explanations, flow lint and step explanations all use these, so
 * a label reads the same ("RFC 7519 §4.1.4", "OIDC Core §3.1.3.7") wherever it appears.
 * Anchors follow each publisher's own stable scheme (rfc-editor.org `section-`/`appendix-`,
 * openid.net named anchors).
 */
export interface SpecLink {
  /** "RFC 7636 §4.2" */
  label: string
  url: string
}

/** An RFC, or one of its sections; a section starting with a capital letter is an appendix ("A.3"). */
export function rfc(num: number, section?: string): SpecLink {
  const base = `https://www.rfc-editor.org/rfc/rfc${num}`
  if (section === undefined) return { label: `RFC ${num}`, url: base }
  const anchor = /^[A-Z]/.test(section) ? `appendix-${section}` : `section-${section}`
  return { label: `RFC ${num} §${section}`, url: `${base}#${anchor}` }
}

export const OIDC_CORE_URL = 'https://openid.net/specs/openid-connect-core-1_0.html'
export const OIDC_DISCOVERY_URL = 'https://openid.net/specs/openid-connect-discovery-1_0.html'
export const OIDC_BACKCHANNEL_URL = 'https://openid.net/specs/openid-connect-backchannel-1_0.html'

/** OpenID Connect Core 1.0 (incorporating errata set 2), by section number and its named anchor. */
export function oidc(section: string, anchor: string): SpecLink {
  return { label: `OIDC Core §${section}`, url: `${OIDC_CORE_URL}#${anchor}` }
}

/** The OAuth 2.1 draft, by section (cited where it tightens RFC 6749, e.g. PKCE for every client). */
export function oauth21(section: string): SpecLink {
  return { label: `OAuth 2.1 draft §${section}`, url: `https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-${section}` }
}
