/** A hook that tells whether the dark theme is on, for components that pick colours themselves. */
import { useSyncExternalStore } from 'react'

/**
 * Follows `<html class="dark">`, which the app shell sets from the theme choice (and the system
 * setting). For components that draw colours themselves, such as the sequence-diagram SVG.
 */
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
  return () => observer.disconnect()
}

export function useDark(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => document.documentElement.classList.contains('dark'),
    () => false,
  )
}
