/**
 * Splits an analysed file's flows and their entries into several worker messages, and puts them
 * back together on the main thread. A message's data is deserialised in one main-thread task
 * (structured clone, HTML §2.7.3), and a 100-sign-in file's whole result took one 24 ms task on a
 * busy 2-core machine (the bench:har trace): in parts of a bounded size each task stays short.
 */
import type { Entry } from 'har-format'
import type { Flow } from '../core/flows/types.ts'

/** One message's share of the result: flows in file order, and entries by index in the file. */
export interface ResultPart {
  flows: Flow[]
  flowEntries: Record<number, Entry>
}

/**
 * Budget of one part, in about one unit per cloned object (a string counts one unit per KB). The
 * 100-sign-in file's result is about 19,000 units and took 24 ms of main-thread CPU to deserialise
 * in one piece (bench:har trace, load average 10): a part of 1,500 costs about 2 ms, and a file
 * with a few flows is one part.
 */
export const PART_BUDGET = 1500

const textCost = (text: string | undefined) => (text ? text.length >> 10 : 0)

/** About how many objects a flow carries (its steps' parameters, tokens with their expectations, findings). */
export function flowCost(flow: Flow): number {
  let cost = 8
  for (const s of flow.steps) cost += 6 + Object.keys(s.request).length + Object.keys(s.response).length + (s.setCookies?.length ?? 0)
  for (const t of flow.tokens) cost += 4 + textCost(t.value)
  cost += flow.findings.length * 3
  return cost
}

/** About how many objects an entry carries (headers, query, cookies) plus its bodies by size. */
export function entryCost(entry: Entry): number {
  const { request: q, response: r } = entry
  return (
    12 +
    (q.headers?.length ?? 0) +
    (q.queryString?.length ?? 0) +
    (q.cookies?.length ?? 0) +
    (q.postData?.params?.length ?? 0) +
    textCost(q.postData?.text) +
    (r.headers?.length ?? 0) +
    (r.cookies?.length ?? 0) +
    textCost(r.content?.text)
  )
}

/**
 * The flows, each followed by the entries its steps stand on (each entry sent once), cut into
 * parts of about `budget`. Never empty: a file without flows is one empty part. A flow larger
 * than the budget gets parts of its own, its entries spread over them.
 */
export function splitResult(flows: Flow[], entries: readonly Entry[], budget = PART_BUDGET): ResultPart[] {
  const parts: ResultPart[] = []
  let part: ResultPart = { flows: [], flowEntries: {} }
  let used = 0
  const add = (cost: number) => {
    if (used > 0 && used + cost > budget) {
      parts.push(part)
      part = { flows: [], flowEntries: {} }
      used = 0
    }
    used += cost
  }
  const sent = new Set<number>()
  for (const flow of flows) {
    add(flowCost(flow))
    part.flows.push(flow)
    for (const s of flow.steps) {
      const i = s.entryIndex
      const entry = i === null ? undefined : entries[i]
      if (i === null || !entry || sent.has(i)) continue
      sent.add(i)
      add(entryCost(entry))
      part.flowEntries[i] = entry
    }
  }
  parts.push(part)
  return parts
}

/** The parts back in one piece: flows in the order they were cut, entries merged by index. */
export function joinParts(parts: readonly ResultPart[]): ResultPart {
  if (parts.length === 1 && parts[0]) return parts[0]
  const flows: Flow[] = []
  const flowEntries: Record<number, Entry> = {}
  for (const p of parts) {
    for (const f of p.flows) flows.push(f)
    Object.assign(flowEntries, p.flowEntries)
  }
  return { flows, flowEntries }
}
