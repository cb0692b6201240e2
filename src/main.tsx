/** The web entry: applies the saved theme before the first paint, opens a token link, and mounts the app. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app.tsx'
import { applyTheme } from './app/theme.ts'
import { useThemeStore } from './stores/theme-store.ts'
import { translateTokenFragment } from './adapters/fragment.ts'
import { loadReportView } from './features/inspector/preload.ts'
import { loadInspectCore } from './features/inspector/use-inspection.ts'
import { openTokenFromAddress } from './features/inspector/use-token-from-url.ts'
import './index.css'

// Apply the theme before the first paint to avoid a flash of the wrong colours.
applyTheme(useThemeStore.getState().choice)

// jwt.ms-style #id_token=… links are not router paths: rewrite them before the router reads the hash.
translateTokenFragment()

// A link that carries a token (#/inspect?token=…): the token is in the store before React's first
// render (which then draws its decoded claims), and the report's code and the verifier start
// loading now instead of after that render.
if (openTokenFromAddress()) {
  void loadReportView().catch(() => undefined)
  void loadInspectCore().catch(() => undefined)
}

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
