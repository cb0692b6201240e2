/** What the arrow styles mean; the same strokes as the diagram, so the key is never ambiguous. */
const ITEMS = [
  {
    label: 'request',
    dash: undefined,
    colour: 'stroke-slate-800 dark:stroke-slate-200',
    fill: 'fill-slate-800 dark:fill-slate-200',
    ring: false,
  },
  {
    label: 'response',
    dash: '6 4',
    colour: 'stroke-slate-500 dark:stroke-slate-400',
    fill: 'fill-slate-500 dark:fill-slate-400',
    ring: false,
  },
  {
    label: 'browser redirect',
    dash: '2 4',
    colour: 'stroke-amber-700 dark:stroke-amber-400',
    fill: 'fill-amber-700 dark:fill-amber-400',
    ring: true,
  },
  {
    label: 'person or app action',
    dash: undefined,
    colour: 'stroke-violet-600 dark:stroke-violet-300',
    fill: 'fill-violet-600 dark:fill-violet-300',
    ring: false,
  },
  { label: 'failure', dash: undefined, colour: 'stroke-red-600 dark:stroke-red-400', fill: 'fill-red-600 dark:fill-red-400', ring: false },
]

export function Legend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-300" aria-label="Legend">
      {ITEMS.map((i) => (
        <li key={i.label} className="inline-flex items-center gap-1.5">
          <svg width="34" height="10" aria-hidden="true" className={i.colour}>
            <line x1="4" y1="5" x2="28" y2="5" strokeWidth="1.6" strokeDasharray={i.dash} />
            <path d="M33 5 L26 1.5 L26 8.5 Z" className={i.fill} stroke="none" />
            {i.ring ? <circle cx="4" cy="5" r="3" className="fill-white dark:fill-slate-900" strokeWidth="1.4" /> : null}
          </svg>
          {i.label}
        </li>
      ))}
    </ul>
  )
}
