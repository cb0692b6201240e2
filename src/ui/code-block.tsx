/** A labelled block of preformatted text with a copy button. */
import { CopyButton } from './copy-button.tsx'

/** Preformatted text (JSON, a URL, a raw document) with a label and a copy button. Text only. */
export function CodeBlock({
  label,
  text,
  copyText,
  maxHeight = 'max-h-96',
}: {
  label: string
  text: string
  copyText?: string
  maxHeight?: string
}) {
  return (
    <figure className="overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700">
      <figcaption className="flex items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs font-medium text-slate-600 dark:border-slate-700 dark:bg-slate-800/60 dark:text-slate-300">
        <span>{label}</span>
        <CopyButton text={copyText ?? text} className="!py-0.5 !text-xs" />
      </figcaption>
      <pre
        tabIndex={0}
        aria-label={label}
        className={`${maxHeight} overflow-auto bg-white p-3 font-mono text-xs leading-relaxed text-slate-800 dark:bg-slate-900 dark:text-slate-200`}
      >
        {text}
      </pre>
    </figure>
  )
}
