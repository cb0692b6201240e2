/** What the inspector shows before a token is pasted. */
const POINTS: [string, string][] = [
  ['A verdict in one line', 'Valid, invalid, cannot be verified here (and why: Microsoft Graph tokens, for one), or not a JWT at all.'],
  [
    'Every finding',
    'Lifetime, audience, issuer, nonce, key choice and algorithm, each with what was expected, what was found and the spec section.',
  ],
  ['Claims in plain words', 'Times in UTC, your time and “expires in…”; app IDs, directory roles and permissions by name.'],
  ['Keys from the issuer only', 'iss → discovery → jwks_uri → kid. Keys named inside a token are flagged, never used.'],
]

export function EmptyState() {
  return (
    <section
      aria-labelledby="empty-title"
      className="rounded-xl border border-dashed border-slate-300 bg-white/60 p-6 dark:border-slate-700 dark:bg-slate-900/60"
    >
      <h2 id="empty-title" className="text-base font-semibold text-slate-900 dark:text-slate-100">
        Paste a token to see the truth about it
      </h2>
      <dl className="mt-4 grid gap-4 sm:grid-cols-2">
        {POINTS.map(([title, text]) => (
          <div key={title}>
            <dt className="text-sm font-medium text-slate-800 dark:text-slate-100">{title}</dt>
            <dd className="mt-0.5 text-sm text-slate-600 dark:text-slate-300">{text}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-5 text-xs text-slate-500 dark:text-slate-400">
        Links work too: <code className="font-mono">#/inspect?token=…</code>, and jwt.ms-style{' '}
        <code className="font-mono">#id_token=…</code> or <code className="font-mono">#access_token=…</code>, so Token Lens can be the
        redirect URI of a test app.
      </p>
    </section>
  )
}
