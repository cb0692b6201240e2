/** Applies the theme choice to <html> (the "dark" class Tailwind reads) and follows the system setting. */
import { useEffect } from 'react'
import { useThemeStore, type ThemeChoice } from '../stores/theme-store.ts'

const DARK_QUERY = '(prefers-color-scheme: dark)'

export function resolveTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches ? 'dark' : 'light'
}

export function applyTheme(choice: ThemeChoice): void {
  const dark = resolveTheme(choice) === 'dark'
  document.documentElement.classList.toggle('dark', dark)
}

/** Keeps <html class="dark"> in step with the choice and, for "system", with the OS setting. */
export function useThemeEffect(): void {
  const choice = useThemeStore((s) => s.choice)
  useEffect(() => {
    applyTheme(choice)
    if (choice !== 'system' || typeof matchMedia !== 'function') return
    const mq = matchMedia(DARK_QUERY)
    const onChange = () => applyTheme('system')
    mq.addEventListener('change', onChange)
    return () => mq.removeEventListener('change', onChange)
  }, [choice])
}
