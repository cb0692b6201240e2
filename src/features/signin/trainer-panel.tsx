/** Trainer fault switches for the demo tenant (errors a trainer can make happen on purpose). */
import type { DemoFaults } from '../../core/demo-tenant/types.ts'
import { Panel } from '../../ui/panel.tsx'
import { Switch } from '../../ui/switch.tsx'
import { INPUT } from '../../ui/button-styles.ts'

const SWITCHES: { key: Exclude<keyof DemoFaults, 'clockSkewSec'>; label: string; what: string }[] = [
  {
    key: 'wrongRedirectUri',
    label: 'Wrong redirect URI',
    what: 'The tenant no longer recognises the redirect URI: AADSTS50011 at /authorize.',
  },
  {
    key: 'pkceMismatch',
    label: 'PKCE verifier mismatch',
    what: 'The token endpoint sees a code_verifier that does not hash to the challenge: invalid_grant.',
  },
  {
    key: 'codeReuse',
    label: 'Code reuse',
    what: 'A code counts as already redeemed: invalid_grant (AADSTS54005), as when a code is replayed.',
  },
  {
    key: 'consentDeclined',
    label: 'Consent declined',
    what: 'The user refuses consent: access_denied (AADSTS65004) comes back to the app.',
  },
  { key: 'expiredCode', label: 'Expired code', what: 'The code is too old when redeemed: invalid_grant (AADSTS70008).' },
]

/** Fault switches for trainers: make the demo tenant fail the way Entra fails. */
export function TrainerPanel({ faults, onChange }: { faults: DemoFaults; onChange: (f: DemoFaults) => void }) {
  const skew = faults.clockSkewSec ?? 0
  return (
    <Panel
      id="trainer"
      title="Trainer: make the demo tenant fail"
      description="Applies to the next request. Each reproduces a real Entra failure so you can show the error and its explanation."
    >
      <ul className="space-y-2">
        {SWITCHES.map((s) => (
          <li key={s.key} className="flex flex-col">
            <Switch
              checked={!!faults[s.key]}
              onChange={(on) => onChange({ ...faults, [s.key]: on })}
              label={s.label}
              description={s.what}
            />
            <span className="pl-12 text-xs text-slate-500 dark:text-slate-400">{s.what}</span>
          </li>
        ))}
        <li className="flex flex-wrap items-center gap-2 pt-1 text-sm">
          <label htmlFor="clock-skew" className="font-medium text-slate-700 dark:text-slate-200">
            Clock skew
          </label>
          <input
            id="clock-skew"
            type="number"
            step={60}
            className={`${INPUT} !w-28`}
            value={skew}
            onChange={(e) => onChange({ ...faults, clockSkewSec: Number(e.target.value) || 0 })}
          />
          <span className="text-xs text-slate-500 dark:text-slate-400">
            seconds added to iat/nbf/exp of issued tokens (try 900 to get "not yet valid")
          </span>
        </li>
      </ul>
    </Panel>
  )
}
