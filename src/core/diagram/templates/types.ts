/** The shape of a teaching template: a canonical flow drawn without any capture. */
import type { ExchangeInput } from '../model.ts'

/** A canonical teaching flow: what the exchanges of a textbook run look like, with explanations. */
export interface FlowTemplate {
  id: string
  title: string
  summary: string
  clientTitle: string
  inputs: ExchangeInput[]
}
