/** The one frame for the app's line icons: a 24×24 stroked SVG in the text colour, hidden from screen readers. */
import type { ReactNode } from 'react'

/** A decorative line icon; its label is always the text of the control that holds it. */
export function StrokeIcon({
  size,
  strokeWidth,
  className,
  children,
}: {
  size: number
  strokeWidth: number
  className?: string
  children: ReactNode
}) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={className}
    >
      {children}
    </svg>
  )
}
