// The HAR worker's result in parts: cut to a budget, and put back together exactly.
import { describe, expect, it } from 'vitest'
import type { Entry } from 'har-format'
import { analyzeFlows } from '../core/flows/detect.ts'
import type { Flow } from '../core/flows/types.ts'
import { parseHar } from '../core/har/parse.ts'
import { HAR_FIXTURES } from '../core/har/test-fixtures.ts'
import { entryCost, flowCost, joinParts, PART_BUDGET, splitResult } from './har-worker-parts.ts'

/** Every fixture's entries in one file: several flows of different sizes. */
function allFixtures(): { entries: Entry[]; flows: Flow[] } {
  const entries: Entry[] = []
  for (const text of Object.values(HAR_FIXTURES)) {
    const r = parseHar(text)
    if (!r.ok) throw new Error(r.message)
    entries.push(...r.entries)
  }
  return { entries, flows: analyzeFlows(entries).flows }
}

/** What the worker sent in one message before parts: the flows and every entry a step stands on. */
function whole(flows: Flow[], entries: Entry[]): Record<number, Entry> {
  const used: Record<number, Entry> = {}
  for (const f of flows)
    for (const s of f.steps) if (s.entryIndex !== null && entries[s.entryIndex]) used[s.entryIndex] = entries[s.entryIndex]!
  return used
}

describe('splitResult / joinParts', () => {
  const { entries, flows } = allFixtures()

  it('sends a small file as one part, and a file without flows as one empty part', () => {
    expect(flows.length).toBeGreaterThan(2)
    const parts = splitResult(flows, entries)
    expect(parts).toHaveLength(1)
    expect(parts[0]!.flows).toEqual(flows)
    expect(parts[0]!.flowEntries).toEqual(whole(flows, entries))
    expect(splitResult([], entries)).toEqual([{ flows: [], flowEntries: {} }])
  })

  it('cuts a large result into parts within the budget that join back to the same flows and entries', () => {
    const budget = 120
    const parts = splitResult(flows, entries, budget)
    expect(parts.length).toBeGreaterThan(flows.length)
    for (const p of parts) {
      const items = [...p.flows.map(flowCost), ...Object.values(p.flowEntries).map(entryCost)]
      // Over the budget only when one flow or entry is larger than it on its own.
      if (items.length > 1) expect(items.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(budget)
    }
    const joined = joinParts(parts)
    expect(joined.flows).toEqual(flows)
    expect(joined.flows.map((f) => f.id)).toEqual(flows.map((f) => f.id))
    expect(joined.flowEntries).toEqual(whole(flows, entries))
  })

  it('sends an entry two flows share once', () => {
    const [first] = flows
    const step = first!.steps.find((s) => s.entryIndex !== null)!
    // A second flow standing on the same exchange (a refresh seen by two detections, say).
    const twin: Flow = { ...first!, id: `${first!.id}-twin`, steps: [step] }
    const parts = splitResult([first!, twin], entries, 1)
    const carrying = parts.filter((p) => step.entryIndex! in p.flowEntries)
    expect(carrying).toHaveLength(1)
    expect(joinParts(parts).flows.map((f) => f.id)).toEqual([first!.id, twin.id])
  })

  it('weighs bodies by size, so one part never carries many megabytes', () => {
    const big = structuredClone(entries[0]!)
    big.response.content.text = 'x'.repeat(4 * 1024 * 1024)
    expect(entryCost(big)).toBeGreaterThan(PART_BUDGET)
    expect(entryCost(entries[0]!)).toBeLessThan(PART_BUDGET / 10)
  })
})
