/** Runs the real report view off screen at idle, so the first real paste finds its code compiled and warm. */
import { startTransition, useEffect, useMemo, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { noTrust, type InspectorState } from '../../stores/inspector-store.ts'
import { InspectorView } from './inspector-view.tsx'

/**
 * The inspector, run once off screen while the page is idle, the way a person uses it: a paste
 * into the token field (see `paste`) and its verified report, then a token whose issuer would need consent. A first paste used to cost
 * twice the CPU of a paste after Clear, which mounts the same report: the difference was code run
 * for the first time (the page's functions and React's update paths compiled on the spot). After
 * this, the first real paste runs warm code.
 * The end is marked with the User Timing mark `inspector:warm` (what bench:paste waits for, as a
 * person reads the page before pasting).
 *
 * Nothing here touches the live store, storage, the address or the network: the view gets a
 * stand-in state whose actions only change the stand-in; the tokens are signed here with a key
 * made here and verified against that key as a pasted key set; the consent step names a host
 * under `.example` (RFC 2606) that nobody trusted, so the fetch policy asks and nothing is sent.
 * The tree lives in an element that is never attached to the document: nothing is shown,
 * announced or laid out, and its ids cannot clash with the page's. (Attaching it for one layout
 * pass, to warm fonts and style caches too, made long tasks at idle; a copy of its report is laid
 * out piece by piece at the end instead, see layOutOnce.)
 */

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
const b64urlJson = (v: unknown) => b64url(new TextEncoder().encode(JSON.stringify(v)))

const TENANT = '00000000-0000-4000-8000-000000000001'

/** An RS256 key (RFC 7518 §3.3, what most issuers sign with, so the WebCrypto path worth warming). */
async function signer(subtle: SubtleCrypto): Promise<{ jwks: string; sign: (payload: Record<string, unknown>) => Promise<string> }> {
  const key = await subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )
  const jwk = { ...(await subtle.exportKey('jwk', key.publicKey)), kid: 'warm-up', alg: 'RS256', use: 'sig' }
  delete jwk.key_ops
  delete jwk.ext
  return {
    jwks: JSON.stringify({ keys: [jwk] }),
    sign: async (payload) => {
      const signingInput = `${b64urlJson({ alg: 'RS256', typ: 'JWT', kid: 'warm-up' })}.${b64urlJson(payload)}`
      const sig = new Uint8Array(await subtle.sign('RSASSA-PKCS1-v1_5', key.privateKey, new TextEncoder().encode(signingInput)))
      return `${signingInput}.${b64url(sig)}`
    },
  }
}

/** The shape of a usual Entra ID token, so the same claim tables load that a real one needs. */
function idToken(now: number, n: number, iss = `https://login.microsoftonline.com/${TENANT}/v2.0`): Record<string, unknown> {
  return {
    iss,
    aud: '00000000-0000-4000-8000-000000000002',
    sub: `warm-up-${n}`,
    iat: now,
    nbf: now,
    exp: now + 600,
    name: 'Warm-up',
    preferred_username: 'warm-up@example.com',
    oid: '00000000-0000-4000-8000-000000000003',
    tid: TENANT,
    roles: ['Reader'],
    ver: '2.0',
  }
}

type Stand = Pick<InspectorState, 'input' | 'keySource'>
type SetStand = (patch: Partial<Stand>) => void

/** The view on a stand-in of the store: the store's shape, none of its values or effects. */
function WarmPage({ jwks, onReady }: { jwks: string; onReady: (set: SetStand) => void }) {
  const [stand, setStand] = useState<Stand>({ input: '', keySource: 'pasted' })
  const s = useMemo<InspectorState>(() => {
    const noop = () => undefined
    return {
      input: stand.input,
      source: stand.input === '' ? null : 'paste',
      expected: {},
      clockToleranceSec: 300,
      pretendNow: null,
      keySource: stand.keySource,
      pastedJwks: jwks,
      compareInput: '',
      redact: false,
      ...noTrust(),
      setInput: (input: string) => setStand((p) => ({ ...p, input })),
      openToken: noop,
      clear: noop,
      setExpected: noop,
      clearExpected: noop,
      setClockTolerance: noop,
      setPretendNow: noop,
      setKeySource: noop,
      setPastedJwks: noop,
      setCompareInput: noop,
      setRedact: noop,
      cacheDocument: noop,
      forgetDocuments: noop,
      forgetAll: noop,
      allowOnce: noop,
      alwaysTrust: noop,
      judgeAtCurrentTime: noop,
    }
  }, [stand, jwks])
  useEffect(() => {
    onReady((patch) => setStand((p) => ({ ...p, ...patch })))
  }, [onReady])
  return <InspectorView s={s} onReachField={() => undefined} />
}

/** Resolves once `test` holds for the tree under `host` (checked on each change), after `ms`, or when the run stops. */
function until(host: HTMLElement, test: () => boolean, stop: AbortSignal, ms = 3000): Promise<void> {
  return new Promise((resolve) => {
    if (test() || stop.aborted) {
      resolve()
      return
    }
    const done = () => {
      observer.disconnect()
      clearTimeout(timer)
      stop.removeEventListener('abort', done)
      resolve()
    }
    const observer = new MutationObserver(() => {
      if (test()) done()
    })
    observer.observe(host, { subtree: true, childList: true, characterData: true, attributes: true })
    const timer = setTimeout(done, ms)
    stop.addEventListener('abort', done)
  })
}

/**
 * A paste, as far as it can be without a long task: the `paste` event goes through React's own
 * listener, and the new value is set in a transition, which React renders in slices of a few
 * milliseconds (a real `input` event renders in one piece: 80–130 ms at idle on a loaded 2-core
 * machine, measured as Lighthouse-style blocking time).
 */
function paste(field: HTMLTextAreaElement, text: string, set: SetStand): void {
  const data = new DataTransfer()
  data.setData('text/plain', text)
  field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  startTransition(() => set({ input: text }))
}

const idle = () =>
  new Promise<void>((resolve) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 200 }) : setTimeout(resolve, 50),
  )

/**
 * Style and layout have first-time costs too (rule matching and the style caches for classes the
 * page has not used yet, text shaping for its fonts and sizes): a first paste's frame spent ~5 ms
 * more CPU on them than a paste after Clear. So a copy of the verified report (what the detached
 * run drew) is laid out once in the page, hidden, one top-level section per idle callback: each
 * piece is a short task, where laying the whole report out at once made long tasks at idle.
 * The copy has no ids or data-* attributes (no clash with the page's), is inert, aria-hidden and invisible, holds no
 * React state and is removed at the end (or when the run stops).
 */
async function layOutOnce(drawn: HTMLElement, stop: AbortSignal): Promise<void> {
  const main = document.getElementById('main')
  // Once the page shows a report of its own, the copy has nothing left to warm, and its text
  // would stand beside the page's (hidden, but found by anything that searches the document for
  // text, as a test did: "0 errors" twice).
  const pageReport = () => main?.querySelector('[data-verdict]') != null
  if (!main || pageReport()) return
  // The coloured token (its box: the mirror of the pasted text and the field over it), then the
  // report's own sections (verdict, findings, contents, keys). The rest of the page is laid out
  // already, so a copy of it warms nothing, and its text (labels, headings) would stand twice in
  // the document while the page is empty; the token's colours and the report are what a first
  // paste draws for the first time.
  const mirror = drawn.querySelector('[data-token-mirror]')?.parentElement
  // Not the field itself: a second (if hidden) textarea in the document is one too many for
  // anything that looks the field up by its element.
  for (const field of mirror?.querySelectorAll('textarea, input, button') ?? []) field.remove()
  const report = [...drawn.querySelectorAll('section[data-verdict], section#findings, section#contents, section#keys')].filter(
    (el) => !el.parentElement?.closest('section'),
  )
  const pieces = mirror ? [mirror, ...report] : report
  // No ids and no data-* hooks: nothing that looks for the page's verdict, claims or fields
  // (tests, the bench's probe, the skip link) can meet the copy. Styles match classes, not these.
  for (const el of [drawn, ...drawn.querySelectorAll('*')]) {
    for (const name of el.getAttributeNames()) if (name === 'id' || name.startsWith('data-')) el.removeAttribute(name)
  }
  const box = document.createElement('div')
  box.setAttribute('aria-hidden', 'true')
  box.inert = true
  // Laid out (visibility, unlike display:none or content-visibility, keeps layout and shaping)
  // but never seen, hit or painted outside its zero-height, clipped box.
  box.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:0;overflow:hidden;visibility:hidden;pointer-events:none'
  const frame = document.createElement('div')
  frame.className = 'mx-auto max-w-7xl px-4'
  box.appendChild(frame)
  // A report the page shows meanwhile: the observer removes the copy in the microtask after the
  // page's commit, before anything else can read the document.
  let done = false
  const finish = () => {
    done = true
    observer.disconnect()
    box.remove()
  }
  const observer = new MutationObserver(() => {
    if (pageReport()) finish()
  })
  observer.observe(main, { subtree: true, childList: true })
  // Beside #main, not inside it: the page's own queries of its main region never see the copy.
  main.after(box)
  try {
    for (const piece of pieces) {
      await idle()
      if (stop.aborted || done) return
      frame.replaceChildren(piece)
      void piece.getBoundingClientRect()
    }
  } finally {
    finish()
  }
}

let warmed: Promise<void> | null = null
let running: AbortController | null = null

/** Runs the off-screen session once per page; later calls return the same promise. */
export function warmUp(): Promise<void> {
  warmed ??= run()
  return warmed
}

/**
 * Ends a run that has not finished (the page that asked for it went away) and lets a later call
 * start again. Its React root is unmounted right away, so no render of it outlives the page
 * (under test, one that did ran after the DOM was torn down).
 */
export function stopWarmUp(): void {
  if (!running) return
  running.abort()
  running = null
  warmed = null
}

async function run(): Promise<void> {
  const subtle = globalThis.crypto?.subtle
  if (!subtle || typeof document === 'undefined') return
  const controller = new AbortController()
  running = controller
  const stop = controller.signal
  const { jwks, sign } = await signer(subtle)
  if (stop.aborted) return
  const now = Math.floor(Date.now() / 1000)
  // Verified with its key pasted, then one to be verified with its issuer's keys, which asks for
  // consent (nothing is fetched), then the first again.
  const verified = { token: await sign(idToken(now, 1)), sub: 'warm-up-1', keys: 'pasted', verdict: 'valid_other_keys' } as const
  const consent = {
    token: await sign(idToken(now, 2, 'https://issuer.warm-up.example/tenant')),
    sub: 'warm-up-2',
    keys: 'issuer',
    verdict: 'unverifiable',
  } as const
  const steps = [verified, consent]
  if (stop.aborted) return
  const host = document.createElement('div')
  const root = createRoot(host)
  let unmounted = false
  const unmount = () => {
    if (unmounted) return
    unmounted = true
    root.unmount()
  }
  // A stop comes from the page's effect cleanup, while React commits that page: unmounting
  // another root in the middle of a commit is refused, so it happens right after it.
  const unmountSoon = () => queueMicrotask(unmount)
  stop.addEventListener('abort', unmountSoon)
  let setStand: SetStand = () => undefined
  let drawn: HTMLElement | null = null
  const verdict = () => host.querySelector('[data-verdict]')?.getAttribute('data-verdict') ?? null
  const field = () => host.querySelector('textarea')
  try {
    root.render(
      <WarmPage
        jwks={jwks}
        onReady={(set) => {
          setStand = set
        }}
      />,
    )
    await until(host, () => field() !== null, stop)
    // A first paste mounts the report where the empty page was, so each step starts from an
    // empty field.
    for (const step of steps) {
      await idle()
      if (stop.aborted) return
      setStand({ keySource: step.keys })
      const el = field()
      if (!el) return
      paste(el, step.token, setStand)
      await until(host, () => verdict() === step.verdict && (host.textContent ?? '').includes(step.sub), stop)
      // The report as a real paste draws it, copied for layOutOnce (the tree is cleared next).
      if (step === verified) drawn ??= host.cloneNode(true) as HTMLElement
      await idle()
      if (stop.aborted) return
      paste(el, '', setStand)
      await until(host, () => verdict() === null, stop)
    }
  } finally {
    stop.removeEventListener('abort', unmountSoon)
    if (stop.aborted) unmountSoon()
    else unmount()
    if (!stop.aborted && drawn) await layOutOnce(drawn, stop)
    if (!stop.aborted) {
      if (running === controller) running = null
      performance.mark('inspector:warm')
    }
  }
}
