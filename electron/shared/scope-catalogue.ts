// The four admin APIs, the scopes each needs, and who in the organization can set them up, in
// plain English and Korean. Environment-free so both the renderer (to explain choices) and main
// (to know which probe a token can pass) use the same facts. Source: shared/slack-api-notes.md.
import type { ApiId } from './ipc-contract';

export interface LocalText {
  en: string;
  ko: string;
}

export interface ScopeInfo {
  scope: string;
  description: LocalText;
}

export interface ApiProbe {
  /** What the test calls, shown to the admin as-is (not translated: it is an address). */
  call: string;
  /** The scope the probe needs; without it the test skips this API. */
  requiresScope: string;
}

export interface ApiInfo {
  id: ApiId;
  title: LocalText;
  purpose: LocalText;
  whoCanSetUp: LocalText;
  requiredScopes: readonly string[];
  optionalScopes: readonly string[];
  probe: ApiProbe;
}

export type AdminAccess = 'read' | 'write';

/** One row of the Admin API grid. A null cell is a scope Slack does not have. */
export interface AdminResource {
  id: string;
  label: LocalText;
  read: ScopeInfo | null;
  write: ScopeInfo | null;
}

const text = (en: string, ko: string): LocalText => ({ en, ko });

const BASE_SCOPES: readonly ScopeInfo[] = [
  {
    scope: 'admin',
    description: text(
      'Create, update and deactivate users and groups across the organization (SCIM).',
      '조직 전체의 사용자와 그룹을 만들고, 수정하고, 비활성화합니다(SCIM).',
    ),
  },
  {
    scope: 'auditlogs:read',
    description: text(
      'Read the audit log: sign-ins, setting changes and other events in every workspace.',
      '감사 로그를 읽습니다. 모든 워크스페이스의 로그인, 설정 변경 등 이벤트가 포함됩니다.',
    ),
  },
  {
    scope: 'discovery:read',
    description: text(
      'Read messages and files across the organization, for eDiscovery and data loss prevention.',
      '전자 증거 개시(eDiscovery)와 데이터 유출 방지(DLP)를 위해 조직 전체의 메시지와 파일을 읽습니다.',
    ),
  },
  {
    scope: 'discovery:write',
    description: text(
      'Change or remove messages and files across the organization (for example, to take down leaked data).',
      '조직 전체의 메시지와 파일을 수정하거나 삭제합니다(예: 유출된 데이터 삭제).',
    ),
  },
];

const admin = (scope: string, en: string, ko: string): ScopeInfo => ({ scope, description: text(en, ko) });

export const ADMIN_RESOURCES: readonly AdminResource[] = [
  {
    id: 'apps',
    label: text('Apps', '앱'),
    read: admin('admin.apps:read', 'See which apps are installed or requested.', '설치되었거나 요청된 앱을 확인합니다.'),
    write: admin('admin.apps:write', 'Approve, restrict and remove apps.', '앱을 승인, 제한, 제거합니다.'),
  },
  {
    id: 'conversations',
    label: text('Channels', '채널'),
    read: admin('admin.conversations:read', 'See channels, their members and settings.', '채널과 채널 멤버, 설정을 확인합니다.'),
    write: admin(
      'admin.conversations:write',
      'Create, archive, rename and move channels; change their settings.',
      '채널을 만들고, 보관하고, 이름을 바꾸고, 이동하며 설정을 변경합니다.',
    ),
  },
  {
    id: 'conversations-objects',
    label: text('Channels linked to other tools', '다른 도구에 연결된 채널'),
    read: null,
    write: admin(
      'admin.conversations:manage_objects',
      'Create channels linked to records in other tools (such as Salesforce) and manage those links.',
      '다른 도구(예: Salesforce)의 레코드에 연결된 채널을 만들고 연결을 관리합니다.',
    ),
  },
  {
    id: 'invites',
    label: text('Invitations', '초대'),
    read: admin('admin.invites:read', 'See invitations and invitation requests.', '초대와 초대 요청을 확인합니다.'),
    write: admin('admin.invites:write', 'Approve or deny invitation requests.', '초대 요청을 승인하거나 거부합니다.'),
  },
  {
    id: 'teams',
    label: text('Workspaces', '워크스페이스'),
    read: admin(
      'admin.teams:read',
      'See the workspaces in the organization and their settings. The test uses this.',
      '조직의 워크스페이스와 설정을 확인합니다. 연결 테스트에 사용됩니다.',
    ),
    write: admin('admin.teams:write', 'Create workspaces and change their settings.', '워크스페이스를 만들고 설정을 변경합니다.'),
  },
  {
    id: 'usergroups',
    label: text('User groups', '사용자 그룹'),
    read: admin('admin.usergroups:read', 'See user groups and their default channels.', '사용자 그룹과 기본 채널을 확인합니다.'),
    write: admin('admin.usergroups:write', 'Change user groups and their default channels.', '사용자 그룹과 기본 채널을 변경합니다.'),
  },
  {
    id: 'users',
    label: text('People', '사용자'),
    read: admin('admin.users:read', 'See people, their accounts and sessions.', '사용자와 계정, 세션을 확인합니다.'),
    write: admin(
      'admin.users:write',
      'Add and remove people, change their roles, and sign them out.',
      '사용자를 추가하거나 제거하고, 역할을 바꾸고, 로그아웃시킵니다.',
    ),
  },
  {
    id: 'workflows',
    label: text('Workflows', '워크플로'),
    read: admin('admin.workflows:read', 'See workflows and who can run them.', '워크플로와 실행 권한을 확인합니다.'),
    write: admin('admin.workflows:write', 'Change, unpublish and delete workflows.', '워크플로를 변경하거나 게시 취소하거나 삭제합니다.'),
  },
  {
    id: 'barriers',
    label: text('Information barriers', '정보 차단'),
    read: admin('admin.barriers:read', 'See information barriers between groups.', '그룹 간 정보 차단을 확인합니다.'),
    write: admin('admin.barriers:write', 'Create, change and remove information barriers.', '정보 차단을 만들고, 변경하고, 제거합니다.'),
  },
  {
    id: 'roles',
    label: text('Admin roles', '관리 역할'),
    read: admin('admin.roles:read', 'See who holds which admin role.', '누가 어떤 관리 역할을 맡고 있는지 확인합니다.'),
    write: admin('admin.roles:write', 'Assign and remove admin roles.', '관리 역할을 부여하거나 해제합니다.'),
  },
  {
    id: 'chat',
    label: text('Messages', '메시지'),
    read: admin('admin.chat:read', 'Read messages in channels across the organization.', '조직 전체 채널의 메시지를 읽습니다.'),
    write: admin('admin.chat:write', 'Send, change and delete messages as an admin.', '관리자로서 메시지를 보내고, 수정하고, 삭제합니다.'),
  },
  {
    id: 'analytics',
    label: text('Analytics', '분석'),
    read: admin('admin.analytics:read', 'See usage analytics for the organization.', '조직의 사용 분석 데이터를 확인합니다.'),
    write: null,
  },
  {
    id: 'app-activities',
    label: text('App activity logs', '앱 활동 로그'),
    read: admin('admin.app_activities:read', 'See activity logs of apps in the organization.', '조직에 있는 앱의 활동 로그를 확인합니다.'),
    write: null,
  },
];

/** Asked for when the Admin API is chosen but nothing in the grid is: it is what the test's probe needs. */
export const DEFAULT_ADMIN_SCOPE = 'admin.teams:read';

export const API_CATALOGUE: readonly ApiInfo[] = [
  {
    id: 'scim',
    title: text('SCIM', 'SCIM'),
    purpose: text(
      'Lets your identity provider (such as Okta or Microsoft Entra ID) create, update and deactivate Slack accounts and groups automatically.',
      'ID 공급자(예: Okta, Microsoft Entra ID)가 Slack 계정과 그룹을 자동으로 만들고, 수정하고, 비활성화할 수 있게 합니다.',
    ),
    whoCanSetUp: text(
      'An Org Owner must do the sign-in. Org Owners and Org Admins can use the token afterwards.',
      '조직 소유자가 로그인해야 합니다. 발급된 토큰은 조직 소유자와 조직 관리자가 사용할 수 있습니다.',
    ),
    requiredScopes: ['admin'],
    optionalScopes: [],
    probe: { call: 'GET /scim/v2/Users?count=1', requiresScope: 'admin' },
  },
  {
    id: 'audit-logs',
    title: text('Audit Logs', '감사 로그'),
    purpose: text(
      'Lets your security tools (such as a SIEM) read who signed in, what changed and which apps were installed, across the whole organization.',
      '보안 도구(예: SIEM)가 조직 전체의 로그인, 변경 사항, 앱 설치 기록을 읽을 수 있게 합니다.',
    ),
    whoCanSetUp: text(
      'Works only with an Org Owner’s token: an Org Owner must do the sign-in. Slack refuses Org Admins’ tokens.',
      '조직 소유자의 토큰으로만 작동하므로 조직 소유자가 로그인해야 합니다. 조직 관리자의 토큰은 Slack이 거부합니다.',
    ),
    requiredScopes: ['auditlogs:read'],
    optionalScopes: [],
    probe: { call: 'GET /audit/v1/logs?limit=1', requiresScope: 'auditlogs:read' },
  },
  {
    id: 'discovery',
    title: text('Discovery', 'Discovery'),
    purpose: text(
      'Lets your eDiscovery, archiving or data loss prevention (DLP) vendor read, and if you allow it remove, messages and files.',
      '전자 증거 개시(eDiscovery), 보관, 데이터 유출 방지(DLP) 솔루션이 메시지와 파일을 읽고, 허용하는 경우 삭제할 수 있게 합니다.',
    ),
    whoCanSetUp: text(
      'Slack must first turn on Discovery for your organization; you cannot add it yourself. Ask your Slack account team. Then an Org Owner or Org Admin can sign in.',
      'Slack이 먼저 조직에 Discovery를 사용 설정해야 하며, 직접 추가할 수는 없습니다. Slack 담당 팀에 요청하십시오. 그 후 조직 소유자나 조직 관리자가 로그인할 수 있습니다.',
    ),
    requiredScopes: ['discovery:read'],
    optionalScopes: ['discovery:write'],
    probe: { call: 'discovery.enterprise.info', requiresScope: 'discovery:read' },
  },
  {
    id: 'admin-api',
    title: text('Admin API', '관리자 API(Admin API)'),
    purpose: text(
      'Lets your scripts and automation tools manage workspaces, channels, people, apps and more across the organization.',
      '스크립트와 자동화 도구가 조직 전체의 워크스페이스, 채널, 사용자, 앱 등을 관리할 수 있게 합니다.',
    ),
    whoCanSetUp: text(
      'An Org Owner or Org Admin, installing on the whole organization. An Org Admin also needs the Channel Management role, or Slack refuses the install.',
      '조직 소유자나 조직 관리자가 조직 전체에 설치해야 합니다. 조직 관리자는 채널 관리(Channel Management) 역할도 있어야 하며, 없으면 Slack이 설치를 거부합니다.',
    ),
    requiredScopes: [],
    optionalScopes: [],
    probe: { call: 'admin.teams.list (limit=1)', requiresScope: DEFAULT_ADMIN_SCOPE },
  },
];

export const ADMIN_SCOPES: readonly ScopeInfo[] = ADMIN_RESOURCES.flatMap((r) =>
  [r.read, r.write].filter((s): s is ScopeInfo => s !== null),
);

export const SCOPE_CATALOGUE: readonly ScopeInfo[] = [...BASE_SCOPES, ...ADMIN_SCOPES];

export const KNOWN_SCOPES: ReadonlySet<string> = new Set(SCOPE_CATALOGUE.map((s) => s.scope));

export function apiInfo(id: ApiId): ApiInfo {
  const info = API_CATALOGUE.find((a) => a.id === id);
  if (!info) throw new Error(`Unknown API id: ${id}`);
  return info;
}

export function scopeInfo(scope: string): ScopeInfo | undefined {
  return SCOPE_CATALOGUE.find((s) => s.scope === scope);
}

export function isAdminApiScope(scope: string): boolean {
  return ADMIN_SCOPES.some((s) => s.scope === scope);
}

export interface ScopeSelection {
  apis: readonly ApiId[];
  discoveryWrite: boolean;
  adminScopes: readonly string[];
  extraScopes: readonly string[];
}

/**
 * The `user_scope` list for the chosen APIs, sorted and without duplicates.
 * With the Admin API chosen and nothing ticked in its grid, `admin.teams:read` is asked for:
 * a token with no admin.* scope at all could not be tested, and reading the list of
 * workspaces is the least powerful admin scope.
 */
export function scopesForSelection(selection: ScopeSelection): string[] {
  const out = new Set<string>();
  for (const api of selection.apis) {
    const info = apiInfo(api);
    for (const s of info.requiredScopes) out.add(s);
    if (api === 'discovery' && selection.discoveryWrite) out.add('discovery:write');
    if (api === 'admin-api') {
      const chosen = selection.adminScopes.filter(isAdminApiScope);
      for (const s of chosen.length > 0 ? chosen : [DEFAULT_ADMIN_SCOPE]) out.add(s);
    }
  }
  for (const s of selection.extraScopes) out.add(s);
  return [...out].sort();
}

/** The shape Slack scopes have (and the IPC contract accepts). */
export const SCOPE_SHAPE = /^[a-z][a-z0-9_.:]{0,79}$/;

export interface ParsedExtraScopes {
  /** Well-formed scopes, in the order typed, without duplicates (known and unknown). */
  scopes: string[];
  /** Well-formed but not in this catalogue: allowed, with a warning (Slack may still know them). */
  unknown: string[];
  /** Not the shape of a scope: refused. */
  invalid: string[];
}

export function parseExtraScopes(input: string): ParsedExtraScopes {
  const result: ParsedExtraScopes = { scopes: [], unknown: [], invalid: [] };
  for (const part of input.split(/[\s,]+/)) {
    if (!part) continue;
    if (!SCOPE_SHAPE.test(part)) {
      if (!result.invalid.includes(part)) result.invalid.push(part);
      continue;
    }
    if (result.scopes.includes(part)) continue;
    result.scopes.push(part);
    if (!KNOWN_SCOPES.has(part)) result.unknown.push(part);
  }
  return result;
}
