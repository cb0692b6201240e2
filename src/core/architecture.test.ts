/**
 * src/core must stay pure (DESIGN.md §3): it runs in Node and in the browser, so it may not
 * import UI libraries or MSAL, touch DOM globals, or read the clock. ESLint checks the same at
 * edit time; this test makes the rule part of `npm test` even if someone disables a lint rule.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const CORE = join(import.meta.dirname)

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (/\.(ts|tsx)$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name)) out.push(path)
  }
  return out
}

/** Removes comments and string/template contents so that prose about `window` is not a hit. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""')
}

const FORBIDDEN_MODULES = /^(react|react-dom|zustand|react-router|@azure\/msal-browser|@azure\/msal-common)(\/|$)/
const DOM_GLOBALS =
  /(?<![.\w$])(window|document|localStorage|sessionStorage|navigator|location|fetch|XMLHttpRequest|HTMLElement)(?![\w$])(?!\s*\??:)/
const CLOCK = /Date\.now\s*\(|new\s+Date\s*\(\s*\)|performance\.now\s*\(/

function importsOf(source: string): string[] {
  const specs: string[] = []
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g
  for (const m of source.matchAll(re)) specs.push(m[1] ?? m[2] ?? m[3] ?? '')
  return specs
}

describe('src/core purity', () => {
  const files = sourceFiles(CORE)

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  it.each(files.map((f) => [relative(CORE, f), f]))('%s imports no UI library or MSAL', (_name, file) => {
    const bad = importsOf(readFileSync(file, 'utf8')).filter((s) => FORBIDDEN_MODULES.test(s))
    expect(bad).toEqual([])
  })

  it.each(files.map((f) => [relative(CORE, f), f]))('%s uses no DOM global and never reads the clock', (_name, file) => {
    const code = codeOnly(readFileSync(file, 'utf8'))
    const lines = code.split('\n')
    const offending = lines
      .map((line, i) => ({ line: i + 1, text: line.trim() }))
      .filter(({ text }) => DOM_GLOBALS.test(text) || CLOCK.test(text))
    expect(offending).toEqual([])
  })

  it('the detectors catch what they are meant to catch', () => {
    // Guards against a regex that silently matches nothing.
    // The samples are assembled so that a plain grep over src/core for UI imports does not
    // mistake this test's own strings for real imports.
    const react = ['re', 'act'].join('')
    const msal = ['@azure', 'msal-browser'].join('/')
    expect(importsOf(`import { useState } from '${react}'`).some((s) => FORBIDDEN_MODULES.test(s))).toBe(true)
    expect(importsOf(`const m = await import('${msal}')`).some((s) => FORBIDDEN_MODULES.test(s))).toBe(true)
    expect(DOM_GLOBALS.test(codeOnly('const w = window.location'))).toBe(true)
    expect(DOM_GLOBALS.test(codeOnly('await fetch(url)'))).toBe(true)
    expect(DOM_GLOBALS.test(codeOnly("const s = 'the window of validity' // document this"))).toBe(false)
    expect(DOM_GLOBALS.test(codeOnly('options.fetchJson(url)'))).toBe(false)
    expect(DOM_GLOBALS.test(codeOnly('interface R { document?: unknown; location: string }'))).toBe(false)
    expect(CLOCK.test(codeOnly('const t = Date.now()'))).toBe(true)
    expect(CLOCK.test(codeOnly('new Date(sec * 1000)'))).toBe(false)
  })
})

/** A file opens with a comment saying what it is for (issue 13: a reader knows why a file exists before reading it). */
function opensWithPurpose(source: string): boolean {
  return /^\s*(\/\*\*?[\s\S]*?\*\/|\/\/)/.test(source)
}

describe('every source file says what it is for', () => {
  it('opens with a comment (code, not tests or declarations)', () => {
    const files = sourceFiles(join(CORE, '..')).filter((f) => !f.endsWith('.d.ts'))
    expect(files.length).toBeGreaterThan(150)
    const silent = files.filter((f) => !opensWithPurpose(readFileSync(f, 'utf8'))).map((f) => f.slice(join(CORE, '..').length + 1))
    expect(silent).toEqual([])
  })

  it('the check tells a header from code', () => {
    expect(opensWithPurpose('/** The app shell. */\nexport {}')).toBe(true)
    expect(opensWithPurpose('// ESLint config\nexport {}')).toBe(true)
    expect(opensWithPurpose("import { x } from './x.ts'\n/** late */")).toBe(false)
  })
})
