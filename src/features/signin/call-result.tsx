/** The frames of a call the sign-in screen makes after signing in (Graph /me, userinfo): not made, failed, answered. */
import type { ReactNode } from 'react'
import { Badge } from '../../ui/badge.tsx'

/** Why the call was not made: one line of text. */
export function CallSkipped({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <p data-testid={testId} className="text-sm text-slate-600 dark:text-slate-300">
      {children}
    </p>
  )
}

/**
 * A failed call, shown as a note, never as an error of the sign-in: the user is signed in
 * either way, and `unaffected` says which tokens that leaves as they were.
 */
export function CallFailed({
  testId,
  title,
  errorCode,
  explanation,
  message,
  unaffected,
}: {
  testId: string
  title: string
  errorCode: string
  explanation: string
  message: string
  unaffected: string
}) {
  return (
    <div
      data-testid={testId}
      role="status"
      className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2.5 text-sm dark:border-amber-400/30 dark:bg-amber-500/10"
    >
      <p className="flex flex-wrap items-center gap-2 font-medium text-amber-900 dark:text-amber-100">
        {title}
        <Badge tone="amber">{errorCode}</Badge>
      </p>
      <p className="mt-1 text-amber-900 dark:text-amber-100">{explanation}</p>
      <p className="mt-1 break-words font-mono text-xs text-amber-800 dark:text-amber-200/80">{message}</p>
      <p className="mt-1 text-xs text-amber-800 dark:text-amber-200/80">You are still signed in; {unaffected} are unaffected.</p>
    </div>
  )
}

/** A call that answered 200: the request line and badges in `heading`, the answer's fields as a list in `children`. */
export function CallAnswered({ testId, heading, children }: { testId: string; heading: ReactNode; children: ReactNode }) {
  return (
    <div data-testid={testId} className="rounded-lg border border-slate-200 px-3 py-2.5 dark:border-slate-700">
      <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-800 dark:text-slate-100">{heading}</p>
      <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">{children}</dl>
    </div>
  )
}
