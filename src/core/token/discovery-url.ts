/**
 * Where an issuer publishes its discovery document (OIDC Discovery §4), including Entra v1.0 and
 * Azure AD B2C's per-policy documents, and the one rule for Entra's `{tenantid}` issuer template.
 * Kept apart from keys.ts because the first view needs it (the consent prompt names the host
 * before any key code has loaded).
 */

/**
 * OIDC Discovery §4: the issuer plus /.well-known/openid-configuration (no double slash when the
 * issuer ends in "/"). Entra v1.0 issuers (https://sts.windows.net/{tid}/) publish that same
 * document at login.microsoftonline.com/{tid}/, the host browsers can fetch it from (MSAL uses
 * it); its "issuer" is still the sts.windows.net value, which the key chain checks as for any issuer.
 */
export function discoveryUrlFor(iss: string): string {
  const v1 = /^https:\/\/sts\.windows\.net\/([0-9a-f-]{36})\/?$/i.exec(iss)
  if (v1) return `https://login.microsoftonline.com/${v1[1]}/.well-known/openid-configuration`
  return `${iss.replace(/\/+$/, '')}/.well-known/openid-configuration`
}

/** B2C user flows are B2C_1_…, custom policies B2C_1A_… */
const B2C_POLICY = /^b2c_1a?_[a-z0-9_-]{1,100}$/i
/** B2C issuers: https://{host}/{tenant-id}/v2.0/ (b2clogin.com or a custom domain). */
const B2C_ISSUER = /^https:\/\/([^/]+)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/v2\.0\/?$/i

/**
 * Azure AD B2C publishes discovery and keys per policy (user flow), not at
 * iss + /.well-known/openid-configuration: https://{host}/{tenant}/{policy}/v2.0/.well-known/….
 * The policy is the token's `tfp` claim, or `acr` when the user flow is set to emit that instead.
 * Null when the token is not shaped like a B2C token. The document's issuer is still checked
 * against the token's (OIDC Discovery §4.3).
 */
export function b2cDiscoveryUrl(iss: string, payload: Record<string, unknown> | null): string | null {
  const m = B2C_ISSUER.exec(iss)
  if (!m || !payload) return null
  const policy = [payload['tfp'], payload['acr']].find((v): v is string => typeof v === 'string' && B2C_POLICY.test(v))
  if (policy === undefined) return null
  return `https://${m[1]}/${m[2]}/${encodeURIComponent(policy)}/v2.0/.well-known/openid-configuration`
}

const TENANT_PLACEHOLDER = /\{tenantid\}/gi

/**
 * The one `{tenantid}` rule. Entra's multi-tenant discovery documents (common, organizations)
 * publish an issuer template, "https://login.microsoftonline.com/{tenantid}/v2.0", that each
 * token fills with its own tenant (`tid`). The placeholder is matched in any case; without a
 * tenant the template is returned unchanged (see hasTenantPlaceholder).
 */
export function substituteTenant(issuer: string, tenant: unknown): string {
  return typeof tenant === 'string' && tenant !== '' ? issuer.replace(TENANT_PLACEHOLDER, tenant) : issuer
}

/** Whether an issuer is still a template: it must never be compared with a token's iss as it is. */
export function hasTenantPlaceholder(issuer: string): boolean {
  return /\{tenantid\}/i.test(issuer)
}
