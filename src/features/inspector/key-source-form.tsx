/** Where verification keys come from: the issuer, a pasted JWKS or the capture's keys. */
import { useId, type RefObject } from 'react'
import { effectiveKeySource, useInspectorStore } from '../../stores/inspector-store.ts'
import { INPUT } from '../../ui/button-styles.ts'

export function KeySourceForm({ jwksError, jwksRef }: { jwksError: string | null; jwksRef: RefObject<HTMLTextAreaElement | null> }) {
  const id = useId()
  const keySource = useInspectorStore(effectiveKeySource)
  // The capture's keys are offered only for the token they came with.
  const captureOrigin = useInspectorStore((s) =>
    s.captureKeys !== null && s.captureKeys.forInput === s.input ? s.captureKeys.origin : null,
  )
  const pasted = useInspectorStore((s) => s.pastedJwks)
  const setKeySource = useInspectorStore((s) => s.setKeySource)
  const setPasted = useInspectorStore((s) => s.setPastedJwks)
  return (
    <fieldset className="space-y-2">
      <legend className="sr-only">Where the verification keys come from</legend>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="radio"
          name={`${id}-src`}
          checked={keySource === 'issuer'}
          onChange={() => setKeySource('issuer')}
          className="mt-1 accent-indigo-600"
        />
        <span>
          <span className="font-medium text-slate-800 dark:text-slate-100">From the issuer</span>
          <span className="block text-xs text-slate-500 dark:text-slate-400">
            iss → /.well-known/openid-configuration → jwks_uri → kid. Only the issuer’s own documents are requested; for issuers other than
            Microsoft Entra, Google and your own sign-ins, you are asked first.
          </span>
        </span>
      </label>
      {captureOrigin ? (
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name={`${id}-src`}
            checked={keySource === 'capture'}
            onChange={() => setKeySource('capture')}
            className="mt-1 accent-indigo-600"
          />
          <span>
            <span className="font-medium text-slate-800 dark:text-slate-100">The key set recorded in {captureOrigin.label}</span>
            <span className="block text-xs text-slate-500 dark:text-slate-400">
              For this token only: keys that came inside a file vouch for nothing but that file’s own tokens, and never for the issuer.
            </span>
          </span>
        </label>
      ) : null}
      <label className="flex items-start gap-2 text-sm">
        <input
          type="radio"
          name={`${id}-src`}
          checked={keySource === 'pasted'}
          onChange={() => setKeySource('pasted')}
          className="mt-1 accent-indigo-600"
        />
        <span>
          <span className="font-medium text-slate-800 dark:text-slate-100">A key set I paste</span>
          <span className="block text-xs text-slate-500 dark:text-slate-400">
            A whole JWKS (<code className="font-mono">{'{"keys":[…]}'}</code>) or one JWK. Nothing is fetched.
          </span>
        </span>
      </label>
      {keySource === 'pasted' ? (
        <div>
          <label htmlFor={`${id}-jwks`} className="sr-only">
            Pasted JWKS or JWK
          </label>
          <textarea
            id={`${id}-jwks`}
            ref={jwksRef}
            value={pasted}
            spellCheck={false}
            onChange={(e) => setPasted(e.target.value)}
            placeholder='{"keys":[{"kty":"RSA","kid":"…","n":"…","e":"AQAB"}]}'
            aria-invalid={jwksError !== null}
            aria-describedby={jwksError ? `${id}-err` : undefined}
            className={`${INPUT} h-32 resize-y font-mono !text-xs`}
          />
          {jwksError ? (
            <p id={`${id}-err`} role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
              {jwksError}
            </p>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  )
}
