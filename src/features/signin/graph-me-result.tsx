/** The answer of Microsoft Graph /me after sign-in, or why it was not called. */
import type { GraphMe } from '../../stores/signin-store.ts'
import { Badge } from '../../ui/badge.tsx'
import { GRAPH_MISSING, GRAPH_REASON_WORDS, graphMessage } from './words.ts'

/**
 * What Microsoft Graph /me answered after the sign-in. A failure is shown as a note, never as
 * an error of the sign-in: the user is signed in either way.
 */
export function GraphMeResult({ graph }: { graph: GraphMe }) {
  if (graph.status === 'skipped') {
    return (
      <p data-testid="graph-me" className="text-sm text-slate-600 dark:text-slate-300">
        {GRAPH_REASON_WORDS[graph.reason]}
      </p>
    )
  }
  if (graph.status === 'failed') {
    return (
      <div
        data-testid="graph-me"
        role="status"
        className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2.5 text-sm dark:border-amber-400/30 dark:bg-amber-500/10"
      >
        <p className="flex flex-wrap items-center gap-2 font-medium text-amber-900 dark:text-amber-100">
          {graph.step === 'token' ? 'No Microsoft Graph token: /me was not called' : 'Microsoft Graph /me did not answer with the profile'}
          <Badge tone="amber">{graph.errorCode}</Badge>
        </p>
        <p className="mt-1 text-amber-900 dark:text-amber-100">{GRAPH_REASON_WORDS[graph.reason]}</p>
        <p className="mt-1 break-words font-mono text-xs text-amber-800 dark:text-amber-200/80">{graphMessage(graph)}</p>
        <p className="mt-1 text-xs text-amber-800 dark:text-amber-200/80">
          You are still signed in; the ID token and the app's access token are unaffected.
        </p>
      </div>
    )
  }
  return (
    <div data-testid="graph-me" className="rounded-lg border border-slate-200 px-3 py-2.5 dark:border-slate-700">
      <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-800 dark:text-slate-100">
        Microsoft Graph <span className="font-mono text-xs">GET /v1.0/me</span>
        <Badge tone="green">200 OK</Badge>
        <span className="text-xs font-normal text-slate-500 dark:text-slate-400">
          with a User.Read token {graph.fromCache ? 'from the MSAL cache' : 'MSAL got silently with the refresh token'}
        </span>
      </p>
      <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500 dark:text-slate-400">Display name</dt>
        <dd className="text-slate-800 dark:text-slate-100">{graph.displayName || GRAPH_MISSING.displayName}</dd>
        <dt className="text-slate-500 dark:text-slate-400">UPN</dt>
        <dd className="break-all font-mono text-xs leading-5 text-slate-800 dark:text-slate-100">
          {graph.userPrincipalName || GRAPH_MISSING.userPrincipalName}
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Object ID</dt>
        <dd className="break-all font-mono text-xs leading-5 text-slate-800 dark:text-slate-100">{graph.id}</dd>
      </dl>
    </div>
  )
}
