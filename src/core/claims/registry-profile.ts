/**
 * OpenID Connect standard profile claims (OIDC Core §5.1), with the Entra reading where it
 * differs. All of them describe the person, so most are personal data.
 */
import type { ClaimName } from './claim-names.ts'
import type { ClaimInfo, ClaimText } from './registry-types.ts'
import { GOOGLE_ID, MS_ID, MS_OPT, oidc } from './links.ts'

const STD = oidc('5.1', 'StandardClaims')
const ENTRA_BOTH = { tokenTypes: ['id', 'access'], versions: ['1.0', '2.0'] } satisfies Partial<ClaimInfo>
const NOT_A_KEY =
  'Profile data the user or an admin can change: show it, never use it as an account key or for authorization (use iss + sub).'

/** A plain profile claim: personal, from OIDC Core §5.1, seen in ID tokens and UserInfo. */
function profile(
  name: ClaimName,
  title: string,
  summary: string,
  details: string,
  kind: ClaimText['kind'],
  extra: Partial<ClaimInfo> = {},
): ClaimInfo {
  return {
    name,
    title,
    summary,
    details,
    kind,
    definedIn: [STD],
    tokenTypes: ['id', 'userinfo'],
    versions: [],
    status: 'documented',
    personal: true,
    contexts: ['standard'],
    ...extra,
  }
}

export const PROFILE_CLAIMS = {
  name: profile(
    'name',
    'Full name',
    'The user’s full name for display.',
    'The person’s full name in displayable form, possibly including titles and suffixes, in their preferred order.',
    'string',
    {
      watchFor: NOT_A_KEY,
      contexts: ['standard', 'entra'],
      variants: {
        entra: {
          summary: 'The display name from the user’s directory profile.',
          details:
            'The `displayName` of the user in Entra. Needs the `profile` scope in v2.0. Anyone with directory write access (or the user, in some tenants) can change it, and it is not unique.',
          definedIn: [MS_ID],
          ...ENTRA_BOTH,
        },
      },
    },
  ),
  given_name: profile('given_name', 'Given name', 'First name(s).', 'The person’s given (first) name or names.', 'string', {
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        details: 'The `givenName` attribute of the user in Entra, sent as an optional claim (and with the `profile` scope). Display only.',
        definedIn: [MS_OPT],
        ...ENTRA_BOTH,
      },
    },
  }),
  family_name: profile('family_name', 'Family name', 'Surname(s).', 'The person’s surname or last name(s).', 'string', {
    contexts: ['standard', 'entra'],
    variants: {
      entra: {
        details: 'The `surname` attribute of the user in Entra, sent as an optional claim (and with the `profile` scope). Display only.',
        definedIn: [MS_OPT],
        ...ENTRA_BOTH,
      },
    },
  }),
  middle_name: profile('middle_name', 'Middle name', 'Middle name(s).', 'The person’s middle name or names, if any.', 'string'),
  nickname: profile(
    'nickname',
    'Nickname',
    'A casual name the user goes by.',
    'A casual name, which may or may not equal the given name (e.g. "Mike" for "Michael").',
    'string',
    {
      contexts: ['standard', 'entra'],
      variants: {
        entra: {
          details:
            'An additional name for the user, separate from the given and family names, sent as an optional claim (with the `profile` scope in v2.0).',
          definedIn: [MS_OPT],
          ...ENTRA_BOTH,
        },
      },
    },
  ),
  preferred_username: profile(
    'preferred_username',
    'Preferred username',
    'The name the user signs in with or likes to be called.',
    'A short username such as "jane" or "jane@example.com". OIDC says explicitly that it need not be unique and may change.',
    'string',
    {
      watchFor: NOT_A_KEY,
      contexts: ['standard', 'entra'],
      variants: {
        entra: {
          summary: 'The user’s sign-in name (usually their UPN or email).',
          details:
            'The primary username of the account: typically the UPN or an email address, sometimes a phone number. Present by default in v2.0 tokens (with the `profile` scope). It is what MSAL shows as the account’s username.',
          watchFor:
            'Mutable and recyclable: an admin can rename a user, and a departed employee’s address can be given to someone else. Never authorise or key accounts on it — use `oid` + `tid`.',
          definedIn: [MS_ID],
          ...ENTRA_BOTH,
        },
      },
    },
  ),
  profile: profile('profile', 'Profile page', 'URL of the user’s profile page.', 'A web page about the user at the provider.', 'url'),
  picture: profile(
    'picture',
    'Picture',
    'URL of the user’s profile picture.',
    'A link to an image of the user (not the image itself).',
    'url',
    {
      watchFor: 'Fetching it reveals to that host that the user’s profile is being viewed; check the scheme before rendering a link.',
    },
  ),
  website: profile(
    'website',
    'Website',
    'URL of the user’s own web page or blog.',
    'A personal web page or blog the user chose to share.',
    'url',
  ),
  email: profile(
    'email',
    'Email address',
    'The user’s preferred email address.',
    'An email address the user has on file. It is not necessarily unique and can change; `email_verified` says whether the provider checked it.',
    'string',
    {
      watchFor:
        'Never authorise on email or use it as the account key: look at email_verified, and even then prefer iss + sub. Treat an unverified address as a claim the user typed.',
      contexts: ['standard', 'entra'],
      variants: {
        entra: {
          summary: 'An email address for the user, if Entra has one.',
          details:
            'Present by default for guest accounts; for members it needs the optional claim or the `email` scope (v2.0). The value comes from the user’s mail attribute or other directory data and Entra does not prove the user controls it. `xms_edov` can tell you whether the domain owner is verified.',
          watchFor:
            'Entra’s email is not verified and is mutable: never authorise on it or use it to match accounts across tenants (a known account-takeover pattern). Use `oid` + `tid`.',
          definedIn: [MS_ID, MS_OPT],
          ...ENTRA_BOTH,
        },
      },
    },
  ),
  email_verified: profile(
    'email_verified',
    'Email verified',
    'Whether the provider confirmed the user controls the email address.',
    'true when the provider took steps to confirm the address belonged to the user at the time it was verified (typically a link sent to it).',
    'boolean',
    {
      personal: false,
      contexts: ['standard'],
    },
  ),
  gender: profile(
    'gender',
    'Gender',
    'The user’s gender as they stated it.',
    'OIDC defines "female" and "male"; other values may be used.',
    'string',
  ),
  birthdate: profile(
    'birthdate',
    'Birth date',
    'Date of birth.',
    'YYYY-MM-DD, or YYYY alone; the year 0000 means the year was withheld.',
    'string',
  ),
  zoneinfo: profile(
    'zoneinfo',
    'Time zone',
    'The user’s time zone (IANA name).',
    'An IANA time zone name such as Europe/Paris.',
    'string',
    { personal: false },
  ),
  locale: profile('locale', 'Locale', 'The user’s language and region.', 'A BCP 47 language tag such as en-US or fr-CA.', 'string', {
    personal: false,
  }),
  phone_number: profile(
    'phone_number',
    'Phone number',
    'The user’s preferred phone number.',
    'A telephone number, ideally in E.164 form (+1 425 555 1212), possibly with an extension.',
    'string',
    {
      watchFor: 'Like email, not an identifier: check phone_number_verified and don’t key accounts on it.',
    },
  ),
  phone_number_verified: profile(
    'phone_number_verified',
    'Phone number verified',
    'Whether the provider confirmed the phone number.',
    'true when the provider checked that the number belonged to the user at the time (for example with a code sent by SMS).',
    'boolean',
    { personal: false },
  ),
  address: profile(
    'address',
    'Postal address',
    'The user’s postal address.',
    'A JSON object with `formatted`, `street_address`, `locality`, `region`, `postal_code` and `country` members (OIDC Core §5.1.1).',
    'object',
  ),
  updated_at: profile(
    'updated_at',
    'Profile updated at',
    'When the user’s profile information last changed.',
    'A NumericDate of the last change to the user’s profile data, useful to refresh cached profile data.',
    'numeric_date',
    { personal: false },
  ),
} satisfies Partial<Record<ClaimName, ClaimInfo>>

/** Google reads email_verified the standard way, but it matters for domain checks (see `hd`). */
export const GOOGLE_EMAIL_VERIFIED: Partial<ClaimText> = {
  details:
    'true when Google confirmed the address. For a Google Workspace account it is the user’s work address; for other addresses it means Google verified ownership.',
  watchFor:
    'Google advises relying on email only with email_verified true, and to restrict to a Workspace domain check `hd`, not the email suffix.',
  definedIn: [GOOGLE_ID],
  tokenTypes: ['id'],
}
