/**
 * The core's one verdict (core/token/verdict.ts) as a pill for a row in a list: its tone and its
 * short label, the headline and reasons as the tooltip. Every list that shows a token's verdict
 * uses this, so a token reads the same on the Import screen, the sign-in list and the inspector.
 */
import type { Verdict, VerdictTone } from '../core/token/verdict.ts'
import { Badge, type Tone } from './badge.tsx'

const TONE: Record<VerdictTone, Tone> = { good: 'green', caution: 'amber', bad: 'red', info: 'sky', neutral: 'slate' }

/** `detail` (the token family, say) sits beside the pill, inside the same verdict element. */
export function VerdictBadge({ verdict, detail }: { verdict: Verdict; detail?: string }) {
  return (
    <span data-testid="token-verdict" data-verdict-kind={verdict.kind} className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={TONE[verdict.tone]} title={[verdict.headline, ...verdict.reasons].join(' — ')}>
        {verdict.short}
      </Badge>
      {detail ? <span className="text-xs text-slate-500 dark:text-slate-400">{detail}</span> : null}
    </span>
  )
}
