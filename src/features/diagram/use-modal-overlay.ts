/**
 * A modal overlay rendered into document.body: everything else on the page is made `inert` while
 * it is open (no focus, no clicks, hidden from assistive technology; WAI-ARIA APG dialog pattern,
 * HTML §6.3 "inert subtrees"), Tab and Shift+Tab cycle inside it, and focus returns to the element
 * that opened it when it closes.
 */
import { useLayoutEffect, type RefObject } from 'react'

const TABBABLE =
  'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), iframe, [contenteditable=""], [contenteditable="true"], [tabindex]'

/** The elements inside `root` that Tab can reach, in tab order (no positive tabindex used here). */
function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && !el.closest('[inert]') && el.getClientRects().length > 0,
  )
}

/**
 * Moves focus to the next (or previous) tabbable element inside `root`, wrapping at the ends.
 * Focus outside the overlay (or on the overlay itself) goes to the first (or last) one.
 */
export function cycleFocus(root: HTMLElement, backwards: boolean): void {
  const list = tabbables(root)
  const active = document.activeElement
  if (list.length === 0) {
    root.focus()
    return
  }
  let next: number
  const at = active instanceof HTMLElement ? list.indexOf(active) : -1
  if (at !== -1) next = at + (backwards ? -1 : 1)
  else if (active instanceof Node && active !== root && root.contains(active)) {
    // Focus sits on something inside that is not in the list (a focusable scroller): continue
    // from its place in document order.
    const after = list.findIndex((el) => (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0)
    next = after === -1 ? (backwards ? list.length - 1 : 0) : backwards ? after - 1 : after
  } else next = backwards ? list.length - 1 : 0
  next = (next + list.length) % list.length
  list[next]?.focus()
}

/**
 * Makes the rest of the page inert while `root` is mounted; afterwards focus goes to `returnTo`
 * (or, without one, to whatever had focus when it opened: Safari does not focus a clicked button).
 */
export function useModalOverlay(root: RefObject<HTMLElement | null>, returnTo?: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const overlay = root.current
    if (!overlay) return
    const active = document.activeElement
    const opener = returnTo?.current ?? (active instanceof HTMLElement && active !== document.body ? active : null)
    // Only the siblings we changed are restored: something already inert stays so.
    const madeInert: Element[] = []
    for (const el of document.body.children) {
      if (el === overlay || el.contains(overlay) || el.hasAttribute('inert') || el.tagName === 'SCRIPT') continue
      el.setAttribute('inert', '')
      madeInert.push(el)
    }
    if (!overlay.contains(document.activeElement)) overlay.focus()
    // Focus that still escapes (a click on the browser's own UI and back) is pulled back in.
    const onFocusIn = (e: FocusEvent) => {
      if (e.target instanceof Node && !overlay.contains(e.target)) overlay.focus()
    }
    document.addEventListener('focusin', onFocusIn)
    return () => {
      document.removeEventListener('focusin', onFocusIn)
      for (const el of madeInert) el.removeAttribute('inert')
      const restore = () => {
        const now = document.activeElement
        if (opener?.isConnected && (!now || now === document.body || overlay.contains(now))) opener.focus()
      }
      restore()
      // While an element is full screen, Chromium refuses focus outside it; leaving full screen
      // completes asynchronously, so focus the opener again once it has.
      if (document.fullscreenElement) document.addEventListener('fullscreenchange', restore, { once: true })
    }
  }, [root, returnTo])
}
