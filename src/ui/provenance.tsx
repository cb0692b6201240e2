/** Where an explanation comes from and when it was last compared with those pages (a "Sources / Checked" list). */
import type { SpecLink } from '../core/spec-links.ts'
import { Definition, LinkRow } from './definition.tsx'

export function Provenance({ links, checked }: { links: readonly SpecLink[] | undefined; checked: string | undefined }) {
  if ((links?.length ?? 0) === 0 && checked === undefined) return null
  return (
    <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-xs" data-testid="error-provenance">
      {links && links.length > 0 ? (
        <Definition term="Sources" className="flex flex-wrap gap-x-3 gap-y-0.5">
          <LinkRow links={links} />
        </Definition>
      ) : null}
      {checked !== undefined ? (
        <Definition term="Checked" className="text-slate-700 dark:text-slate-300">
          <time dateTime={checked}>{checked}</time> against these sources
        </Definition>
      ) : null}
    </dl>
  )
}
