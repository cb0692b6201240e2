/** One flow of a capture: client type, steps, tokens, findings and its diagram. */
import { useDeferredValue, useEffect } from 'react'
import type { Flow } from '../../core/flows/types.ts'
import { useImportStore, type LoadedHar } from '../../stores/import-store.ts'
import { Badge } from '../../ui/badge.tsx'
import { Panel } from '../../ui/panel.tsx'
import { ExportPanel } from './export-panel.tsx'
import { FindingsList } from './findings-list.tsx'
import { platformOf } from '../../core/flows/errors.ts'
import { FlowDiagram } from './flow-diagram.tsx'
import { StepsList } from './steps-list.tsx'
import { TokensList } from './tokens-list.tsx'

function Fact({ label, value }: { label: string; value: string | undefined }) {
  if (!value) return null
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="truncate font-mono text-xs text-slate-800 dark:text-slate-200" title={value}>
        {value}
      </dd>
    </div>
  )
}

/** One flow in detail: facts, steps, lint findings, tokens, diagram and exports. */
export function FlowView({ flow, loaded }: { flow: Flow; loaded: LoadedHar }) {
  const checkTokens = useImportStore((s) => s.checkTokens)
  // Tokens are checked as soon as a flow is shown: pure, local, fast (keys come from the capture).
  useEffect(() => {
    void checkTokens(flow.id)
  }, [flow.id, checkTokens])
  const notObserved = flow.steps.some((s) => s.origin === 'not_observed')
  // The diagram (model, layout, SVG) is the heaviest part: it renders in a second, interruptible
  // pass so the first paint after a large import is short and the page stays responsive.
  const diagramFlow = useDeferredValue<Flow | null>(flow, null)
  return (
    <div className="min-w-0 space-y-4" data-testid="flow-view">
      <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="text-lg font-semibold tracking-tight">{flow.label}</h2>
          {notObserved ? <Badge tone="amber">has a server-side step</Badge> : null}
          <span data-testid="client-type">
            <Badge
              tone={flow.client.type === 'public' ? 'sky' : flow.client.type === 'confidential' ? 'green' : 'slate'}
              title={flow.client.evidence.join('; ') || 'Nothing in the capture says'}
            >
              {flow.client.type === 'unknown' ? 'client type unknown' : `${flow.client.type} client`}
              {flow.client.grant ? ` · ${flow.client.grant}` : ''}
            </Badge>
          </span>
        </div>
        <dl className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Fact label="client_id" value={flow.clientId} />
          <Fact label="redirect_uri" value={flow.redirectUri} />
          <Fact label="response_type" value={flow.responseType} />
          <Fact label="Issuer (from discovery)" value={flow.issuer} />
          <Fact label="Authorization server" value={flow.authority} />
          <Fact
            label="Client type (from the capture)"
            value={flow.client.evidence.length ? `${flow.client.type}: ${flow.client.evidence.join('; ')}` : undefined}
          />
          <Fact label="Tenant" value={flow.tenantId} />
          <Fact label="Signing keys" value={flow.jwks ? 'JWKS captured in this flow (used to verify tokens)' : undefined} />
        </dl>
      </div>
      <Panel title="Lint" description="Checked against RFC 9700, the OAuth 2.1 draft, RFC 8252 and OpenID Connect Core.">
        <FindingsList findings={flow.findings} steps={flow.steps} platform={platformOf(flow)} />
      </Panel>
      <Panel
        title="Steps"
        description={notObserved ? 'Dashed steps happened on a server and are inferred, not seen in the file.' : undefined}
      >
        <StepsList steps={flow.steps} />
      </Panel>
      <Panel
        title="Tokens"
        description={
          flow.jwks
            ? 'Verified with the JWKS captured in this flow, as of the time each token was captured.'
            : 'No JWKS in this flow: signatures stay unverifiable here; open a token in the inspector to fetch keys from its issuer.'
        }
      >
        <TokensList flow={flow} />
      </Panel>
      <Panel title="Diagram">
        {diagramFlow ? (
          <FlowDiagram flow={diagramFlow} loaded={loaded} />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-300">Drawing…</p>
        )}
      </Panel>
      <Panel
        title="Export"
        description="Sanitised by default: codes, tokens, refresh tokens, secrets, passwords and cookies become [redacted:…] placeholders."
      >
        <ExportPanel flowId={flow.id} />
      </Panel>
    </div>
  )
}
