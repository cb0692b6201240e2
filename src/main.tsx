import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app.tsx'
import { applyTheme } from './app/theme.ts'
import { useThemeStore } from './stores/theme-store.ts'
import { translateTokenFragment } from './adapters/fragment.ts'
import './index.css'

// Apply the theme before the first paint to avoid a flash of the wrong colours.
applyTheme(useThemeStore.getState().choice)

// jwt.ms-style #id_token=… links are not router paths: rewrite them before the router reads the hash.
translateTokenFragment()

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
