/** The flow lint findings of one flow, each with the spec section that says why. */
import { useState } from 'react'
import type { ClientPlatform, ErrorExplanation } from '../../core/errors/error-catalog.ts'
import { explainStepError } from '../../core/flows/errors.ts'
import type { FlowFinding, FlowStep } from '../../core/flows/types.ts'
import { Badge, type Tone } from '../../ui/badge.tsx'
import { BUTTON_GHOST } from '../../ui/button-styles.ts'
import { ExternalLink } from '../../ui/external-link.tsx'
import { Provenance } from '../../ui/provenance.tsx'

const TONE: Record<FlowFinding['severity'], Tone> = { error: 'red', warning: 'amber', info: 'sky' }

function Explanation({ finding, platform }: { finding: FlowFinding; platform: ClientPlatform | undefined }) {
  const [why, setWhy] = useState<ErrorExplanation[] | null>(null)
  const error = finding.error
  if (!error) return null
  if (!why) {
    return (
      <button
        type="button"
        className={`${BUTTON_GHOST} mt-1 px-1.5 py-0.5 text-xs`}
        onClick={() =>
          void explainStepError(error, platform)
            .then(setWhy)
            .catch(() => setWhy([]))
        }
      >
        Explain this error
      </button>
    )
  }
  return (
    <div className="mt-2 space-y-2 rounded-md bg-slate-50 p-2 text-xs dark:bg-slate-800/60" data-testid="error-explanation">
      {error.description ? <p className="font-mono text-slate-600 dark:text-slate-400">{error.description}</p> : null}
      {why.length === 0 ? <p>No explanation on file for “{error.error}”.</p> : null}
      {why.map((e) => (
        <div key={`${e.source}-${e.code}`}>
          <p>
            <span className="font-semibold">{e.code}</span>
            {e.name ? ` · ${e.name}` : ''} ({e.spec ?? e.source}): {e.cause} {e.fix}
            {e.oauthError && e.pairingCertain === false ? (
              <span className="text-slate-600 dark:text-slate-400">
                {' '}
                (the OAuth error paired with this code, {e.oauthError}, is our inference, not confirmed)
              </span>
            ) : null}
          </p>
          <Provenance links={e.links} checked={e.checked} />
        </div>
      ))}
    </div>
  )
}

/** Lint findings of one flow, most severe first, each with its spec reference. */
export function FindingsList({
  findings,
  steps,
  platform,
}: {
  findings: FlowFinding[]
  steps: FlowStep[]
  /** The flow's kind of client, when the capture shows it: advice that depends on it (AADSTS50011) is given for it alone. */
  platform?: ClientPlatform | undefined
}) {
  if (findings.length === 0)
    return <p className="text-sm text-emerald-700 dark:text-emerald-300">No findings: this flow follows the rules checked here.</p>
  const order = { error: 0, warning: 1, info: 2 }
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity])
  const stepNo = (id?: string) => (id ? steps.findIndex((s) => s.id === id) + 1 : 0)
  return (
    <ul className="space-y-2" data-testid="flow-findings">
      {sorted.map((f, i) => (
        <li
          key={`${f.code}-${i}`}
          data-code={f.code}
          className="rounded-lg border border-slate-200 px-3 py-2 text-sm dark:border-slate-800"
        >
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={TONE[f.severity]}>{f.severity}</Badge>
            <code className="text-xs text-slate-600 dark:text-slate-400">{f.code}</code>
            {stepNo(f.stepId) > 0 ? <span className="text-xs text-slate-500 dark:text-slate-400">step {stepNo(f.stepId)}</span> : null}
            <ExternalLink href={f.specRef.url} className="ml-auto text-xs">
              {f.specRef.label}
            </ExternalLink>
          </div>
          <p className="mt-1 text-slate-800 dark:text-slate-200">{f.message}</p>
          <Explanation finding={f} platform={platform} />
        </li>
      ))}
    </ul>
  )
}
