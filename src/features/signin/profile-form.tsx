/** Create or edit a connection profile (Entra, B2C, External ID, any OpenID provider), with validation. */
import { cloneElement, isValidElement, useId, useState, type FormEvent, type ReactElement, type ReactNode } from 'react'
import {
  KIND_LABELS,
  authorityOf,
  validateProfile,
  type Cloud,
  type ConnectionProfile,
  type ProfileKind,
  type ProfileProblem,
} from '../../core/capture/profile.ts'
import { BUTTON_PRIMARY, BUTTON_SECONDARY, INPUT } from '../../ui/button-styles.ts'
import { PROVIDER_PRESETS, presetById, unfilledPlaceholders, type PresetNote } from '../../core/providers/presets.ts'
import { ExternalLink } from '../../ui/external-link.tsx'
import { Options } from '../../ui/options.tsx'

/** The prompt values of OIDC Core §3.1.2.1 plus create (OpenID Connect Prompt Create 1.0); empty sends none. */
const PROMPTS = ['', 'select_account', 'login', 'consent', 'none', 'create'].map((v) => ({ value: v, label: v || '(not sent)' }))

const CLOUDS: { value: Cloud; label: string }[] = [
  { value: 'public', label: 'Public (login.microsoftonline.com)' },
  { value: 'usgov', label: 'US Government (login.microsoftonline.us)' },
  { value: 'china', label: 'China, 21Vianet (login.chinacloudapi.cn)' },
]

/** Edits one connection profile; every problem is shown next to its field before anything is sent. */
export function ProfileForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: ConnectionProfile
  onSave: (p: ConnectionProfile) => void
  onCancel: () => void
}) {
  const [p, setP] = useState(initial)
  const [tried, setTried] = useState(false)
  const [presetId, setPresetId] = useState('')
  const preset = presetById(presetId)
  const problems = validateProfile(p, window.location.origin)
  const shown = tried ? problems : problems.filter((x) => fieldTouched(x, p, initial))
  const set = <K extends keyof ConnectionProfile>(k: K, v: ConnectionProfile[K]) => setP((old) => ({ ...old, [k]: v }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (problems.length === 0)
      onSave({ ...p, name: p.name.trim(), tenant: p.tenant.trim(), clientId: p.clientId.trim(), redirectUri: p.redirectUri.trim() })
  }
  const kinds = (Object.keys(KIND_LABELS) as ProfileKind[]).filter((k) => k !== 'demo')
  let authority = ''
  try {
    authority = authorityOf(p)
  } catch {
    authority = ''
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Connection profile" className="space-y-4">
      {tried && problems.length ? (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          Nothing was sent. Fix {problems.length === 1 ? 'this problem' : `these ${problems.length} problems`} first.
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field label="Name" problems={shown} field="name">
          <input className={INPUT} value={p.name} onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label="Kind" problems={shown} field="kind">
          <select className={INPUT} value={p.kind} onChange={(e) => set('kind', e.target.value as ProfileKind)}>
            <Options items={kinds.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
          </select>
        </Field>
        {p.kind === 'entra' ? (
          <Field label="Cloud" problems={shown} field="cloud">
            <select className={INPUT} value={p.cloud} onChange={(e) => set('cloud', e.target.value as Cloud)}>
              <Options items={CLOUDS} />
            </select>
          </Field>
        ) : null}
        {p.kind === 'oidc' ? (
          <Field label="Provider preset">
            <select
              className={INPUT}
              value={presetId}
              onChange={(e) => {
                setPresetId(e.target.value)
                const chosen = presetById(e.target.value)
                if (chosen) setP((old) => ({ ...old, authority: chosen.authorityTemplate, name: old.name.trim() ? old.name : chosen.name }))
              }}
            >
              <option value="">(none: type the authority)</option>
              <Options items={PROVIDER_PRESETS.map((x) => ({ value: x.id, label: x.name }))} />
            </select>
          </Field>
        ) : null}
        {p.kind === 'oidc' ? (
          <Field
            label="Authority (issuer URL)"
            problems={shown}
            field="authority"
            hint={
              unfilledPlaceholders(p.authority).length
                ? `Replace ${unfilledPlaceholders(p.authority)
                    .map((x) => `{${x}}`)
                    .join(', ')} with your values`
                : 'https only; MSAL runs in its OIDC protocol mode'
            }
          >
            <input
              className={INPUT}
              value={p.authority}
              placeholder="https://accounts.example.com"
              onChange={(e) => set('authority', e.target.value)}
            />
          </Field>
        ) : (
          <Field
            label={p.kind === 'entra' ? 'Tenant' : 'Tenant name'}
            problems={shown}
            field="tenant"
            hint={
              p.kind === 'entra' ? 'Tenant ID (GUID), a domain, common, organizations or consumers' : 'contoso or contoso.onmicrosoft.com'
            }
          >
            <input className={INPUT} value={p.tenant} spellCheck={false} onChange={(e) => set('tenant', e.target.value)} />
          </Field>
        )}
        {p.kind === 'b2c' ? (
          <Field label="User flow (policy)" problems={shown} field="policy">
            <input className={INPUT} value={p.policy} placeholder="B2C_1_signupsignin" onChange={(e) => set('policy', e.target.value)} />
          </Field>
        ) : null}
        <Field label="Application (client) ID" problems={shown} field="clientId">
          <input
            className={`${INPUT} font-mono`}
            value={p.clientId}
            spellCheck={false}
            placeholder="00000000-0000-0000-0000-000000000000"
            onChange={(e) => set('clientId', e.target.value)}
          />
        </Field>
        <Field label="Redirect URI" problems={shown} field="redirectUri" hint="Register it under the Single-page application platform">
          <input
            className={`${INPUT} font-mono`}
            value={p.redirectUri}
            spellCheck={false}
            onChange={(e) => set('redirectUri', e.target.value)}
          />
        </Field>
        <Field label="Scopes" problems={shown} field="scopes" hint="Space separated; MSAL adds openid profile offline_access">
          <input className={`${INPUT} font-mono`} value={p.scopes} spellCheck={false} onChange={(e) => set('scopes', e.target.value)} />
        </Field>
        <Field label="prompt" problems={shown} field="prompt">
          <select className={INPUT} value={p.prompt} onChange={(e) => set('prompt', e.target.value)}>
            <Options items={PROMPTS} />
          </select>
        </Field>
        <Field label="login_hint" problems={shown} field="loginHint">
          <input className={INPUT} value={p.loginHint} onChange={(e) => set('loginHint', e.target.value)} />
        </Field>
        <Field label="domain_hint" problems={shown} field="domainHint">
          <input className={INPUT} value={p.domainHint} onChange={(e) => set('domainHint', e.target.value)} />
        </Field>
        <Field label="Extra query parameters" problems={shown} field="extraParams" hint="name=value, one per line or joined with &">
          <textarea
            className={`${INPUT} font-mono`}
            rows={2}
            value={p.extraParams}
            spellCheck={false}
            onChange={(e) => set('extraParams', e.target.value)}
          />
        </Field>
      </div>
      {p.kind === 'oidc' && preset ? (
        <PresetNotes name={preset.name} recipe={preset.recipe} spa={preset.spa} limits={preset.limits} />
      ) : null}
      {authority && !problems.some((x) => x.field === 'tenant' || x.field === 'authority' || x.field === 'policy') ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Authority: <code className="font-mono">{authority}</code>
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className={BUTTON_PRIMARY}>
          Save profile
        </button>
        <button type="button" className={BUTTON_SECONDARY} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

/** What the chosen provider needs for a browser-only SPA and its known limits, each with its source. */
function PresetNotes({ name, recipe, spa, limits }: { name: string; recipe: string; spa: PresetNote[]; limits: PresetNote[] }) {
  const list = (notes: PresetNote[]) => (
    <ul className="mt-1 list-disc space-y-1 pl-5">
      {notes.map((n) => (
        <li key={n.text}>
          {n.text} <ExternalLink href={n.source}>source</ExternalLink>
          {n.unconfirmed ? <span className="ml-1 text-xs text-amber-800 dark:text-amber-300">(unconfirmed)</span> : null}
        </li>
      ))}
    </ul>
  )
  return (
    <section
      aria-label={`${name} registration`}
      className="rounded-lg border border-slate-200 p-3 text-sm text-slate-700 dark:border-slate-700 dark:text-slate-200"
    >
      <p>
        <span className="font-medium">Register at {name}: </span>
        {recipe}
      </p>
      <p className="mt-2 font-medium">What a browser-only app needs</p>
      {list(spa)}
      <p className="mt-2 font-medium">Known limits</p>
      {list(limits)}
    </section>
  )
}

function fieldTouched(problem: ProfileProblem, now: ConnectionProfile, initial: ConnectionProfile): boolean {
  return now[problem.field] !== initial[problem.field] && now[problem.field] !== ''
}

function Field({
  label,
  field,
  problems,
  hint,
  children,
}: {
  label: string
  /** The profile field whose problems show here; none for a helper control that is not saved. */
  field?: keyof ConnectionProfile
  problems?: ProfileProblem[]
  hint?: string
  children: ReactNode
}) {
  const id = useId()
  const mine = field ? (problems ?? []).filter((x) => x.field === field) : []
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-200">
        {label}
      </label>
      <FieldControl id={id} invalid={mine.length > 0} describedBy={mine.length ? `${id}-err` : hint ? `${id}-hint` : undefined}>
        {children}
      </FieldControl>
      {mine.length ? (
        <p id={`${id}-err`} className="text-xs text-red-700 dark:text-red-300">
          {mine.map((m) => m.message).join(' ')}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  )
}

/** Gives the single form control its id and ARIA state, so labels and messages are announced. */
function FieldControl({
  id,
  invalid,
  describedBy,
  children,
}: {
  id: string
  invalid: boolean
  describedBy: string | undefined
  children: ReactNode
}) {
  if (!isValidElement(children)) return <>{children}</>
  return cloneElement(children as ReactElement<Record<string, unknown>>, {
    id,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
  })
}
