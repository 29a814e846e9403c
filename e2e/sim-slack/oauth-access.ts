import { timingSafeEqual } from 'node:crypto';
import type { SimApp } from './types';
import type { Grant, TokenRecord } from './state';
import { SimState } from './state';
import type { ApiCall, ApiReply, MethodSpec } from './api-call';
import { fail } from './api-call';
import { basicCredentials } from './http-util';
import { s256 } from './oauth-pages';

// oauth.v2.access: code exchange and refresh-token grant, with the v2 response shapes.

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function authenticateClient(call: ApiCall): { app: SimApp } | { error: ApiReply } {
  // HTTP Basic is what Slack recommends; form fields are the fallback it still accepts.
  const basic = basicCredentials(call.req);
  const id = basic?.id ?? call.params.client_id ?? '';
  const secret = basic?.secret ?? call.params.client_secret ?? '';
  const app = id ? call.state.apps.get(id) : undefined;
  if (!app) return { error: fail('invalid_client_id') };
  if (!sameSecret(secret, app.clientSecret)) return { error: fail('bad_client_secret') };
  return { app };
}

function teamAndEnterprise(state: SimState, grant: Grant): Record<string, unknown> {
  const ws = grant.teamId === null ? undefined : state.workspaceById(grant.teamId);
  return {
    team: ws ? { id: ws.id, name: ws.name } : null,
    enterprise: { id: state.enterprise.id, name: state.enterprise.name },
    is_enterprise_install: grant.isEnterpriseInstall,
  };
}

function expiryFields(state: SimState, access: TokenRecord, refresh: TokenRecord | null): Record<string, unknown> {
  if (!refresh || access.expiresAt === null) return {};
  return {
    refresh_token: refresh.token,
    expires_in: Math.max(0, Math.round((access.expiresAt - state.now()) / 1000)),
  };
}

function exchangeCode(call: ApiCall, app: SimApp): ApiReply {
  const { state, params } = call;
  const value = params.code;
  if (!value) return fail('invalid_arguments');
  const code = state.codes.get(value);
  if (code?.clientId !== app.clientId || state.codeExpired(code)) return fail('invalid_code');
  // RFC 6749 suggests also revoking what the first exchange issued; Slack does not document
  // doing so, and a sim that did would hide an app bug behind a second, different one.
  if (code.used) return fail('code_already_used');

  // "Must match the originally submitted URI (if one was sent)."
  const sent = params.redirect_uri;
  const redirectOk =
    code.redirectUri !== null ? sent === code.redirectUri : sent === undefined || sent === app.redirectUrls[0];
  if (!redirectOk) return fail('bad_redirect_uri');
  if (code.codeChallenge !== null) {
    const verifier = params.code_verifier ?? '';
    if (!verifier || s256(verifier) !== code.codeChallenge) return fail('invalid_code_verifier');
  }
  code.used = true;

  const lifetimeMs = app.tokenLifetimeSeconds * 1000;
  const body: Record<string, unknown> = { ok: true, app_id: app.appId };
  const authedUser: Record<string, unknown> = { id: code.userId };
  let placeGrant: Grant | null = null;

  if (code.userScopes.length > 0) {
    const grant = state.grantFor('user', app, code.userId, code.teamId);
    SimState.addScopes(grant, code.userScopes);
    const { access, refresh } = state.issueTokens(grant, app.tokenRotation, lifetimeMs);
    Object.assign(authedUser, {
      scope: grant.scopes.join(','),
      access_token: access.token,
      token_type: 'user',
      ...expiryFields(state, access, refresh),
    });
    placeGrant = grant;
  }
  if (code.botScopes.length > 0) {
    const extras = state.appExtras.get(app.appId);
    const grant = state.grantFor('bot', app, extras?.botUserId ?? 'U0SIMBOT00', code.teamId);
    SimState.addScopes(grant, code.botScopes);
    const { access, refresh } = state.issueTokens(grant, app.tokenRotation, lifetimeMs);
    Object.assign(body, {
      scope: grant.scopes.join(','),
      token_type: 'bot',
      access_token: access.token,
      bot_user_id: grant.userId,
      ...expiryFields(state, access, refresh),
    });
    placeGrant ??= grant;
  }
  body.authed_user = authedUser;
  if (placeGrant) Object.assign(body, teamAndEnterprise(state, placeGrant));

  state.installs.push({
    appId: app.appId,
    userId: code.userId,
    isEnterpriseInstall: code.isEnterpriseInstall,
    teamId: code.teamId,
    userScopes: [...code.userScopes],
    botScopes: [...code.botScopes],
    at: state.now(),
  });
  return { body };
}

function refreshGrant(call: ApiCall, app: SimApp): ApiReply {
  const { state } = call;
  const rec = state.tokens.get(call.params.refresh_token ?? '');
  if (
    rec?.kind !== 'refresh' ||
    rec.grant.kind === 'config' ||
    rec.grant.appId !== app.appId ||
    state.statusOf(rec) !== 'active'
  ) {
    return fail('invalid_refresh_token');
  }
  const { access, refresh } = state.refreshChain(rec);
  const grant = rec.grant;
  // The refresh answer is flat (access_token at top level, token_type telling user from bot),
  // as @slack/oauth's OAuthV2TokenRefreshResponse describes.
  return {
    body: {
      ok: true,
      app_id: app.appId,
      scope: grant.scopes.join(','),
      token_type: grant.kind,
      access_token: access.token,
      ...expiryFields(state, access, refresh),
      ...(grant.kind === 'bot' ? { bot_user_id: grant.userId } : { user_id: grant.userId }),
      ...teamAndEnterprise(state, grant),
    },
  };
}

export const oauthV2Access: MethodSpec = {
  auth: 'none',
  handle(call) {
    const client = authenticateClient(call);
    if ('error' in client) return client.error;
    const grantType = call.params.grant_type ?? 'authorization_code';
    if (grantType === 'refresh_token') return refreshGrant(call, client.app);
    if (grantType !== 'authorization_code') return fail('invalid_grant_type');
    return exchangeCode(call, client.app);
  },
};
