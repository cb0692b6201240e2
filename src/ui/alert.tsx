/** The red box of an error the screen cannot work around (role="alert": read out when it appears). */
import type { ReactNode } from 'react'

export function ErrorAlert({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <p
      role="alert"
      className={`rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-500/40 dark:bg-red-500/10 dark:text-red-100${className ? ` ${className}` : ''}`}
    >
      {children}
    </p>
  )
}
