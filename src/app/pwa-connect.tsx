/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Loaded at idle after the first paint (pwa-mount.tsx): registers the service worker through
 * vite-plugin-pwa's virtual module (no inline script: the CSP allows only our own files) and
 * shows what it reports. One registration per page, however often React mounts this.
 */
import { registerSW } from 'virtual:pwa-register'
import { createPwaUpdates, type PwaUpdates } from './pwa-updates.ts'
import { PwaNotice } from './pwa-notice.tsx'

let updates: PwaUpdates | null = null

export default function PwaConnect() {
  updates ??= createPwaUpdates(registerSW)
  return <PwaNotice updates={updates} />
}
