/** The answer of the provider's userinfo endpoint after sign-in, or why it was not called. */
import type { Userinfo } from '../../core/providers/userinfo.ts'
import { Badge } from '../../ui/badge.tsx'

/**
 * What the provider's userinfo endpoint answered after the sign-in (the generic counterpart of
 * Graph /me). Claim values are text from the provider: rendered as text, never as HTML or links.
 */
export function UserinfoResult({ userinfo }: { userinfo: Userinfo }) {
  if (userinfo.status === 'skipped') {
    return (
      <p data-testid="userinfo" className="text-sm text-slate-600 dark:text-slate-300">
        {userinfo.explanation}
      </p>
    )
  }
  if (userinfo.status === 'failed') {
    return (
      <div
        data-testid="userinfo"
        role="status"
        className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2.5 text-sm dark:border-amber-400/30 dark:bg-amber-500/10"
      >
        <p className="flex flex-wrap items-center gap-2 font-medium text-amber-900 dark:text-amber-100">
          userinfo did not answer with claims
          <Badge tone="amber">{userinfo.errorCode}</Badge>
        </p>
        <p className="mt-1 text-amber-900 dark:text-amber-100">{userinfo.explanation}</p>
        <p className="mt-1 break-words font-mono text-xs text-amber-800 dark:text-amber-200/80">{userinfo.message}</p>
        <p className="mt-1 text-xs text-amber-800 dark:text-amber-200/80">
          You are still signed in; the ID token and the access token are unaffected.
        </p>
      </div>
    )
  }
  return (
    <div data-testid="userinfo" className="rounded-lg border border-slate-200 px-3 py-2.5 dark:border-slate-700">
      <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-800 dark:text-slate-100">
        userinfo <span className="break-all font-mono text-xs">GET {userinfo.endpoint}</span>
        <Badge tone="green">200 OK</Badge>
        {userinfo.subMatches === true ? <Badge tone="green">sub matches the ID token</Badge> : null}
        {userinfo.subMatches === false ? <Badge tone="red">sub differs from the ID token: do not use these claims</Badge> : null}
      </p>
      <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        {userinfo.claims.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="font-mono text-xs leading-5 text-slate-500 dark:text-slate-400">{name}</dt>
            <dd className="break-all font-mono text-xs leading-5 text-slate-800 dark:text-slate-100">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
