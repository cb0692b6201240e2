/** Copies a link that opens this token in the inspector, with the warning that the link carries the token. */
import { useState } from 'react'
import { BUTTON_SECONDARY } from '../../ui/button-styles.ts'
import { CopyButton } from '../../ui/copy-button.tsx'

/**
 * Copy a link carrying the token in its fragment. A link to a still-valid token is a working
 * credential for anyone who gets it, so that case asks first.
 */
export function CopyLinkButton({ link, validFor }: { link: string; validFor: string | null }) {
  const [confirming, setConfirming] = useState(false)
  if (validFor === null) return <CopyButton text={link} label="Copy link" copiedLabel="Link copied" />
  if (!confirming) {
    return (
      <button type="button" className={BUTTON_SECONDARY} onClick={() => setConfirming(true)} aria-haspopup="dialog">
        Copy link
      </button>
    )
  }
  return (
    <div
      role="alertdialog"
      aria-labelledby="copy-link-warning"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 shadow-sm dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <p id="copy-link-warning" className="max-w-xs text-xs">
        This token is still valid ({validFor}). Anyone with the link can use it until then.
      </p>
      <CopyButton text={link} label="Copy anyway" copiedLabel="Link copied" onCopied={() => setConfirming(false)} primary />
      <button type="button" autoFocus className={BUTTON_SECONDARY} onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </div>
  )
}
