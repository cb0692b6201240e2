/** Test helper: a minimal, valid HAR 1.2 entry (used by the HAR and flow unit tests). */
import type { Entry } from 'har-format'

export interface EntrySpec {
  method?: string
  url: string
  at?: number
  reqHeaders?: Record<string, string>
  form?: Record<string, string>
  json?: unknown
  status?: number
  location?: string
  resHeaders?: Record<string, string>
  mime?: string
  body?: string
}

export function mkEntry(spec: EntrySpec): Entry {
  const headers = (o: Record<string, string>) => Object.entries(o).map(([name, value]) => ({ name, value }))
  const u = new URL(spec.url)
  const entry: Entry = {
    startedDateTime: new Date(Date.UTC(2026, 0, 15, 9, 0, 0) + (spec.at ?? 0) * 1000).toISOString(),
    time: 10,
    request: {
      method: spec.method ?? (spec.form ? 'POST' : 'GET'),
      url: spec.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headers({ ...(spec.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}), ...spec.reqHeaders }),
      queryString: [...u.searchParams].map(([name, value]) => ({ name, value })),
      headersSize: -1,
      bodySize: -1,
    },
    response: {
      status: spec.status ?? (spec.location ? 302 : 200),
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headers({ ...(spec.location ? { Location: spec.location } : {}), ...spec.resHeaders }),
      content: {
        size: 0,
        mimeType: spec.mime ?? (spec.json !== undefined ? 'application/json' : 'text/html'),
        text: spec.json !== undefined ? JSON.stringify(spec.json) : (spec.body ?? ''),
      },
      redirectURL: spec.location ?? '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 5, receive: 5 },
  }
  if (spec.form) entry.request.postData = { mimeType: 'application/x-www-form-urlencoded', text: new URLSearchParams(spec.form).toString() }
  return entry
}

export function mkHar(entries: unknown[]): string {
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } })
}
