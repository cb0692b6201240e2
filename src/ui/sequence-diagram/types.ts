/**
 * The shapes the renderer draws. Structural on purpose: src/ui knows nothing about the app, and
 * the core's DiagramLayout, Palette and font table fit these types as they are.
 */
export type ArrowKind = 'request' | 'response' | 'redirect' | 'action'

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export interface TextLine {
  text: string
  x: number
  y: number
  width: number
  font: string
}

export interface LaneShape {
  id: string
  role: string
  x: number
  box: Box
  texts: TextLine[]
}

export interface RowShape {
  index: number
  id: string
  kind: ArrowKind
  failed: boolean
  x1: number
  x2: number
  y: number
  self: boolean
  loop: number
  top: number
  bottom: number
  badge: { x: number; y: number; r: number; text: string }
  labelBox: Box
  texts: TextLine[]
  note: { box: Box; texts: TextLine[] } | null
}

export interface SequenceLayout {
  width: number
  height: number
  headerHeight: number
  lifelineTop: number
  lifelineBottom: number
  lanes: LaneShape[]
  rows: RowShape[]
}

export interface DiagramColours {
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
  lane: Record<string, { fill: string; stroke: string }>
}

export interface FontTable {
  fonts: Record<string, { size: number; weight: number; mono: boolean }>
  sans: string
  mono: string
}
