#!/usr/bin/env node
/**
 * Generates the token fixtures used by src/core/token/*.test.ts: real keys (written as JWK JSON)
 * and one signed token per scenario, made with jose (and node:crypto where a scenario needs a
 * header jose refuses to produce, such as an unknown "crit"). Run: node scripts/gen-token-fixtures.mjs
 *
 * The output is committed, so tests are deterministic; rerunning makes new keys and tokens,
 * and the tests must still pass (they assert behaviour, not bytes).
 */
import { writeFileSync } from 'node:fs'
import { createPrivateKey, createSecretKey, sign as nodeSign, createHmac, createHash, randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { CompactEncrypt, CompactSign, SignJWT, UnsecuredJWT, base64url, exportJWK, generateKeyPair, generateSecret } from 'jose'

const OUT = resolve(import.meta.dirname, '../src/core/token/__fixtures__')
/** The instant every scenario is evaluated at: 2025-11-25T19:46:40Z. */
const NOW = 1764100000
const ISSUER = 'https://login.example.test/realm-a'
const CLIENT = 'client-app-1'
const API = 'https://api.example.test'
const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const ENTRA_V2_ISS = `https://login.microsoftonline.com/${TID}/v2.0`
const ENTRA_V1_ISS = `https://sts.windows.net/${TID}/`
const ENTRA_CLIENT = '6e74172b-be56-4843-9ff4-e66a39bb12e3'
const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout'

async function keyPair(alg, kid, extra = {}) {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) })
  const pub = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig', ...extra }
  const priv = { ...(await exportJWK(privateKey)), kid, alg, use: 'sig', ...extra }
  if (extra.use === 'enc') {
    pub.use = 'enc'
    priv.use = 'enc'
  }
  return { pub, priv, privateKey }
}

const k = {
  rsa1: await keyPair('RS256', 'rsa-1'),
  rsa2: await keyPair('RS256', 'rsa-2'),
  rsaOther: await keyPair('RS256', 'rsa-other'),
  ps: await keyPair('PS256', 'ps-1'),
  ec256: await keyPair('ES256', 'ec-256'),
  ec384: await keyPair('ES384', 'ec-384'),
  ec521: await keyPair('ES512', 'ec-521'),
  ed: await keyPair('EdDSA', 'ed-1'),
  entra: await keyPair('RS256', 'entra-kid-1'),
  entraApp: await keyPair('RS256', 'entra-app-kid'),
  attacker: await keyPair('RS256', 'attacker'),
}
// An RSA key published for encryption only (use "enc"), to show key_use_mismatch.
const encPair = await generateKeyPair('RSA-OAEP-256', { extractable: true })
const enc = {
  pub: { ...(await exportJWK(encPair.publicKey)), kid: 'enc-1', use: 'enc', alg: 'RSA-OAEP-256' },
  priv: { ...(await exportJWK(encPair.privateKey)), kid: 'enc-1', use: 'enc', alg: 'RSA-OAEP-256' },
}
const hsSecret = await generateSecret('HS256', { extractable: true })
const hs = { ...(await exportJWK(hsSecret)), kid: 'hs-1', alg: 'HS256', use: 'sig' }

const strip = (jwk) => {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = jwk
  return pub
}
const jwks = {
  /** The generic issuer's published keys. */
  main: { keys: [k.rsa1.pub, k.rsa2.pub, k.ps.pub, k.ec256.pub, k.ec384.pub, k.ec521.pub, k.ed.pub, strip(enc.pub)] },
  /** Two RSA keys with the same alg: a token without kid is ambiguous. */
  twoRsa: { keys: [k.rsa1.pub, k.rsa2.pub] },
  /** A shared-secret set for HS256. */
  hmac: { keys: [hs] },
  /** Entra tenant keys (common set) and the app-specific set served at ?appid=. */
  entra: { keys: [k.entra.pub] },
  entraApp: { keys: [k.entraApp.pub] },
}

function sigFor(alg, input, priv) {
  const data = Buffer.from(input)
  if (alg.startsWith('HS'))
    return createHmac(`sha${alg.slice(2)}`, priv)
      .update(data)
      .digest()
  const key = createPrivateKey({ key: priv, format: 'jwk' })
  if (alg.startsWith('RS')) return nodeSign(`sha${alg.slice(2)}`, data, key)
  throw new Error(`raw signing not needed for ${alg}`)
}

/** Signs header/payload exactly as given (object -> JSON, string -> raw text, Uint8Array -> those bytes). */
function raw(header, payload, alg, priv) {
  const h = base64url.encode(typeof header === 'string' ? header : JSON.stringify(header))
  const p = base64url.encode(typeof payload === 'string' || payload instanceof Uint8Array ? payload : JSON.stringify(payload))
  const input = `${h}.${p}`
  return `${input}.${base64url.encode(sigFor(alg, input, priv))}`
}

async function jwt(claims, header, key) {
  return new SignJWT(claims).setProtectedHeader(header).sign(key)
}

const leftHalf = (hash, value) => {
  const d = createHash(hash).update(value).digest()
  return base64url.encode(d.subarray(0, d.length / 2))
}

const base = { iss: ISSUER, sub: 'user-123', aud: CLIENT, iat: NOW - 60, exp: NOW + 3600, nonce: 'n-0S6_WzA2Mj' }
const access = { iss: ISSUER, sub: 'user-123', aud: API, client_id: CLIENT, scope: 'read', iat: NOW - 60, exp: NOW + 3600, jti: 'at-1' }
const rs = (claims, header = {}) => jwt(claims, { alg: 'RS256', kid: 'rsa-1', ...header }, k.rsa1.privateKey)
const entraId = {
  aud: ENTRA_CLIENT,
  iss: ENTRA_V2_ISS,
  iat: NOW - 60,
  nbf: NOW - 60,
  exp: NOW + 3600,
  name: 'Ada Lovelace',
  oid: '00000000-0000-0000-66f3-3332eca7ea81',
  preferred_username: 'ada@contoso.example',
  sub: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ',
  tid: TID,
  uti: 'AbCdEf',
  ver: '2.0',
  nonce: 'entra-nonce',
}

const scenarios = {}
const add = (name, description, token, extra = {}) => {
  scenarios[name] = { description, token, jwks: 'main', now: NOW, ...extra }
}

// ---- valid baselines, one per algorithm family -------------------------------------------
add('valid-id-rs256', 'A correct OIDC ID token signed RS256 with kid.', await rs(base))
add('valid-id-ps256', 'PS256 ID token.', await jwt(base, { alg: 'PS256', kid: 'ps-1' }, k.ps.privateKey))
add(
  'valid-access-es256',
  'RFC 9068 access token (typ at+jwt) signed ES256.',
  await jwt(access, { alg: 'ES256', kid: 'ec-256', typ: 'at+jwt' }, k.ec256.privateKey),
)
add('valid-es384', 'ES384 ID token.', await jwt(base, { alg: 'ES384', kid: 'ec-384' }, k.ec384.privateKey))
add('valid-es512', 'ES512 ID token (P-521).', await jwt(base, { alg: 'ES512', kid: 'ec-521' }, k.ec521.privateKey))
add('valid-eddsa', 'EdDSA (Ed25519) ID token.', await jwt(base, { alg: 'EdDSA', kid: 'ed-1' }, k.ed.privateKey))
add('valid-hs256', 'HS256 token checked with the shared secret.', await jwt(base, { alg: 'HS256', kid: 'hs-1' }, hsSecret), {
  jwks: 'hmac',
})

// ---- decoding --------------------------------------------------------------------------
add(
  'payload-not-object',
  'A JWS whose payload is a JSON string, not a claims object.',
  await new CompactSign(new TextEncoder().encode('"just a string"'))
    .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
    .sign(k.rsa1.privateKey),
)
add(
  'duplicate-keys',
  'Signed payload with "aud" twice; JSON.parse keeps the last.',
  raw(
    { alg: 'RS256', kid: 'rsa-1' },
    `{"iss":"${ISSUER}","sub":"user-123","aud":"${CLIENT}","aud":"evil-client","iat":${NOW - 60},"exp":${NOW + 3600},"nonce":"n-0S6_WzA2Mj"}`,
    'RS256',
    k.rsa1.priv,
  ),
)
// Bytes that are not UTF-8 ("{" 0xC3 0x28 "}": a lead byte without its continuation), correctly signed.
add(
  'payload-not-utf8',
  'A signed JWS whose payload bytes are not UTF-8 (RFC 7519 §7.2 step 10: malformed).',
  raw({ alg: 'RS256', kid: 'rsa-1' }, new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]), 'RS256', k.rsa1.priv),
)
add('claim-type-invalid', '"exp" is a string of digits.', await rs({ ...base, exp: String(NOW + 3600) }))
add('payload-too-large', 'A 70 KB payload.', await rs({ ...base, blob: 'x'.repeat(70 * 1024) }))
add(
  'jwe-encrypted',
  'A compact JWE (RSA-OAEP-256 / A256GCM).',
  await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(base)))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'enc-1', cty: 'JWT' })
    .encrypt(encPair.publicKey),
)

// ---- algorithm and header rules -------------------------------------------------------------
add('alg-none', 'Unsecured JWT, alg "none".', new UnsecuredJWT(base).encode())
add(
  'alg-none-mixed-case',
  'alg "nOnE" with an empty signature.',
  `${base64url.encode('{"alg":"nOnE"}')}.${base64url.encode(JSON.stringify(base))}.`,
)
add(
  'unsupported-alg',
  'alg ES256K, which WebCrypto cannot verify.',
  `${base64url.encode('{"alg":"ES256K","kid":"ec-256"}')}.${base64url.encode(JSON.stringify(base))}.${base64url.encode(randomBytes(64))}`,
)
add('alg-mismatch', 'RS256 token for a client registered with PS256 (expected.alg).', await rs(base), { expected: { alg: 'PS256' } })
{
  // The key-confusion attack: HS256 keyed with the issuer's public key material.
  const pubPem = createPrivateKey({ key: k.rsa1.priv, format: 'jwk' }).export({ type: 'pkcs1', format: 'pem' })
  const secret = createSecretKey(Buffer.from(String(pubPem)))
  add(
    'hs-with-public-key',
    'HS256 signed with the RSA public key as the HMAC secret, kid rsa-1.',
    await jwt(base, { alg: 'HS256', kid: 'rsa-1' }, secret),
  )
}
add(
  'kid-not-found',
  'kid names a key the issuer does not publish.',
  await jwt(base, { alg: 'RS256', kid: 'rotated-away' }, k.rsaOther.privateKey),
)
add('kid-absent-multiple-jwks', 'No kid, two RSA keys in the set; rsa-2 signed it.', await jwt(base, { alg: 'RS256' }, k.rsa2.privateKey), {
  jwks: 'twoRsa',
})
add('suspicious-kid', 'kid is a path traversal.', await jwt(base, { alg: 'RS256', kid: '../../../../dev/null' }, k.rsa1.privateKey))
add(
  'key-use-mismatch',
  'Signed with the key the issuer publishes for encryption (use "enc").',
  raw({ alg: 'RS256', kid: 'enc-1' }, base, 'RS256', enc.priv),
)
add(
  'untrusted-jku',
  'Header jku points to an attacker URL; the real key still verifies.',
  await rs(base, { jku: 'https://attacker.example/jwks.json' }),
)
add('untrusted-x5u', 'Header x5u points to an attacker URL.', await rs(base, { x5u: 'https://attacker.example/cert.pem' }))
add(
  'embedded-jwk',
  'The attacker signs and embeds their own public key in "jwk".',
  await jwt(base, { alg: 'RS256', jwk: strip(k.attacker.pub) }, k.attacker.privateKey),
  { jwks: 'twoRsa' },
)
add('embedded-x5c', 'Header carries an x5c certificate chain.', await rs(base, { x5c: ['MIIBszCCAVmgAwIBAgIUWm'] }))
add(
  'crit-unsupported',
  'crit lists an extension this verifier does not implement.',
  raw({ alg: 'RS256', kid: 'rsa-1', crit: ['http://example.com/ext'], 'http://example.com/ext': true }, base, 'RS256', k.rsa1.priv),
)
add(
  'crit-b64',
  'crit b64:false (RFC 7797), which JWTs must not use.',
  raw({ alg: 'RS256', kid: 'rsa-1', b64: false, crit: ['b64'] }, base, 'RS256', k.rsa1.priv),
)
// Signed over the base64url payload, so a verifier that treated b64 as simply "true" would call it valid.
add(
  'crit-b64-true',
  'crit lists b64 with b64:true; the signature is correct for the encoded payload.',
  raw({ alg: 'RS256', kid: 'rsa-1', b64: true, crit: ['b64'] }, base, 'RS256', k.rsa1.priv),
)
add(
  'signature-invalid',
  'A valid token whose payload was altered after signing.',
  await (async () => {
    const t = await rs(base)
    const [h, , s] = t.split('.')
    return `${h}.${base64url.encode(JSON.stringify({ ...base, sub: 'admin' }))}.${s}`
  })(),
)
add(
  'graph-nonce-header',
  'Entra v1 Microsoft Graph access token with a header nonce.',
  raw(
    { typ: 'JWT', nonce: 'AQABAAAAAAB2UyzwtQEKR7-rWbgdcBZI', alg: 'RS256', x5t: 'entra-kid-1', kid: 'entra-kid-1' },
    {
      aud: 'https://graph.microsoft.com',
      iss: ENTRA_V1_ISS,
      iat: NOW - 60,
      nbf: NOW - 60,
      exp: NOW + 3600,
      appid: ENTRA_CLIENT,
      appidacr: '0',
      scp: 'User.Read',
      tid: TID,
      ver: '1.0',
      oid: '00000000-0000-0000-66f3-3332eca7ea81',
      unique_name: 'ada@contoso.example',
    },
    'RS256',
    k.entra.priv,
  ),
  { jwks: 'entra' },
)

// ---- time ---------------------------------------------------------------------------------
add('expired', 'exp two hours before now.', await rs({ ...base, iat: NOW - 10800, exp: NOW - 7200 }))
add('expired-within-tolerance', 'exp 100 s before now: inside the 300 s skew.', await rs({ ...base, iat: NOW - 3700, exp: NOW - 100 }))
add('nbf-in-future', 'nbf one hour after now.', await rs({ ...base, nbf: NOW + 3600, exp: NOW + 7200 }))
add('iat-future', 'iat one hour after now.', await rs({ ...base, iat: NOW + 3600, exp: NOW + 7200 }))

// ---- issuer / audience / client ------------------------------------------------------------
add('invalid-iss', 'A valid token checked against another expected issuer.', await rs(base), {
  expected: { issuer: 'https://login.example.test/realm-b' },
})
add('invalid-aud', 'A valid token checked against another audience.', await rs(base), { expected: { audience: 'another-client' } })
add('aud-array', 'aud is an array that includes the client.', await rs({ ...base, aud: [CLIENT, 'other'], azp: CLIENT }), {
  expected: { audience: CLIENT },
})
add('azp-mismatch', 'azp names another client.', await rs({ ...base, azp: 'someone-else' }), { expected: { audience: CLIENT } })
add('nonce-mismatch', 'The ID token returns another nonce.', await rs(base), { expected: { nonce: 'the-nonce-we-sent' } })
add('missing-nonce', 'No nonce, though one was sent.', await rs({ ...base, nonce: undefined }), {
  expected: { nonce: 'the-nonce-we-sent', tokenType: 'id_token' },
})
for (const claim of ['iss', 'sub', 'aud', 'exp', 'iat']) {
  add(`missing-${claim}`, `ID token without "${claim}".`, await rs({ ...base, [claim]: undefined }), {
    expected: { tokenType: 'id_token' },
  })
}

// ---- hashes -----------------------------------------------------------------------------------
const AT = 'access-token-value-1'
const CODE = 'authorization-code-1'
add('at-hash-ok', 'at_hash of the given access token.', await rs({ ...base, at_hash: leftHalf('sha256', AT) }), {
  expected: { accessToken: AT, responseType: 'id_token token' },
})
add('at-hash-mismatch', 'at_hash of another access token.', await rs({ ...base, at_hash: leftHalf('sha256', 'another-access-token') }), {
  expected: { accessToken: AT },
})
add('c-hash-mismatch', 'c_hash of another code.', await rs({ ...base, c_hash: leftHalf('sha256', 'another-code') }), {
  expected: { code: CODE },
})
add(
  'c-hash-ok-es512',
  'c_hash with ES512 uses SHA-512.',
  await jwt({ ...base, c_hash: leftHalf('sha512', CODE) }, { alg: 'ES512', kid: 'ec-521' }, k.ec521.privateKey),
  { expected: { code: CODE, responseType: 'code id_token' } },
)
add(
  'at-hash-eddsa',
  'at_hash with EdDSA (Ed25519) uses SHA-512.',
  await jwt({ ...base, at_hash: leftHalf('sha512', AT) }, { alg: 'EdDSA', kid: 'ed-1' }, k.ed.privateKey),
  { expected: { accessToken: AT } },
)
add(
  'at-hash-alg-none',
  'Unsigned (alg none) ID token carrying at_hash and c_hash: no hash function to compute them with.',
  `${base64url.encode('{"alg":"none"}')}.${base64url.encode(JSON.stringify({ ...base, at_hash: leftHalf('sha256', 'another-access-token'), c_hash: leftHalf('sha256', 'another-code') }))}.`,
  { expected: { accessToken: AT, code: CODE } },
)
add('missing-at-hash', 'Implicit flow id_token token without at_hash.', await rs(base), {
  expected: { responseType: 'id_token token', accessToken: AT },
})
add('missing-c-hash', 'Hybrid flow code id_token without c_hash.', await rs(base), {
  expected: { responseType: 'code id_token', code: CODE },
})

// ---- logout tokens ----------------------------------------------------------------------------
const logout = {
  iss: ISSUER,
  aud: CLIENT,
  iat: NOW - 10,
  exp: NOW + 110,
  jti: 'bWJq',
  sid: '08a5019c-17e1-4977-8f42-65a12843ea02',
  events: { [LOGOUT_EVENT]: {} },
}
add('valid-logout', 'A correct back-channel logout token.', await rs(logout, { typ: 'logout+jwt' }))
add(
  'logout-event-invalid',
  'events lacks the back-channel-logout member.',
  await rs({ ...logout, events: { 'http://example.com/other': {} } }, { typ: 'logout+jwt' }),
)
add('logout-nonce-present', 'A logout token with a nonce.', await rs({ ...logout, nonce: 'n-1' }, { typ: 'logout+jwt' }))
add('logout-no-sub-no-sid', 'A logout token with neither sub nor sid.', await rs({ ...logout, sid: undefined }, { typ: 'logout+jwt' }))

// ---- Entra -----------------------------------------------------------------------------------
const entraRs = (claims, header = {}) => jwt(claims, { alg: 'RS256', kid: 'entra-kid-1', typ: 'JWT', ...header }, k.entra.privateKey)
add('entra-v2-id', 'Entra v2.0 ID token.', await entraRs(entraId), { jwks: 'entra' })
add('entra-multitenant-issuer', 'Entra v2 token checked against the {tenantid} issuer template.', await entraRs(entraId), {
  jwks: 'entra',
  expected: { issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0', audience: ENTRA_CLIENT },
})
add('tenant-mismatch', 'Entra token from another tenant than expected.', await entraRs(entraId), {
  jwks: 'entra',
  expected: { tenantId: '11111111-2222-3333-4444-555555555555' },
})
add(
  'entra-v1-access',
  'Entra v1.0 access token for a custom API.',
  await entraRs({
    aud: 'api://6e74172b-be56-4843-9ff4-e66a39bb12e3',
    iss: ENTRA_V1_ISS,
    iat: NOW - 60,
    nbf: NOW - 60,
    exp: NOW + 3600,
    appid: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
    appidacr: '0',
    scp: 'access_as_user',
    tid: TID,
    ver: '1.0',
    oid: '00000000-0000-0000-66f3-3332eca7ea81',
  }),
  { jwks: 'entra' },
)
add(
  'entra-v2-access-app-key',
  'Entra v2 access token signed with an app-specific key (needs jwks_uri?appid=).',
  await jwt(
    {
      aud: ENTRA_CLIENT,
      iss: ENTRA_V2_ISS,
      iat: NOW - 60,
      nbf: NOW - 60,
      exp: NOW + 3600,
      azp: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
      azpacr: '0',
      scp: 'access_as_user',
      tid: TID,
      ver: '2.0',
      sub: 'abc',
      oid: '00000000-0000-0000-66f3-3332eca7ea81',
    },
    { alg: 'RS256', kid: 'entra-app-kid', typ: 'JWT' },
    k.entraApp.privateKey,
  ),
  { jwks: 'entra' },
)
add(
  'groups-overage',
  'Entra ID token whose groups moved to _claim_names/_claim_sources.',
  await entraRs({
    ...entraId,
    _claim_names: { groups: 'src1' },
    _claim_sources: { src1: { endpoint: `https://graph.windows.net/${TID}/users/00000000-0000-0000-66f3-3332eca7ea81/getMemberObjects` } },
  }),
  { jwks: 'entra' },
)
add(
  'b2c-id',
  'Azure AD B2C ID token (tfp policy).',
  await rs({ ...base, iss: 'https://contoso.b2clogin.com/775527ff-9a37-4307-8b3d-cc311f58d925/v2.0/', tfp: 'B2C_1_signupsignin' }),
)

const payload = {
  now: NOW,
  issuer: ISSUER,
  client: CLIENT,
  api: API,
  tenantId: TID,
  entraClient: ENTRA_CLIENT,
  entraV2Issuer: ENTRA_V2_ISS,
  entraV1Issuer: ENTRA_V1_ISS,
  accessToken: AT,
  code: CODE,
}
writeFileSync(resolve(OUT, 'jwks.json'), `${JSON.stringify(jwks, null, 2)}\n`)
writeFileSync(
  resolve(OUT, 'private-keys.json'),
  `${JSON.stringify({ note: 'Test-only keys generated by scripts/gen-token-fixtures.mjs. Never use them for anything else.', ...Object.fromEntries(Object.entries(k).map(([n, v]) => [n, v.priv])), enc: enc.priv, hs }, null, 2)}\n`,
)
writeFileSync(resolve(OUT, 'scenarios.json'), `${JSON.stringify({ constants: payload, scenarios }, null, 2)}\n`)
console.log(`wrote ${Object.keys(scenarios).length} scenarios to ${OUT}`)
