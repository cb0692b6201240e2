/** Links to outside pages, made only from http(s) URLs; any other scheme stays plain text. */
import type { ReactNode } from 'react'

/** Only http(s) URLs become links; anything else (javascript:, data:, garbage) stays text. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null
  } catch {
    return null
  }
}

export function ExternalLink({ href, children, className = '' }: { href: string; children: ReactNode; className?: string }) {
  const safe = safeHref(href)
  if (safe === null) return <span className={className}>{children}</span>
  return (
    <a
      href={safe}
      target="_blank"
      rel="noreferrer noopener"
      className={`text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-600 dark:text-indigo-300 dark:decoration-indigo-500/50 dark:hover:decoration-indigo-300 ${className}`}
    >
      {children}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  )
}
