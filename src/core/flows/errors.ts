/**
 * Error explanations for flow lint findings. The table is loaded lazily (a separate chunk) so
 * the import screen does not pay for it until an error response is shown.
 */
import type { StepError } from './types.ts'

export interface FlowErrorExplanation {
  error: string
  spec?: string
  meaning?: string
  fix?: string
  aadsts?: { code: string; name: string; meaning: string; fix: string; pairingInferred: boolean }
}

interface Table {
  oauth: Record<string, { spec: string; meaning: string; fix: string }>
  aadsts: Record<string, { name: string; oauth?: string; pairing?: string; meaning: string; fix: string }>
}

let table: Promise<Table> | undefined

function load(): Promise<Table> {
  table ??= import('./data/error-explanations.json').then((m) => (m as { default: Table }).default)
  return table
}

export async function explainError(err: StepError): Promise<FlowErrorExplanation> {
  const t = await load()
  const out: FlowErrorExplanation = { error: err.error }
  const o = t.oauth[err.error]
  if (o) Object.assign(out, { spec: o.spec, meaning: o.meaning, fix: o.fix })
  const a = err.code ? t.aadsts[err.code] : undefined
  if (a && err.code) out.aadsts = { code: err.code, name: a.name, meaning: a.meaning, fix: a.fix, pairingInferred: a.pairing === 'inferred' }
  return out
}
