/**
 * Colours of the diagram, light and dark. One table for the on-screen renderer and the standalone
 * SVG export, so what a trainer exports is what they saw. Contrast of text on its background is
 * at least 4.5:1 (WCAG 2.2 SC 1.4.3) in both themes.
 */
import type { ParticipantRole } from './types.ts'

export interface Palette {
  background: string
  text: string
  muted: string
  lifeline: string
  request: string
  response: string
  redirect: string
  failure: string
  action: string
  badge: string
  badgeText: string
  noteFill: string
  noteStroke: string
  noteText: string
  highlight: string
  lane: Record<ParticipantRole, { fill: string; stroke: string }>
}

export type ThemeName = 'light' | 'dark'

export const PALETTES: Record<ThemeName, Palette> = {
  light: {
    background: '#ffffff',
    text: '#0f172a',
    muted: '#475569',
    lifeline: '#cbd5e1',
    request: '#1e293b',
    response: '#475569',
    redirect: '#b45309',
    failure: '#dc2626',
    action: '#7c3aed',
    badge: '#4f46e5',
    badgeText: '#ffffff',
    noteFill: '#fefce8',
    noteStroke: '#eab308',
    noteText: '#713f12',
    highlight: '#eef2ff',
    lane: {
      user: { fill: '#f5f3ff', stroke: '#8b5cf6' },
      browser: { fill: '#fffbeb', stroke: '#d97706' },
      client: { fill: '#eef2ff', stroke: '#6366f1' },
      device_authorization: { fill: '#f0f9ff', stroke: '#0284c7' },
      authorize: { fill: '#f0f9ff', stroke: '#0284c7' },
      token: { fill: '#f0f9ff', stroke: '#0284c7' },
      metadata: { fill: '#f8fafc', stroke: '#64748b' },
      resource: { fill: '#ecfdf5', stroke: '#059669' },
      other: { fill: '#f8fafc', stroke: '#94a3b8' },
    },
  },
  dark: {
    background: '#0f172a',
    text: '#e2e8f0',
    muted: '#94a3b8',
    lifeline: '#334155',
    request: '#e2e8f0',
    response: '#94a3b8',
    redirect: '#fbbf24',
    failure: '#f87171',
    action: '#c4b5fd',
    badge: '#818cf8',
    badgeText: '#0f172a',
    noteFill: '#1c1917',
    noteStroke: '#a16207',
    noteText: '#fde68a',
    highlight: '#1e1b4b',
    lane: {
      user: { fill: '#2e1065', stroke: '#a78bfa' },
      browser: { fill: '#271a0c', stroke: '#f59e0b' },
      client: { fill: '#1e1b4b', stroke: '#818cf8' },
      device_authorization: { fill: '#082f49', stroke: '#38bdf8' },
      authorize: { fill: '#082f49', stroke: '#38bdf8' },
      token: { fill: '#082f49', stroke: '#38bdf8' },
      metadata: { fill: '#1e293b', stroke: '#94a3b8' },
      resource: { fill: '#022c22', stroke: '#34d399' },
      other: { fill: '#1e293b', stroke: '#64748b' },
    },
  },
}

export const FONT_FAMILY = {
  sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  mono: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
}
