/** The app shell: header with navigation, theme and "Forget everything", the screen, the privacy footer. */
import { useState } from 'react'
import { NavLink, Outlet } from 'react-router'
import { useThemeEffect } from './theme.ts'
import { ThemeToggle } from './theme-toggle.tsx'
import { ForgetEverythingButton, ForgottenNotice, type ForgetOutcome } from './forget-everything.tsx'
import { PwaStatus } from './pwa-mount.tsx'

const NAV = [
  { to: '/inspect', label: 'Inspect', hint: 'Decode and validate a token' },
  { to: '/signin', label: 'Sign in', hint: 'Run a real sign-in and capture it' },
  { to: '/flow', label: 'Flow', hint: 'Every captured exchange' },
  { to: '/diagram', label: 'Diagram', hint: 'Sequence diagram of the flow' },
  { to: '/import', label: 'Import', hint: 'Open a HAR file' },
] as const

export function Layout() {
  useThemeEffect()
  const [forgotten, setForgotten] = useState<ForgetOutcome | null>(null)
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        onClick={(e) => {
          e.preventDefault()
          document.getElementById('main')?.focus()
        }}
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow dark:focus:bg-slate-800"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
        <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-2.5 sm:gap-6">
          <NavLink to="/inspect" className="flex items-center gap-2 font-semibold tracking-tight" aria-label="Token Lens, home">
            <Logo />
            <span className="hidden text-base sm:inline">Token&nbsp;Lens</span>
          </NavLink>
          <nav aria-label="Main" className="-my-1 flex min-w-0 flex-1 gap-1 overflow-x-auto py-1">
            {NAV.map((item) => (
              <NavLink
                key={item.to}
                to={item.to}
                title={item.hint}
                className={({ isActive }) =>
                  `shrink-0 whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors sm:px-3 ${
                    isActive
                      ? 'bg-indigo-50 text-indigo-800 dark:bg-indigo-500/15 dark:text-indigo-200'
                      : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white'
                  }`
                }
              >
                {item.label}
              </NavLink>
            ))}
          </nav>
          <ForgetEverythingButton onDone={setForgotten} />
          <ThemeToggle />
        </div>
        <ForgottenNotice outcome={forgotten} onDismiss={() => setForgotten(null)} />
      </header>
      <main id="main" tabIndex={-1} className="flex-1 outline-none">
        <Outlet />
      </main>
      <footer className="border-t border-slate-200 px-4 py-3 text-center text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">
        Runs entirely in your browser: tokens are sent nowhere but to the identity provider they belong to. No analytics, no cookies, no
        third-party scripts.
      </footer>
      <PwaStatus />
    </div>
  )
}

function Logo() {
  return (
    <svg width="24" height="24" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" className="fill-indigo-600" />
      <circle cx="14" cy="14" r="7" fill="none" stroke="#fff" strokeWidth="3" />
      <path d="M19 19l6 6" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
    </svg>
  )
}
