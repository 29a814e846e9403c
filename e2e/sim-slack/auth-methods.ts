import type { MethodSpec } from './api-call';
import { fail, seconds } from './api-call';
import type { Grant, SimState } from './state';
import { ENTERPRISE_DOMAIN, domainOf, usernameOf } from './state';

// auth.test, auth.revoke and tooling.tokens.rotate: the methods about tokens themselves.

/**
 * Who and where a token speaks for. For an org-wide install Slack reports the enterprise as
 * the team (team_id = the E… id, team = the org name, url = the enterprise URL); that is the
 * choice made here, and it is what tells an org token from a workspace token at a glance.
 */
export function identityOf(state: SimState, grant: Grant): Record<string, unknown> {
  const ws = grant.teamId === null ? undefined : state.workspaceById(grant.teamId);
  const user = state.userById(grant.userId);
  const place = ws
    ? { url: `https://${domainOf(ws.name)}.slack.com/`, team: ws.name, team_id: ws.id }
    : {
        url: `https://${ENTERPRISE_DOMAIN}.enterprise.slack.com/`,
        team: state.enterprise.name,
        team_id: state.enterprise.id,
      };
  const app = grant.appId ? state.appById(grant.appId) : undefined;
  return {
    ...place,
    user: user ? usernameOf(user) : domainOf(app?.name ?? 'app'),
    user_id: grant.userId,
    ...(grant.botId ? { bot_id: grant.botId } : {}),
    enterprise_id: state.enterprise.id,
    is_enterprise_install: grant.isEnterpriseInstall,
  };
}

export const authTest: MethodSpec = {
  auth: 'token',
  handle({ state, token }) {
    if (!token) return fail('not_authed');
    return { body: { ok: true, ...identityOf(state, token.grant) } };
  },
};

function truthy(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

export const authRevoke: MethodSpec = {
  auth: 'token',
  handle({ state, token, params }) {
    if (!token) return fail('not_authed');
    if (truthy(params.test)) return { body: { ok: true, revoked: false } };
    state.revoke(token);
    return { body: { ok: true, revoked: true } };
  },
};

export const toolingTokensRotate: MethodSpec = {
  // The refresh token is the credential: no access token is sent (it may well have expired).
  auth: 'none',
  handle({ state, params }) {
    const rec = state.tokens.get(params.refresh_token ?? '');
    if (rec?.kind !== 'refresh' || rec.grant.kind !== 'config' || state.statusOf(rec) !== 'active') {
      return fail('invalid_refresh_token');
    }
    const { access, refresh } = state.refreshChain(rec);
    return {
      body: {
        ok: true,
        token: access.token,
        refresh_token: refresh.token,
        team_id: rec.grant.teamId ?? state.enterprise.id,
        user_id: rec.grant.userId,
        iat: seconds(access.issuedAt),
        exp: seconds(access.expiresAt ?? access.issuedAt),
      },
    };
  },
};
