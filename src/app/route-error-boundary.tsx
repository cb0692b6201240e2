/** A per-screen error boundary: a crash in one screen shows what happened, never a blank page. */
import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  screen: string
  children: ReactNode
}
interface State {
  error: Error | null
}

/**
 * One per route: a crash in a screen shows what happened and a way back instead of a blank
 * page, and leaves the rest of the app (navigation, other screens) working.
 */
export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for bug reports; nothing is sent anywhere.
    console.error(`[${this.props.screen}] screen crashed`, error, info.componentStack)
  }

  private reset = () => this.setState({ error: null })

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <section
        role="alert"
        className="mx-auto my-10 max-w-2xl rounded-xl border border-red-300 bg-red-50 p-6 dark:border-red-800 dark:bg-red-950/40"
      >
        <h1 className="text-lg font-semibold text-red-900 dark:text-red-200">The {this.props.screen} screen ran into a problem</h1>
        <p className="mt-2 text-sm text-red-900 dark:text-red-200">
          Nothing was sent anywhere, and what you entered is still stored in this tab. The error was:
        </p>
        <pre className="mt-3 overflow-auto rounded bg-white/70 p-3 font-mono text-xs text-red-950 dark:bg-black/30 dark:text-red-100">
          {error.message}
        </pre>
        <div className="mt-4 flex gap-3">
          <button
            type="button"
            onClick={this.reset}
            className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
          >
            Try again
          </button>
          <a
            href="#/inspect"
            onClick={this.reset}
            className="rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-900 hover:bg-red-100 dark:border-red-700 dark:text-red-100 dark:hover:bg-red-900/40"
          >
            Back to the inspector
          </a>
        </div>
      </section>
    )
  }
}
