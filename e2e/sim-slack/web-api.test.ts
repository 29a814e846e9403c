import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '@slack/web-api';
import type { WebAPIHTTPError, WebAPIPlatformError } from '@slack/web-api';
import { startSimSlack } from './index';
import type { SimApp, SimSlack } from './index';
import { installUserToken, webClientFor } from './test-helpers';

let sim: SimSlack;
let app: SimApp;

beforeEach(async () => {
  sim = await startSimSlack();
  app = sim.registerApp();
});

afterEach(async () => {
  await sim.close();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
}

async function platformError(promise: Promise<unknown>): Promise<WebAPIPlatformError> {
  const err = await rejection(promise);
  expect(err).toMatchObject({ code: ErrorCode.PlatformError });
  return err as WebAPIPlatformError;
}

async function post(
  method: string,
  init: { body?: string; headers?: Record<string, string>; query?: string; httpMethod?: string } = {},
): Promise<{ res: Response; body: Record<string, unknown> }> {
  const res = await fetch(`${sim.origin}/api/${method}${init.query ?? ''}`, {
    method: init.httpMethod ?? 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...init.headers },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  return { res, body: (await res.json()) as Record<string, unknown> };
}

describe('auth.test', () => {
  it('describes an org install and exposes the granted scopes via x-oauth-scopes', async () => {
    const { token } = await installUserToken(sim, { app, user: sim.users.owner, userScopes: ['admin', 'auditlogs:read'] });
    const result = await webClientFor(sim, token).auth.test();
    expect(result).toMatchObject({
      ok: true,
      url: 'https://acme-corp.enterprise.slack.com/',
      team: 'Acme Corp (simulated)',
      user: 'olivia.owner',
      team_id: 'E0SIMORG01',
      user_id: sim.users.owner.id,
      enterprise_id: 'E0SIMORG01',
      is_enterprise_install: true,
    });
    expect(result.response_metadata?.scopes).toEqual(['admin', 'auditlogs:read']);
  });

  it('describes a workspace install', async () => {
    const { token } = await installUserToken(sim, { app, user: sim.users.admin, installOn: 'T0SIMWS002' });
    const result = await webClientFor(sim, token).auth.test();
    expect(result).toMatchObject({
      url: 'https://acme-engineering.slack.com/',
      team: 'Acme Engineering',
      team_id: 'T0SIMWS002',
      user_id: sim.users.admin.id,
      enterprise_id: 'E0SIMORG01',
      is_enterprise_install: false,
    });
  });

  it('accepts the token as a form field too, and JSON bodies with a Bearer header', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'] });
    const form = await post('auth.test', { body: new URLSearchParams({ token }).toString() });
    expect(form.body.ok).toBe(true);
    expect(form.res.headers.get('x-oauth-scopes')).toBe('admin');
    expect(form.res.headers.get('content-type')).toBe('application/json; charset=utf-8');

    const json = await post('auth.test', {
      body: '{}',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    expect(json.body.ok).toBe(true);
    // A token inside a JSON body is not how Slack takes it.
    const tokenInJson = await post('auth.test', {
      body: JSON.stringify({ token }),
      headers: { 'content-type': 'application/json' },
    });
    expect(tokenInJson.body).toEqual({ ok: false, error: 'not_authed' });
  });

  it('not_authed without a token, invalid_auth for unknown or browser-session tokens', async () => {
    expect((await platformError(webClientFor(sim).auth.test())).data.error).toBe('not_authed');
    expect((await platformError(webClientFor(sim, 'xoxp-1-2-3-abc').auth.test())).data.error).toBe('invalid_auth');
    expect((await platformError(webClientFor(sim, 'xoxc-123-456').auth.test())).data.error).toBe('invalid_auth');
  });

  it('token_revoked after a revoke, token_expired after expiry', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'] });
    await webClientFor(sim, token).auth.revoke();
    expect((await platformError(webClientFor(sim, token).auth.test())).data.error).toBe('token_revoked');

    const rotating = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'], rotating: true });
    expect(rotating.token).toMatch(/^xoxe\.xoxp-1-/);
    expect(rotating.refreshToken).toMatch(/^xoxe-1-/);
    sim.advanceClock(43200 * 1000);
    expect((await platformError(webClientFor(sim, rotating.token).auth.test())).data.error).toBe('token_expired');
  });

  it('refuses a token in the query string, even a valid one', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'] });
    const { body } = await post('auth.test', { query: `?token=${token}`, body: '' });
    expect(body).toEqual({ ok: false, error: 'invalid_auth' });
    expect(JSON.stringify(sim.requests)).not.toContain(token);
  });

  it('refuses GET', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'] });
    const { res, body } = await post('auth.test', { httpMethod: 'GET', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(body).toEqual({ ok: false, error: 'invalid_request' });
  });

  it('refuses bodies it cannot read', async () => {
    const badJson = await post('auth.test', { body: '{nope', headers: { 'content-type': 'application/json' } });
    expect(badJson.body).toEqual({ ok: false, error: 'invalid_json' });
    const text = await post('auth.test', { body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(text.body).toEqual({ ok: false, error: 'invalid_post_type' });
  });
});

describe('unknown methods', () => {
  it('answer HTTP 404 with unknown_method, which @slack/web-api reports as an HTTP error', async () => {
    const { res, body } = await post('chat.fly', { body: '' });
    expect(res.status).toBe(404);
    expect(body).toEqual({ ok: false, error: 'unknown_method', req_method: 'chat.fly' });
    const err = (await rejection(webClientFor(sim, 'xoxp-x').apiCall('chat.fly'))) as WebAPIHTTPError;
    expect(err.code).toBe(ErrorCode.HTTPError);
    expect(err.statusCode).toBe(404);
  });
});

describe('auth.revoke', () => {
  it('test=1 is a dry run: revoked false, token still works', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'] });
    const client = webClientFor(sim, token);
    expect(await client.auth.revoke({ test: true })).toMatchObject({ ok: true, revoked: false });
    expect(sim.tokenStatus(token)).toBe('active');
    expect((await client.auth.test()).ok).toBe(true);
  });

  it('revokes the token and, for a non-rotating user token, the whole authorization', async () => {
    const { token } = await installUserToken(sim, { app, user: sim.users.owner });
    const result = await webClientFor(sim, token).auth.revoke();
    expect(result).toMatchObject({ ok: true, revoked: true });
    expect(result.response_metadata?.scopes).toEqual(['admin']);
    expect(sim.tokenStatus(token)).toBe('revoked');
    expect((await platformError(webClientFor(sim, token).auth.revoke())).data.error).toBe('token_revoked');
  });

  it('revoking an expiring token also kills its refresh token', async () => {
    const rotatingApp = sim.registerApp({ tokenRotation: true });
    const { token, refreshToken } = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'], app: rotatingApp, rotating: true });
    await webClientFor(sim, token).auth.revoke();
    expect(sim.tokenStatus(refreshToken ?? '')).toBe('revoked');
    const refreshed = await webClientFor(sim)
      .oauth.v2.access({
        client_id: rotatingApp.clientId,
        client_secret: rotatingApp.clientSecret,
        grant_type: 'refresh_token',
        refresh_token: refreshToken ?? '',
      })
      .catch((e: unknown) => (e as WebAPIPlatformError).data);
    expect(refreshed.error).toBe('invalid_refresh_token');
  });

  it('needs a token', async () => {
    expect((await platformError(webClientFor(sim).auth.revoke())).data.error).toBe('not_authed');
  });
});

describe('admin.teams.list', () => {
  it('lists the workspaces for an org-installed Admin API token, with cursor pagination', async () => {
    const { token } = await installUserToken(sim, { app, user: sim.users.admin, userScopes: ['admin.teams:read'] });
    const client = webClientFor(sim, token);
    const page1 = await client.admin.teams.list({ limit: 1 });
    expect(page1.teams).toEqual([expect.objectContaining({ id: 'T0SIMWS001', name: 'Acme Sales' })]);
    expect(page1.response_metadata?.next_cursor).not.toBe('');
    expect(page1.response_metadata?.acceptedScopes).toEqual(['admin.teams:read']);
    const page2 = await client.admin.teams.list({ limit: 1, cursor: page1.response_metadata?.next_cursor ?? '' });
    expect(page2.teams).toEqual([expect.objectContaining({ id: 'T0SIMWS002', name: 'Acme Engineering' })]);
    expect(page2.response_metadata?.next_cursor).toBe('');
    const all = await client.admin.teams.list({});
    expect(all.teams).toHaveLength(2);
  });

  it('missing_scope with needed and provided', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin', 'auditlogs:read'] });
    const err = await platformError(webClientFor(sim, token).admin.teams.list({ limit: 1 }));
    expect(err.data).toMatchObject({ error: 'missing_scope', needed: 'admin.teams:read', provided: 'admin,auditlogs:read' });
    expect(err.data.response_metadata?.scopes).toEqual(['admin', 'auditlogs:read']);
  });

  it('not_allowed_token_type for a workspace install', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin.teams:read'], enterpriseInstall: false });
    expect((await platformError(webClientFor(sim, token).admin.teams.list({ limit: 1 }))).data.error).toBe('not_allowed_token_type');
  });

  it('not_an_admin when the token’s user is a member', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.member, scopes: ['admin.teams:read'] });
    expect((await platformError(webClientFor(sim, token).admin.teams.list({ limit: 1 }))).data.error).toBe('not_an_admin');
  });

  it('invalid_limit and invalid_cursor', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin.teams:read'] });
    const client = webClientFor(sim, token);
    expect((await platformError(client.admin.teams.list({ limit: 0 }))).data.error).toBe('invalid_limit');
    expect((await platformError(client.admin.teams.list({ cursor: 'zzz' }))).data.error).toBe('invalid_cursor');
  });
});

describe('discovery.enterprise.info', () => {
  it('feature_not_enabled until Slack enables Discovery for the org', async () => {
    const { token } = await installUserToken(sim, { app, user: sim.users.owner, userScopes: ['discovery:read'] });
    const client = webClientFor(sim, token);
    expect(sim.enterprise.discoveryEnabled).toBe(false);
    expect((await platformError(client.apiCall('discovery.enterprise.info'))).data.error).toBe('feature_not_enabled');

    sim.enterprise.discoveryEnabled = true;
    const result = await client.apiCall('discovery.enterprise.info');
    expect(result).toMatchObject({
      ok: true,
      enterprise: {
        id: 'E0SIMORG01',
        name: 'Acme Corp (simulated)',
        domain: 'acme-corp',
        teams: [
          expect.objectContaining({ id: 'T0SIMWS001', name: 'Acme Sales' }),
          expect.objectContaining({ id: 'T0SIMWS002', name: 'Acme Engineering' }),
        ],
      },
    });
    expect(result.response_metadata?.scopes).toEqual(['discovery:read']);
  });

  it('missing_scope without discovery:read, not_allowed_token_type for a workspace token', async () => {
    sim.enterprise.discoveryEnabled = true;
    const noScope = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'] });
    expect((await platformError(webClientFor(sim, noScope.token).apiCall('discovery.enterprise.info'))).data).toMatchObject({
      error: 'missing_scope',
      needed: 'discovery:read',
    });
    const workspace = sim.mintUserToken({ user: sim.users.owner, scopes: ['discovery:read'], enterpriseInstall: false });
    expect((await platformError(webClientFor(sim, workspace.token).apiCall('discovery.enterprise.info'))).data.error).toBe(
      'not_allowed_token_type',
    );
  });
});

describe('tooling.tokens.rotate', () => {
  it('rotates an app configuration token; the old refresh token dies', async () => {
    const config = sim.mintConfigToken({ user: sim.users.owner });
    expect(config.token).toMatch(/^xoxe\.xoxp-1-/);
    expect(config.refreshToken).toMatch(/^xoxe-1-/);
    const client = webClientFor(sim);
    const result = await client.tooling.tokens.rotate({ refresh_token: config.refreshToken });
    expect(result).toMatchObject({
      ok: true,
      token: expect.stringMatching(/^xoxe\.xoxp-1-/) as unknown,
      refresh_token: expect.stringMatching(/^xoxe-1-/) as unknown,
      team_id: 'T0SIMWS001',
      user_id: sim.users.owner.id,
    });
    expect((result.exp ?? 0) - (result.iat ?? 0)).toBe(12 * 3600);
    expect(result.token).not.toBe(config.token);
    expect((await platformError(client.tooling.tokens.rotate({ refresh_token: config.refreshToken }))).data.error).toBe(
      'invalid_refresh_token',
    );
    expect((await client.tooling.tokens.rotate({ refresh_token: result.refresh_token ?? '' })).ok).toBe(true);
  });

  it('refuses unknown refresh tokens and user-token refresh tokens', async () => {
    const client = webClientFor(sim);
    expect((await platformError(client.tooling.tokens.rotate({ refresh_token: 'xoxe-1-nope' }))).data.error).toBe(
      'invalid_refresh_token',
    );
    const rotatingApp = sim.registerApp({ tokenRotation: true });
    const user = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'], app: rotatingApp, rotating: true });
    expect((await platformError(client.tooling.tokens.rotate({ refresh_token: user.refreshToken ?? '' }))).data.error).toBe(
      'invalid_refresh_token',
    );
  });

  it('config tokens expire after 12 hours', async () => {
    const config = sim.mintConfigToken({ user: sim.users.owner });
    expect((await webClientFor(sim, config.token).auth.test()).ok).toBe(true);
    sim.advanceClock(12 * 3600 * 1000);
    expect(sim.tokenStatus(config.token)).toBe('expired');
  });
});

describe('mintUserToken and tokenStatus', () => {
  it('mints independent tokens, org-wide by default, with the given scopes', async () => {
    const a = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'] });
    const b = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'] });
    expect(a.token).toMatch(/^xoxp-\d+-\d+-\d+-[0-9a-f]{32}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.refreshToken).toBeUndefined();
    await webClientFor(sim, a.token).auth.revoke();
    expect(sim.tokenStatus(a.token)).toBe('revoked');
    expect(sim.tokenStatus(b.token)).toBe('active');
    expect(sim.tokenStatus('xoxp-never-issued')).toBe('unknown');
    expect((await webClientFor(sim, b.token).auth.test()).is_enterprise_install).toBe(true);
  });
});
