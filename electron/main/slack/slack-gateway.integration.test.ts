// The gateway through the real @slack/web-api and fetch, against the simulated Slack.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimSlack } from '../../../e2e/sim-slack/index';
import type { SimApp, SimSlack } from '../../../e2e/sim-slack/index';
import { authorizeAndGetCode } from '../../../e2e/sim-slack/test-helpers';
import { REDIRECT_URI, SLACK_ORIGIN_OVERRIDE_ENV, resolveSlackEndpoints } from '../../shared/slack-endpoints';
import type { SlackGateway } from '../seams';
import type { SlackGatewayOptions } from './slack-gateway';
import { createSlackGateway } from './slack-gateway';

let sim: SimSlack;
let app: SimApp;
let waits: Array<[string, number]>;

const ALL_SCOPES = ['admin', 'auditlogs:read', 'discovery:read', 'admin.teams:read'];

function gatewayFor(origin: string, extra: Partial<SlackGatewayOptions> = {}): SlackGateway {
  return createSlackGateway({
    getEndpoints: () => resolveSlackEndpoints({ region: 'commercial', env: { [SLACK_ORIGIN_OVERRIDE_ENV]: origin }, allowOverride: true }),
    onRateLimitWait: (operation, secondsLeft) => waits.push([operation, secondsLeft]),
    ...extra,
  });
}

function gateway(extra: Partial<SlackGatewayOptions> = {}): SlackGateway {
  return gatewayFor(sim.origin, extra);
}

async function codeFor(options: { user?: SimSlack['users']['owner']; scopes?: string[]; installOn?: string; forApp?: SimApp } = {}): Promise<string> {
  return authorizeAndGetCode(sim, {
    app: options.forApp ?? app,
    user: options.user ?? sim.users.owner,
    userScopes: options.scopes ?? ['admin', 'auditlogs:read'],
    redirectUri: REDIRECT_URI,
    ...(options.installOn ? { installOn: options.installOn } : {}),
  });
}

beforeEach(async () => {
  sim = await startSimSlack();
  app = sim.registerApp();
  waits = [];
});

afterEach(async () => {
  await sim.close();
});

describe('exchangeCode against the simulated Slack', () => {
  it('returns an org-level user token for an org install', async () => {
    const code = await codeFor();
    const result = await gateway().exchangeCode({ clientId: app.clientId, clientSecret: app.clientSecret, code, redirectUri: REDIRECT_URI });
    if (!result.ok) throw new Error(`exchange failed: ${result.error.code}`);
    expect(result.value).toMatchObject({
      isEnterpriseInstall: true,
      enterprise: { id: sim.enterprise.id, name: sim.enterprise.name },
      userId: sim.users.owner.id,
      appId: app.appId,
      refreshToken: null,
    });
    expect(result.value.token).toMatch(/^xoxp-/);
    expect(result.value.scopes).toEqual(expect.arrayContaining(['admin', 'auditlogs:read']));
    expect(sim.tokenStatus(result.value.token)).toBe('active');
  });

  it('says when the admin installed on a workspace instead of the organization', async () => {
    const workspace = sim.workspaces[0];
    if (!workspace) throw new Error('the sim has no workspace');
    const code = await codeFor({ installOn: workspace.id });
    const result = await gateway().exchangeCode({ clientId: app.clientId, clientSecret: app.clientSecret, code, redirectUri: REDIRECT_URI });
    expect(result).toMatchObject({ ok: true, value: { isEnterpriseInstall: false, team: { id: workspace.id } } });
  });

  it('refuses a code used twice', async () => {
    const code = await codeFor();
    const gw = gateway();
    const args = { clientId: app.clientId, clientSecret: app.clientSecret, code, redirectUri: REDIRECT_URI };
    expect((await gw.exchangeCode(args)).ok).toBe(true);
    expect(await gw.exchangeCode(args)).toEqual({ ok: false, error: { code: 'code-already-used', slackError: 'code_already_used', backTo: 'sign-in' } });
  });

  it('refuses an unknown or expired code', async () => {
    const gw = gateway();
    expect(await gw.exchangeCode({ clientId: app.clientId, clientSecret: app.clientSecret, code: '1.2.deadbeef', redirectUri: REDIRECT_URI })).toEqual({
      ok: false,
      error: { code: 'invalid-code', slackError: 'invalid_code', backTo: 'sign-in' },
    });
    const code = await codeFor();
    sim.advanceClock(11 * 60_000);
    expect(await gw.exchangeCode({ clientId: app.clientId, clientSecret: app.clientSecret, code, redirectUri: REDIRECT_URI })).toMatchObject({
      ok: false,
      error: { code: 'invalid-code', backTo: 'sign-in' },
    });
  });

  it('refuses a wrong secret or client id, sending the admin back to the credentials', async () => {
    const code = await codeFor();
    const gw = gateway();
    const wrongSecret = app.clientSecret.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    expect(await gw.exchangeCode({ clientId: app.clientId, clientSecret: wrongSecret, code, redirectUri: REDIRECT_URI })).toEqual({
      ok: false,
      error: { code: 'bad-client-secret', slackError: 'bad_client_secret', backTo: 'credentials' },
    });
    expect(await gw.exchangeCode({ clientId: '9999999999.9999999999999', clientSecret: app.clientSecret, code, redirectUri: REDIRECT_URI })).toEqual({
      ok: false,
      error: { code: 'invalid-client-id', slackError: 'invalid_client_id', backTo: 'credentials' },
    });
  });

  it('refuses a redirect_uri different from the one used to sign in', async () => {
    const code = await codeFor();
    expect(await gateway().exchangeCode({ clientId: app.clientId, clientSecret: app.clientSecret, code, redirectUri: 'https://localhost/other' })).toEqual({
      ok: false,
      error: { code: 'bad-redirect-uri', slackError: 'bad_redirect_uri', backTo: 'credentials' },
    });
  });

  it('refreshes a rotating token', async () => {
    const rotatingApp = sim.registerApp({ tokenRotation: true });
    const code = await codeFor({ forApp: rotatingApp });
    const gw = gateway();
    const first = await gw.exchangeCode({ clientId: rotatingApp.clientId, clientSecret: rotatingApp.clientSecret, code, redirectUri: REDIRECT_URI });
    if (!first.ok || !first.value.refreshToken) throw new Error('expected a rotating token');
    expect(first.value.token).toMatch(/^xoxe\.xoxp-/);
    expect(first.value.expiresInSeconds).toBeGreaterThan(0);
    const refreshed = await gw.refreshToken({ clientId: rotatingApp.clientId, clientSecret: rotatingApp.clientSecret, refreshToken: first.value.refreshToken });
    if (!refreshed.ok) throw new Error(`refresh failed: ${refreshed.error.code}`);
    expect(refreshed.value.token).not.toBe(first.value.token);
    expect(refreshed.value.refreshToken).not.toBe(first.value.refreshToken);
    expect(await gw.refreshToken({ clientId: rotatingApp.clientId, clientSecret: rotatingApp.clientSecret, refreshToken: 'xoxe-1-unknown' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-refresh-token' },
    });
  });
});

describe('auth.test and auth.revoke against the simulated Slack', () => {
  it('tells who the token belongs to and which scopes it has', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin', 'auditlogs:read'] });
    const result = await gateway().authTest(token);
    expect(result).toEqual({
      ok: true,
      value: {
        identity: expect.objectContaining({ userId: sim.users.owner.id, enterpriseId: sim.enterprise.id, isEnterpriseInstall: true }),
        scopes: ['admin', 'auditlogs:read'],
      },
    });
  });

  it('revokes for real only when not a dry run', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin'] });
    const gw = gateway();
    expect(await gw.revoke(token, { dryRun: true })).toEqual({ ok: true, value: { revoked: false } });
    expect(sim.tokenStatus(token)).toBe('active');
    expect(await gw.revoke(token, { dryRun: false })).toEqual({ ok: true, value: { revoked: true } });
    expect(sim.tokenStatus(token)).toBe('revoked');
    expect(await gw.authTest(token)).toEqual({ ok: false, error: { code: 'token-revoked', slackError: 'token_revoked' } });
  });

  it('reports an unknown token', async () => {
    expect(await gateway().authTest('xoxp-0-0-0-nottoken')).toEqual({ ok: false, error: { code: 'invalid-auth', slackError: 'invalid_auth' } });
  });
});

describe('probes against the simulated Slack', () => {
  it("succeed for an Owner's org token with every scope", async () => {
    sim.enterprise.discoveryEnabled = true;
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ALL_SCOPES });
    const gw = gateway();
    for (const api of ['scim', 'audit-logs', 'discovery', 'admin-api'] as const) {
      expect(await gw.probe(api, token)).toEqual({ api, status: 'ok' });
    }
  });

  it("refuse Audit Logs for an Admin's token: Owners only", async () => {
    const { token } = sim.mintUserToken({ user: sim.users.admin, scopes: ALL_SCOPES });
    const gw = gateway();
    expect(await gw.probe('audit-logs', token)).toMatchObject({ status: 'failed', error: { code: 'owner-only', httpStatus: 403 } });
    expect(await gw.probe('scim', token)).toEqual({ api: 'scim', status: 'ok' });
  });

  it('report a missing scope for each API', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ['channels:read'] });
    const gw = gateway();
    expect(await gw.probe('scim', token)).toMatchObject({ status: 'failed', error: { code: 'missing-scope', httpStatus: 403 } });
    expect(await gw.probe('audit-logs', token)).toMatchObject({ status: 'failed', error: { code: 'missing-scope', httpStatus: 403 } });
    expect(await gw.probe('discovery', token)).toMatchObject({ status: 'failed', error: { code: 'missing-scope' } });
    expect(await gw.probe('admin-api', token)).toMatchObject({ status: 'failed', error: { code: 'missing-scope' } });
  });

  it('report Discovery as not enabled until Slack enables it for the org', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ALL_SCOPES });
    expect(await gateway().probe('discovery', token)).toEqual({ api: 'discovery', status: 'failed', error: { code: 'feature-not-enabled', slackError: 'feature_not_enabled' } });
  });

  it("report a workspace token and a member's token", async () => {
    const workspaceToken = sim.mintUserToken({ user: sim.users.owner, scopes: ALL_SCOPES, enterpriseInstall: false }).token;
    const memberToken = sim.mintUserToken({ user: sim.users.member, scopes: ALL_SCOPES }).token;
    const gw = gateway();
    expect(await gw.probe('admin-api', workspaceToken)).toMatchObject({ status: 'failed', error: { code: 'workspace-install' } });
    expect(await gw.probe('scim', workspaceToken)).toMatchObject({ status: 'failed', error: { code: 'workspace-install' } });
    expect(await gw.probe('admin-api', memberToken)).toMatchObject({ status: 'failed', error: { code: 'not-an-admin' } });
    expect(await gw.probe('scim', memberToken)).toMatchObject({ status: 'failed', error: { code: 'not-an-admin' } });
  });

  it('report a revoked token', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ALL_SCOPES });
    const gw = gateway();
    await gw.revoke(token, { dryRun: false });
    expect(await gw.probe('scim', token)).toMatchObject({ status: 'failed', error: { code: 'invalid-auth', httpStatus: 401 } });
    expect(await gw.probe('admin-api', token)).toMatchObject({ status: 'failed', error: { code: 'token-revoked' } });
  });
});

describe('faults', () => {
  it('waits out a short rate limit with a countdown, then succeeds', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ALL_SCOPES });
    sim.setFault('auth.test', { kind: 'rate-limit', retryAfterSeconds: 1 }, { times: 1 });
    sim.setFault('scim.users', { kind: 'rate-limit', retryAfterSeconds: 1 }, { times: 1 });
    const gw = gateway();
    expect((await gw.authTest(token)).ok).toBe(true);
    expect(await gw.probe('scim', token)).toEqual({ api: 'scim', status: 'ok' });
    expect(waits).toEqual([
      ['auth.test', 1],
      ['auth.test', 0],
      ['scim', 1],
      ['scim', 0],
    ]);
  });

  it('reports a long rate limit at once', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ALL_SCOPES });
    sim.setFault('auth.test', { kind: 'rate-limit', retryAfterSeconds: 120 });
    sim.setFault('audit.logs', { kind: 'rate-limit', retryAfterSeconds: 120 });
    const gw = gateway();
    const started = Date.now();
    expect(await gw.authTest(token)).toEqual({ ok: false, error: { code: 'rate-limited', retryAfterSeconds: 120 } });
    expect(await gw.probe('audit-logs', token)).toEqual({ api: 'audit-logs', status: 'failed', error: { code: 'rate-limited', retryAfterSeconds: 120 } });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(waits).toEqual([]);
  });

  it('reports a server error', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ALL_SCOPES });
    sim.setFault('auth.test', { kind: 'server-error' });
    sim.setFault('scim.users', { kind: 'server-error' });
    const gw = gateway();
    expect(await gw.authTest(token)).toEqual({ ok: false, error: { code: 'slack-server-error', httpStatus: 500 } });
    expect(await gw.probe('scim', token)).toEqual({ api: 'scim', status: 'failed', error: { code: 'slack-server-error', httpStatus: 500 } });
  });

  it('reports an HTML page instead of JSON', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ALL_SCOPES });
    sim.setFault('oauth.v2.access', { kind: 'html' });
    sim.setFault('auth.test', { kind: 'html' });
    sim.setFault('audit.logs', { kind: 'html' });
    const gw = gateway();
    expect(await gw.exchangeCode({ clientId: app.clientId, clientSecret: app.clientSecret, code: '1.2.3', redirectUri: REDIRECT_URI })).toEqual({
      ok: false,
      error: { code: 'unexpected-response', backTo: 'sign-in' },
    });
    expect(await gw.authTest(token)).toEqual({ ok: false, error: { code: 'unexpected-response' } });
    expect(await gw.probe('audit-logs', token)).toEqual({ api: 'audit-logs', status: 'failed', error: { code: 'unexpected-response', httpStatus: 200 } });
  });

  it('gives up on a slow answer', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ALL_SCOPES });
    sim.setFault('auth.test', { kind: 'slow', delayMs: 3000 });
    sim.setFault('scim.users', { kind: 'slow', delayMs: 3000 });
    const gw = gateway({ timeoutMs: 300 });
    expect(await gw.authTest(token)).toEqual({ ok: false, error: { code: 'timeout' } });
    expect(await gw.probe('scim', token)).toEqual({ api: 'scim', status: 'failed', error: { code: 'timeout' } });
  });

  it('reports a dropped connection', async () => {
    const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ALL_SCOPES });
    sim.setFault('auth.test', { kind: 'drop' });
    sim.setFault('audit.logs', { kind: 'drop' });
    const gw = gateway();
    expect(await gw.authTest(token)).toEqual({ ok: false, error: { code: 'network' } });
    expect(await gw.probe('audit-logs', token)).toEqual({ api: 'audit-logs', status: 'failed', error: { code: 'network' } });
  });

  it('reports Slack being unreachable', async () => {
    const closed = await startSimSlack();
    const origin = closed.origin;
    await closed.close();
    const gw = gatewayFor(origin);
    expect(await gw.authTest('xoxp-1-2-3-4')).toEqual({ ok: false, error: { code: 'network' } });
    expect(await gw.probe('scim', 'xoxp-1-2-3-4')).toEqual({ api: 'scim', status: 'failed', error: { code: 'network' } });
  });
});
