// ESLint flat config. Besides the usual TypeScript rules it enforces the layering of
// DESIGN.md §3: core -> adapters -> stores -> features, ui stays generic, MSAL only in adapters.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

const layerZones = [
  // core is pure: nothing outside core.
  {
    target: './src/core',
    from: ['./src/adapters', './src/stores', './src/features', './src/ui', './src/app'],
    message: 'src/core is pure: it may import only src/core (DESIGN.md §3).',
  },
  {
    target: './src/adapters',
    from: ['./src/stores', './src/features', './src/ui', './src/app'],
    message: 'src/adapters may import only src/core.',
  },
  { target: './src/stores', from: ['./src/features', './src/ui', './src/app'], message: 'Stores may import core and adapters only.' },
  {
    target: './src/features',
    from: ['./src/app', './src/adapters'],
    message: 'Features use core, stores and ui (side effects go through stores).',
  },
  // ui may name core's types (import type), never run core code: see the src/ui block below.
  {
    target: './src/ui',
    from: ['./src/adapters', './src/stores', './src/features', './src/app'],
    message: 'src/ui holds generic presentational components only.',
  },
  // The browser extension is a second entry on top of the app: it may use every layer, none uses it
  // (chrome.* stays there; its types are only in tsconfig.extension.json).
  {
    target: ['./src/core', './src/adapters', './src/stores', './src/features', './src/ui', './src/app'],
    from: './src/extension',
    message: 'Nothing imports the browser extension (src/extension): it is an entry of its own.',
  },
]

// A feature never imports another feature.
const features = ['inspector', 'signin', 'exchanges', 'diagram', 'import']
for (const f of features) {
  layerZones.push({
    target: `./src/features/${f}`,
    from: features.filter((o) => o !== f).map((o) => `./src/features/${o}`),
    message: 'Features never import each other: share through core, stores or ui.',
  })
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      '.build-stats',
      'test-results',
      'playwright-report',
      'e2e-artifacts',
      'coverage',
      '.*-screens',
      '.*-shots',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['./tsconfig.app.json', './tsconfig.test.json', './tsconfig.node.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a string union instead of an enum (DESIGN.md §3).' },
      ],
      // Prettier wraps code at 140 columns; this catches what it cannot (comments). A line made long
      // by one string (a sentence, a Tailwind class list, a URL) is left whole: split, it would be
      // harder to read and to find with a search.
      'max-len': ['error', { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@azure/msal-browser', '@azure/msal-browser/*', '@azure/msal-common', '@azure/msal-common/*'],
              message: 'MSAL may be imported only under src/adapters/.',
            },
          ],
        },
      ],
    },
  },
  {
    // DESIGN.md §3: ui takes "types only from core/ (import type)", so a renderer draws the core's
    // shapes without restating their types; values (functions, tables) stay out of ui.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '(^|/)core/', allowTypeImports: true, message: 'src/ui may import only types from src/core (import type).' }],
        },
      ],
    },
  },
  {
    files: ['src/adapters/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'zustand', 'react-router'].map((name) => ({ name, message: 'src/core is pure: no UI libraries.' })),
          patterns: [{ group: ['@azure/*', 'react-dom/*', 'zustand/*'], message: 'src/core is pure.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'navigator',
        'location',
        'fetch',
        'XMLHttpRequest',
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
)
