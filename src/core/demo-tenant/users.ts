/**
 * The demo tenant's directory: three people covering the cases trainers show — a member, an
 * administrator (directory roles in `wids`), and a B2B guest whose home tenant differs.
 * All names, GUIDs and domains are ours (example.* domains, RFC 2606).
 */
import type { DemoUser } from './types.ts'

export const DEMO_TENANT_DOMAIN = 'tokenlensdemo.onmicrosoft.com'
export const DEMO_TENANT_NAME = 'Token Lens Demo'
/** Home tenant of the guest (a partner organisation of ours, not a real tenant). */
export const DEMO_PARTNER_TENANT_ID = 'b4c6e2a8-0d3f-4b9e-8c1a-6f2d9e4b7a03'

/** Directory role template IDs (see /work/shared/reference/entra_roles.json). */
export const ROLE_GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10'
/** Not a listed built-in role; Entra puts it in `wids` for ordinary member users (observed). */
export const ROLE_DEFAULT_MEMBER = 'b79fbf4d-3ef9-4689-8143-76b194e85509'
export const ROLE_GUEST_USER = '10dae51f-b6af-4016-8d66-8c2a99b929b3'

export interface DemoUserRecord extends DemoUser {
  givenName: string
  surname: string
  jobTitle: string
  /** Email address as Entra reports it (for guests: their home address). */
  mail: string
  /** The name the person types at sign-in (guests: their home UPN). */
  signInName: string
  wids: string[]
  /** Guests only: the tenant that authenticates them (`idp`, client_info `utid`). */
  homeTenantId?: string
  /** Guests only: their object ID in the home tenant (client_info `uid`). */
  homeObjectId?: string
  /** Graph v1 `puid` (hex). */
  puid: string
}

export function demoUserRecords(domain = DEMO_TENANT_DOMAIN): DemoUserRecord[] {
  return [
    {
      id: '1d5e8a2c-7b4f-4c9d-a3e6-0f2b8d4c6a91',
      displayName: 'Nora Lindqvist',
      givenName: 'Nora',
      surname: 'Lindqvist',
      jobTitle: 'Software Engineer',
      userPrincipalName: `nora@${domain}`,
      signInName: `nora@${domain}`,
      mail: `nora@${domain}`,
      kind: 'member',
      description: 'Member of the demo tenant with no directory roles.',
      wids: [ROLE_DEFAULT_MEMBER],
      puid: '10032004A1B2C3D4',
    },
    {
      id: '7a3c9e1f-2d6b-4e8a-b5c7-9d0e1f2a3b4c',
      displayName: 'Samuel Okafor',
      givenName: 'Samuel',
      surname: 'Okafor',
      jobTitle: 'Identity Administrator',
      userPrincipalName: `sam.admin@${domain}`,
      signInName: `sam.admin@${domain}`,
      mail: `sam.admin@${domain}`,
      kind: 'admin',
      description: 'Administrator: holds the Global Administrator directory role (shown in wids).',
      wids: [ROLE_GLOBAL_ADMINISTRATOR, ROLE_DEFAULT_MEMBER],
      puid: '10032004E5F60718',
    },
    {
      id: 'c2e4a6b8-9f1d-4a3c-8e5b-7d9f0a1c3e52',
      displayName: 'Priya Raman (Partner)',
      givenName: 'Priya',
      surname: 'Raman',
      jobTitle: 'Consultant',
      // Entra's B2B guest UPN form: home address with @ replaced by _, then #EXT#@ the host tenant.
      userPrincipalName: `priya_partner.example#EXT#@${domain}`,
      signInName: 'priya@partner.example',
      mail: 'priya@partner.example',
      kind: 'guest',
      description: 'B2B guest from another organisation: idp and client_info point at her home tenant.',
      wids: [ROLE_GUEST_USER],
      homeTenantId: DEMO_PARTNER_TENANT_ID,
      homeObjectId: 'e8f0a2c4-6b1d-4f3a-9c5e-2b4d6f8a0c17',
      puid: '10032004F9A0B1C2',
    },
  ]
}

/** The contract view of a record (what the sign-in page lists). */
export function toDemoUser(u: DemoUserRecord): DemoUser {
  return { id: u.id, displayName: u.displayName, userPrincipalName: u.userPrincipalName, kind: u.kind, description: u.description }
}
