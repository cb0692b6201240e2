/**
 * Test helper: a seeded HAR of ordinary browsing with no OAuth in it (pages, scripts, styles,
 * images as base64, JSON XHRs with bearer tokens of their own, analytics beacons, redirects,
 * a shop's "?code=" promotion and a SPA's "?state=" router parameter, a site's own /logout),
 * written the way Chromium's DevTools exports it.
 */
import type { Entry } from 'har-format'

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 4294967296
  }
}

const h = (o: Record<string, string>) => Object.entries(o).map(([name, value]) => ({ name, value }))

export function noiseEntries(count: number, seed = 7, start = Date.UTC(2026, 0, 15, 8, 0, 0)): Entry[] {
  const rand = seededRandom(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  const sites = ['news.example', 'shop.example', 'cdn.example', 'video.example', 'docs.example']
  const out: Entry[] = []
  for (let i = 0; i < count; i++) {
    const site = pick(sites)
    const kind = Math.floor(rand() * 10)
    let method = 'GET'
    let url = `https://${site}/page/${i}`
    let status = 200
    let mime = 'text/html'
    let text = `<html><body><h1>Page ${i}</h1><a href="/page/${i + 1}">next</a></body></html>`
    let encoding: string | undefined
    const reqHeaders: Record<string, string> = { 'user-agent': 'Mozilla/5.0', accept: '*/*' }
    const resHeaders: Record<string, string> = {}
    let postData: Entry['request']['postData']
    switch (kind) {
      case 0:
        url = `https://${site}/static/app.${i}.js`
        mime = 'application/javascript'
        text = `export function f${i}(){return ${i}}`
        break
      case 1:
        url = `https://${site}/img/${i}.png`
        mime = 'image/png'
        text = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
        encoding = 'base64'
        break
      case 2:
        url = `https://api.${site}/v1/items?page=${i}`
        mime = 'application/json'
        reqHeaders.authorization = `Bearer site-session-${Math.floor(rand() * 1e9)}`
        text = JSON.stringify({ items: [i, i + 1], next: i + 2 })
        break
      case 3:
        method = 'POST'
        url = `https://analytics.example/collect?v=2&tid=G-${i}`
        postData = { mimeType: 'text/plain', text: JSON.stringify({ event: 'page_view', page: i }) }
        status = 204
        text = ''
        mime = ''
        break
      case 4:
        url = `https://shop.example/cart?code=SUMMER${i}&ref=mail`
        break
      case 5:
        url = `https://docs.example/app/view?state=${encodeURIComponent(JSON.stringify({ tab: i % 3 }))}`
        break
      case 6:
        url = `https://${site}/go/${i}`
        status = 302
        resHeaders.location = `https://${site}/landing?utm_source=x&code=${i}`
        text = ''
        break
      case 7:
        url = `https://${site}/account/logout`
        status = 302
        resHeaders.location = `https://${site}/`
        text = ''
        break
      case 8:
        url = `https://${site}/fonts/inter-${i}.woff2`
        mime = 'font/woff2'
        text = 'd09GMgABAAAAA'
        encoding = 'base64'
        break
      default:
        break
    }
    const u = new URL(url)
    out.push({
      startedDateTime: new Date(start + i * 250).toISOString(),
      time: 20,
      request: {
        method,
        url,
        httpVersion: 'http/2.0',
        cookies: [],
        headers: h(reqHeaders),
        queryString: [...u.searchParams].map(([name, value]) => ({ name, value })),
        ...(postData ? { postData } : {}),
        headersSize: -1,
        bodySize: postData?.text?.length ?? 0,
      },
      response: {
        status,
        statusText: '',
        httpVersion: 'http/2.0',
        cookies: [],
        headers: h({ ...(mime ? { 'content-type': mime } : {}), ...resHeaders }),
        content: { size: text.length, mimeType: mime, text, ...(encoding ? { encoding } : {}) },
        redirectURL: resHeaders.location ?? '',
        headersSize: -1,
        bodySize: text.length,
      },
      cache: {},
      timings: { send: 1, wait: 15, receive: 4 },
    })
  }
  return out
}
