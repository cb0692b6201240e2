/** Test helper: the committed HAR fixtures as text (Vite `?raw` imports, no Node typings needed). */
import webapp from '../../../e2e/fixtures/har/webapp-confidential.har?raw'
import implicit from '../../../e2e/fixtures/har/implicit-flow.har?raw'
import leak from '../../../e2e/fixtures/har/leaked-secret.har?raw'
import demo from '../../../e2e/fixtures/har/demo-signin.har?raw'
import secrets from '../../../e2e/fixtures/har/har-fixture-secrets.json'

export const HAR_FIXTURES: Record<string, string> = {
  'webapp-confidential.har': webapp,
  'implicit-flow.har': implicit,
  'leaked-secret.har': leak,
  /** Recorded by Playwright's recordHar while the e2e suite signed in to the demo tenant (sign-in helper's fixture). */
  'demo-signin.har': demo,
}

export const HAR_FIXTURE_SECRETS = secrets as Record<string, Record<string, string>>

/** Standard base64 of UTF-8 text (what exporters write for `encoding: "base64"`). */
export function toBase64(text: string): string {
  let bin = ''
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b)
  return btoa(bin)
}
