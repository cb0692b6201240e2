/** A step-through pause: the request about to be sent, with Continue and Cancel. */
import { useEffect, useRef } from 'react'
import { decodeClientInfo } from '../../core/capture/classify.ts'
import { responseParams } from '../../core/capture/har.ts'
import type { Pause } from '../../stores/signin-store.ts'
import { BUTTON_PRIMARY, BUTTON_SECONDARY } from '../../ui/button-styles.ts'
import { Badge } from '../../ui/badge.tsx'
import { CodeBlock } from '../../ui/code-block.tsx'
import { ParamTable } from './param-table.tsx'

const STEPS = ['Before /authorize', 'After the redirect back', 'Before the /token POST'] as const

/** One step-through pause: what is about to happen, every parameter explained, then continue. */
export function StepPause({
  pause,
  appScopes,
  onContinue,
  onCancel,
}: {
  pause: Pause
  appScopes: string[]
  onContinue: () => void
  onCancel: () => void
}) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [pause])
  const index = pause.kind === 'authorize' ? 0 : pause.kind === 'redirect' ? 1 : 2
  return (
    <section
      aria-labelledby="pause-title"
      className="rounded-xl border-2 border-indigo-300 bg-white shadow-sm dark:border-indigo-500/50 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-indigo-100 bg-indigo-50/60 px-4 py-3 dark:border-indigo-500/20 dark:bg-indigo-500/10">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-indigo-700 dark:text-indigo-300">
            Step-through · pause {index + 1} of 3
          </p>
          <h2 id="pause-title" ref={heading} tabIndex={-1} className="text-base font-semibold outline-none">
            {STEPS[index]}
          </h2>
        </div>
        <ol className="flex gap-1.5" aria-label="Pauses">
          {STEPS.map((s, i) => (
            <li
              key={s}
              aria-current={i === index ? 'step' : undefined}
              className={`h-2 w-8 rounded-full ${i < index ? 'bg-indigo-400' : i === index ? 'bg-indigo-600 dark:bg-indigo-400' : 'bg-slate-200 dark:bg-slate-700'}`}
            >
              <span className="sr-only">
                {s}
                {i === index ? ' (current)' : i < index ? ' (done)' : ''}
              </span>
            </li>
          ))}
        </ol>
      </div>
      <div className="space-y-4 p-4">
        {pause.kind === 'authorize' ? <AuthorizeDetail url={pause.url} demo={pause.demo} appScopes={appScopes} /> : null}
        {pause.kind === 'redirect' ? <RedirectDetail url={pause.url} /> : null}
        {pause.kind === 'token' ? <TokenDetail url={pause.request.url} body={pause.request.body ?? ''} /> : null}
        <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4 dark:border-slate-800">
          <button type="button" className={BUTTON_PRIMARY} onClick={onContinue}>
            {pause.kind === 'authorize'
              ? pause.demo
                ? 'Continue to the demo sign-in page'
                : 'Continue to the identity provider'
              : pause.kind === 'redirect'
                ? 'Continue: let MSAL check the response'
                : 'Continue: send the token request'}
          </button>
          <button type="button" className={BUTTON_SECONDARY} onClick={onCancel}>
            Cancel sign-in
          </button>
        </div>
      </div>
    </section>
  )
}

function AuthorizeDetail({ url, demo, appScopes }: { url: string; demo: boolean; appScopes: string[] }) {
  const parsed = new URL(url)
  const params = [...parsed.searchParams.entries()]
  return (
    <>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        MSAL built this authorization request and stored the state, the nonce and the PKCE verifier in session storage. The browser has not
        left yet: on continue it goes to{' '}
        <code className="font-mono text-xs">
          {parsed.origin}
          {parsed.pathname}
        </code>
        {demo ? ' (answered by the built-in demo tenant, simulated)' : ''}. Parameters marked <Badge tone="violet">added by MSAL</Badge>{' '}
        were not asked for by the app.
      </p>
      <ParamTable params={params} caption="Authorization request parameters" scopesFromApp={appScopes} />
      <CodeBlock label="Full /authorize URL" text={url} maxHeight="max-h-32" />
    </>
  )
}

function RedirectDetail({ url }: { url: string }) {
  const params = responseParams(url)
  const info = params.client_info ? decodeClientInfo(params.client_info) : null
  return (
    <>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        The identity provider sent the browser back to the redirect URI with the result in the URL fragment. Token Lens read it before MSAL,
        which clears it. MSAL has not checked anything yet: on continue it compares the <code>state</code> with the one it stored, then
        redeems the code.
      </p>
      <ParamTable params={Object.entries(params)} caption="Redirect response parameters" response />
      {info ? (
        <div className="rounded-lg bg-slate-50 p-3 text-sm dark:bg-slate-800/60">
          <p className="font-medium">client_info, decoded</p>
          {info.json ? (
            <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 font-mono text-xs">
              <dt className="text-slate-500">uid</dt>
              <dd>
                {info.uid ?? '—'} <span className="font-sans text-slate-500">(the user&apos;s object ID)</span>
              </dd>
              <dt className="text-slate-500">utid</dt>
              <dd>
                {info.utid ?? '—'} <span className="font-sans text-slate-500">(the user&apos;s home tenant ID)</span>
              </dd>
            </dl>
          ) : (
            <p className="text-xs text-red-700 dark:text-red-300">It does not decode as base64url JSON.</p>
          )}
        </div>
      ) : null}
    </>
  )
}

function TokenDetail({ url, body }: { url: string; body: string }) {
  const params = [...new URLSearchParams(body).entries()]
  return (
    <>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        MSAL is about to POST this form to <code className="font-mono text-xs">{url}</code>. The <code>code_verifier</code> proves this
        browser started the flow (PKCE, RFC 7636 §4.5): the server hashes it and compares with the <code>code_challenge</code> it saw at
        /authorize. There is no client secret: a single-page app cannot keep one.
      </p>
      <ParamTable params={params} caption="Token request body" />
    </>
  )
}
