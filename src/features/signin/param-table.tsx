/** The parameters of a paused request, secrets masked until revealed. */
import { useState } from 'react'
import { explainParam, isSensitiveName, maskValue, type ParamInfo } from '../../core/capture/params.ts'
import { Badge } from '../../ui/badge.tsx'
import { BUTTON_GHOST } from '../../ui/button-styles.ts'
import { TableHead } from '../../ui/table-head.tsx'

const COLUMNS = ['Parameter', 'Value', 'What it is'].map((label) => ({ label, className: 'px-3 py-2 font-medium' }))

/**
 * Protocol parameters with what each one means, who added it (MSAL by itself, the app, the
 * identity provider) and secrets masked until revealed. Values are rendered as text only.
 */
export function ParamTable({
  params,
  caption,
  scopesFromApp,
  response = false,
}: {
  params: [string, string][]
  caption: string
  scopesFromApp?: string[]
  response?: boolean
}) {
  const [revealed, setRevealed] = useState<Record<string, boolean>>({})
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <TableHead
          columns={COLUMNS}
          className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:bg-slate-800/60 dark:text-slate-400"
        />
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {params.map(([name, value], i) => {
            const info = response ? responseInfo(name) : explainParam(name)
            const secret = isSensitiveName(name)
            const shown = !secret || revealed[`${name}-${i}`]
            return (
              <tr key={`${name}-${i}`} className="align-top">
                <th scope="row" className="whitespace-nowrap px-3 py-2 font-mono text-xs font-semibold text-slate-800 dark:text-slate-100">
                  <div>{name}</div>
                  <div className="mt-1 flex flex-wrap gap-1 font-sans font-normal">
                    {info?.addedBy === 'msal' ? (
                      <Badge tone="violet" title="You did not ask for this: MSAL adds it by itself">
                        added by MSAL
                      </Badge>
                    ) : null}
                    {info?.addedBy === 'idp' ? <Badge tone="sky">from the IdP</Badge> : null}
                  </div>
                </th>
                <td className="max-w-md px-3 py-2">
                  <div className="break-all font-mono text-xs text-slate-700 dark:text-slate-200">
                    {shown ? name === 'scope' ? <Scopes value={value} fromApp={scopesFromApp} /> : value || '(empty)' : maskValue(value)}
                  </div>
                  {secret ? (
                    <button
                      type="button"
                      className={`${BUTTON_GHOST} mt-1 !px-1.5 !py-0.5 !text-xs`}
                      aria-pressed={!!shown}
                      onClick={() => setRevealed((r) => ({ ...r, [`${name}-${i}`]: !r[`${name}-${i}`] }))}
                    >
                      {shown ? 'Hide' : 'Reveal'} <span className="sr-only">{name}</span>
                    </button>
                  ) : null}
                </td>
                <td className="px-3 py-2 text-xs leading-relaxed text-slate-600 dark:text-slate-300">
                  {info ? (
                    info.meaning
                  ) : (
                    <span className="italic text-slate-500 dark:text-slate-400">
                      A parameter we have no notes for (a custom or provider-specific one).
                    </span>
                  )}
                  {info?.spec ? <span className="ml-1 whitespace-nowrap text-slate-500 dark:text-slate-400">({info.spec})</span> : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

const DEFAULT_SCOPES = new Set(['openid', 'profile', 'offline_access'])

function Scopes({ value, fromApp }: { value: string; fromApp: string[] | undefined }) {
  return (
    <span className="flex flex-wrap gap-1">
      {value
        .split(' ')
        .filter(Boolean)
        .map((s) => (
          <span key={s} className="inline-flex items-center gap-1">
            <code>{s}</code>
            {DEFAULT_SCOPES.has(s) && !(fromApp ?? []).includes(s) ? <Badge tone="violet">MSAL</Badge> : null}
          </span>
        ))}
    </span>
  )
}

/** In a response every parameter comes from the identity provider; a few mean something else there. */
function responseInfo(name: string): ParamInfo | undefined {
  const base = explainParam(name)
  if (name === 'client_info')
    return {
      meaning:
        'Base64url JSON with the user object ID (uid) and home tenant ID (utid), returned because the request carried client_info=1. MSAL builds the account ID from it; decoded below.',
      addedBy: 'idp',
    }
  if (name === 'state')
    return {
      meaning:
        'The state sent in the request, echoed back unchanged. MSAL compares it with the value it stored before it redeems the code; a different value means the response was not asked for by this tab.',
      addedBy: 'idp',
      spec: 'RFC 6749 §4.1.2, §10.12',
    }
  return base ? { ...base, addedBy: 'idp' } : undefined
}
