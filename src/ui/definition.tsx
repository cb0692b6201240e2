/** Rows of a small definition list (term, then value) and the row of outside links several of them show. */
import type { ReactNode } from 'react'
import { ExternalLink } from './external-link.tsx'

/** One term and its value; the <dl> around it sets the grid. */
export function Definition({ term, children, className }: { term: ReactNode; children: ReactNode; className?: string }) {
  return (
    <>
      <dt className="text-slate-500 dark:text-slate-400">{term}</dt>
      <dd className={className}>{children}</dd>
    </>
  )
}

/** Specifications or documentation pages, side by side (http(s) only: see ExternalLink). */
export function LinkRow({ links }: { links: readonly { label: string; url: string }[] }) {
  return links.map((l) => (
    <ExternalLink key={l.url + l.label} href={l.url}>
      {l.label}
    </ExternalLink>
  ))
}
