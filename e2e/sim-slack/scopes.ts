// The scopes the simulated Slack knows, with the one-line descriptions its install page shows.
// Unknown scopes are refused at authorize and in manifests, as real Slack does, so a typo in
// the app's scope list shows up in tests instead of at a customer.

const ADMIN_RESOURCES = [
  'apps',
  'conversations',
  'invites',
  'teams',
  'usergroups',
  'users',
  'workflows',
  'barriers',
  'roles',
  'chat',
] as const;

function adminScopes(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of ADMIN_RESOURCES) {
    out[`admin.${r}:read`] = `View ${r} across the organization`;
    out[`admin.${r}:write`] = `Manage ${r} across the organization`;
  }
  out['admin.analytics:read'] = 'View analytics about the organization';
  out['admin.app_activities:read'] = 'View app activity logs for the organization';
  out['admin.conversations:manage_objects'] = 'Manage objects in conversations across the organization';
  return out;
}

export const USER_SCOPES: Readonly<Record<string, string>> = {
  admin: 'Administer the organization (SCIM user and group provisioning)',
  'auditlogs:read': 'View events from all workspaces, channels and users (Audit Logs)',
  'discovery:read': 'View messages and files across the organization (Discovery)',
  'discovery:write': 'Remove messages and files across the organization (Discovery)',
  ...adminScopes(),
  'channels:read': 'View basic information about public channels',
  'channels:history': 'View messages in public channels',
  'chat:write': 'Send messages on the user’s behalf',
  'groups:read': 'View basic information about private channels',
  'identity.basic': 'View information about the user’s identity',
  'team:read': 'View the name, email domain, and icon for workspaces',
  'users:read': 'View people in a workspace',
  'users:read.email': 'View email addresses of people in a workspace',
  'users.profile:read': 'View profile details about people in a workspace',
};

export const BOT_SCOPES: Readonly<Record<string, string>> = {
  'channels:read': 'View basic information about public channels',
  'chat:write': 'Send messages as the app',
  commands: 'Add shortcuts and/or slash commands',
  'team:read': 'View the name, email domain, and icon for workspaces',
  'users:read': 'View people in a workspace',
  'users:read.email': 'View email addresses of people in a workspace',
};

export function isKnownUserScope(scope: string): boolean {
  return Object.hasOwn(USER_SCOPES, scope);
}

export function isKnownBotScope(scope: string): boolean {
  return Object.hasOwn(BOT_SCOPES, scope);
}

/** Comma-separated (Slack also tolerates spaces), deduplicated, order kept. */
export function splitScopes(value: string | null | undefined): string[] {
  const out: string[] = [];
  for (const s of (value ?? '').split(/[\s,]+/)) if (s && !out.includes(s)) out.push(s);
  return out;
}

/** `admin.<resource>:…` — the Admin API scopes that need the Channel Management role for an Admin. */
export function isAdminApiScope(scope: string): boolean {
  return scope.startsWith('admin.');
}

/** Scopes only an org Admin or Owner may grant on an org install. */
export function isPrivilegedScope(scope: string): boolean {
  return scope === 'admin' || isAdminApiScope(scope) || scope === 'auditlogs:read' || scope.startsWith('discovery:');
}
