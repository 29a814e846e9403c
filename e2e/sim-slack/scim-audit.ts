import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimUser } from './types';
import type { SimState, TokenRecord } from './state';
import { ENTERPRISE_DOMAIN, usernameOf } from './state';
import { seconds } from './api-call';
import { bearerToken, sendJson } from './http-util';

// api.slack.com/scim and api.slack.com/audit/v1: REST APIs with real HTTP status codes and
// their own error bodies, unlike the Web API.

export const SCIM_USERS_PATHS = ['/scim/v2/Users', '/scim/v1/Users'] as const;
export const AUDIT_LOGS_PATH = '/audit/v1/logs';
export const AUDIT_SCHEMAS_PATH = '/audit/v1/schemas';
export const AUDIT_ACTIONS_PATH = '/audit/v1/actions';

type TokenCheck = { token: TokenRecord } | { problem: 'unauthenticated' };

/** Bearer header only: both APIs document no other way to send the token. */
function liveToken(state: SimState, req: IncomingMessage): TokenCheck {
  const raw = bearerToken(req);
  const token = raw ? state.tokens.get(raw) : undefined;
  if (token?.kind !== 'access' || state.statusOf(token) !== 'active') return { problem: 'unauthenticated' };
  return { token };
}

// ---- SCIM ----------------------------------------------------------------------------------

/** Slack's SCIM error body: {"Errors": {"description": "...", "code": <status>}}. */
function scimError(res: ServerResponse, status: number, description: string): void {
  sendJson(res, status, { Errors: { description, code: status } });
}

function scimUser(user: SimUser, origin: string, version: 'v1' | 'v2', created: string): Record<string, unknown> {
  const [givenName = user.name, ...rest] = user.name.split(' ');
  return {
    schemas: version === 'v2' ? ['urn:ietf:params:scim:schemas:core:2.0:User'] : ['urn:scim:schemas:core:1.0'],
    id: user.id,
    externalId: '',
    userName: usernameOf(user),
    nickName: usernameOf(user),
    name: { givenName, familyName: rest.join(' ') },
    displayName: user.name,
    emails: [{ value: user.email, type: 'work', primary: true }],
    active: true,
    meta: { created, location: `${origin}/scim/${version}/Users/${user.id}` },
  };
}

function positiveInt(value: string | null, fallback: number): number {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function handleScimUsers(state: SimState, origin: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', origin);
  const version = url.pathname.startsWith('/scim/v1/') ? 'v1' : 'v2';
  if (req.method !== 'GET') {
    scimError(res, 405, 'method_not_supported');
    return;
  }
  const checked = liveToken(state, req);
  if ('problem' in checked) {
    scimError(res, 401, 'invalid_authentication');
    return;
  }
  const grant = checked.token.grant;
  // Which description Slack uses for each refusal is not documented; these name the cause.
  if (!grant.scopes.includes('admin')) {
    scimError(res, 403, 'missing_scope');
    return;
  }
  if (!grant.isEnterpriseInstall) {
    scimError(res, 403, 'not_allowed_token_type');
    return;
  }
  const installer = state.userById(grant.userId);
  if (!installer || installer.role === 'member') {
    scimError(res, 403, 'not_an_admin');
    return;
  }
  const all = state.allUsers();
  const startIndex = positiveInt(url.searchParams.get('startIndex'), 1);
  const count = Math.min(positiveInt(url.searchParams.get('count'), 100), 1000);
  const created = new Date(Date.UTC(2020, 0, 6)).toISOString();
  const page = all.slice(startIndex - 1, startIndex - 1 + count).map((u) => scimUser(u, origin, version, created));
  sendJson(res, 200, {
    schemas:
      version === 'v2' ? ['urn:ietf:params:scim:api:messages:2.0:ListResponse'] : ['urn:scim:schemas:core:1.0'],
    totalResults: all.length,
    itemsPerPage: page.length,
    startIndex,
    Resources: page,
  });
}

// ---- Audit Logs ----------------------------------------------------------------------------

function auditError(res: ServerResponse, status: number, error: string): void {
  sendJson(res, status, { ok: false, error });
}

export function handleAuditLogs(state: SimState, origin: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET') {
    auditError(res, 405, 'method_not_supported');
    return;
  }
  const checked = liveToken(state, req);
  if ('problem' in checked) {
    auditError(res, 401, 'invalid_authentication');
    return;
  }
  const grant = checked.token.grant;
  if (!grant.scopes.includes('auditlogs:read')) {
    auditError(res, 403, 'insufficient_scopes');
    return;
  }
  // A workspace-level token is not an organization token; the exact code Slack uses for it is
  // not documented, this one names the cause.
  if (!grant.isEnterpriseInstall) {
    auditError(res, 403, 'team_not_authorized');
    return;
  }
  // "Enterprise organization administrator tokens are not currently supported": Owners only.
  if (state.userById(grant.userId)?.role !== 'owner') {
    auditError(res, 403, 'user_not_authorized');
    return;
  }
  const url = new URL(req.url ?? '/', origin);
  const limit = Math.min(positiveInt(url.searchParams.get('limit'), 100), 9999);
  const entries = auditEntries(state).slice(0, limit);
  sendJson(res, 200, { entries, response_metadata: { next_cursor: '' } });
}

function auditEntries(state: SimState): Record<string, unknown>[] {
  const owner = state.users.owner;
  const actor = { type: 'user', user: { id: owner.id, name: owner.name, email: owner.email, team: state.enterprise.id } };
  const location = { type: 'enterprise', id: state.enterprise.id, name: state.enterprise.name, domain: ENTERPRISE_DOMAIN };
  const now = seconds(state.now());
  return [
    {
      id: '0123a45b-6c7d-4890-a12f-3456789abc01',
      date_create: now - 60,
      action: 'user_login',
      actor,
      entity: { type: 'user', user: actor.user },
      context: { location, ua: 'Mozilla/5.0 (simulated)', ip_address: '203.0.113.7' },
    },
    {
      id: '1123a45b-6c7d-4890-a12f-3456789abc02',
      date_create: now - 3600,
      action: 'app_installed',
      actor,
      entity: { type: 'app', app: { id: 'A0SIMAUDIT', name: 'Org Token Helper (simulated app)', is_distributed: false } },
      context: { location, ua: 'Mozilla/5.0 (simulated)', ip_address: '203.0.113.7' },
    },
  ];
}

/** /schemas and /actions need no token in real life, so answering them proves nothing about one. */
export function handleAuditSchemas(res: ServerResponse): void {
  sendJson(res, 200, {
    schemas: [
      { type: 'workspace', workspace: { id: 'string', name: 'string', domain: 'string' } },
      { type: 'enterprise', enterprise: { id: 'string', name: 'string', domain: 'string' } },
      { type: 'user', user: { id: 'string', name: 'string', email: 'string', team: 'string' } },
      { type: 'app', app: { id: 'string', name: 'string', is_distributed: 'bool', is_directory_approved: 'bool' } },
    ],
  });
}

export function handleAuditActions(res: ServerResponse): void {
  sendJson(res, 200, {
    actions: {
      workspace_or_org: ['workspace_created', 'organization_created', 'pref.sso_setting_changed'],
      user: ['user_created', 'user_deactivated', 'user_login', 'user_logout', 'role_change_to_admin'],
      app: ['app_installed', 'app_uninstalled', 'app_scopes_expanded', 'app_token_revoked'],
      channel: ['public_channel_created', 'private_channel_created', 'channel_deleted'],
    },
  });
}
