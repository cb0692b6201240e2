/** Where verification keys come from: the issuer, a pasted JWKS or the capture's keys. */
import { useId, type ReactNode, type RefObject } from 'react'
import { effectiveKeySource, useInspectorStore } from '../../stores/inspector-store.ts'
import { CODE_ENTRY, INPUT } from '../../ui/button-styles.ts'

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
      <SourceOption
        name={`${id}-src`}
        checked={keySource === 'issuer'}
        onChoose={() => setKeySource('issuer')}
        title="From the issuer"
        detail="iss → /.well-known/openid-configuration → jwks_uri → kid. Only the issuer’s own documents are requested; for issuers other than Microsoft Entra, Google and your own sign-ins, you are asked first."
      />
      {captureOrigin ? (
        <SourceOption
          name={`${id}-src`}
          checked={keySource === 'capture'}
          onChoose={() => setKeySource('capture')}
          title={`The key set recorded in ${captureOrigin.label}`}
          detail="For this token only: keys that came inside a file vouch for nothing but that file’s own tokens, and never for the issuer."
        />
      ) : null}
      <SourceOption
        name={`${id}-src`}
        checked={keySource === 'pasted'}
        onChoose={() => setKeySource('pasted')}
        title="A key set I paste"
        detail={
          <>
            A whole JWKS (<code className="font-mono">{'{"keys":[…]}'}</code>) or one JWK. Nothing is fetched.
          </>
        }
      />
      {keySource === 'pasted' ? (
        <div>
          <label htmlFor={`${id}-jwks`} className="sr-only">
            Pasted JWKS or JWK
          </label>
          <textarea
            id={`${id}-jwks`}
            ref={jwksRef}
            value={pasted}
            {...CODE_ENTRY}
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

/** One choice of key source: a radio button, its name and a line saying what it does. */
function SourceOption({
  name,
  checked,
  onChoose,
  title,
  detail,
}: {
  name: string
  checked: boolean
  onChoose: () => void
  title: string
  detail: ReactNode
}) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="radio" name={name} checked={checked} onChange={onChoose} className="mt-1 accent-indigo-600" />
      <span>
        <span className="font-medium text-slate-800 dark:text-slate-100">{title}</span>
        <span className="block text-xs text-slate-500 dark:text-slate-400">{detail}</span>
      </span>
    </label>
  )
}
