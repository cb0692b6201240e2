import { defineConfig } from 'vitest/config'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { VitePWA } from 'vite-plugin-pwa'
import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'

/**
 * GitHub Pages serves project sites under /<repo>/, so the base path comes from the
 * environment (BASE_PATH=/repo/ in the Pages workflow); locally it is '/'.
 */
function basePath(): string {
  const raw = process.env.BASE_PATH ?? '/'
  const withLead = raw.startsWith('/') ? raw : `/${raw}`
  return withLead.endsWith('/') ? withLead : `${withLead}/`
}

/**
 * Content-Security-Policy for the production build. Pages cannot send headers, so it goes in a
 * <meta> tag. It is added only at build time: Vite's dev server injects an inline preamble for
 * React Fast Refresh, which a strict policy would block. `frame-ancestors` is ignored in <meta>
 * (CSP3 §6.1.2), so it is not listed.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self' https:",
  "frame-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')

function cspMeta(): Plugin {
  return {
    name: 'token-lens:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
    },
  }
}

/**
 * Writes which source modules ended up in which chunk, so scripts/budget.mjs can prove that
 * MSAL is not part of the first view. Kept outside dist/ so it is never deployed.
 */
function chunkStats(): Plugin {
  return {
    name: 'token-lens:chunk-stats',
    apply: 'build',
    generateBundle(options, bundle) {
      const chunks: Record<
        string,
        { modules: string[]; imports: string[]; dynamicImports: string[]; isEntry: boolean; facade: string | null }
      > = {}
      for (const [fileName, out] of Object.entries(bundle)) {
        if (out.type !== 'chunk') continue
        chunks[fileName] = {
          modules: out.moduleIds.map((id) => id.replace(process.cwd(), '')),
          imports: out.imports,
          dynamicImports: out.dynamicImports,
          isEntry: out.isEntry,
          facade: out.facadeModuleId ? out.facadeModuleId.replace(process.cwd(), '') : null,
        }
      }
      const dir = resolve(process.cwd(), '.build-stats')
      mkdirSync(dir, { recursive: true })
      // One file per output folder, so a build elsewhere (dist-subpath, a scratch folder) never
      // overwrites the stats that describe dist/.
      const out = basename(options.dir ?? 'dist')
      writeFileSync(resolve(dir, out === 'dist' ? 'chunks.json' : `chunks-${out}.json`), JSON.stringify(chunks, null, 2))
    },
  }
}

/**
 * Offline and installing (README "Offline and installing"). Workbox, through vite-plugin-pwa,
 * generates dist/sw.js with a precache of every file the build wrote: the app shell, every lazy
 * screen and data chunk, the HAR worker, CSS, icons and the manifest. Nothing else is cached and
 * nothing is fetched at run time by the worker.
 * - registerType 'prompt': a new version installs and then waits; the page says so and only the
 *   user's "Reload" activates it (src/app/pwa-updates.ts). No mid-demo swap.
 * - injectRegister false: no inline or extra registration script (script-src 'self' only). Our
 *   own code registers through the plugin's virtual module, at idle after the first paint
 *   (src/app/pwa-mount.tsx), so the first view's JavaScript does not grow.
 * - No navigateFallback: the worker answers only URLs that are in its precache (a hash router
 *   never needs another path), so it never serves index.html for anything but the app's own
 *   page and has no route at all for other origins (MSAL's identity providers, a local
 *   oidc-provider): those requests go to the network untouched.
 * - Query strings are ignored when matching the precache: redirect.html receives the sign-in
 *   response in its query or fragment and is the same static file either way.
 * The extension build (vite.extension.config.ts) does not use this plugin, and without the
 * TOKEN_LENS_PWA flag below the registration code is dropped from its bundle.
 */
function pwa(): Plugin[] {
  const base = basePath()
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    strategies: 'generateSW',
    filename: 'sw.js',
    manifestFilename: 'manifest.webmanifest',
    // public/ files are in the precache through globPatterns already; listing them again (or the
    // manifest's icons) would only repeat entries.
    includeManifestIcons: false,
    manifest: {
      id: base,
      name: 'Token Lens',
      short_name: 'Token Lens',
      description: 'Decode, validate and explain OAuth 2.0 and OpenID Connect tokens and flows, entirely in your browser.',
      lang: 'en',
      start_url: base,
      scope: base,
      display: 'standalone',
      // indigo-600 of the logo; slate-50 is the page background (src/index.css).
      theme_color: '#4f46e5',
      background_color: '#f8fafc',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // (manifest.webmanifest is added by the plugin itself.)
      globPatterns: ['**/*.{html,js,css,svg,png,json}'],
      // The biggest chunk is ~350 kB; a file over this limit would be left out silently, so the
      // limit is generous and scripts/budget.mjs checks that every chunk is in the precache.
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      navigateFallback: null,
      ignoreURLParametersMatching: [/.*/],
      cleanupOutdatedCaches: true,
      // The first visit's page is taken over as soon as the precache is complete, so screens not
      // opened yet still load if the network drops before a reload. Updates still wait for the
      // user (skipWaiting false).
      clientsClaim: true,
      skipWaiting: false,
      inlineWorkboxRuntime: true,
      sourcemap: false,
      runtimeCaching: [],
    },
  })
}

/**
 * The web build's flag for the service worker registration (src/app/pwa-mount.tsx). Build only:
 * the dev server and unit tests run without a worker, and the extension build never defines it.
 */
function pwaFlag(): Plugin {
  return {
    name: 'token-lens:pwa-flag',
    apply: 'build',
    config: () => ({ define: { 'import.meta.env.TOKEN_LENS_PWA': 'true' } }),
  }
}

/**
 * theme-color per colour scheme, matching the header (white / slate-900), and the Apple icon on
 * the app's page. redirect.html is a sign-in bridge that closes at once: it gets no manifest link
 * (vite-plugin-pwa adds one to every page; this hook runs after it).
 */
function pwaHead(): Plugin {
  return {
    name: 'token-lens:pwa-head',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) =>
        ctx.filename.endsWith('redirect.html')
          ? html.replace(/<link rel="manifest"[^>]*>/, '')
          : {
              html,
              tags: [
                {
                  tag: 'meta',
                  attrs: { name: 'theme-color', content: '#ffffff', media: '(prefers-color-scheme: light)' },
                  injectTo: 'head',
                },
                {
                  tag: 'meta',
                  attrs: { name: 'theme-color', content: '#0f172a', media: '(prefers-color-scheme: dark)' },
                  injectTo: 'head',
                },
                { tag: 'link', attrs: { rel: 'apple-touch-icon', href: `${basePath()}icons/apple-touch-icon.png` }, injectTo: 'head' },
              ],
            },
    },
  }
}

export default defineConfig({
  base: basePath(),
  plugins: [react(), tailwindcss(), cspMeta(), chunkStats(), pwa(), pwaFlag(), pwaHead()],
  build: {
    target: 'es2022',
    sourcemap: false,
    // No .vite/manifest.json in dist/: it would be deployed (scripts/budget.mjs reads our own
    // build stats instead, kept outside dist/).
    manifest: false,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        redirect: resolve(import.meta.dirname, 'redirect.html'),
      },
    },
  },
  preview: { port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: ['src/core/**/*.test.ts', 'src/adapters/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'happy-dom',
          // Component tests render whole screens and load their lazy chunks: up to 3.6 s for one
          // (the Import screen's) on a 2-core machine at a load average of 12, too near Vitest's
          // 5 s default. A hung test still fails.
          testTimeout: 20_000,
          include: ['src/**/*.test.tsx'],
          setupFiles: ['./src/test-setup.ts'],
        },
      },
    ],
  },
})
