/**
 * Stamping the live capture: every exchange this tab records gets its `_oauth.step`, label,
 * grant type and error from the same classifier HAR import uses (classifyEntry), so the live
 * capture and an imported file of the same sign-in read alike. Pure.
 */
import type { CapturedEntry, OAuthAnnotation } from '../capture/types.ts'
import { classifyEntry } from './classify.ts'

export function stampEntry(entry: CapturedEntry): CapturedEntry {
  const step = classifyEntry(entry, 0, 0)
  const prior = entry._oauth
  // What the wire shows wins. Only when the wire shows nothing protocol-like does the capture's
  // own knowledge stay (e.g. "back after sign-out": a bare state on the post-logout URI).
  // The same holds for a userinfo call the app made itself at the discovery document's
  // userinfo_endpoint (adapters/msal/userinfo.ts): a bearer GET at a path such as /me reads as an
  // API call on the wire alone (the analysis settles it from the discovery document, settleUserinfo).
  const keepPrior =
    (step.kind === 'other' && prior.step !== 'other') || (prior.step === 'userinfo' && (step.kind === 'api' || step.kind === 'graph'))
  const oauth: OAuthAnnotation = {
    ...prior,
    step: keepPrior ? prior.step : step.kind,
    label: keepPrior ? (prior.label ?? step.label) : step.label,
  }
  if (!keepPrior && step.grantType) oauth.grantType = step.grantType
  // An error the capture saw itself (network failure, state mismatch) stays when the exchange
  // carries none of its own.
  // The annotation writes Entra codes in full ("AADSTS50011", as oauthErrorOf does).
  if (step.error) {
    const e = step.error
    const code = e.code !== undefined ? `AADSTS${e.code}` : e.idpCode
    oauth.error = {
      error: e.error,
      ...(e.description !== undefined ? { description: e.description } : {}),
      ...(code !== undefined ? { code } : {}),
    }
  } else if (prior.error) oauth.error = prior.error
  return { ...entry, _oauth: oauth }
}
