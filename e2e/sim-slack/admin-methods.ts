import type { ApiCall, ApiReply, MethodSpec } from './api-call';
import { fail } from './api-call';
import { ENTERPRISE_DOMAIN, domainOf } from './state';

// The org-level probes: admin.teams.list (Admin API) and discovery.enterprise.info (Discovery).

const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;

/**
 * Admin and Discovery methods only work with a user token from an org-wide install. A
 * workspace-level token is the wrong kind of token for them (not_allowed_token_type); an org
 * token whose user is no longer an Admin or Owner gets not_an_admin.
 */
function orgAdminCheck({ state, token }: ApiCall): ApiReply | null {
  if (!token) return fail('not_authed');
  const grant = token.grant;
  if (grant.kind !== 'user' || !grant.isEnterpriseInstall) return fail('not_allowed_token_type');
  const user = state.userById(grant.userId);
  if (!user || user.role === 'member') return fail('not_an_admin');
  return null;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${String(offset)}`).toString('base64');
}

function decodeCursor(cursor: string): number | null {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match?.[1] === undefined ? null : Number(match[1]);
}

export const adminTeamsList: MethodSpec = {
  auth: 'token',
  scope: 'admin.teams:read',
  handle(call) {
    const refused = orgAdminCheck(call);
    if (refused) return refused;
    const { state, params } = call;
    const limit = params.limit === undefined || params.limit === '' ? DEFAULT_LIMIT : Number(params.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return fail('invalid_limit');
    const offset = params.cursor ? decodeCursor(params.cursor) : 0;
    if (offset === null) return fail('invalid_cursor');
    const owner = state.users.owner;
    const teams = state.workspaces.slice(offset, offset + limit).map((w) => ({
      id: w.id,
      name: w.name,
      discoverability: 'open',
      primary_owner: { user_id: owner.id, email: owner.email },
      team_url: `https://${domainOf(w.name)}.slack.com/`,
    }));
    const next = offset + limit < state.workspaces.length ? encodeCursor(offset + limit) : '';
    return { body: { ok: true, teams, response_metadata: { next_cursor: next } } };
  },
};

export const discoveryEnterpriseInfo: MethodSpec = {
  auth: 'token',
  scope: 'discovery:read',
  handle(call) {
    const refused = orgAdminCheck(call);
    if (refused) return refused;
    const { state } = call;
    // Only Slack can switch Discovery on for an org; until then every discovery.* call says so.
    if (!state.enterprise.discoveryEnabled) return fail('feature_not_enabled');
    return {
      body: {
        ok: true,
        enterprise: {
          id: state.enterprise.id,
          name: state.enterprise.name,
          domain: ENTERPRISE_DOMAIN,
          email_domain: 'acme.example',
          is_verified: true,
          teams: state.workspaces.map((w) => ({
            id: w.id,
            name: w.name,
            domain: domainOf(w.name),
            email_domain: 'acme.example',
            is_verified: true,
            enterprise_id: state.enterprise.id,
          })),
        },
      },
    };
  },
};
