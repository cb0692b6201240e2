/**
 * Text in which `backticked` parts are shown as code (explanations are written that way).
 * Renders text nodes only, never HTML.
 */
export function CodeText({ text }: { text: string }) {
  const parts = text.split('`')
  // An unbalanced backtick means the text is not using the convention: show it as it is.
  if (parts.length % 2 === 0) return <>{text}</>
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code
            key={i}
            className="rounded bg-slate-100 px-1 py-px font-mono text-[0.9em] text-slate-800 dark:bg-slate-800 dark:text-slate-200"
          >
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  )
}
