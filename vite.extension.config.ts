/**
 * The browser extension's build (npm run build:extension): the same sources as the web app, a
 * second set of entries under src/extension, written to dist-extension/ with manifest.json at
 * its root. Kept apart from vite.config.ts so the web build is untouched; public/ is not copied
 * (nothing of the web app's static files, no PWA service worker, belongs in the extension).
 */
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { extensionManifest } from './src/extension/manifest.ts'

const root = resolve(import.meta.dirname, 'src/extension')
const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string }

function manifest(): Plugin {
  return {
    name: 'token-lens:extension-manifest',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: `${JSON.stringify(extensionManifest(pkg.version), null, 2)}\n` })
    },
  }
}

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  plugins: [react(), tailwindcss(), manifest()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist-extension'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    manifest: false,
    // Extension pages may load only packaged files (no inline scripts, no remote code): no
    // module-preload polyfill, no inlined assets.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        background: resolve(root, 'background.ts'),
        popup: resolve(root, 'popup.html'),
        viewer: resolve(root, 'viewer.html'),
      },
      output: {
        // The manifest names the service worker's file, so it has a fixed name.
        entryFileNames: (chunk) => (chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
})
