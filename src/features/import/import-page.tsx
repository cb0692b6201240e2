import { PlannedScreen } from '../../ui/planned-screen.tsx'

export function ImportPage() {
  return (
    <PlannedScreen
      title="Import"
      lead="Open a HAR file from browser DevTools, HTTP Toolkit, Fiddler or Playwright and rebuild the OAuth and OpenID Connect flows inside it."
      points={[
        'Find every flow, every token and every step that happened server-side.',
        'Lint each flow against RFC 9700, OAuth 2.1 and OpenID Connect Core.',
        'Draw it, and export a sanitised copy you can share.',
      ]}
    />
  )
}
