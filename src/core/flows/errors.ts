/**
 * Error explanations for flow lint findings, in the shape the import screen shows. A thin view
 * over the shared catalogue (src/core/errors/error-catalog.ts), which loads lazily on first use.
 */
import { aadstsKey, loadErrorCatalog } from '../errors/error-catalog.ts'
import type { StepError } from './types.ts'

export interface FlowErrorExplanation {
  error: string
  spec?: string
  meaning?: string
  fix?: string
  aadsts?: { code: string; name: string; meaning: string; fix: string; pairingInferred: boolean }
}

export async function explainError(err: StepError): Promise<FlowErrorExplanation> {
  const c = await loadErrorCatalog()
  const out: FlowErrorExplanation = { error: err.error }
  const o = c.oauth[err.error]
  if (o) Object.assign(out, { spec: o.spec, meaning: o.meaning, fix: o.action })
  const a = err.code ? c.aadsts[aadstsKey(err.code)] : undefined
  // A pairing the reference does not confirm (inferred, or Entra's own error page) is not shown as certain.
  if (a && err.code)
    out.aadsts = { code: err.code, name: a.name, meaning: a.cause, fix: a.fix, pairingInferred: a.oauthError !== undefined && !a.certain }
  return out
}
