/** Value humanisers (lazily loaded). */
import type { AnnotateContext, HumanValue } from './types.ts'
import type { ClaimContext } from './platform.ts'
import { humaniseTime } from './time.ts'

export interface HumaniseEnv {
  ctx: AnnotateContext
  context: ClaimContext
  payload: Record<string, unknown>
}

function raw(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
}

const TIME_CLAIMS = new Set(['exp', 'nbf', 'iat', 'auth_time', 'updated_at', 'toe'])

export async function humaniseClaim(name: string, value: unknown, env: HumaniseEnv): Promise<HumanValue[]> {
  if (TIME_CLAIMS.has(name)) {
    const t = humaniseTime(value, env.ctx.now)
    const h: HumanValue = { raw: raw(value), text: t.text }
    if (t.relative !== undefined) h.relative = t.relative
    return [h]
  }
  return [{ raw: raw(value) }]
}

export function humaniseHeader(_name: string, value: unknown, _header: Record<string, unknown>, _ctx: AnnotateContext): HumanValue[] {
  return [{ raw: raw(value) }]
}
