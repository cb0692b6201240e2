/** The app root: the hash router with one route per screen, each behind its own error boundary. */
import { lazy, Suspense, type ReactNode } from 'react'
import { HashRouter, Navigate, Route, Routes } from 'react-router'
import { Layout } from './layout.tsx'
import { RouteErrorBoundary } from './route-error-boundary.tsx'
import { InspectorPage } from '../features/inspector/inspector-page.tsx'

// Every screen but the inspector loads on demand: MSAL, HAR parsing and diagram code must not
// weigh on the first view (DESIGN.md §9).
const SignInPage = lazy(() => import('../features/signin/signin-page.tsx').then((m) => ({ default: m.SignInPage })))
const ExchangesPage = lazy(() => import('../features/exchanges/exchanges-page.tsx').then((m) => ({ default: m.ExchangesPage })))
const DiagramPage = lazy(() => import('../features/diagram/diagram-page.tsx').then((m) => ({ default: m.DiagramPage })))
const ImportPage = lazy(() => import('../features/import/import-page.tsx').then((m) => ({ default: m.ImportPage })))

function Screen({ name, children }: { name: string; children: ReactNode }) {
  return (
    <RouteErrorBoundary screen={name}>
      <Suspense fallback={<p className="p-8 text-sm text-slate-500 dark:text-slate-400">Loading {name}…</p>}>{children}</Suspense>
    </RouteErrorBoundary>
  )
}

export function App() {
  return (
    <HashRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<Navigate to="/inspect" replace />} />
          <Route
            path="inspect"
            element={
              <Screen name="Inspect">
                <InspectorPage />
              </Screen>
            }
          />
          <Route
            path="signin"
            element={
              <Screen name="Sign in">
                <SignInPage />
              </Screen>
            }
          />
          <Route
            path="flow"
            element={
              <Screen name="Flow">
                <ExchangesPage />
              </Screen>
            }
          />
          <Route
            path="diagram"
            element={
              <Screen name="Diagram">
                <DiagramPage />
              </Screen>
            }
          />
          <Route
            path="import"
            element={
              <Screen name="Import">
                <ImportPage />
              </Screen>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </HashRouter>
  )
}

function NotFound() {
  return (
    <section className="mx-auto max-w-2xl p-8">
      <h1 className="text-xl font-semibold">Nothing here</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        This address is not a screen of Token Lens.{' '}
        <a className="text-indigo-700 underline dark:text-indigo-300" href="#/inspect">
          Go to the inspector
        </a>
        .
      </p>
    </section>
  )
}
