/**
 * Who takes part in a flow. Lanes are keyed by role and host so that the same server seen twice
 * (the token endpoint for the code and later for the refresh) stays one lane, and are ordered by
 * role first (people and browsers on the left, clients, then the identity provider's endpoints,
 * then the APIs) so every diagram reads the same way, whatever came first in the capture.
 */
import type { StepKind } from '../capture/types.ts'
import type { DiagramParticipant, ParticipantRole } from './types.ts'

export interface ParticipantSpec {
  role: ParticipantRole
  title?: string
  host?: string
}

const ROLE_ORDER: Record<ParticipantRole, number> = {
  user: 0,
  browser: 1,
  client: 2,
  device_authorization: 3,
  authorize: 4,
  token: 5,
  metadata: 6,
  resource: 7,
  other: 8,
}

const GRAPH_HOSTS = new Set(['graph.microsoft.com', 'graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn', 'dod-graph.microsoft.us'])

function defaultTitle(spec: ParticipantSpec): string {
  switch (spec.role) {
    case 'user':
      return 'User'
    case 'browser':
      return "User's browser"
    case 'client':
      return 'This app'
    case 'authorize':
      return 'Authorization endpoint'
    case 'token':
      return 'Token endpoint'
    case 'device_authorization':
      return 'Device authorization endpoint'
    case 'metadata':
      return 'Discovery & JWKS'
    case 'resource':
      return spec.host && GRAPH_HOSTS.has(spec.host) ? 'Microsoft Graph' : 'API'
    case 'other':
      return spec.host ?? 'Other'
  }
}

function participantId(spec: ParticipantSpec): string {
  if (spec.role === 'user' || spec.role === 'browser') return spec.role
  if (spec.role === 'client') return `client:${spec.title ?? defaultTitle(spec)}`
  return `${spec.role}:${spec.host ?? spec.title ?? defaultTitle(spec)}`
}

/** The lane a request of this step goes to, from the step kind and the URL's host. */
export function calleeFor(step: StepKind, host: string | undefined): ParticipantSpec {
  const withHost = (role: ParticipantRole, title?: string): ParticipantSpec => ({
    role,
    ...(host ? { host } : {}),
    ...(title ? { title } : {}),
  })
  switch (step) {
    case 'discovery':
    case 'jwks':
      return withHost('metadata')
    case 'authorize':
    case 'saml':
      return withHost('authorize')
    case 'logout':
      return withHost('authorize', 'Authorization server')
    // Revocation, introspection and PAR are back-channel endpoints of the authorization server
    // (RFC 7009 §2, RFC 7662 §2, RFC 9126 §2), drawn in the token endpoint's lane.
    case 'token':
    case 'refresh':
    case 'revocation':
    case 'introspection':
    case 'par':
      return withHost('token')
    case 'device_authorization':
      return withHost('device_authorization')
    case 'userinfo':
    case 'graph':
    case 'api':
      return withHost('resource')
    case 'redirect_back':
    case 'callback':
      return { role: 'client' }
    case 'other':
      return withHost('other')
  }
}

/** Collects participants in first-use order, then sorts them stably by role. */
export class ParticipantSet {
  private readonly byId = new Map<string, { p: DiagramParticipant; first: number }>()

  use(spec: ParticipantSpec): string {
    const id = participantId(spec)
    const existing = this.byId.get(id)
    if (existing) {
      // A later spec may name a lane better (an explicit title given by a template).
      if (spec.title && existing.p.title === defaultTitle({ role: spec.role, ...(spec.host ? { host: spec.host } : {}) })) {
        existing.p.title = spec.title
      }
      return id
    }
    const p: DiagramParticipant = { id, role: spec.role, title: spec.title ?? defaultTitle(spec) }
    if (spec.host && spec.role !== 'other') p.subtitle = spec.host
    this.byId.set(id, { p, first: this.byId.size })
    return id
  }

  list(): DiagramParticipant[] {
    return [...this.byId.values()].sort((a, b) => ROLE_ORDER[a.p.role] - ROLE_ORDER[b.p.role] || a.first - b.first).map((x) => x.p)
  }
}
