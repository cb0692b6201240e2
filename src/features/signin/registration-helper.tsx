/** How to register the app for a profile: Graph body, az CLI and portal steps. */
import { scopesOf, type ConnectionProfile } from '../../core/capture/profile.ts'
import { CodeBlock } from '../../ui/code-block.tsx'
import { Disclosure } from '../../ui/disclosure.tsx'

/** Microsoft Graph's application ID and the ID of its delegated User.Read permission. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000'
const USER_READ_ID = 'e1fe6dd8-ba31-4d61-89e7-88639da4683d'

export function registrationBody(p: ConnectionProfile): Record<string, unknown> {
  return {
    displayName: p.name.trim() || 'Token Lens',
    signInAudience:
      p.tenant === 'common' || p.tenant === 'consumers'
        ? 'AzureADandPersonalMicrosoftAccount'
        : p.tenant === 'organizations'
          ? 'AzureADMultipleOrgs'
          : 'AzureADMyOrg',
    // The "Single-page application" platform: only its redirect URIs may redeem codes from a
    // browser (cross-origin /token calls), otherwise AADSTS9002326.
    spa: { redirectUris: [p.redirectUri] },
    requiredResourceAccess: [{ resourceAppId: GRAPH_APP_ID, resourceAccess: [{ id: USER_READ_ID, type: 'Scope' }] }],
  }
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`
}

/** How to register this SPA in a real tenant: Graph request, Azure CLI, portal steps. */
export function RegistrationHelper({ profile }: { profile: ConnectionProfile }) {
  const body = JSON.stringify(registrationBody(profile), null, 2)
  const cli = [
    `az ad app create --display-name ${shellQuote(profile.name.trim() || 'Token Lens')} \\`,
    `  --sign-in-audience ${String(registrationBody(profile).signInAudience)} \\`,
    `  --required-resource-accesses ${shellQuote(JSON.stringify(registrationBody(profile).requiredResourceAccess))} \\`,
    `  --query appId -o tsv`,
    `# then add the SPA redirect URI (az ad app create has no --spa option):`,
    `az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications(appId='<appId from above>')" \\`,
    `  --headers Content-Type=application/json --body ${shellQuote(JSON.stringify({ spa: { redirectUris: [profile.redirectUri] } }))}`,
  ].join('\n')
  const extraScopes = scopesOf(profile).filter((s) => s.includes('://') || s.includes('/'))
  return (
    <Disclosure
      summary="How to register this app in your tenant"
      className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="space-y-4 text-sm">
        <p className="text-slate-600 dark:text-slate-300">
          Token Lens signs in as a public client: no secret, PKCE instead. The redirect URI must be registered under the{' '}
          <strong>Single-page application</strong> platform, not &ldquo;Web&rdquo;: Entra only lets a browser redeem codes for SPA redirect
          URIs (AADSTS9002326 otherwise).
        </p>
        <CodeBlock label="Microsoft Graph: POST https://graph.microsoft.com/v1.0/applications" text={body} />
        <CodeBlock label="Azure CLI" text={cli} />
        <div>
          <h3 className="font-medium">In the Entra admin center</h3>
          <ol className="mt-2 list-decimal space-y-1 pl-5 text-slate-600 dark:text-slate-300">
            <li>
              Identity → Applications → App registrations → <strong>New registration</strong>. Name:{' '}
              <code>{profile.name || 'Token Lens'}</code>.
            </li>
            <li>
              Supported account types:{' '}
              {profile.tenant === 'common'
                ? 'any organizational directory and personal Microsoft accounts'
                : profile.tenant === 'organizations'
                  ? 'any organizational directory'
                  : 'this organizational directory only'}
              .
            </li>
            <li>
              Redirect URI: platform <strong>Single-page application (SPA)</strong>, value{' '}
              <code className="break-all">{profile.redirectUri}</code>. Register.
            </li>
            <li>
              Copy the <strong>Application (client) ID</strong> from the Overview page into this profile.
            </li>
            <li>
              API permissions: Microsoft Graph → Delegated → <code>User.Read</code> is there by default; keep it so the sign-in can read{' '}
              <code>/me</code>.
            </li>
            {extraScopes.length ? (
              <li>
                For{' '}
                {extraScopes.map((s) => (
                  <code key={s} className="mr-1">
                    {s}
                  </code>
                ))}
                : add the API under API permissions → My APIs, and grant consent if users may not.
              </li>
            ) : null}
          </ol>
        </div>
      </div>
    </Disclosure>
  )
}
