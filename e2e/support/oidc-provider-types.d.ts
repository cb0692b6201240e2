/**
 * The few parts of oidc-provider 9 (which ships no type declarations) that the e2e provider
 * uses. Loose on purpose where the library's own shapes are large (configuration, context).
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  interface InteractionDetails {
    uid: string
    prompt: { name: string; details: Record<string, unknown> }
    params: Record<string, unknown>
    session?: { accountId: string }
    grantId?: string
  }
  interface Grant {
    addOIDCScope(scope: string): void
    addOIDCClaims(claims: string[]): void
    addResourceScope(indicator: string, scope: string): void
    save(): Promise<string>
  }
  interface GrantClass {
    new (init: { accountId: string | undefined; clientId: string }): Grant
    find(id: string): Promise<Grant | undefined>
  }
  interface Client {
    grantTypeAllowed(type: string): boolean
  }
  interface Ctx {
    oidc: { route: string }
    body: unknown
    type: string
  }
  type Configuration = Record<string, unknown> & {
    findAccount?: (ctx: Ctx, sub: string) => unknown
    issueRefreshToken?: (ctx: Ctx, client: Client) => boolean
    clientBasedCORS?: (ctx: Ctx, origin: string, client: Client) => boolean
    interactions?: { url: (ctx: Ctx, interaction: { uid: string }) => string }
    renderError?: (ctx: Ctx, out: Record<string, string>, error: Error) => void
    features?: Record<string, unknown> & {
      rpInitiatedLogout?: {
        enabled: boolean
        logoutSource?: (ctx: Ctx, form: string) => void
        postLogoutSuccessSource?: (ctx: Ctx) => void
      }
    }
  }
  export default class Provider {
    constructor(issuer: string, configuration: Configuration)
    Grant: GrantClass
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void> | void
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>
  }
}
