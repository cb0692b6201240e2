import { PageHeader } from './page-header.tsx'

/** What a screen will do, shown until the screen itself is built. */
export function PlannedScreen({ title, lead, points }: { title: string; lead: string; points: string[] }) {
  return (
    <section className="mx-auto max-w-7xl px-4 py-8">
      <PageHeader title={title} lead={lead} />
      <div className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-6 dark:border-slate-700 dark:bg-slate-900">
        <p className="text-sm font-medium text-slate-700 dark:text-slate-200">This screen is being built. It will let you:</p>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-600 dark:text-slate-300">
          {points.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    </section>
  )
}
