/**
 * Recording the redirect back at the redirect URI, before MSAL reads and clears it. Used by the
 * redirect bridge page (redirect.html), so it must stay small: no MSAL, no React.
 */
import { buildNavigationEntry, oauthErrorOf, responseParams } from '../../core/capture/har.ts'
import { decodeClientInfo } from '../../core/capture/classify.ts'
import { stepLabel } from '../../core/flows/classify.ts'
import type { CapturedEntry } from '../../core/capture/types.ts'
import { appendToJournal, currentFlowId, readJournal, setPendingRedirect } from './capture-journal.ts'
import { readStored, writeStored } from '../storage.ts'

const BRIDGE_ERROR_KEY = 'capture:bridge-error'
const SIGNED_OUT_KEY = 'capture:signed-out'
export const CAPTURE_CHANNEL = 'token-lens:capture'

function lastAuthorize(entries: CapturedEntry[]): CapturedEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]?._oauth.step === 'authorize') return entries[i]
  return undefined
}

/** Returns true when a sign-in response (code or error) was found and recorded. */
export function recordRedirectBack(href: string, now: number): boolean {
  const params = responseParams(href)
  if (!params.state && !params.code && !params.error) return false
  // Only a state: the identity provider sending the browser back after sign-out.
  if (!params.code && !params.error) {
    appendToJournal(
      buildNavigationEntry(href, now, {
        step: 'logout',
        flowId: currentFlowId(),
        origin: 'observed',
        redactions: [],
        label: 'Back after sign-out',
        notes: ['The identity provider ended its session and sent the browser back to the post-logout redirect URI.'],
      }),
    )
    // Not a sign-in response: nothing for the sign-in screen to finish, but it says that the
    // provider ended its session and came back (the post_logout_redirect_uri, no query).
    writeStored('session', SIGNED_OUT_KEY, href.split(/[?#]/)[0] ?? href)
    return false
  }
  const entries = readJournal()
  const authorize = lastAuthorize(entries)
  const sentState = authorize?.request.queryString.find((q) => q.name === 'state')?.value
  const notes: string[] = []
  const error = oauthErrorOf(params)
  if (sentState === undefined) notes.push('No authorization request of this tab was captured, so the state could not be compared.')
  else if (params.state === sentState) notes.push('state matches the value sent in the authorization request (RFC 6749 §10.12).')
  else
    notes.push(
      'state DIFFERS from the value sent in the authorization request: this response was not asked for by this tab and must be refused (RFC 6749 §10.12).',
    )
  if (params.client_info) {
    const info = decodeClientInfo(params.client_info)
    notes.push(
      info.json
        ? `client_info decodes to ${info.json} (uid = user object ID, utid = home tenant ID).`
        : 'client_info does not decode as base64url JSON.',
    )
  }
  const stateError =
    sentState !== undefined && params.state !== sentState
      ? { error: 'state_mismatch', description: 'The state in the redirect back differs from the one sent.' }
      : undefined
  const finalError = error ?? stateError
  const entry = buildNavigationEntry(href, now, {
    step: 'redirect_back',
    flowId: currentFlowId(),
    origin: 'observed',
    redactions: [],
    label: stepLabel('redirect_back'),
    notes: authorize?._oauth.origin === 'simulated' ? [...notes, 'Issued by the demo tenant; observed by the redirect page.'] : notes,
    ...(finalError ? { error: finalError } : {}),
  })
  appendToJournal(entry)
  setPendingRedirect({ url: href, at: now })
  // A popup has its own sessionStorage: tell the window that opened it (same origin) too.
  try {
    const channel = new BroadcastChannel(CAPTURE_CHANNEL)
    channel.postMessage({ entry })
    channel.close()
  } catch {
    // BroadcastChannel unavailable: the popup's capture stays in the popup.
  }
  return true
}

export function setBridgeError(message: string | null): void {
  writeStored('session', BRIDGE_ERROR_KEY, message)
}

export function takeBridgeError(): string | null {
  const value = readStored('session', BRIDGE_ERROR_KEY)
  if (value !== null) writeStored('session', BRIDGE_ERROR_KEY, null)
  return value
}

/** The post-logout redirect URI the provider sent the browser back to, once (then forgotten). */
export function takeSignOutReturn(): string | null {
  const value = readStored('session', SIGNED_OUT_KEY)
  if (value !== null) writeStored('session', SIGNED_OUT_KEY, null)
  return value
}

/** Only a state came back, no code and no error: the provider sending the browser back after sign-out. */
export function isSignOutReturn(href: string): boolean {
  const params = responseParams(href)
  return Boolean(params.state) && !params.code && !params.error
}

/**
 * The navigation MSAL's redirect bridge uses after a sign-out. MSAL 5.30 keeps no start page for
 * logoutRedirect, so its bridge would send the browser to the site's root (getHomepage: origin
 * and "/"), which is another site for a GitHub Pages project (https://you.github.io/). This goes
 * back to the sign-in screen next to redirect.html instead, replacing the history entry like MSAL.
 */
export function backToSignInAfterSignOut(): {
  navigateInternal: (url: string) => Promise<boolean>
  navigateExternal: (url: string) => Promise<boolean>
} {
  const go = () => {
    window.location.replace(new URL('./#/signin', window.location.href).href)
    return Promise.resolve(true)
  }
  return { navigateInternal: go, navigateExternal: go }
}
