/** The answer of the provider's userinfo endpoint after sign-in, or why it was not called. */
import type { Userinfo } from '../../core/providers/userinfo.ts'
import { Badge } from '../../ui/badge.tsx'
import { CallAnswered, CallFailed, CallSkipped } from './call-result.tsx'
import { USERINFO_SKIP_WORDS } from './words.ts'

/**
 * What the provider's userinfo endpoint answered after the sign-in (the generic counterpart of
 * Graph /me). Claim values are text from the provider: rendered as text, never as HTML or links.
 */
export function UserinfoResult({ userinfo }: { userinfo: Userinfo }) {
  if (userinfo.status === 'skipped') return <CallSkipped testId="userinfo">{USERINFO_SKIP_WORDS[userinfo.reason]}</CallSkipped>
  if (userinfo.status === 'failed') {
    return (
      <CallFailed
        testId="userinfo"
        title="userinfo did not answer with claims"
        errorCode={userinfo.errorCode}
        explanation={userinfo.explanation}
        message={userinfo.message}
        unaffected="the ID token and the access token"
      />
    )
  }
  return (
    <CallAnswered
      testId="userinfo"
      heading={
        <>
          userinfo <span className="break-all font-mono text-xs">GET {userinfo.endpoint}</span>
          <Badge tone="green">200 OK</Badge>
          {userinfo.subMatches === true ? <Badge tone="green">sub matches the ID token</Badge> : null}
          {userinfo.subMatches === false ? <Badge tone="red">sub differs from the ID token: do not use these claims</Badge> : null}
        </>
      }
    >
      {userinfo.claims.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="font-mono text-xs leading-5 text-slate-500 dark:text-slate-400">{name}</dt>
          <dd className="break-all font-mono text-xs leading-5 text-slate-800 dark:text-slate-100">{value}</dd>
        </div>
      ))}
    </CallAnswered>
  )
}
