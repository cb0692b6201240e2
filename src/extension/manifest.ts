/**
 * The extension's Manifest V3. Permissions, each needed and nothing more (README "Browser
 * extension: record any tab"):
 * - debugger: chrome.debugger.attach to the one tab the user chose, for the CDP Network domain
 *   (requests, redirects, both bodies). No host permissions: attaching to a tab needs none, and
 *   the extension fetches nothing itself.
 * No "tabs" (the popup asks only for the active tab's id, which needs no permission), no
 * "storage" (recordings live in the service worker's memory and the viewer's), no content
 * scripts, no remote code. The extension pages' CSP allows only the extension's own scripts.
 */
export const EXTENSION_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'"

export function extensionManifest(version: string) {
  return {
    manifest_version: 3,
    name: 'Token Lens recorder',
    short_name: 'Token Lens',
    version,
    description:
      'Records the OAuth 2.0 / OpenID Connect sign-in of a tab you choose and explains it in Token Lens. Nothing is sent anywhere.',
    // chrome.debugger events keep a service worker alive from Chrome 118 on.
    minimum_chrome_version: '118',
    action: { default_title: 'Token Lens: record this tab', default_popup: 'popup.html' },
    background: { service_worker: 'background.js', type: 'module' },
    permissions: ['debugger'],
    content_security_policy: { extension_pages: EXTENSION_CSP },
  }
}
