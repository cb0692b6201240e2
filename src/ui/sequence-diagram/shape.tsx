/**
 * One shape of the core's diagram drawing (core/diagram/drawing.ts) as a React SVG element: the
 * same attributes the SVG export writes (core/diagram/svg.ts), so the screen and the file agree.
 */
import type { Shape } from '../../core/diagram/drawing.ts'

export function DrawnShape({ s }: { s: Shape }) {
  switch (s.shape) {
    case 'line':
      return <line x1={s.x1} y1={s.y1} x2={s.x2} y2={s.y2} stroke={s.stroke} strokeWidth={s.strokeWidth} strokeDasharray={s.dash} />
    case 'path':
      return <path d={s.d} fill={s.fill} stroke={s.stroke} strokeWidth={s.strokeWidth} strokeDasharray={s.dash} />
    case 'rect':
      return <rect x={s.x} y={s.y} width={s.w} height={s.h} rx={s.rx} fill={s.fill} stroke={s.stroke} strokeWidth={s.strokeWidth} />
    case 'circle':
      return <circle cx={s.cx} cy={s.cy} r={s.r} fill={s.fill} stroke={s.stroke} strokeWidth={s.strokeWidth} />
    case 'text':
      return (
        <text x={s.x} y={s.y} textAnchor={s.anchor} fontFamily={s.fontFamily} fontSize={s.fontSize} fontWeight={s.fontWeight} fill={s.fill}>
          {s.text}
        </text>
      )
  }
}

export function DrawnShapes({ shapes }: { shapes: Shape[] }) {
  return shapes.map((s, k) => <DrawnShape key={k} s={s} />)
}
