/** Typed access to the generated fixtures (scripts/gen-token-fixtures.mjs). Test-only. */
import type { InspectOptions, InspectionReport } from '../types.ts'
import { inspectToken } from '../inspect.ts'
import scenarioFile from './scenarios.json'
import jwksFile from './jwks.json'

export interface Scenario {
  description: string
  token: string
  jwks: keyof typeof jwksFile
  now: number
  expected?: InspectOptions['expected']
}

export const constants = scenarioFile.constants
export const scenarios = scenarioFile.scenarios as Record<string, Scenario>
export const jwks = jwksFile

export function scenario(name: string): Scenario {
  const s = scenarios[name]
  if (!s) throw new Error(`no fixture scenario "${name}"`)
  return s
}

/** Options for a scenario: its key set, its time, its expectations, plus overrides. */
export function optionsFor(name: string, extra: Partial<InspectOptions> = {}): InspectOptions {
  const s = scenario(name)
  const o: InspectOptions = { now: s.now, keys: { jwks: jwks[s.jwks] } }
  if (s.expected) o.expected = s.expected
  return { ...o, ...extra }
}

export function inspectScenario(name: string, extra: Partial<InspectOptions> = {}): Promise<InspectionReport> {
  return inspectToken(scenario(name).token, optionsFor(name, extra))
}

export function codes(r: InspectionReport): string[] {
  return r.findings.map((f) => f.code)
}
