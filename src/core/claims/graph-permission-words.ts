/**
 * Microsoft Graph permission names in words. Graph names follow `Resource.Operation[.Constraint]`
 * (e.g. Mail.ReadWrite.Shared), so a phrase is built from the parts; the most common permissions
 * get a hand-written phrase. Our data has names and IDs only (no consent texts), by design.
 */

const COMMON: Record<string, string> = {
  'User.Read': 'Sign in and read the signed-in user’s profile',
  'User.ReadBasic.All': 'Read the basic profile of every user',
  'User.Read.All': 'Read the full profile of every user',
  'User.ReadWrite': 'Read and update the signed-in user’s profile',
  'User.ReadWrite.All': 'Read and write every user’s full profile',
  'Mail.Read': 'Read the user’s mail',
  'Mail.ReadWrite': 'Read and write the user’s mail',
  'Mail.Send': 'Send mail as the user',
  'Calendars.Read': 'Read the user’s calendars',
  'Calendars.ReadWrite': 'Read and write the user’s calendars',
  'Files.Read': 'Read the user’s files',
  'Files.ReadWrite': 'Read and write the user’s files',
  'Files.Read.All': 'Read all files the user can access',
  'Files.ReadWrite.All': 'Read and write all files the user can access',
  'Sites.Read.All': 'Read items in all site collections',
  'Group.Read.All': 'Read all groups',
  'GroupMember.Read.All': 'Read all group memberships',
  'Directory.Read.All': 'Read all directory data',
  'Directory.ReadWrite.All': 'Read and write all directory data',
  'Directory.AccessAsUser.All': 'Access the directory as the signed-in user',
  'Application.ReadWrite.All': 'Read and write all app registrations (a path to tenant takeover)',
  'AppRoleAssignment.ReadWrite.All': 'Grant app roles, including to itself (a path to tenant takeover)',
  'RoleManagement.ReadWrite.Directory': 'Assign directory roles, including Global Administrator',
  offline_access: 'Maintain access (refresh tokens)',
}

const OPERATION: Record<string, string> = {
  Read: 'Read',
  ReadBasic: 'Read basic information of',
  ReadWrite: 'Read and write',
  Write: 'Write',
  Send: 'Send',
  Manage: 'Manage',
  Create: 'Create',
  Invite: 'Invite',
  AccessAsUser: 'Full access, as the user, to',
  ReadAll: 'Read',
  Export: 'Export',
  Import: 'Import',
  Delete: 'Delete',
  Update: 'Update',
  Migrate: 'Migrate',
}

const CONSTRAINT: Record<string, string> = {
  All: 'across the whole organisation',
  Shared: 'including items shared with the user',
  Selected: 'only those specifically granted',
  OwnedBy: 'only those the app owns',
  Directory: 'in the directory',
  Chat: 'for chats the app is added to',
  Group: 'for teams the app is added to',
  Hidden: 'including hidden items',
}

/** "FooBarBaz" -> "foo bar baz" for readable resource names. */
function words(camel: string): string {
  return camel.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
}

export function describeGraphPermission(name: string): string {
  if (Object.hasOwn(COMMON, name)) return COMMON[name] ?? name
  const [resource, op, ...rest] = name.split('.')
  if (resource === undefined || op === undefined) return words(name)
  const verb = Object.hasOwn(OPERATION, op) ? OPERATION[op] : words(op)
  const tail = rest.map((r) => (Object.hasOwn(CONSTRAINT, r) ? CONSTRAINT[r] : words(r))).join(', ')
  return `${verb} ${words(resource)}${tail === '' ? '' : ` (${tail})`}`
}
