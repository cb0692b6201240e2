/**
 * Entry of redirect.html, the redirect URI registered for this SPA. It first records the
 * redirect back exactly as it arrived (code, state, client_info: MSAL clears the URL
 * afterwards), then lets MSAL 5's redirect bridge hand the response to the window that started
 * the sign-in (popup) or navigate back to it (redirect flow).
 */
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge'
import { backToSignInAfterSignOut, isSignOutReturn, recordRedirectBack, setBridgeError } from './msal/redirect-capture.ts'

let recorded = false
const signOut = isSignOutReturn(window.location.href)
try {
  recorded = recordRedirectBack(window.location.href, Date.now())
} catch {
  // Capturing is best effort: never stand in the way of the sign-in itself.
}

broadcastResponseToMainFrame(signOut ? backToSignInAfterSignOut() : undefined).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  if (recorded) {
    // A response arrived but MSAL could not match it (e.g. a forged or damaged state): go back
    // to the sign-in screen, which explains what happened.
    setBridgeError(message)
    window.location.replace(new URL('./#/signin', window.location.href).href)
    return
  }
  const p = document.querySelector('p')
  if (p)
    p.textContent = `This page is the sign-in redirect target of Token Lens, and it found no sign-in response to hand back (${message}). Open Token Lens itself instead.`
})
