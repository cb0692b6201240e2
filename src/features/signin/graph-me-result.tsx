/** The answer of Microsoft Graph /me after sign-in, or why it was not called. */
import type { GraphMe } from '../../stores/signin-store.ts'
import { Badge } from '../../ui/badge.tsx'
import { CallAnswered, CallFailed, CallSkipped } from './call-result.tsx'
import { GRAPH_MISSING, GRAPH_REASON_WORDS, graphMessage } from './words.ts'

/**
 * What Microsoft Graph /me answered after the sign-in. A failure is shown as a note, never as
 * an error of the sign-in: the user is signed in either way.
 */
export function GraphMeResult({ graph }: { graph: GraphMe }) {
  if (graph.status === 'skipped') return <CallSkipped testId="graph-me">{GRAPH_REASON_WORDS[graph.reason]}</CallSkipped>
  if (graph.status === 'failed') {
    return (
      <CallFailed
        testId="graph-me"
        title={
          graph.step === 'token' ? 'No Microsoft Graph token: /me was not called' : 'Microsoft Graph /me did not answer with the profile'
        }
        errorCode={graph.errorCode}
        explanation={GRAPH_REASON_WORDS[graph.reason]}
        message={graphMessage(graph)}
        unaffected="the ID token and the app's access token"
      />
    )
  }
  return (
    <CallAnswered
      testId="graph-me"
      heading={
        <>
          Microsoft Graph <span className="font-mono text-xs">GET /v1.0/me</span>
          <Badge tone="green">200 OK</Badge>
          <span className="text-xs font-normal text-slate-500 dark:text-slate-400">
            with a User.Read token {graph.fromCache ? 'from the MSAL cache' : 'MSAL got silently with the refresh token'}
          </span>
        </>
      }
    >
      <dt className="text-slate-500 dark:text-slate-400">Display name</dt>
      <dd className="text-slate-800 dark:text-slate-100">{graph.displayName || GRAPH_MISSING.displayName}</dd>
      <dt className="text-slate-500 dark:text-slate-400">UPN</dt>
      <dd className="break-all font-mono text-xs leading-5 text-slate-800 dark:text-slate-100">
        {graph.userPrincipalName || GRAPH_MISSING.userPrincipalName}
      </dd>
      <dt className="text-slate-500 dark:text-slate-400">Object ID</dt>
      <dd className="break-all font-mono text-xs leading-5 text-slate-800 dark:text-slate-100">{graph.id}</dd>
    </CallAnswered>
  )
}
