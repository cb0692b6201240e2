/** The header control that picks the theme: follow the system, light or dark. */
import { useThemeStore, type ThemeChoice } from '../stores/theme-store.ts'
import { StrokeIcon } from '../ui/stroke-icon.tsx'

const OPTIONS: { value: ThemeChoice; label: string; icon: string }[] = [
  { value: 'system', label: 'Follow system theme', icon: 'M4 5h16v11H4zM9 20h6M12 16v4' },
  {
    value: 'light',
    label: 'Light theme',
    icon: 'M12 4v2M12 18v2M4 12h2M18 12h2M6.3 6.3l1.4 1.4M16.3 16.3l1.4 1.4M6.3 17.7l1.4-1.4M16.3 7.7l1.4-1.4M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
  },
  { value: 'dark', label: 'Dark theme', icon: 'M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z' },
]

export function ThemeToggle() {
  const choice = useThemeStore((s) => s.choice)
  const setChoice = useThemeStore((s) => s.setChoice)
  return (
    <div role="radiogroup" aria-label="Colour theme" className="flex rounded-lg border border-slate-200 p-0.5 dark:border-slate-700">
      {OPTIONS.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={choice === o.value}
          aria-label={o.label}
          title={o.label}
          onClick={() => setChoice(o.value)}
          className={`rounded-md p-1.5 ${
            choice === o.value
              ? 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-white'
              : 'text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-white'
          }`}
        >
          <StrokeIcon size={16} strokeWidth={1.8}>
            <path d={o.icon} />
          </StrokeIcon>
        </button>
      ))}
    </div>
  )
}
