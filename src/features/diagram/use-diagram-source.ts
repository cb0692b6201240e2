/**
 * Which flow the diagram shows: this tab's live capture (all of it, or one of the flows the
 * analysis found in it), a flow of an imported HAR file, or a canonical template. The choice
 * lives in the URL (`#/diagram?source=template:device-code`) so a trainer can bookmark a slide
 * deck.
 */
import { useMemo } from 'react'
import { useSearchParams } from 'react-router'
import type { CapturedEntry } from '../../core/capture/types.ts'
import { separableFlows } from '../../core/flows/capture-analysis.ts'
import { flowEntries } from '../../core/flows/detect.ts'
import { buildDiagramModel, buildModelFromInputs, captureTitle } from '../../core/diagram/model.ts'
import { getTemplate, isTemplateId, listTemplates, type TemplateId } from '../../core/diagram/templates.ts'
import type { DiagramModel } from '../../core/diagram/types.ts'
import type { KeyOrigin } from '../../core/token/types.ts'
import { useCaptureStore } from '../../stores/capture-store.ts'
import { annotatedEntries, captureKeyOrigin, sourceTraits, useImportStore } from '../../stores/import-store.ts'

interface SourceOption {
  value: string
  label: string
  group: 'capture' | 'import' | 'template'
}

interface DiagramSource {
  options: SourceOption[]
  value: string
  setValue: (value: string) => void
  model: DiagramModel
  /** The exchanges behind the model; message.exchangeIndex points into this list. */
  entries: CapturedEntry[]
  summary: string | null
  /** Set when the chosen flow could not be drawn. */
  error?: string
  captureCount: number
  /**
   * How far tokens opened from this source are trusted: `own` for this tab's own capture (its
   * issuers were contacted already); a file brings at most its own key set, bound to its tokens.
   */
  trust: TokenTrust
}

export interface TokenTrust {
  own: boolean
  captureKeys?: { jwks: unknown; origin: KeyOrigin }
  /** Tokens of an imported file are judged as of the moment their exchange was recorded. */
  asOfCapture?: boolean
}

const DEFAULT_TEMPLATE: TemplateId = 'auth-code-pkce-spa'

export function useDiagramSource(redact: boolean): DiagramSource {
  const [params, setParams] = useSearchParams()
  const captured = useCaptureStore((s) => s.entries)
  const loaded = useImportStore((s) => s.loaded)
  const templates = useMemo(() => listTemplates(), [])
  // The same analysis the Import screen shows for this capture (one result per capture list).
  // With two or more flows (two sign-ins, a sign-in and a sign-out), each can be drawn alone.
  const captureFlows = useMemo(() => separableFlows(captured), [captured])

  const options = useMemo(() => {
    const out: SourceOption[] = []
    if (captured.length > 0)
      out.push({
        value: 'capture',
        label: `Live capture (${captured.length} exchange${captured.length === 1 ? '' : 's'})`,
        group: 'capture',
      })
    for (const flow of captureFlows) out.push({ value: `capture:${flow.id}`, label: `Live capture: ${flow.label}`, group: 'capture' })
    for (const flow of loaded?.analysis.flows ?? [])
      out.push({ value: `import:${flow.id}`, label: `${loaded?.name ?? 'Imported'}: ${flow.label}`, group: 'import' })
    for (const t of templates) out.push({ value: `template:${t.id}`, label: t.title, group: 'template' })
    return out
  }, [captured.length, captureFlows, loaded, templates])

  const requested = params.get('source')
  const fallback = captured.length > 0 ? 'capture' : `template:${DEFAULT_TEMPLATE}`
  const value = requested && options.some((o) => o.value === requested) ? requested : fallback

  const built = useMemo((): {
    model: DiagramModel
    entries: CapturedEntry[]
    summary: string | null
    error?: string
    trust: TokenTrust
  } => {
    try {
      return buildFor(value)
    } catch (error) {
      // A malformed exchange must not blank the screen: say what failed and draw a template.
      const t = getTemplate(DEFAULT_TEMPLATE)
      return {
        model: buildModelFromInputs(t.inputs, { redact, title: `Template: ${t.title}`, template: true, clientTitle: t.clientTitle }),
        entries: t.inputs.map((i) => i.entry),
        summary: t.summary,
        error: `This flow could not be drawn (${error instanceof Error ? error.message : String(error)}). Showing a template instead.`,
        trust: { own: false },
      }
    }
  }, [value, captured, captureFlows, loaded, redact])

  function buildFor(value: string): { model: DiagramModel; entries: CapturedEntry[]; summary: string | null; trust: TokenTrust } {
    if (value === 'capture') {
      return {
        model: buildDiagramModel(captured, { redact, title: captureTitle(captured) }),
        entries: captured,
        summary: null,
        trust: { own: true },
      }
    }
    const captureFlow = captureFlows.find((f) => `capture:${f.id}` === value)
    if (captureFlow) {
      const entries = flowEntries(captureFlow, captured)
      return {
        model: buildDiagramModel(entries, { redact, title: captureTitle(entries, captureFlow.label) }),
        entries,
        summary: null,
        trust: { own: true },
      }
    }
    if (value.startsWith('import:') && loaded) {
      const flow = loaded.analysis.flows.find((f) => `import:${f.id}` === value)
      if (flow) {
        const entries = annotatedEntries(flow, loaded)
        // Same perspective as the Import screen's diagram: a HAR file is the browser's view; a
        // live capture analysed on the Import screen is still the app's own record.
        const { perspective, own } = sourceTraits(loaded)
        const trust: TokenTrust = {
          own,
          ...(flow.jwks ? { captureKeys: { jwks: flow.jwks, origin: captureKeyOrigin(flow, loaded) } } : {}),
          ...(own ? {} : { asOfCapture: true }),
        }
        return {
          model: buildDiagramModel(entries, { redact, title: `${loaded.name}: ${flow.label}`, perspective }),
          entries,
          summary: null,
          trust,
        }
      }
    }
    const id = value.startsWith('template:') ? value.slice('template:'.length) : DEFAULT_TEMPLATE
    const t = getTemplate(isTemplateId(id) ? id : DEFAULT_TEMPLATE)
    // Built from the same inputs so message.exchangeIndex points into t.inputs.
    const model = buildModelFromInputs(t.inputs, { redact, title: `Template: ${t.title}`, template: true, clientTitle: t.clientTitle })
    return { model, entries: t.inputs.map((i) => i.entry), summary: t.summary, trust: { own: false } }
  }

  return {
    options,
    value,
    setValue: (v) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p)
          next.set('source', v)
          return next
        },
        { replace: true },
      ),
    ...built,
    captureCount: captured.length,
  }
}
