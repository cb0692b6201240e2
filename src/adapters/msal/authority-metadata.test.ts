/**
 * The discovery document we read is handed to MSAL only when MSAL would accept its issuer, and
 * then the real MSAL (msal-common's Authority, the code MSAL 5.30 runs to resolve endpoints)
 * takes the endpoints from it without a second GET.
 */
import { describe, expect, it } from 'vitest'
import { Authority, Logger, ProtocolMode, StubPerformanceClient } from '@azure/msal-common/node'
import { blankProfile, knownAuthoritiesFor, type ConnectionProfile } from '../../core/capture/profile.ts'
import { authorityMetadataFrom } from './authority-metadata.ts'

const TID = '8e2d4c6a-1b3f-4d5e-9a7c-2f4e6a8c0b1d'
const byName: ConnectionProfile = {
  ...blankProfile('x', 'https://app.example/redirect.html'),
  kind: 'external',
  tenant: 'contoso',
  clientId: '4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f',
}
const AUTHORITY = 'https://contoso.ciamlogin.com/contoso.onmicrosoft.com/'
const doc = (issuer: string) => ({
  issuer,
  authorization_endpoint: 'https://contoso.ciamlogin.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
  token_endpoint: 'https://contoso.ciamlogin.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
  end_session_endpoint: 'https://contoso.ciamlogin.com/contoso.onmicrosoft.com/oauth2/v2.0/logout',
  jwks_uri: `https://contoso.ciamlogin.com/${TID}/discovery/v2.0/keys`,
})

/** Resolves the authority with the real MSAL; returns the URLs MSAL fetched and the token endpoint it ended with. */
async function resolve(authorityMetadata: string, served: object, knownAuthorities: string[]) {
  const fetched: string[] = []
  const network = {
    sendGetRequestAsync: (url: string) => {
      fetched.push(url)
      return Promise.resolve({ status: 200, headers: {}, body: served })
    },
    sendPostRequestAsync: () => Promise.reject(new Error('no POST expected')),
  }
  const cache = {
    getAuthorityMetadataByAlias: () => null,
    generateAuthorityMetadataCacheKey: () => 'k',
    setAuthorityMetadata: () => undefined,
  }
  const a = new Authority(
    AUTHORITY,
    network as never,
    cache as never,
    { protocolMode: ProtocolMode.AAD, knownAuthorities, cloudDiscoveryMetadata: '', authorityMetadata },
    new Logger({}),
    'test',
    new StubPerformanceClient(),
  )
  await a.resolveEndpointsAsync()
  return { fetched, tokenEndpoint: a.tokenEndpoint }
}

describe('authorityMetadata from our own read of discovery', () => {
  it('External ID by name: the tenant-ID issuer MSAL accepts once its host is known; MSAL then makes no discovery request', async () => {
    const d = doc(`https://${TID}.ciamlogin.com/${TID}/v2.0`)
    const known = knownAuthoritiesFor(byName, d)
    expect(known.refusal).toBeUndefined()
    const metadata = authorityMetadataFrom(d, known)
    expect(metadata).not.toBeNull()
    const withIt = await resolve(metadata!, d, known.hosts)
    expect(withIt.fetched).toEqual([])
    expect(withIt.tokenEndpoint).toBe(d.token_endpoint)
    // Without it MSAL GETs the document itself: the request this saves.
    const without = await resolve('', d, known.hosts)
    expect(without.fetched).toEqual([`${AUTHORITY}v2.0/.well-known/openid-configuration`])
  })

  it('an issuer MSAL refuses is not handed over: MSAL fetches it and refuses it as before', async () => {
    const d = doc('https://issuer.contoso.example/contoso/v2.0')
    const known = knownAuthoritiesFor(byName, d)
    expect(known.refusal?.issuer).toBe('https://issuer.contoso.example/contoso/v2.0')
    expect(authorityMetadataFrom(d, known)).toBeNull()
    await expect(resolve('', d, known.hosts)).rejects.toThrow()
  })

  it('a document without the endpoints MSAL reads, or no document, is not handed over', () => {
    const known = knownAuthoritiesFor(byName, null)
    expect(authorityMetadataFrom(null, known)).toBeNull()
    expect(authorityMetadataFrom({ issuer: 'https://contoso.ciamlogin.com/x/v2.0' }, known)).toBeNull()
    expect(authorityMetadataFrom([doc('x')], known)).toBeNull()
  })
})
