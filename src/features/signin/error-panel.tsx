/** A failed sign-in explained: what happened, the codes, cause, fix and sources. */
import { useEffect, useState } from 'react'
import { explainError, type ErrorExplanation } from '../../core/errors/error-catalog.ts'
import { Badge } from '../../ui/badge.tsx'
import { BUTTON_GHOST } from '../../ui/button-styles.ts'
import { Provenance } from '../../ui/provenance.tsx'

/**
 * An error from the sign-in, what its codes mean and how to fix it (catalogue loaded on demand).
 * Every flow on this screen is MSAL's browser flow, a single-page application (authorization
 * code + PKCE, redeemed by the browser with CORS), so advice that depends on the kind of client
 * (AADSTS50011: which redirect URI platform to register) is given for 'spa' only.
 */
export function ErrorPanel({
  title,
  errorCode,
  message,
  oauthError,
  explanation,
  onDismiss,
}: {
  title: string
  errorCode: string
  message: string
  oauthError?: string
  explanation?: string
  onDismiss?: () => void
}) {
  const [explained, setExplained] = useState<ErrorExplanation[] | null>(null)
  useEffect(() => {
    let live = true
    explainError({ errorCode, text: message, platform: 'spa', ...(oauthError ? { oauthError } : {}) })
      .then((list) => live && setExplained(list))
      .catch(() => live && setExplained([]))
    return () => {
      live = false
    }
  }, [errorCode, message, oauthError])
  return (
    <section
      role="alert"
      aria-labelledby="signin-error-title"
      className="rounded-xl border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950/40"
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 id="signin-error-title" className="text-base font-semibold text-red-900 dark:text-red-200">
            {title}
          </h2>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-red-900 dark:text-red-200">
            <Badge tone="red">{errorCode}</Badge>
            {oauthError && oauthError !== errorCode ? <Badge tone="red">{oauthError}</Badge> : null}
          </p>
        </div>
        {onDismiss ? (
          <button type="button" className={BUTTON_GHOST} onClick={onDismiss}>
            Dismiss
          </button>
        ) : null}
      </div>
      {explanation ? (
        <p data-testid="signin-error-explanation" className="mt-3 text-sm text-red-950 dark:text-red-100">
          <span className="font-medium">What to change: </span>
          {explanation}
        </p>
      ) : null}
      {message ? (
        <pre className="mt-3 whitespace-pre-wrap break-words rounded bg-white/70 p-3 font-mono text-xs text-red-950 dark:bg-black/30 dark:text-red-100">
          {message}
        </pre>
      ) : null}
      {explained === null ? <p className="mt-3 text-sm text-red-900/80 dark:text-red-200/80">Looking up what this means…</p> : null}
      {explained?.length ? (
        <ul className="mt-3 space-y-3">
          {explained.map((e) => (
            <li
              key={`${e.source}-${e.code}`}
              className="rounded-lg border border-red-200 bg-white p-3 text-sm dark:border-red-900 dark:bg-slate-900"
            >
              <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900 dark:text-slate-100">
                <span className="font-mono">{e.code}</span>
                {e.name ? <span className="text-slate-500 dark:text-slate-400">{e.name}</span> : null}
                <Badge tone="slate">{e.source}</Badge>
              </p>
              <p className="mt-1.5 text-slate-700 dark:text-slate-200">
                <span className="font-medium">What it means: </span>
                {e.cause}
              </p>
              {e.fix ? (
                <p className="mt-1 text-slate-700 dark:text-slate-200">
                  <span className="font-medium">How to fix it: </span>
                  {e.fix}
                </p>
              ) : null}
              {e.oauthError ? (
                <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                  Usually returned as OAuth error <code>{e.oauthError}</code>
                  {e.pairingCertain ? '' : ' (an inferred pairing, not confirmed in a captured response)'}.
                </p>
              ) : null}
              {e.spec ? <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{e.spec}</p> : null}
              <Provenance links={e.links} checked={e.checked} />
            </li>
          ))}
        </ul>
      ) : null}
      {/* With an explanation of the failure itself (CORS, unreachable host), a missing catalogue entry is no news. */}
      {explained && !explained.length && !explanation ? (
        <p className="mt-3 text-sm text-red-900 dark:text-red-200">
          We have no notes for this code; the message above is what the library or server said.
        </p>
      ) : null}
    </section>
  )
}
