import { PlannedScreen } from '../../ui/planned-screen.tsx'

export function SignInPage() {
  return (
    <PlannedScreen
      title="Sign in"
      lead="Run a real authorization code + PKCE sign-in with MSAL against your tenant or the built-in demo tenant, and capture every request and response."
      points={[
        'Keep connection profiles for Entra ID, B2C, External ID or any OpenID provider.',
        'Pause before /authorize, after the redirect back and before the /token POST to see each step.',
        'Open every token it returns in the inspector with the expectations already filled in.',
      ]}
    />
  )
}
