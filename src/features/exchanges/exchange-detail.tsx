/** One captured exchange in full: request, response, parameters and tokens, secrets masked until revealed. */
import { useNavigate } from 'react-router'
import { decodeClientInfo } from '../../core/capture/classify.ts'
import { responseParams } from '../../core/capture/har.ts'
import { isSensitiveName, looksLikeJwt, maskValue } from '../../core/capture/params.ts'
import { inspectorExpectations } from '../../core/flows/tokens.ts'
import { captureAnalysis } from '../../core/flows/capture-analysis.ts'
import type { CapturedEntry } from '../../core/capture/types.ts'
import type { InspectOptions } from '../../core/token/types.ts'
import { useInspectorStore } from '../../stores/inspector-store.ts'
import { BUTTON_SECONDARY } from '../../ui/button-styles.ts'
import { CodeBlock } from '../../ui/code-block.tsx'
import { ParamList } from './param-list.tsx'

interface FoundJwt {
  where: string
  value: string
  expected?: NonNullable<InspectOptions['expected']>
}

/** Masks secret members of a JSON value (one level deep is where OAuth responses keep them). */
function maskJson(value: unknown, reveal: boolean): unknown {
  if (reveal || !value || typeof value !== 'object' || Array.isArray(value)) return value
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' && isSensitiveName(k) ? maskValue(v) : v]),
  )
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export function ExchangeDetail({ entry, all, reveal }: { entry: CapturedEntry; all: CapturedEntry[]; reveal: boolean }) {
  const navigate = useNavigate()
  const index = all.indexOf(entry)
  const form =
    entry.request.postData?.text !== undefined && /x-www-form-urlencoded/.test(entry.request.postData.mimeType)
      ? [...new URLSearchParams(entry.request.postData.text).entries()]
      : null
  const query = entry.request.queryString.map((q) => [q.name, q.value] as [string, string])
  const fragment =
    entry._oauth.step === 'redirect_back' || entry._oauth.step === 'callback' ? Object.entries(responseParams(entry.request.url)) : []
  const json = parseJson(entry.response.content.text)
  const jwts = ((): FoundJwt[] => {
    const out: FoundJwt[] = []
    // The expectations come from the one analysis of this capture (the Import screen reads the same).
    const fromFlow = captureAnalysis(all)
      .flows.flatMap((f) => f.tokens)
      .filter((t) => t.entryIndex === index)
      .map((t) => ({ value: t.value, expected: inspectorExpectations(t) }))
    if (json && typeof json === 'object') {
      for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
        if (typeof v === 'string' && looksLikeJwt(v)) {
          const exp = fromFlow.find((t) => t.value === v)?.expected
          out.push({ where: `response ${k}`, value: v, ...(exp ? { expected: exp } : {}) })
        }
      }
    }
    for (const [k, v] of [...query, ...fragment, ...(form ?? [])]) if (looksLikeJwt(v)) out.push({ where: `parameter ${k}`, value: v })
    const auth = entry.request.headers.find((h) => h.name.toLowerCase() === 'authorization')?.value
    if (auth && looksLikeJwt(auth.replace(/^Bearer\s+/i, '')))
      out.push({ where: 'Authorization header', value: auth.replace(/^Bearer\s+/i, '') })
    return out
  })()
  const open = (j: FoundJwt) => {
    useInspectorStore.getState().openToken(j.value, {
      ...(j.expected ? { expected: j.expected } : {}),
      source: `captured exchange ${index + 1} (${j.where})`,
      trustIssuer: true,
    })
    void navigate('/inspect')
  }
  const clientInfo = fragment.find(([k]) => k === 'client_info')?.[1]
  const headers = (list: { name: string; value: string }[]) =>
    list.map((h) => `${h.name}: ${!reveal && h.name.toLowerCase() === 'authorization' ? maskValue(h.value) : h.value}`).join('\n')
  return (
    <div className="grid gap-4 p-4 xl:grid-cols-2">
      <div className="min-w-0 space-y-3">
        <h3 className="text-sm font-semibold">Request</h3>
        <CodeBlock
          label={`${entry.request.method} URL`}
          text={reveal ? entry.request.url : maskUrl(entry.request.url)}
          copyText={entry.request.url}
          maxHeight="max-h-24"
        />
        {query.length ? <ParamList title="Query parameters" params={query} reveal={reveal} /> : null}
        {fragment.length ? <ParamList title="Response parameters in the fragment" params={fragment} reveal={reveal} /> : null}
        {clientInfo ? (
          <p className="text-xs text-slate-600 dark:text-slate-300">
            client_info decodes to <code className="font-mono">{decodeClientInfo(clientInfo).json ?? '(not base64url JSON)'}</code>
          </p>
        ) : null}
        {form ? <ParamList title="Form body" params={form} reveal={reveal} /> : null}
        {entry.request.headers.length ? (
          <CodeBlock label="Request headers" text={headers(entry.request.headers)} maxHeight="max-h-40" />
        ) : null}
      </div>
      <div className="min-w-0 space-y-3">
        <h3 className="text-sm font-semibold">Response</h3>
        {entry.response.status === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">
            A browser navigation: the response was a page at the identity provider, not something the app could read.
          </p>
        ) : (
          <>
            {entry.response.headers.length ? (
              <CodeBlock
                label={`HTTP ${entry.response.status} ${entry.response.statusText} — headers`}
                text={headers(entry.response.headers)}
                maxHeight="max-h-40"
              />
            ) : null}
            {json !== undefined ? (
              <CodeBlock
                label="JSON body"
                text={JSON.stringify(maskJson(json, reveal), null, 2)}
                copyText={entry.response.content.text ?? ''}
              />
            ) : entry.response.content.text ? (
              <CodeBlock label="Body" text={entry.response.content.text} />
            ) : null}
          </>
        )}
        {jwts.length ? (
          <div className="flex flex-wrap gap-2">
            {jwts.map((j) => (
              <button key={j.where} type="button" className={BUTTON_SECONDARY} onClick={() => open(j)}>
                Open {j.where} in inspector
              </button>
            ))}
          </div>
        ) : null}
        {entry._oauth.error ? (
          <p className="rounded-md bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950/40 dark:text-red-200">
            <strong>{entry._oauth.error.error}</strong>
            {entry._oauth.error.description ? `: ${entry._oauth.error.description}` : ''}
          </p>
        ) : null}
        {entry._oauth.notes?.length ? (
          <ul className="list-disc space-y-1 pl-5 text-xs text-slate-600 dark:text-slate-300">
            {entry._oauth.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  )
}

function maskUrl(url: string): string {
  try {
    const u = new URL(url)
    for (const [k, v] of [...u.searchParams.entries()]) if (isSensitiveName(k)) u.searchParams.set(k, maskValue(v))
    if (u.hash.length > 1) {
      const frag = new URLSearchParams(u.hash.slice(1))
      for (const [k, v] of [...frag.entries()]) if (isSensitiveName(k)) frag.set(k, maskValue(v))
      u.hash = frag.toString()
    }
    return decodeURI(u.href)
  } catch {
    return url
  }
}
