/**
 * The tokens a live capture's token endpoint issued, in the shape the sign-in screen's token list
 * reads. Not a second finder: it is a view over the one analysis (core/flows/detect.ts
 * analyzeFlows + core/flows/tokens.ts findTokens), keeping only token-response occurrences.
 * Kept for src/features/signin/token-list.tsx until that screen reads `Flow.tokens` directly.
 */
import { analyzeFlows } from '../flows/detect.ts'
import { inspectorExpectations } from '../flows/tokens.ts'
import type { InspectOptions } from '../token/types.ts'
import type { CapturedEntry } from './types.ts'

export type TokenKind = 'id_token' | 'access_token' | 'refresh_token'

/** @deprecated A projection of core/flows FlowToken for the sign-in token list; read Flow.tokens instead. */
export interface FlowToken {
  kind: TokenKind
  value: string
  entryIndex: number
  label: string
  scope?: string
  expected?: NonNullable<InspectOptions['expected']>
}

export function tokensFromCaptures(entries: CapturedEntry[], clientId: string, tenantId?: string): FlowToken[] {
  const analysis = analyzeFlows(entries, tenantId ? { tenantId } : {})
  const out: FlowToken[] = []
  for (const flow of analysis.flows) {
    for (const t of flow.tokens) {
      if (t.place !== 'token_response' || t.entryIndex === null) continue
      if (t.kind !== 'id_token' && t.kind !== 'access_token' && t.kind !== 'refresh_token') continue
      if ((entries[t.entryIndex]?.response.status ?? 0) !== 200) continue
      const expected = t.kind === 'refresh_token' ? undefined : inspectorExpectations(t.expected.clientId ? t : { ...t, expected: { ...t.expected, clientId } })
      out.push({ kind: t.kind, value: t.value, entryIndex: t.entryIndex, label: t.label ?? 'Sign-in', ...(t.scope ? { scope: t.scope } : {}), ...(expected ? { expected } : {}) })
    }
  }
  return out.sort((a, b) => a.entryIndex - b.entryIndex)
}
