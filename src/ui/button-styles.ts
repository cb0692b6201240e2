/** Shared button and field class lists (Tailwind), so every screen's controls look alike, and the attributes of fields that take code. */
export const BUTTON_BASE =
  'inline-flex items-center justify-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50'

export const BUTTON_PRIMARY = `${BUTTON_BASE} bg-indigo-600 text-white shadow-sm hover:bg-indigo-700 dark:bg-indigo-500 dark:hover:bg-indigo-400 dark:text-white`

export const BUTTON_SECONDARY = `${BUTTON_BASE} border border-slate-300 bg-white text-slate-700 shadow-sm hover:bg-slate-50 hover:text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700 dark:hover:text-white`

export const BUTTON_GHOST = `${BUTTON_BASE} text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white`

export const INPUT =
  'block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 dark:placeholder:text-slate-500'

/**
 * Attributes of a field that takes a token, a key or an identifier: no spell-check underline,
 * no capitalisation or autocorrect turning base64url into words, no autofill suggestions.
 */
export const CODE_ENTRY = { spellCheck: false, autoCapitalize: 'off', autoComplete: 'off', autoCorrect: 'off' } as const
