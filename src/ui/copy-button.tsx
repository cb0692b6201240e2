/** A button that copies text to the clipboard and says whether it worked. */
import { useEffect, useRef, useState } from 'react'
import { BUTTON_PRIMARY, BUTTON_SECONDARY } from './button-styles.ts'
import { StrokeIcon } from './stroke-icon.tsx'

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/**
 * Copies `text` (or what `getText` returns at click time) and says so in a polite live region.
 * When the clipboard is unavailable (insecure context, permission denied) it says that instead
 * of failing silently.
 */
export function CopyButton({
  text,
  getText,
  label = 'Copy',
  copiedLabel = 'Copied',
  className = '',
  onCopied,
  primary = false,
}: {
  text?: string
  getText?: () => string
  label?: string
  copiedLabel?: string
  className?: string
  onCopied?: () => void
  primary?: boolean
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const onClick = async () => {
    const ok = await writeClipboard(getText ? getText() : (text ?? ''))
    setState(ok ? 'copied' : 'failed')
    if (ok) onCopied?.()
    clearTimeout(timer.current)
    timer.current = setTimeout(() => setState('idle'), 2000)
  }
  return (
    <button type="button" onClick={() => void onClick()} className={`${primary ? BUTTON_PRIMARY : BUTTON_SECONDARY} ${className}`}>
      <StrokeIcon size={14} strokeWidth={2}>
        {state === 'copied' ? (
          <path d="M5 12l5 5L20 7" />
        ) : (
          <>
            <rect x="9" y="9" width="11" height="11" rx="2" />
            <path d="M5 15V5a2 2 0 0 1 2-2h10" />
          </>
        )}
      </StrokeIcon>
      <span>{state === 'copied' ? copiedLabel : state === 'failed' ? 'Copy failed' : label}</span>
      <span className="sr-only" aria-live="polite">
        {state === 'copied'
          ? `${copiedLabel}.`
          : state === 'failed'
            ? 'The clipboard is not available here; select the text and copy it by hand.'
            : ''}
      </span>
    </button>
  )
}
