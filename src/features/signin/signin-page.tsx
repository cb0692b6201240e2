/** The Sign in screen: profiles, sign-in with step-through pauses, the account, tokens and errors. */
import { useEffect, useMemo, useState } from 'react'
import type { ConnectionProfile } from '../../core/capture/profile.ts'
import { Panel } from '../../ui/panel.tsx'
import { ProfileForm } from './profile-form.tsx'
import { Link, useSearchParams } from 'react-router'
import { readSharedProfile, scopesOf, validateProfile } from '../../core/capture/profile.ts'
import { DEMO_TENANT_ID } from '../../core/demo-tenant/types.ts'
import { useSignInStore } from '../../stores/signin-store.ts'
import { useCaptureStore } from '../../stores/capture-store.ts'
import { useInspectorStore } from '../../stores/inspector-store.ts'
import { BUTTON_GHOST, BUTTON_PRIMARY, BUTTON_SECONDARY } from '../../ui/button-styles.ts'
import { PageHeader } from '../../ui/page-header.tsx'
import { Switch } from '../../ui/switch.tsx'
import { Badge } from '../../ui/badge.tsx'
import { ProfilePicker } from './profile-picker.tsx'
import { SharedProfileBanner } from './shared-profile-banner.tsx'
import { RegistrationHelper } from './registration-helper.tsx'
import { StepPause } from './step-pause.tsx'
import { DemoSignIn } from './demo-signin.tsx'
import { ErrorPanel } from './error-panel.tsx'
import { TokenList } from './token-list.tsx'
import { TrainerPanel } from './trainer-panel.tsx'
import { AccountPanel } from './account-panel.tsx'
import { errorWords, noticeText } from './words.ts'

const BUSY_TEXT = {
  loading: 'Loading MSAL…',
  signin: 'Starting the sign-in…',
  redirect: 'Going to the identity provider…',
  token: 'Redeeming the code at /token…',
  graph: 'Calling Microsoft Graph /me…',
  userinfo: "Calling the provider's userinfo endpoint…",
  silent: 'Asking for tokens…',
  signout: 'Signing out…',
} as const

/** The one after-sign-in call switch, in the words of the provider it calls: OIDC userinfo or Microsoft Graph. */
const AFTER_SIGN_IN_CALL = {
  userinfo: {
    label: 'Call userinfo after sign-in',
    description: "GET the provider's userinfo_endpoint with the access token (OIDC Core §5.3), captured like every exchange",
  },
  graph: {
    label: 'Call Microsoft Graph /me after sign-in',
    description: 'When User.Read is granted: get a Graph token silently with the refresh token, then GET /v1.0/me (both captured)',
  },
} as const

export function SignInPage() {
  const s = useSignInStore()
  const captures = useCaptureStore((c) => c.entries.length)
  const [params, setParams] = useSearchParams()
  const redirectUri = useMemo(() => new URL('redirect.html', new URL(import.meta.env.BASE_URL, window.location.origin)).href, [])
  const profile = s.profiles.find((p) => p.id === s.activeId) ?? s.profiles[0]
  const problems = profile ? validateProfile(profile, window.location.origin) : []
  const shared = params.get('profile')
  const sharedReading = useMemo(() => (shared === null ? null : readSharedProfile(shared, { redirectUri })), [shared, redirectUri])
  const [editing, setEditing] = useState<ConnectionProfile | null>(null)
  const [message, setMessage] = useState<string | null>(null)

  useEffect(() => {
    void useSignInStore.getState().resume()
  }, [])

  if (!profile) return null
  const demo = profile.kind === 'demo'
  const tenantId = demo ? DEMO_TENANT_ID : /^[0-9a-f-]{36}$/i.test(profile.tenant) ? profile.tenant : undefined
  // The same wipe as the header's "Forget all…" (src/app/forget-everything.tsx), without its
  // confirmation: this button has always acted at once here and says so in its notice.
  const forget = async () => {
    useInspectorStore.getState().forgetAll()
    useCaptureStore.getState().forget()
    const { useImportStore } = await import('../../stores/import-store.ts')
    useImportStore.getState().reset()
    await s.forgetEverything()
  }
  return (
    <section className="mx-auto max-w-7xl px-4 py-8">
      <PageHeader
        title="Sign in"
        lead="Run a real authorization code + PKCE sign-in with MSAL against your tenant or the built-in demo tenant. Every request and response is captured on the Flow screen."
        actions={
          <button type="button" className={BUTTON_GHOST} onClick={() => void forget()}>
            Forget everything
          </button>
        }
      />
      {sharedReading ? (
        <SharedProfileBanner
          reading={sharedReading}
          onAdd={() => {
            if (!sharedReading.ok) return
            const added = s.addSharedProfile(sharedReading.profile)
            setParams({})
            if (added) setMessage(`Added "${added.name}" (signs in at ${sharedReading.host}).`)
          }}
          onIgnore={() => setParams({})}
        />
      ) : null}
      {editing ? (
        <Panel
          id="profile-editor"
          className="mt-6"
          title={s.profiles.some((p) => p.id === editing.id) ? `Edit "${editing.name}"` : 'New connection profile'}
          description="Checked as you type; nothing is sent until you sign in."
        >
          <ProfileForm
            initial={editing}
            onCancel={() => setEditing(null)}
            onSave={(p) => {
              s.saveProfile(p)
              setEditing(null)
              setMessage(`Saved "${p.name}".`)
            }}
          />
        </Panel>
      ) : (
        <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
          <div className="space-y-6">
            <ProfilePicker redirectUri={redirectUri} onEdit={setEditing} message={message} setMessage={setMessage} />
            {demo ? <TrainerPanel faults={s.faults} onChange={(f) => void s.setFaults(f)} /> : null}
          </div>
          <div className="min-w-0 space-y-6">
            <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
              <div className="flex flex-wrap items-center gap-3">
                <button
                  type="button"
                  className={BUTTON_PRIMARY}
                  disabled={problems.length > 0 || s.busy !== null || s.pause !== null}
                  onClick={() => void s.signIn('redirect')}
                >
                  Sign in{demo ? ' to the demo tenant' : ''}
                </button>
                <button
                  type="button"
                  className={BUTTON_SECONDARY}
                  disabled={problems.length > 0 || s.busy !== null || s.pause !== null || demo || s.stepThrough}
                  title={
                    demo
                      ? 'The demo tenant runs in this page: use the redirect sign-in'
                      : 'Popups skip onRedirectNavigate, so no step-through'
                  }
                  onClick={() => void s.signIn('popup')}
                >
                  Sign in with a popup
                </button>
                <Switch
                  checked={s.stepThrough}
                  onChange={s.setStepThrough}
                  label="Step through"
                  description="Pause before /authorize, after the redirect back and before the /token POST"
                />
                <Switch
                  checked={s.callGraph}
                  onChange={s.setCallGraph}
                  {...AFTER_SIGN_IN_CALL[profile.kind === 'oidc' ? 'userinfo' : 'graph']}
                />
                {demo ? (
                  <Badge tone="violet" title="Answers come from the demo tenant running in this page">
                    simulated: no network
                  </Badge>
                ) : null}
              </div>
              {problems.length ? (
                <ul role="alert" className="mt-3 list-disc space-y-1 pl-5 text-sm text-red-800 dark:text-red-300">
                  {problems.map((p) => (
                    <li key={p.field + p.message}>{p.message}</li>
                  ))}
                </ul>
              ) : null}
              <p aria-live="polite" className="mt-3 text-sm text-slate-600 dark:text-slate-300">
                {s.busy ? BUSY_TEXT[s.busy] : s.notice ? noticeText(s.notice) : null}
                {!s.busy && !s.notice && captures ? (
                  <>
                    {captures} exchange{captures === 1 ? '' : 's'} captured so far:{' '}
                    <Link to="/flow" className="text-indigo-700 underline dark:text-indigo-300">
                      see every request and response
                    </Link>
                    .
                  </>
                ) : null}
              </p>
            </div>
            {!demo && !s.account ? <RegistrationHelper profile={profile} /> : null}
            {s.pause ? (
              <StepPause pause={s.pause} appScopes={scopesOf(profile)} onContinue={() => void s.continuePause()} onCancel={s.cancelPause} />
            ) : null}
            {s.demoPage ? (
              <DemoSignIn
                prompt={s.demoPage}
                busy={s.busy !== null}
                onChoose={(u, c) => void s.chooseDemoUser(u, c)}
                onCancel={s.cancelDemo}
              />
            ) : null}
            {s.demoError ? (
              <ErrorPanel
                title="The demo tenant refused the authorization request"
                errorCode={s.demoError.code ?? s.demoError.error}
                oauthError={s.demoError.error}
                message={s.demoError.description}
                onDismiss={s.dismissError}
              />
            ) : null}
            {s.error ? <ErrorPanel errorCode={s.error.errorCode} {...errorWords(s.error)} onDismiss={s.dismissError} /> : null}
            {s.account ? <AccountPanel /> : null}
            <TokenList clientId={profile.clientId} {...(tenantId ? { tenantId } : {})} />
            {!demo && s.account ? <RegistrationHelper profile={profile} /> : null}
          </div>
        </div>
      )}
    </section>
  )
}
