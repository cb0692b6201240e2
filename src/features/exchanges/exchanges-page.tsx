import { PlannedScreen } from '../../ui/planned-screen.tsx'

export function ExchangesPage() {
  return (
    <PlannedScreen
      title="Flow"
      lead="Every HTTP exchange of the captured sign-in, in order: discovery, the /authorize redirect, the redirect back, the /token POST, JWKS, Graph, refresh and sign-out."
      points={[
        'Read each request and response with every parameter explained.',
        'See which steps were observed, captured or simulated, and what was redacted.',
        'Export the capture as a sanitised HAR file.',
      ]}
    />
  )
}
