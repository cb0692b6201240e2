import { defineConfig } from 'vitest/config'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
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
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
      ],
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
      const chunks: Record<string, { modules: string[]; imports: string[]; dynamicImports: string[]; isEntry: boolean; facade: string | null }> = {}
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

export default defineConfig({
  base: basePath(),
  plugins: [react(), tailwindcss(), cspMeta(), chunkStats()],
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
          include: ['src/**/*.test.tsx'],
          setupFiles: ['./src/test-setup.ts'],
        },
      },
    ],
  },
})
