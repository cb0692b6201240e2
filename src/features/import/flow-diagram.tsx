import type { Flow } from '../../core/flows/types.ts'

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return 'unknown host'
  }
}

const FRONT = new Set(['authorize', 'redirect_back', 'callback', 'logout', 'saml'])

/**
 * Fallback drawing of the flow as a message list (who talks to whom), used until the shared
 * sequence-diagram renderer is available.
 */
export function FlowDiagram({ flow }: { flow: Flow }) {
  return (
    <ol className="space-y-1 font-mono text-xs" data-testid="flow-diagram" aria-label="Messages of the flow">
      {flow.steps.map((s) => {
        const from = s.origin === 'not_observed' ? 'App server' : FRONT.has(s.kind) ? 'Browser' : 'App'
        return (
          <li key={s.id} className={s.origin === 'not_observed' ? 'text-amber-700 dark:text-amber-300' : 'text-slate-700 dark:text-slate-300'}>
            {from} {s.origin === 'not_observed' ? '⇢' : '→'} {hostOf(s.url)}: {s.label}
          </li>
        )
      })}
    </ol>
  )
}
