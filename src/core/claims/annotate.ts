/**
 * Claim and header annotation: the public entry points of src/core/claims.
 *
 * Bundle budget (DESIGN §9): this module is on the inspector's first view, so it stays tiny.
 * The explanations (registry*.ts), the value humanisers and the ID tables (data/*.json, 1,118 app
 * IDs, Graph permissions, directory roles) are pulled in with dynamic import() on first use, which
 * Vite turns into lazy chunks. Later calls resolve from the module cache.
 */
import type { AnnotateContext, ClaimAnnotation, HeaderAnnotation, HumanValue } from './types.ts'
import type { ClaimInfo, HeaderInfo } from './registry-types.ts'
import { CONTEXT_LABEL, detectContext, type ClaimContext } from './platform.ts'
import { rawText } from './raw-text.ts'

export { humaniseTime, formatUtc, formatDuration, relativeTime, type HumanTime } from './time.ts'
export { detectContext, type ClaimContext } from './platform.ts'
export type { ClaimInfo, HeaderInfo, ClaimText, ClaimStatus } from './registry-types.ts'

/** Names that look like personal data, for claims we don't know (redaction errs on the safe side). */
const PERSONAL_HINT = /(e-?mail|phone|name|upn|address|birth|ssn|ipaddr|login)/i

/**
 * Each lazy chunk is requested once and its promise kept: a dynamic import() of a module that is
 * already loaded still goes through the host's resolution (and, in a Vite build, the preload
 * helper) on every call, a measurable share of a re-validation that otherwise takes a fraction
 * of a millisecond. A failed load is forgotten, so the next call tries again (e.g. back online).
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined
  return () =>
    (pending ??= load().catch((e: unknown) => {
      pending = undefined
      throw e
    }))
}

const loadRegistry = once(() => import('./registry.ts'))
const loadHeaders = once(() => import('./header-registry.ts'))
const loadHumanise = once(() => import('./humanise.ts'))

/**
 * Starts loading what explaining a usual token needs (claim and header registries, humanisers,
 * Microsoft app names) without waiting for a token, e.g. while the page is idle, so a first
 * paste fetches nothing. Resolves when all are loaded; a failure is forgotten (see `once`).
 */
export function prefetchExplanations(): Promise<void> {
  return Promise.all([loadRegistry(), loadHeaders(), loadHumanise().then((h) => h.prefetchAppNames())]).then(() => undefined)
}

/**
 * The registry entry for `name` (with the platform variant merged in), or undefined.
 * Async because the registry lives in a lazy chunk.
 */
export async function describeClaim(name: string, context: ClaimContext = 'standard'): Promise<ClaimInfo | undefined> {
  const { resolveClaim } = await loadRegistry()
  return resolveClaim(name, context)?.info
}

/** Every registry entry (base text), e.g. for a claims glossary. */
export async function listClaims(): Promise<ClaimInfo[]> {
  const { ALL_CLAIMS } = await loadRegistry()
  return Object.values(ALL_CLAIMS).filter((c): c is ClaimInfo => c !== undefined)
}

/** The registry entry for a JOSE header parameter, or undefined. */
export async function describeHeader(name: string): Promise<HeaderInfo | undefined> {
  const { resolveHeader } = await loadHeaders()
  return resolveHeader(name)
}

/** Name of a Microsoft application or resource (GUID, App ID URI, api://GUID), e.g. for client_id. */
export async function describeApp(appIdOrUri: string): Promise<HumanValue> {
  const { describeAppOrResource } = await loadHumanise()
  return describeAppOrResource(appIdOrUri)
}

/** Name of an Entra directory role template ID (as found in `wids`). */
export async function describeDirectoryRole(templateId: string): Promise<string | undefined> {
  const { lookupDirectoryRole } = await import('./lookups.ts')
  return (await lookupDirectoryRole(templateId))?.name
}

/** A Microsoft Graph permission by ID (delegated scope or application role). */
export async function describeGraphPermissionId(id: string): Promise<{ value: string; type: 'delegated' | 'application' } | undefined> {
  const { lookupGraphPermissionId } = await import('./lookups.ts')
  return lookupGraphPermissionId(id)
}

/** Words for each scope of an OAuth `scope` parameter; `entra` reads bare names as Graph scopes. */
export async function describeScopes(scope: string, entra = true): Promise<HumanValue[]> {
  const { describeScopeParam } = await loadHumanise()
  return describeScopeParam(scope, entra)
}

/** The words a registry entry gives any known name, claim or header parameter alike. */
function described(name: string, value: unknown, info: { title: string; summary: string; details: string }) {
  return { name, value, known: true, title: info.title, summary: info.summary, details: info.details }
}

/**
 * Annotate every member of a JWT payload, in payload order. Never rejects: a humaniser that
 * trips over an odd value falls back to the raw text.
 */
export async function annotateClaims(payload: Record<string, unknown>, ctx: AnnotateContext): Promise<ClaimAnnotation[]> {
  const [{ resolveClaim }, { humaniseClaim }] = await Promise.all([loadRegistry(), loadHumanise()])
  const context = detectContext(payload, ctx)
  const entries = Object.entries(payload)
  return Promise.all(
    entries.map(async ([name, value]): Promise<ClaimAnnotation> => {
      let human: HumanValue[]
      try {
        human = await humaniseClaim(name, value, { ctx, context, payload })
      } catch {
        human = [{ raw: rawText(value) }]
      }
      const resolved = resolveClaim(name, context)
      if (resolved === undefined) {
        return {
          name,
          value,
          known: false,
          definedIn: [],
          tokenTypes: [],
          versions: [],
          human,
          personal: PERSONAL_HINT.test(name),
        }
      }
      const { info, variant } = resolved
      const a: ClaimAnnotation = {
        ...described(name, value, info),
        kind: info.kind,
        definedIn: info.definedIn,
        tokenTypes: info.tokenTypes,
        versions: info.versions,
        human,
        personal: info.personal,
        status: info.status,
      }
      if (info.watchFor !== undefined) a.watchFor = info.watchFor
      if (variant !== 'standard') a.variant = CONTEXT_LABEL[variant]
      return a
    }),
  )
}

/** Annotate every JOSE header parameter, in header order; jku/x5u/jwk/x5c are marked risky. */
export async function annotateHeader(header: Record<string, unknown>, ctx: AnnotateContext): Promise<HeaderAnnotation[]> {
  const [{ resolveHeader }, { humaniseHeader }] = await Promise.all([loadHeaders(), loadHumanise()])
  return Object.entries(header).map(([name, value]): HeaderAnnotation => {
    let human: HumanValue[]
    try {
      human = humaniseHeader(name, value, header, ctx)
    } catch {
      human = [{ raw: rawText(value) }]
    }
    const info = resolveHeader(name)
    if (info === undefined) return { name, value, known: false, definedIn: [], human, risky: false }
    const a: HeaderAnnotation = {
      ...described(name, value, info),
      definedIn: info.definedIn,
      human,
      risky: info.risky,
    }
    if (info.watchFor !== undefined) a.watchFor = info.watchFor
    return a
  })
}
