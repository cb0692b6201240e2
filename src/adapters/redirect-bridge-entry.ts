/**
 * Entry of redirect.html, the redirect URI registered for this SPA. MSAL 5's redirect bridge
 * reads the authorization response from this page's URL and hands it to the window that
 * started the sign-in (popup) or navigates back to it (redirect flow).
 */
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge'

broadcastResponseToMainFrame().catch((error: unknown) => {
  const p = document.querySelector('p')
  if (p) {
    p.textContent = `This page is the sign-in redirect target of Token Lens, and it found no sign-in response to hand back (${
      error instanceof Error ? error.message : String(error)
    }). Open Token Lens itself instead.`
  }
})
