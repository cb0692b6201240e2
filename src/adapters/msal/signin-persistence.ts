/**
 * What the sign-in screen keeps between visits: connection profiles and three settings in
 * localStorage (an SPA has no secret, so a profile holds none), and the flow in progress in
 * sessionStorage (it must survive the redirect round trip, not the tab).
 */
import { demoProfiles, sanitizeProfile, type ConnectionProfile } from '../../core/capture/profile.ts'
import { readStored, writeStored } from '../storage.ts'

const KEYS = {
  profiles: 'signin:profiles',
  active: 'signin:active',
  step: 'signin:step-through',
  graph: 'signin:graph-me',
  flow: 'signin:flow',
} as const

export function redirectUriDefault(): string {
  return new URL('redirect.html', new URL(import.meta.env.BASE_URL, window.location.origin)).href
}

/**
 * The built-in demo profiles first (Entra, B2C user flow, External ID shapes), then the stored ones (damaged entries are skipped). A stored
 * entry that reuses an id already taken (the demo's, from a share link before links got fresh
 * ids, or a hand-edited file) gets its own id, so it can never stand in for another profile.
 */
export function loadProfiles(): ConnectionProfile[] {
  const demos = demoProfiles(redirectUriDefault())
  try {
    const raw = readStored('local', KEYS.profiles)
    const parsed: unknown = raw ? JSON.parse(raw) : []
    const list = Array.isArray(parsed)
      ? parsed.map((p, i) => sanitizeProfile(p, `p${i}`)).filter((p): p is ConnectionProfile => p !== null && p.kind !== 'demo')
      : []
    const taken = new Set(demos.map((d) => d.id))
    const distinct = list.map((p, i) => {
      let id = p.id
      while (taken.has(id)) id = `restored-${i}-${id.slice(0, 40)}`
      taken.add(id)
      return id === p.id ? p : { ...p, id }
    })
    return [...demos, ...distinct]
  } catch {
    return demos
  }
}

export function persistProfiles(profiles: ConnectionProfile[]): void {
  writeStored('local', KEYS.profiles, JSON.stringify(profiles.filter((p) => p.kind !== 'demo')))
}

export function readSetting(name: 'active' | 'step' | 'graph'): string | null {
  return readStored('local', KEYS[name])
}

export function writeSetting(name: 'active' | 'step' | 'graph', value: string | null): void {
  writeStored('local', KEYS[name], value)
}

/** The sign-in in progress: which profile, and whether it pauses at each step. */
export interface FlowMemo {
  profileId: string
  stepThrough: boolean
}

export function readFlow(): FlowMemo | null {
  try {
    const raw = readStored('session', KEYS.flow)
    const v = raw ? (JSON.parse(raw) as Partial<FlowMemo>) : null
    return v && typeof v.profileId === 'string' ? { profileId: v.profileId, stepThrough: v.stepThrough === true } : null
  } catch {
    return null
  }
}

export function writeFlow(flow: FlowMemo): void {
  writeStored('session', KEYS.flow, JSON.stringify(flow))
}
