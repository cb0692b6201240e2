/** Microsoft Entra facts used by family detection, key look-up and the Graph nonce rule. */

/** Hosts that issue Entra (and Entra External ID) tokens, across the public and national clouds. */
const ENTRA_HOSTS = [
  'login.microsoftonline.com',
  'sts.windows.net',
  'login.windows.net',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'sts.chinacloudapi.cn',
  'login.chinacloudapi.cn',
]

export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000'

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase()
  } catch {
    return null
  }
}

export function isEntraIssuer(iss: unknown): boolean {
  if (typeof iss !== 'string') return false
  const host = hostOf(iss)
  if (host === null) return false
  return ENTRA_HOSTS.includes(host) || host.endsWith('.ciamlogin.com')
}

export function isB2cIssuer(iss: unknown): boolean {
  if (typeof iss !== 'string') return false
  const host = hostOf(iss)
  return host !== null && host.endsWith('.b2clogin.com')
}

/** v1.0 tokens come from sts.windows.net (and its national-cloud twins); v2.0 issuers end in /v2.0. */
export function entraVersionFromIssuer(iss: unknown): '1.0' | '2.0' | undefined {
  if (typeof iss !== 'string') return undefined
  if (/\/v2\.0\/?$/.test(iss)) return '2.0'
  const host = hostOf(iss)
  if (host === 'sts.windows.net' || host === 'sts.chinacloudapi.cn') return '1.0'
  return undefined
}

export function isGraphAudience(aud: unknown): boolean {
  const list = Array.isArray(aud) ? aud : [aud]
  return list.some(
    (a) =>
      typeof a === 'string' &&
      (a.toLowerCase() === GRAPH_APP_ID ||
        /^https:\/\/(graph\.microsoft\.com|graph\.microsoft\.us|dod-graph\.microsoft\.us|microsoftgraph\.chinacloudapi\.cn)\/?$/i.test(a)),
  )
}
