import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { aadstsCodesIn, aadstsKey, explainError, loadErrorCatalog, type ErrorCatalog } from './error-catalog.ts'
import { explainError as explainFlowError } from '../flows/errors.ts'

describe('error catalogue', () => {
  it('explains every AADSTS code the issue lists and MSAL codes', async () => {
    const codes = [50011, 50020, 50058, 50076, 50079, 53003, 65001, 65004, 70011, 700016, 700051, 700054, 7000218, 90014, 9002326, 9002327, 500113, 50126]
    for (const n of codes) {
      const [first] = await explainError({ text: `AADSTS${n}: something` })
      expect(first?.name, `AADSTS${n}`).toBeTruthy()
      expect(first?.cause.length).toBeGreaterThan(20)
    }
    for (const code of ['state_mismatch', 'nonce_mismatch', 'authority_uri_insecure', 'endpoints_resolution_error']) {
      const found = await explainError({ errorCode: code })
      expect(found.some((e) => e.source === 'MSAL'), code).toBe(true)
    }
    expect(aadstsCodesIn('AADSTS50011 and AADSTS50011, AADSTS700016')).toEqual(['AADSTS50011', 'AADSTS700016'])
  })

  it('is one source: the flow lint view and the sign-in view say the same about a code', async () => {
    const [entra] = await explainError({ text: 'AADSTS9002326: cross-origin' })
    const flow = await explainFlowError({ error: 'invalid_request', code: '9002326' })
    expect(flow.aadsts?.meaning).toBe(entra?.cause)
    expect(flow.aadsts?.fix).toBe(entra?.fix)
    const oauth = (await explainError({ oauthError: 'invalid_request' })).find((e) => e.source === 'OAuth 2.0 / OpenID Connect')
    expect(flow.meaning).toBe(oauth?.cause)
    expect(aadstsKey('50011')).toBe('AADSTS50011')
    expect(aadstsKey('AADSTS50011')).toBe('AADSTS50011')
  })

  it('covers the codes both former catalogues covered', async () => {
    const c = await loadErrorCatalog()
    expect(Object.keys(c.aadsts).length).toBeGreaterThanOrEqual(107)
    expect(Object.keys(c.msal).length).toBeGreaterThanOrEqual(145)
    expect(Object.keys(c.oauth).length).toBeGreaterThanOrEqual(35)
    // The former flow-lint table's AADSTS codes (it stored them without the prefix).
    for (const n of [16000, 28000, 50001, 50011, 50020, 50034, 50053, 50055, 50057, 50058, 50059, 50076, 50079, 50105, 50126, 50147, 50148, 50149, 50173, 50194, 50196, 53003, 54005, 65001, 65004, 70000, 70001, 70002, 70005, 70008, 70011, 90002, 500011, 500113, 501481, 650056, 700016, 700024, 700025, 700051, 700054, 700084, 900144, 7000215, 7000218, 7000222, 9002325, 9002326, 9002327])
      expect(c.aadsts[aadstsKey(n)], `AADSTS${n}`).toBeDefined()
  })

  it('does not present an unconfirmed AADSTS-to-OAuth pairing as certain', async () => {
    // AADSTS50011 is shown on Entra's own error page (basis "page"), so its invalid_request pairing is not confirmed.
    const [redirect] = await explainError({ text: 'AADSTS50011' })
    expect(redirect).toMatchObject({ oauthError: 'invalid_request', pairingCertain: false })
    expect((await explainFlowError({ error: 'invalid_request', code: '50011' })).aadsts?.pairingInferred).toBe(true)
    // AADSTS65004 -> access_denied is marked inferred in the reference.
    expect((await explainFlowError({ error: 'access_denied', code: '65004' })).aadsts?.pairingInferred).toBe(true)
    // AADSTS16000 -> interaction_required was observed.
    const [observed] = await explainError({ text: 'AADSTS16000' })
    expect(observed).toMatchObject({ oauthError: 'interaction_required', pairingCertain: true })
    expect((await explainFlowError({ error: 'interaction_required', code: '16000' })).aadsts?.pairingInferred).toBe(false)
    // No pairing at all (basis not_determined): nothing to call inferred.
    const none = await explainFlowError({ error: 'invalid_request', code: '650056' })
    expect(none.aadsts?.pairingInferred).toBe(false)
  })
})

/** The research notes the catalogue started from; product text must not reuse their sentences. */
const REFERENCE_DIR = '/work/shared/reference/errors'
const REFERENCE_FILES = ['aadsts.json', 'msal_errors.json', 'oauth_errors.json']
/** SHA-256 (first 16 hex digits) of every normalised reference sentence of MIN_WORDS+ words. */
const FINGERPRINTS = join(import.meta.dirname, 'data', 'reference-sentence-fingerprints.json')
/** Sentences this short ("Sign in interactively.") are too generic to count as copying. */
const MIN_WORDS = 6

function normalise(sentence: string): string {
  return sentence.toLowerCase().replace(/\s+/g, ' ').replace(/^[\s"'(]+|[\s.!?;:"')]+$/g, '')
}

/** Sentences (and ';'-separated clauses, which the notes use as sentences) of at least MIN_WORDS words. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+/)
    .map(normalise)
    .filter((s) => s.split(' ').length >= MIN_WORDS)
}

function fingerprint(sentence: string): string {
  return createHash('sha256').update(sentence).digest('hex').slice(0, 16)
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsIn)
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn)
  return []
}

/** Every user-facing text field of every catalogue entry, labelled for failure messages. */
function ourTexts(c: ErrorCatalog): { label: string; text: string }[] {
  return [
    ...Object.entries(c.aadsts).flatMap(([k, e]) => [
      { label: `aadsts ${k} cause`, text: e.cause },
      { label: `aadsts ${k} fix`, text: e.fix },
    ]),
    ...Object.entries(c.msal).flatMap(([k, e]) => [
      { label: `msal ${k} meaning`, text: e.meaning },
      { label: `msal ${k} fix`, text: e.fix },
    ]),
    ...Object.entries(c.oauth).flatMap(([k, e]) => [
      { label: `oauth ${k} meaning`, text: e.meaning },
      { label: `oauth ${k} action`, text: e.action },
    ]),
  ]
}

describe('error catalogue text is our own', () => {
  it('marks every entry as written in our own words', async () => {
    const c = await loadErrorCatalog()
    const missing = [
      ...Object.entries(c.aadsts).filter(([, e]) => e.ownWords !== true).map(([k]) => `aadsts ${k}`),
      ...Object.entries(c.msal).filter(([, e]) => e.ownWords !== true).map(([k]) => `msal ${k}`),
      ...Object.entries(c.oauth).filter(([, e]) => e.ownWords !== true).map(([k]) => `oauth ${k}`),
    ]
    expect(missing, `${missing.length} entries still carry the reference wording`).toEqual([])
  })

  it('splits text into normalised sentences and drops short ones', () => {
    expect(sentencesOf('Sign in again.  Register the URI under the Single-page application platform; then retry it now!')).toEqual([
      'register the uri under the single-page application platform',
    ])
    expect(sentencesOf('Use   the  SAME redirect URI on both calls.')).toEqual(sentencesOf('use the same redirect uri on both calls'))
  })

  it('shares no sentence of six or more words with the reference notes', async () => {
    // The notes live outside the repo (/work/shared); GitHub CI has no copy. So the test compares
    // against the live files when they exist and checks the committed fingerprints still match
    // them; elsewhere it uses the fingerprints (hashes only: no reference sentence is in the repo).
    const live = existsSync(REFERENCE_DIR)
      ? [...new Set(REFERENCE_FILES.flatMap((f) => stringsIn(JSON.parse(readFileSync(join(REFERENCE_DIR, f), 'utf8')) as unknown)).flatMap(sentencesOf).map(fingerprint))].sort()
      : null
    if (live && process.env['UPDATE_REFERENCE_FINGERPRINTS'] === '1') writeFileSync(FINGERPRINTS, `${JSON.stringify(live, null, 1)}\n`)
    const committed = JSON.parse(readFileSync(FINGERPRINTS, 'utf8')) as string[]
    if (live) expect(committed, 'refresh with UPDATE_REFERENCE_FINGERPRINTS=1 npx vitest run src/core/errors').toEqual(live)
    const reference = new Set(live ?? committed)
    // Guard against a vacuous pass (e.g. an empty fingerprint file or a broken splitter).
    expect(reference.size).toBeGreaterThan(500)
    const texts = ourTexts(await loadErrorCatalog())
    // Every entry, not only those marked ownWords: the flag is a claim this test checks.
    const copied = texts.flatMap((t) => sentencesOf(t.text).filter((s) => reference.has(fingerprint(s))).map((s) => `${t.label}: "${s}"`))
    expect(copied).toEqual([])
  })

  it('recognises a reference sentence through its fingerprint', () => {
    const committed = new Set(JSON.parse(readFileSync(FINGERPRINTS, 'utf8')) as string[])
    // A sentence from the notes' AADSTS50000 fix, split on ';' as the notes use it (hash only is stored).
    const probe = sentencesOf('Retry once; if it persists capture the correlation ID, trace ID and timestamp and open a support case.')
    expect(probe).toHaveLength(1)
    expect(committed.has(fingerprint(probe[0] ?? ''))).toBe(true)
    expect(committed.has(fingerprint('this sentence was never in the reference notes at all'))).toBe(false)
  })
})
