import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '@slack/web-api';
import type { WebAPIPlatformError } from '@slack/web-api';
import { createHash } from 'node:crypto';
import { startSimSlack } from './index';
import type { SimApp, SimSlack } from './index';
import { authorizeAndGetCode, exchangeCode, installUserToken, webClientFor } from './test-helpers';

let sim: SimSlack;
let app: SimApp;

beforeEach(async () => {
  sim = await startSimSlack();
  app = sim.registerApp();
});

afterEach(async () => {
  await sim.close();
});

const USER_TOKEN = /^xoxp-\d+-\d+-\d+-[0-9a-f]{32}$/;

async function accessForm(fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const res = await fetch(`${sim.origin}/api/oauth.v2.access`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return (await res.json()) as Record<string, unknown>;
}

async function platformError(promise: Promise<unknown>): Promise<WebAPIPlatformError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toMatchObject({ code: ErrorCode.PlatformError });
  return err as WebAPIPlatformError;
}

describe('oauth.v2.access: code exchange', () => {
  it('returns the v2 shape for an org install (HTTP Basic credentials)', async () => {
    const code = await authorizeAndGetCode(sim, {
      app,
      user: sim.users.owner,
      userScopes: ['admin', 'auditlogs:read'],
      installOn: 'org',
    });
    const body = await exchangeCode(sim, app, code);
    expect(body).toEqual({
      ok: true,
      app_id: app.appId,
      authed_user: {
        id: sim.users.owner.id,
        scope: 'admin,auditlogs:read',
        access_token: expect.stringMatching(USER_TOKEN) as unknown,
        token_type: 'user',
      },
      team: null,
      enterprise: { id: 'E0SIMORG01', name: 'Acme Corp (simulated)' },
      is_enterprise_install: true,
    });
    expect(body).not.toHaveProperty('access_token');
  });

  it('returns team {id,name} and is_enterprise_install false for a workspace install', async () => {
    const code = await authorizeAndGetCode(sim, { app, user: sim.users.owner, installOn: 'T0SIMWS001' });
    const body = await exchangeCode(sim, app, code);
    expect(body.team).toEqual({ id: 'T0SIMWS001', name: 'Acme Sales' });
    expect(body.enterprise).toEqual({ id: 'E0SIMORG01', name: 'Acme Corp (simulated)' });
    expect(body.is_enterprise_install).toBe(false);
  });

  it('works through @slack/web-api with form credentials', async () => {
    const code = await authorizeAndGetCode(sim, { app, user: sim.users.owner });
    const result = await webClientFor(sim).oauth.v2.access({
      client_id: app.clientId,
      client_secret: app.clientSecret,
      code,
    });
    expect(result.ok).toBe(true);
    expect(result.authed_user?.access_token).toMatch(USER_TOKEN);
    expect(result.is_enterprise_install).toBe(true);
  });

  it('adds a top-level bot token only when bot scopes were requested', async () => {
    const code = await authorizeAndGetCode(sim, { app, user: sim.users.owner, botScopes: ['team:read'] });
    const body = await exchangeCode(sim, app, code);
    expect(body).toMatchObject({
      token_type: 'bot',
      scope: 'team:read',
      access_token: expect.stringMatching(/^xoxb-/) as unknown,
      bot_user_id: expect.stringMatching(/^U/) as unknown,
      authed_user: { token_type: 'user', scope: 'admin' },
    });
  });

  it('accumulates scopes across installs by the same user and keeps the same token', async () => {
    const first = await installUserToken(sim, { app, user: sim.users.owner, userScopes: ['admin'] });
    const second = await installUserToken(sim, { app, user: sim.users.owner, userScopes: ['auditlogs:read'] });
    expect(second.token).toBe(first.token);
    expect((second.response.authed_user as { scope: string }).scope).toBe('admin,auditlogs:read');
    const other = await installUserToken(sim, { app, user: sim.users.admin, userScopes: ['auditlogs:read'] });
    expect((other.response.authed_user as { scope: string }).scope).toBe('auditlogs:read');
    expect(sim.installs).toHaveLength(3);
  });

  it('starts over after a revoke: a reinstall gets a new token with only the new scopes', async () => {
    const first = await installUserToken(sim, { app, user: sim.users.owner, userScopes: ['admin', 'auditlogs:read'] });
    await webClientFor(sim, first.token).auth.revoke();
    const again = await installUserToken(sim, { app, user: sim.users.owner, userScopes: ['admin'] });
    expect(again.token).not.toBe(first.token);
    expect((again.response.authed_user as { scope: string }).scope).toBe('admin');
    expect(sim.tokenStatus(first.token)).toBe('revoked');
    expect(sim.tokenStatus(again.token)).toBe('active');
  });
});

describe('oauth.v2.access: errors', () => {
  it('invalid_client_id for an unknown or missing client id', async () => {
    expect(await accessForm({ client_id: '1.2', client_secret: 'x', code: 'c' })).toEqual({ ok: false, error: 'invalid_client_id' });
    expect(await accessForm({ code: 'c' })).toEqual({ ok: false, error: 'invalid_client_id' });
  });

  it('bad_client_secret, by form and by HTTP Basic', async () => {
    expect(await accessForm({ client_id: app.clientId, client_secret: 'nope', code: 'c' })).toEqual({
      ok: false,
      error: 'bad_client_secret',
    });
    const basic = Buffer.from(`${app.clientId}:nope`).toString('base64');
    expect(await accessForm({ code: 'c' }, { authorization: `Basic ${basic}` })).toEqual({
      ok: false,
      error: 'bad_client_secret',
    });
  });

  it('invalid_arguments without a code, invalid_grant_type for an unknown grant', async () => {
    const creds = { client_id: app.clientId, client_secret: app.clientSecret };
    expect(await accessForm(creds)).toEqual({ ok: false, error: 'invalid_arguments' });
    expect(await accessForm({ ...creds, grant_type: 'password', code: 'x' })).toEqual({ ok: false, error: 'invalid_grant_type' });
  });

  it('invalid_code for an unknown code, another app’s code, or one older than 10 minutes', async () => {
    expect(await exchangeCode(sim, app, '123.456.abc')).toEqual({ ok: false, error: 'invalid_code' });

    const otherApp = sim.registerApp();
    const foreign = await authorizeAndGetCode(sim, { app: otherApp, user: sim.users.owner });
    expect(await exchangeCode(sim, app, foreign)).toEqual({ ok: false, error: 'invalid_code' });

    const code = await authorizeAndGetCode(sim, { app, user: sim.users.owner });
    sim.advanceClock(10 * 60 * 1000 - 1000);
    const stillFresh = await authorizeAndGetCode(sim, { app, user: sim.users.owner });
    sim.advanceClock(1000);
    expect(await exchangeCode(sim, app, code)).toEqual({ ok: false, error: 'invalid_code' });
    expect((await exchangeCode(sim, app, stillFresh)).ok).toBe(true);
  });

  it('code_already_used on a second exchange; the first token keeps working', async () => {
    const code = await authorizeAndGetCode(sim, { app, user: sim.users.owner });
    const first = await exchangeCode(sim, app, code);
    expect(first.ok).toBe(true);
    expect(await exchangeCode(sim, app, code)).toEqual({ ok: false, error: 'code_already_used' });
    const token = (first.authed_user as { access_token: string }).access_token;
    expect(sim.tokenStatus(token)).toBe('active');
  });

  it('bad_redirect_uri when the exchange does not repeat the authorize redirect_uri', async () => {
    const redirectUri = 'https://localhost/callback';
    const code = await authorizeAndGetCode(sim, { app, user: sim.users.owner, redirectUri });
    expect(await exchangeCode(sim, app, code)).toEqual({ ok: false, error: 'bad_redirect_uri' });
    expect(await exchangeCode(sim, app, code, 'https://localhost/other')).toEqual({ ok: false, error: 'bad_redirect_uri' });
    // A refused attempt does not burn the code.
    expect((await exchangeCode(sim, app, code, redirectUri)).ok).toBe(true);
  });

  it('without a redirect_uri at authorize, accepts none or the default one at the exchange', async () => {
    const code = await authorizeAndGetCode(sim, { app, user: sim.users.owner });
    expect(await exchangeCode(sim, app, code, 'https://localhost/x')).toEqual({ ok: false, error: 'bad_redirect_uri' });
    expect((await exchangeCode(sim, app, code, 'https://localhost')).ok).toBe(true);
  });

  it('surfaces errors as WebAPIPlatformError through @slack/web-api', async () => {
    const err = await platformError(
      webClientFor(sim).oauth.v2.access({ client_id: app.clientId, client_secret: app.clientSecret, code: 'bogus' }),
    );
    expect(err.data.error).toBe('invalid_code');
  });

  it('checks the PKCE verifier when authorize had a code_challenge', async () => {
    const verifier = 'a'.repeat(50);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const code = await authorizeAndGetCode(sim, { app, user: sim.users.owner, codeChallenge: challenge });
    const creds = { client_id: app.clientId, client_secret: app.clientSecret, code };
    expect(await accessForm({ ...creds, code_verifier: 'b'.repeat(50) })).toEqual({ ok: false, error: 'invalid_code_verifier' });
    expect((await accessForm({ ...creds, code_verifier: verifier })).ok).toBe(true);
  });
});

describe('oauth.v2.access: token rotation', () => {
  let rotating: SimApp;

  beforeEach(() => {
    rotating = sim.registerApp({ tokenRotation: true, tokenLifetimeSeconds: 3600 });
  });

  async function rotatingInstall(): Promise<{ token: string; refreshToken: string }> {
    const { response } = await installUserToken(sim, { app: rotating, user: sim.users.owner });
    const authed = response.authed_user as Record<string, unknown>;
    expect(authed).toMatchObject({
      access_token: expect.stringMatching(/^xoxe\.xoxp-1-[A-Za-z0-9]+$/) as unknown,
      refresh_token: expect.stringMatching(/^xoxe-1-[A-Za-z0-9]+$/) as unknown,
      expires_in: 3600,
      token_type: 'user',
    });
    return { token: String(authed.access_token), refreshToken: String(authed.refresh_token) };
  }

  function refresh(refreshToken: string): Promise<Record<string, unknown>> {
    return accessForm(
      { grant_type: 'refresh_token', refresh_token: refreshToken },
      { authorization: `Basic ${Buffer.from(`${rotating.clientId}:${rotating.clientSecret}`).toString('base64')}` },
    );
  }

  it('uses the default 12 h lifetime unless the app says otherwise', async () => {
    const defaults = sim.registerApp({ tokenRotation: true });
    const { response } = await installUserToken(sim, { app: defaults, user: sim.users.owner });
    expect((response.authed_user as { expires_in: number }).expires_in).toBe(43200);
  });

  it('expires access tokens after their lifetime (token_expired)', async () => {
    const { token } = await rotatingInstall();
    const client = webClientFor(sim, token);
    expect((await client.auth.test()).ok).toBe(true);
    sim.advanceClock(3600 * 1000);
    expect(sim.tokenStatus(token)).toBe('expired');
    expect((await platformError(client.auth.test())).data.error).toBe('token_expired');
  });

  it('refresh returns a new access and refresh token; the old refresh token dies', async () => {
    const first = await rotatingInstall();
    const body = await refresh(first.refreshToken);
    expect(body).toMatchObject({
      ok: true,
      app_id: rotating.appId,
      token_type: 'user',
      scope: 'admin',
      access_token: expect.stringMatching(/^xoxe\.xoxp-1-/) as unknown,
      refresh_token: expect.stringMatching(/^xoxe-1-/) as unknown,
      expires_in: 3600,
      team: null,
      enterprise: { id: 'E0SIMORG01', name: 'Acme Corp (simulated)' },
      is_enterprise_install: true,
    });
    expect(body.access_token).not.toBe(first.token);
    expect(body.refresh_token).not.toBe(first.refreshToken);
    expect(await refresh(first.refreshToken)).toEqual({ ok: false, error: 'invalid_refresh_token' });
    expect(sim.tokenStatus(first.refreshToken)).toBe('revoked');
    expect((await refresh(String(body.refresh_token))).ok).toBe(true);
  });

  it('keeps at most two live access tokens per chain', async () => {
    const first = await rotatingInstall();
    const second = await refresh(first.refreshToken);
    expect(sim.tokenStatus(first.token)).toBe('active');
    const third = await refresh(String(second.refresh_token));
    expect(sim.tokenStatus(first.token)).toBe('expired');
    expect(sim.tokenStatus(String(second.access_token))).toBe('active');
    expect(sim.tokenStatus(String(third.access_token))).toBe('active');
  });

  it('refuses unknown refresh tokens, another app’s, and refresh tokens used as access tokens', async () => {
    const { refreshToken } = await rotatingInstall();
    expect(await refresh('xoxe-1-nope')).toEqual({ ok: false, error: 'invalid_refresh_token' });
    const other = sim.registerApp({ tokenRotation: true });
    const foreign = await accessForm({
      client_id: other.clientId,
      client_secret: other.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    expect(foreign).toEqual({ ok: false, error: 'invalid_refresh_token' });
    expect((await platformError(webClientFor(sim, refreshToken).auth.test())).data.error).toBe('invalid_auth');
  });
});
