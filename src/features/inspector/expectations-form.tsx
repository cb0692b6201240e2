/** What the user expects of the token (issuer, audience, nonce, type…), checked by the inspection. */
import { useId } from 'react'
import type { Expectations } from '../../stores/inspector-store.ts'
import { useInspectorStore } from '../../stores/inspector-store.ts'
import { BUTTON_GHOST, CODE_ENTRY, INPUT } from '../../ui/button-styles.ts'
import { Disclosure } from '../../ui/disclosure.tsx'

type Field = keyof Expectations

function TextField({ field, label, hint, placeholder }: { field: Field; label: string; hint?: string; placeholder?: string }) {
  const id = useId()
  const value = useInspectorStore((s) => s.expected[field] ?? '')
  const setExpected = useInspectorStore((s) => s.setExpected)
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <input
        id={id}
        value={value}
        placeholder={placeholder}
        {...CODE_ENTRY}
        onChange={(e) => setExpected({ [field]: e.target.value })}
        className={`${INPUT} mt-1 font-mono !text-xs`}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-[11px] text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  )
}

/** datetime-local works in local time without seconds precision issues; we convert to unix seconds. */
function toLocalInput(sec: number): string {
  const d = new Date(sec * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

export function ExpectationsForm({ source }: { source: string | null }) {
  const ids = { type: useId(), tol: useId(), pretend: useId() }
  const expected = useInspectorStore((s) => s.expected)
  const tolerance = useInspectorStore((s) => s.clockToleranceSec)
  const pretendNow = useInspectorStore((s) => s.pretendNow)
  const setExpected = useInspectorStore((s) => s.setExpected)
  const setTolerance = useInspectorStore((s) => s.setClockTolerance)
  const setPretend = useInspectorStore((s) => s.setPretendNow)
  const clearExpected = useInspectorStore((s) => s.clearExpected)
  const any = Object.keys(expected).length > 0 || pretendNow !== null || tolerance !== 300
  return (
    <div className="space-y-3">
      {source && Object.keys(expected).length > 0 ? (
        <p className="rounded-md bg-indigo-50 px-2.5 py-1.5 text-xs text-indigo-900 dark:bg-indigo-500/10 dark:text-indigo-200">
          Filled in from {source}.
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField field="audience" label="Audience (aud)" placeholder="api://my-api or client ID" />
        <TextField field="issuer" label="Issuer (iss)" placeholder="https://login.microsoftonline.com/…/v2.0" />
        <TextField field="tenantId" label="Tenant ID (tid)" placeholder="GUID" />
        <TextField field="nonce" label="Nonce" placeholder="sent in the request" />
        <div>
          <label htmlFor={ids.type} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
            Token type
          </label>
          <select
            id={ids.type}
            value={expected.tokenType ?? ''}
            onChange={(e) => setExpected({ tokenType: e.target.value })}
            className={`${INPUT} mt-1 !text-xs`}
          >
            <option value="">Detect from the token</option>
            <option value="id_token">ID token</option>
            <option value="access_token">Access token</option>
            <option value="logout_token">Logout token</option>
            <option value="jwt">Other JWT</option>
          </select>
        </div>
        <div>
          <label htmlFor={ids.tol} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
            Clock tolerance (seconds)
          </label>
          <input
            id={ids.tol}
            type="number"
            min={0}
            max={86400}
            step={30}
            value={tolerance}
            onChange={(e) => setTolerance(Number(e.target.value))}
            className={`${INPUT} mt-1 !text-xs`}
          />
        </div>
      </div>
      <div>
        <label htmlFor={ids.pretend} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
          Pretend the time is (your local time)
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id={ids.pretend}
            type="datetime-local"
            step={1}
            value={pretendNow === null ? '' : toLocalInput(pretendNow)}
            onChange={(e) => {
              const ms = new Date(e.target.value).getTime()
              setPretend(e.target.value === '' || Number.isNaN(ms) ? null : Math.floor(ms / 1000))
            }}
            className={`${INPUT} !text-xs`}
          />
          {pretendNow !== null ? (
            <button type="button" className={BUTTON_GHOST} onClick={() => setPretend(null)}>
              Use the real clock
            </button>
          ) : null}
        </div>
        <p className="mt-0.5 text-[11px] text-slate-500 dark:text-slate-400">
          For teaching: see a token as it would be judged at another moment.
        </p>
      </div>
      <Disclosure
        summary={<span className="text-xs">More: client ID, response type, algorithm, access token and code for at_hash / c_hash</span>}
      >
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <TextField field="clientId" label="Client ID (azp)" placeholder="defaults to the audience" />
          <TextField field="responseType" label="Response type" placeholder="code, id_token token…" />
          <TextField field="alg" label="Registered signing algorithm" placeholder="RS256" />
          <TextField field="accessToken" label="Access token (for at_hash)" />
          <TextField field="code" label="Authorization code (for c_hash)" />
        </div>
      </Disclosure>
      {any ? (
        <button type="button" className={`${BUTTON_GHOST} !px-1.5 !text-xs`} onClick={clearExpected}>
          Reset expectations
        </button>
      ) : null}
    </div>
  )
}
