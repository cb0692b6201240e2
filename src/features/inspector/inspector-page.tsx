import { PlannedScreen } from '../../ui/planned-screen.tsx'

export function InspectorPage() {
  return (
    <PlannedScreen
      title="Inspect a token"
      lead="Paste an id token, access token or logout token to decode it, validate it against its issuer's keys and read what every claim means."
      points={[
        'A one-line verdict: valid, invalid, cannot be verified here (and why), or not a JWT.',
        'Every finding with what was expected, what was found and the spec section.',
        'Every claim in plain words, with times, GUIDs and scopes made readable.',
      ]}
    />
  )
}
