/**
 * The one line under "Signed in as …": who signed in and where, in the terms of the kind of
 * provider. MSAL fills `tenantId` for every account (tid, else tfp, else acr), which reads right
 * for Entra and External ID only: an OpenID provider has no tenant (the field is empty) and a B2C
 * ID token without `tid` puts the user flow there. So the line is built from the ID token's own
 * claims: for any OpenID provider the issuer's host and the subject, which together identify the
 * user (OIDC Core §2: sub is unique only within its issuer); for B2C the tenant and the user flow
 * (`tfp`, or `acr` for older policies). Pure; empty values are left out, never shown blank.
 */
import type { ProfileKind } from '../capture/profile.ts'

export interface AccountFact {
  /** '' for the user's own name for themselves (shown without a label). */
  label: '' | 'issuer' | 'subject' | 'tenant' | 'user flow'
  value: string
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : ''
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return ''
  }
}

/** The tenant ID in a B2C issuer (https://{name}.b2clogin.com/{tenant-id}/v2.0/), if it names one. */
function tenantInIssuer(iss: string): string {
  try {
    const first = new URL(iss).pathname.split('/').filter(Boolean)[0] ?? ''
    return GUID.test(first) ? first : ''
  } catch {
    return ''
  }
}

export function accountFacts(
  kind: ProfileKind,
  account: { username: string; tenantId: string },
  claims: Record<string, unknown> | undefined,
): AccountFact[] {
  const c = claims ?? {}
  const emails = Array.isArray(c.emails) ? c.emails : []
  // B2C puts addresses in `emails` (a list); other providers in `email` (OIDC Core §5.1).
  const user = text(account.username) || text(c.email) || text(emails[0])
  const facts: AccountFact[] = [{ label: '', value: user }]
  if (kind === 'oidc') {
    facts.push({ label: 'issuer', value: hostOf(text(c.iss)) }, { label: 'subject', value: text(c.sub) })
  } else if (kind === 'b2c') {
    const flow = text(c.tfp) || text(c.acr)
    facts.push({ label: 'tenant', value: text(c.tid) || tenantInIssuer(text(c.iss)) }, { label: 'user flow', value: flow })
  } else {
    facts.push({ label: 'tenant', value: text(c.tid) || text(account.tenantId) })
  }
  return facts.filter((f) => f.value !== '')
}

/** "ada@provider.test · issuer id.example.com · subject 248289761001" */
export function accountLine(facts: readonly AccountFact[]): string {
  return facts.map((f) => (f.label === '' ? f.value : `${f.label} ${f.value}`)).join(' · ')
}
