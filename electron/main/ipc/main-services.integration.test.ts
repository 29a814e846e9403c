// The fully wired main process (createMainServices: every channel on the real setup, Slack,
// vault, revoke, rotation, clipboard and settings services) against the simulated Slack, called
// the way the renderer calls it: through the IPC guard with the main window's own event. Only
// the sign-in window is replaced, by a walk through Slack's pages over HTTP that ends on the
// `https://localhost` redirect the real window catches.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHarnessCipher } from '../../../e2e/harness/harness-cipher';
import { startSimSlack, type SimApp, type SimSlack } from '../../../e2e/sim-slack/index';
import { IpcChannel, IpcEvent, type ApiId, type SetupProgress, type TokenSummary } from '../../shared/ipc-contract';
import { scopesForSelection } from '../../shared/scope-catalogue';
import { systemClock, type Clock, type SecretCipher } from '../seams';
import { REQUEST_REJECTED } from './ipc-guard';
import { createManualClock, type ManualClock } from './test-support/manual-clock';
import { filesUnder, plaintextHits, storedSecrets } from './test-support/secrets-on-disk';
import { createSimSignInWindow, type AdminChoice, type SimSignInWindow } from './test-support/sim-sign-in-window';
import { startWiredApp, TRUSTED_EVENT, type WiredApp } from './test-support/wired-app';

const SCIM_AND_AUDIT: ApiId[] = ['scim', 'audit-logs'];

let sim: SimSlack;
let slackApp: SimApp;
let dataDir: string;
let cipher: SecretCipher;
let running: WiredApp[];

beforeEach(async () => {
  sim = await startSimSlack();
  slackApp = sim.registerApp();
  dataDir = mkdtempSync(join(tmpdir(), 'org-token-helper-main-'));
  // Stands in for the OS keychain: the same one across a "relaunch", as on a real computer.
  cipher = createHarnessCipher();
  running = [];
});

afterEach(async () => {
  for (const app of running) await app.dispose();
  await sim.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type TestApp = WiredApp & { window: SimSignInWindow };

function launch(options: { clock?: Clock; admin?: AdminChoice } = {}): TestApp {
  const window = createSimSignInWindow(sim, options.admin ?? { user: sim.users.owner });
  const app = startWiredApp({ sim, dataDir, cipher, clock: options.clock ?? systemClock, signInWindow: window });
  running.push(app);
  return { ...app, window };
}

async function relaunch(previous: TestApp, options: { clock?: Clock } = {}): Promise<TestApp> {
  await previous.dispose();
  running = running.filter((app) => app.services !== previous.services);
  return launch(options);
}

/** What the renderer saves after "Choose APIs" and "Scopes". */
function progressFor(apis: ApiId[], step: SetupProgress['step'] = 'credentials'): SetupProgress {
  return {
    step,
    stepStatus: { 'choose-apis': 'done', scopes: 'done', credentials: 'current' },
    selectedApis: apis,
    adminScopes: [],
    discoveryWrite: false,
    extraScopes: [],
    userScopes: scopesForSelection({ apis, discoveryWrite: false, adminScopes: [], extraScopes: [] }),
    clientId: '',
    rememberApp: false,
  };
}

async function prepareSignIn(app: TestApp, options: { remember: boolean; clientSecret?: string; slack?: SimApp }): Promise<void> {
  const slack = options.slack ?? slackApp;
  const saved = await app.call(IpcChannel.SaveSetupProgress, { progress: progressFor(SCIM_AND_AUDIT) });
  expect(saved.ok).toBe(true);
  const credentials = await app.call(IpcChannel.SaveClientCredentials, {
    clientId: slack.clientId,
    clientSecret: options.clientSecret ?? slack.clientSecret,
    remember: options.remember,
  });
  if (!credentials.ok) throw new Error(`credentials refused: ${credentials.error.code}`);
}

async function signIn(app: TestApp): Promise<TokenSummary> {
  const result = await app.call(IpcChannel.StartSignIn, {});
  if (!result.ok) throw new Error(`sign-in failed: ${result.error.code}`);
  return result.value;
}

/** The token the vault saved, read back from its file with the keychain (never from an IPC answer). */
function savedToken(tokenId: string): { token: string; refreshToken: string | null } {
  const secrets = storedSecrets(dataDir, cipher, tokenId);
  if (!secrets) throw new Error('no secret on disk for this entry');
  return secrets;
}

function eventsOf(app: TestApp, channel: IpcEvent): unknown[] {
  return app.events.filter((event) => event.channel === channel).map((event) => event.payload);
}

/** What a paste would give now, once a clear the clock just started has run. */
async function pasted(app: TestApp): Promise<string> {
  await new Promise((resolve) => setImmediate(resolve));
  return app.clipboard.readText();
}

/** Names of the secrets found in any answer (Reveal's excepted) or event the renderer got. */
function secretsSeenByRenderer(app: TestApp, secrets: Record<string, string>): string[] {
  const seen = JSON.stringify([app.responses.filter((response) => response.channel !== IpcChannel.RevealToken), app.events]);
  return Object.entries(secrets)
    .filter(([, secret]) => seen.includes(secret))
    .map(([name]) => name);
}

/** Both clocks move together: the app's (timers, expiry) and Slack's (token lifetimes). */
function advanceBoth(clock: ManualClock, ms: number): void {
  sim.advanceClock(ms);
  clock.advance(ms);
}

async function refreshWithOldRefreshToken(slack: SimApp, refreshToken: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${sim.origin}/api/oauth.v2.access`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${slack.clientId}:${slack.clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }).toString(),
  });
  return (await res.json()) as Record<string, unknown>;
}

describe('the guided setup, end to end', () => {
  it('an org owner gets a working token: tested, listed, copied (and cleared after 60 s) and revealed', async () => {
    const clock = createManualClock();
    const app = launch({ clock });

    const userScopes = scopesForSelection({ apis: SCIM_AND_AUDIT, discoveryWrite: false, adminScopes: [], extraScopes: [] });
    expect(userScopes).toEqual(['admin', 'auditlogs:read']);
    const saved = await app.call(IpcChannel.SaveSetupProgress, { progress: progressFor(SCIM_AND_AUDIT) });
    expect(saved).toMatchObject({ ok: true, value: { step: 'credentials', userScopes, selectedApis: SCIM_AND_AUDIT, hasClientSecret: false } });

    const credentials = await app.call(IpcChannel.SaveClientCredentials, { clientId: slackApp.clientId, clientSecret: slackApp.clientSecret, remember: false });
    expect(credentials).toMatchObject({ ok: true, value: { clientId: slackApp.clientId, hasClientSecret: true, rememberApp: false } });

    const summary = await signIn(app);
    const authorize = new URL(app.window.requests[0]?.authorizeUrl ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${sim.origin}/oauth/v2/authorize`);
    expect(authorize.searchParams.get('user_scope')).toBe('admin,auditlogs:read');
    expect(authorize.searchParams.get('redirect_uri')).toBe('https://localhost');
    expect(sim.installs).toEqual([expect.objectContaining({ userId: sim.users.owner.id, isEnterpriseInstall: true, userScopes })]);

    const { token } = savedToken(summary.id);
    expect(token).toMatch(/^xoxp-/);
    expect(summary).toMatchObject({
      maskedToken: `xoxp-…${token.slice(-4)}`,
      status: 'active',
      requestedScopes: userScopes,
      apis: SCIM_AND_AUDIT,
      identity: { enterpriseId: sim.enterprise.id, isEnterpriseInstall: true, userId: sim.users.owner.id },
    });
    expect(JSON.stringify(summary)).not.toContain(token);
    // One new token, one "vault changed" for the vault screen to reload on.
    expect(eventsOf(app, IpcEvent.VaultChanged)).toEqual([{ reason: 'saved' }]);
    expect(eventsOf(app, IpcEvent.SignInProgress).map((event) => (event as { phase: string }).phase)).toEqual(
      expect.arrayContaining(['opening', 'waiting-for-admin', 'exchanging', 'finished']),
    );
    expect(await app.call(IpcChannel.GetSetupState, {})).toMatchObject({ step: 'test', tokenId: summary.id, stepStatus: { 'sign-in': 'done' } });

    const tested = await app.call(IpcChannel.TestToken, { tokenId: summary.id });
    if (!tested.ok) throw new Error(`test failed: ${tested.error.code}`);
    expect(tested.value.error).toBeUndefined();
    expect(tested.value.identity).toMatchObject({
      orgName: sim.enterprise.name,
      enterpriseId: sim.enterprise.id,
      userId: sim.users.owner.id,
      userName: sim.users.owner.email.split('@')[0],
      isEnterpriseInstall: true,
    });
    expect([...tested.value.grantedScopes].sort()).toEqual(userScopes);
    expect(tested.value.missingScopes).toEqual([]);
    expect(tested.value.apiChecks).toEqual([
      { api: 'scim', status: 'ok' },
      { api: 'audit-logs', status: 'ok' },
    ]);

    const list = await app.call(IpcChannel.ListTokens, {});
    expect(list.vault).toMatchObject({ mode: 'encrypted' });
    expect(list.tokens).toEqual([expect.objectContaining({ id: summary.id, status: 'active', maskedToken: summary.maskedToken, lastTest: expect.objectContaining({ ok: true }) })]);

    expect(await app.call(IpcChannel.CopyToken, { tokenId: summary.id })).toEqual({ ok: true, value: { clearsAfterSeconds: 60 } });
    expect(await pasted(app)).toBe(token);
    clock.advance(59_000);
    expect(await pasted(app)).toBe(token);
    clock.advance(1_000);
    expect(await pasted(app)).toBe('');

    // Copied again, then the admin copies something of their own: that is never wiped.
    await app.call(IpcChannel.CopyToken, { tokenId: summary.id });
    app.clipboard.userCopies('meeting notes');
    clock.advance(60_000);
    expect(await pasted(app)).toBe('meeting notes');

    expect(await app.call(IpcChannel.RevealToken, { tokenId: summary.id })).toEqual({ ok: true, value: { token, hideAfterSeconds: 15 } });

    // Quitting within the 60 s takes the token off the clipboard too.
    await app.call(IpcChannel.CopyToken, { tokenId: summary.id });
    await app.dispose();
    expect(await pasted(app)).toBe('');
  });

  it('a workspace install is refused, nothing is saved, and signing in again on the org works', async () => {
    const workspace = sim.workspaces[0];
    if (!workspace) throw new Error('the sim has no workspace');
    const app = launch({ admin: { user: sim.users.owner, installOn: workspace.id } });
    await prepareSignIn(app, { remember: false });

    expect(await app.call(IpcChannel.StartSignIn, {})).toEqual({ ok: false, error: { code: 'workspace-install', backTo: 'sign-in' } });
    expect((await app.call(IpcChannel.ListTokens, {})).tokens).toEqual([]);
    expect(sim.installs.at(-1)).toMatchObject({ isEnterpriseInstall: false, teamId: workspace.id });
    expect((await app.call(IpcChannel.GetSetupState, {})).stepStatus['sign-in']).toBe('failed');

    app.window.choose({ user: sim.users.owner, installOn: 'org' });
    const summary = await signIn(app);
    expect(summary.identity).toMatchObject({ isEnterpriseInstall: true, enterpriseId: sim.enterprise.id });
    expect((await app.call(IpcChannel.ListTokens, {})).tokens.map((token) => token.id)).toEqual([summary.id]);
    expect(await app.call(IpcChannel.GetSetupState, {})).toMatchObject({ step: 'test', stepStatus: { 'sign-in': 'done' } });
  });
});

describe('sign-in problems the admin can run into', () => {
  it("Cancel on Slack's page is reported as access denied", async () => {
    const app = launch({ admin: { user: sim.users.owner, decision: 'cancel' } });
    await prepareSignIn(app, { remember: false });
    expect(await app.call(IpcChannel.StartSignIn, {})).toEqual({ ok: false, error: { code: 'access-denied', slackError: 'access_denied', backTo: 'sign-in' } });
    expect((await app.call(IpcChannel.ListTokens, {})).tokens).toEqual([]);
    expect(sim.installs).toEqual([]);
  });

  it('closing the sign-in window is a cancelled sign-in, not a failed step', async () => {
    const app = launch({ admin: { user: sim.users.owner, closeWindow: true } });
    await prepareSignIn(app, { remember: false });
    expect(await app.call(IpcChannel.StartSignIn, {})).toEqual({ ok: false, error: { code: 'sign-in-cancelled', backTo: 'sign-in' } });
    expect((await app.call(IpcChannel.GetSetupState, {})).stepStatus['sign-in']).not.toBe('failed');
    expect(eventsOf(app, IpcEvent.SignInProgress).at(-1)).toEqual({ phase: 'finished' });
  });

  it('a redirect carrying another state is refused and its code never exchanged', async () => {
    const app = launch({
      admin: { user: sim.users.owner, rewriteRedirect: (url) => url.searchParams.set('state', 'someone-elses-sign-in-attempt-0123456789ab') },
    });
    await prepareSignIn(app, { remember: false });
    expect(await app.call(IpcChannel.StartSignIn, {})).toEqual({ ok: false, error: { code: 'state-mismatch', backTo: 'sign-in' } });
    expect(app.window.codes).toHaveLength(1);
    expect(sim.installs).toEqual([]);
    expect(sim.requests.some((request) => request.path === '/api/oauth.v2.access')).toBe(false);
  });

  it('a wrong client secret sends the admin back to the credentials step, and the right one then works', async () => {
    const app = launch();
    await prepareSignIn(app, { remember: false, clientSecret: 'f'.repeat(32) });
    expect(await app.call(IpcChannel.StartSignIn, {})).toEqual({ ok: false, error: { code: 'bad-client-secret', slackError: 'bad_client_secret', backTo: 'credentials' } });
    expect((await app.call(IpcChannel.GetSetupState, {})).stepStatus).toMatchObject({ credentials: 'failed', 'sign-in': 'failed' });

    const fixed = await app.call(IpcChannel.SaveClientCredentials, { clientId: slackApp.clientId, clientSecret: slackApp.clientSecret, remember: false });
    expect(fixed).toMatchObject({ ok: true, value: { stepStatus: { credentials: 'current' } } });
    expect((await signIn(app)).identity.isEnterpriseInstall).toBe(true);
  });

  it('a 429 on the code exchange is waited out with a countdown, then the sign-in succeeds', async () => {
    const app = launch();
    await prepareSignIn(app, { remember: false });
    sim.setFault('oauth.v2.access', { kind: 'rate-limit', retryAfterSeconds: 1 }, { times: 1 });

    const started = Date.now();
    const summary = await signIn(app);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(summary.identity.isEnterpriseInstall).toBe(true);
    expect(eventsOf(app, IpcEvent.RateLimitCountdown)).toEqual([
      { operation: 'oauth.v2.access', secondsLeft: 1 },
      { operation: 'oauth.v2.access', secondsLeft: 0 },
    ]);
    expect(sim.requests.filter((request) => request.path === '/api/oauth.v2.access')).toHaveLength(2);
  });

  it("a 500 or an HTML page from auth.test shows in the test report's error, and the next test passes", async () => {
    const app = launch();
    await prepareSignIn(app, { remember: false });
    const { id } = await signIn(app);

    sim.setFault('auth.test', { kind: 'server-error' }, { times: 1 });
    const serverError = await app.call(IpcChannel.TestToken, { tokenId: id });
    expect(serverError).toMatchObject({ ok: true, value: { identity: null, error: { code: 'slack-server-error', httpStatus: 500 }, apiChecks: [] } });
    expect((await app.call(IpcChannel.ListTokens, {})).tokens[0]?.lastTest).toMatchObject({ ok: false, errorCode: 'slack-server-error' });

    sim.setFault('auth.test', { kind: 'html' }, { times: 1 });
    const html = await app.call(IpcChannel.TestToken, { tokenId: id });
    expect(html).toMatchObject({ ok: true, value: { identity: null, error: { code: 'unexpected-response' } } });

    const healthy = await app.call(IpcChannel.TestToken, { tokenId: id });
    expect(healthy).toMatchObject({ ok: true, value: { apiChecks: [{ status: 'ok' }, { status: 'ok' }] } });
    expect(healthy.ok && healthy.value.error).toBeFalsy();
  });
});

describe('revoking a saved token', () => {
  it('Revoke ends the token at Slack, verified, and the list shows it revoked with no secret kept', async () => {
    const app = launch();
    await prepareSignIn(app, { remember: false });
    const { id } = await signIn(app);
    const { token } = savedToken(id);

    const revoked = await app.call(IpcChannel.RevokeToken, { tokenId: id });
    expect(revoked).toMatchObject({ ok: true, value: { verified: true, token: { id, status: 'revoked' } } });
    expect(sim.tokenStatus(token)).toBe('revoked');

    const [listed] = (await app.call(IpcChannel.ListTokens, {})).tokens;
    expect(listed).toMatchObject({ id, status: 'revoked', revokeError: null });
    expect(Number.isNaN(Date.parse(listed?.revokedAt ?? ''))).toBe(false);
    expect(await app.call(IpcChannel.RevealToken, { tokenId: id })).toEqual({ ok: false, error: { code: 'token-revoked' } });
    expect(storedSecrets(dataDir, cipher, id)).toBeNull();
    expect(eventsOf(app, IpcEvent.VaultChanged)).toContainEqual({ reason: 'revoked' });
  });

  it('a revoke Slack fails with a 500 keeps the token as revoke-failed, and Retry then works', async () => {
    const app = launch();
    await prepareSignIn(app, { remember: false });
    const { id } = await signIn(app);
    const { token } = savedToken(id);

    sim.setFault('auth.revoke', { kind: 'server-error' });
    expect(await app.call(IpcChannel.RevokeToken, { tokenId: id })).toMatchObject({ ok: false, error: { code: 'slack-server-error' } });
    expect((await app.call(IpcChannel.ListTokens, {})).tokens[0]).toMatchObject({ id, status: 'revoke-failed', revokeError: { code: 'slack-server-error' }, revokedAt: null });
    expect(sim.tokenStatus(token)).toBe('active');
    expect(await app.call(IpcChannel.RevealToken, { tokenId: id })).toMatchObject({ ok: true, value: { token } });

    sim.clearFaults();
    expect(await app.call(IpcChannel.RevokeToken, { tokenId: id })).toMatchObject({ ok: true, value: { verified: true, token: { status: 'revoked' } } });
    expect(sim.tokenStatus(token)).toBe('revoked');
    expect((await app.call(IpcChannel.ListTokens, {})).tokens[0]).toMatchObject({ status: 'revoked', revokeError: null });
  });
});

describe('a leaked token pasted in', () => {
  it('is inspected, survives a dry run, is revoked and verified, and its handle is gone afterwards', async () => {
    const app = launch();
    const { token } = sim.mintUserToken({ user: sim.users.admin, scopes: ['admin'] });

    const inspected = await app.call(IpcChannel.InspectLeakedToken, { token: `  "${token}"\n` });
    if (!inspected.ok) throw new Error(`inspect failed: ${inspected.error.code}`);
    expect(inspected.value).toMatchObject({
      kind: 'user',
      maskedToken: `xoxp-…${token.slice(-4)}`,
      scopes: ['admin'],
      identity: { userId: sim.users.admin.id, enterpriseId: sim.enterprise.id, orgName: sim.enterprise.name, isEnterpriseInstall: true },
    });
    expect(JSON.stringify(inspected)).not.toContain(token);
    const { handle } = inspected.value;

    const dryRun = await app.call(IpcChannel.RevokeLeakedToken, { handle, dryRun: true });
    expect(dryRun).toMatchObject({ ok: true, value: { dryRun: true } });
    expect(sim.tokenStatus(token)).toBe('active');

    const revoked = await app.call(IpcChannel.RevokeLeakedToken, { handle, dryRun: false });
    expect(revoked).toMatchObject({ ok: true, value: { dryRun: false, revoked: true, verified: true } });
    expect(sim.tokenStatus(token)).toBe('revoked');

    expect(await app.call(IpcChannel.RevokeLeakedToken, { handle, dryRun: false })).toEqual({ ok: false, error: { code: 'leaked-token-expired' } });
  });

  // A user noticing: "Dry run: Slack says this token cannot be revoked now" for a live token.
  it('a dry run on a live token says Slack would revoke it', async () => {
    const app = launch();
    const { token } = sim.mintUserToken({ user: sim.users.admin, scopes: ['admin'] });
    const inspected = await app.call(IpcChannel.InspectLeakedToken, { token });
    if (!inspected.ok) throw new Error(`inspect failed: ${inspected.error.code}`);
    expect(await app.call(IpcChannel.RevokeLeakedToken, { handle: inspected.value.handle, dryRun: true })).toEqual({ ok: true, value: { dryRun: true, wouldRevoke: true } });
    expect(sim.tokenStatus(token)).toBe('active');
  });

  it('browser session values and garbage are refused without asking Slack', async () => {
    const app = launch();
    const before = sim.requests.length;
    expect(await app.call(IpcChannel.InspectLeakedToken, { token: 'xoxc-1234567890-1234567890-abcdefabcdefabcdef' })).toEqual({ ok: false, error: { code: 'browser-session-token' } });
    expect(await app.call(IpcChannel.InspectLeakedToken, { token: 'hello, this is not a token at all' })).toEqual({ ok: false, error: { code: 'invalid-token-format' } });
    expect(sim.requests.length).toBe(before);
  });
});

describe('a rotating token', () => {
  it('is refreshed before it expires; the new pair is stored and the old refresh token is dead', async () => {
    const clock = createManualClock(sim.now());
    const rotatingApp = sim.registerApp({ tokenRotation: true, tokenLifetimeSeconds: 600 });
    const app = launch({ clock });
    await prepareSignIn(app, { remember: true, slack: rotatingApp });
    const summary = await signIn(app);
    const first = savedToken(summary.id);
    expect(first.token).toMatch(/^xoxe\.xoxp-/);
    expect(first.refreshToken).toMatch(/^xoxe-/);
    expect(summary).toMatchObject({ rotating: true, expiresAt: new Date(clock.now() + 600_000).toISOString() });

    // Refreshed one minute before expiry (10% of a 10-minute lifetime), not earlier.
    advanceBoth(clock, 539_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(savedToken(summary.id)).toEqual(first);
    advanceBoth(clock, 1_000);
    await vi.waitFor(() => expect(eventsOf(app, IpcEvent.VaultChanged)).toContainEqual({ reason: 'refreshed' }), { timeout: 3_000 });

    const second = savedToken(summary.id);
    expect(second.token).not.toBe(first.token);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(sim.tokenStatus(second.token)).toBe('active');
    expect(sim.tokenStatus(second.refreshToken ?? '')).toBe('active');
    expect(sim.tokenStatus(first.refreshToken ?? '')).toBe('revoked');
    expect(await refreshWithOldRefreshToken(rotatingApp, first.refreshToken ?? '')).toMatchObject({ ok: false, error: 'invalid_refresh_token' });
    const [listed] = (await app.call(IpcChannel.ListTokens, {})).tokens;
    expect(listed).toMatchObject({ status: 'active', maskedToken: `xoxe.xoxp-…${second.token.slice(-4)}`, expiresAt: new Date(clock.now() + 600_000).toISOString(), refreshError: null });
    expect(clock.pendingDueTimes()).toContain(clock.now() + 540_000);

    // The stored (new) refresh token is the one that works next time.
    const again = await app.call(IpcChannel.RefreshToken, { tokenId: summary.id });
    expect(again).toMatchObject({ ok: true, value: { status: 'active' } });
    const third = savedToken(summary.id);
    expect(third.token).not.toBe(second.token);
    expect(sim.tokenStatus(third.token)).toBe('active');
    expect(sim.tokenStatus(second.refreshToken ?? '')).toBe('revoked');

    await app.dispose();
    const secrets = {
      firstToken: first.token,
      firstRefreshToken: first.refreshToken ?? '',
      secondToken: second.token,
      secondRefreshToken: second.refreshToken ?? '',
      thirdToken: third.token,
      thirdRefreshToken: third.refreshToken ?? '',
      clientSecret: rotatingApp.clientSecret,
      ...Object.fromEntries(app.window.codes.map((code, index) => [`code${String(index)}`, code])),
    };
    expect(plaintextHits(dataDir, secrets)).toEqual([]);
    expect(secretsSeenByRenderer(app, secrets)).toEqual([]);
  });
});

describe('secrets', () => {
  it('never reach the disk in plain text, nor any answer or event the renderer sees (Reveal excepted)', async () => {
    const clock = createManualClock();
    const app = launch({ clock });
    await prepareSignIn(app, { remember: true });
    const { id } = await signIn(app);
    const { token } = savedToken(id);
    const [code] = app.window.codes;
    if (!code) throw new Error('no OAuth code was captured');

    await app.call(IpcChannel.TestToken, { tokenId: id });
    await app.call(IpcChannel.ListTokens, {});
    await app.call(IpcChannel.GetSetupState, {});
    await app.call(IpcChannel.CopyToken, { tokenId: id });
    clock.advance(60_000);
    expect(await app.call(IpcChannel.RevealToken, { tokenId: id })).toMatchObject({ ok: true, value: { token } });
    // A malformed call carrying the secret: rejected, and the log line must not quote it.
    await expect(
      app.invoke(TRUSTED_EVENT, IpcChannel.SaveClientCredentials, { clientId: slackApp.clientId, clientSecret: slackApp.clientSecret, remember: true, token }),
    ).rejects.toThrow(REQUEST_REJECTED);
    await app.dispose();

    const secrets = { token, clientSecret: slackApp.clientSecret, code };
    // The scan is only worth something if the secrets are really there, encrypted.
    expect(readFileSync(app.logPath, 'utf8')).toContain('IPC invalid-payload: setup:save-client-credentials');
    expect(filesUnder(join(dataDir, 'vault', 'client-secrets'))).toHaveLength(1);
    expect(storedSecrets(dataDir, cipher, id)?.token).toBe(token);
    expect(plaintextHits(dataDir, secrets)).toEqual([]);

    expect(secretsSeenByRenderer(app, secrets)).toEqual([]);
    expect(app.responses.some((response) => response.channel === IpcChannel.TestToken)).toBe(true);
  });
});

describe('reopening the app', () => {
  it('resumes the setup where it was, with the remembered client secret and the saved token', async () => {
    const first = launch();
    await prepareSignIn(first, { remember: true });
    const { id } = await signIn(first);
    const { token } = savedToken(id);

    const second = await relaunch(first);
    expect(await second.call(IpcChannel.GetSetupState, {})).toMatchObject({
      step: 'test',
      selectedApis: SCIM_AND_AUDIT,
      userScopes: ['admin', 'auditlogs:read'],
      clientId: slackApp.clientId,
      rememberApp: true,
      hasClientSecret: true,
      tokenId: id,
    });
    expect((await second.call(IpcChannel.ListTokens, {})).tokens.map((summary) => summary.id)).toEqual([id]);
    expect(await second.call(IpcChannel.RevealToken, { tokenId: id })).toMatchObject({ ok: true, value: { token } });
    // No need to paste the secret again.
    expect((await signIn(second)).identity.isEnterpriseInstall).toBe(true);
  });

  it('without "remember", keeps the step, APIs and client ID but asks for the secret again', async () => {
    const first = launch();
    await prepareSignIn(first, { remember: false });
    expect((await first.call(IpcChannel.GetSetupState, {})).hasClientSecret).toBe(true);

    const second = await relaunch(first);
    expect(await second.call(IpcChannel.GetSetupState, {})).toMatchObject({
      step: 'credentials',
      selectedApis: SCIM_AND_AUDIT,
      clientId: slackApp.clientId,
      rememberApp: false,
      hasClientSecret: false,
      tokenId: null,
    });
    expect(await second.call(IpcChannel.StartSignIn, {})).toEqual({ ok: false, error: { code: 'missing-client-credentials', backTo: 'credentials' } });
    expect(second.window.requests).toEqual([]);
  });
});

describe('the IPC guard in front of the wired handlers', () => {
  it('rejects a sender that is not the main window, and runs no handler', async () => {
    const app = launch();
    await prepareSignIn(app, { remember: false });
    const { id } = await signIn(app);
    const runsBefore = new Map(app.handlerRuns);
    const progress = progressFor(['discovery']);

    const otherWindow = { ...TRUSTED_EVENT, sender: { id: 99 } };
    const subframe = { ...TRUSTED_EVENT, senderFrame: { url: TRUSTED_EVENT.senderFrame?.url ?? '', parent: {} } };
    const foreignPage = { ...TRUSTED_EVENT, senderFrame: { url: 'https://evil.example/index.html', parent: null } };
    await expect(app.invoke(otherWindow, IpcChannel.SaveSetupProgress, { progress })).rejects.toThrow(REQUEST_REJECTED);
    await expect(app.invoke(subframe, IpcChannel.CopyToken, { tokenId: id })).rejects.toThrow(REQUEST_REJECTED);
    await expect(app.invoke(foreignPage, IpcChannel.RevealToken, { tokenId: id })).rejects.toThrow(REQUEST_REJECTED);
    await expect(app.invoke({ ...TRUSTED_EVENT, senderFrame: null }, IpcChannel.RevokeToken, { tokenId: id })).rejects.toThrow(REQUEST_REJECTED);

    expect(app.handlerRuns).toEqual(runsBefore);
    expect(await pasted(app)).toBe('');
    expect((await app.call(IpcChannel.GetSetupState, {})).selectedApis).toEqual(SCIM_AND_AUDIT);
    expect((await app.call(IpcChannel.ListTokens, {})).tokens[0]?.status).toBe('active');
  });

  it('rejects malformed payloads and unknown channels with the same generic error, and runs no handler', async () => {
    const app = launch();
    const runsBefore = new Map(app.handlerRuns);
    const attempts: [string, unknown][] = [
      [IpcChannel.SaveClientCredentials, { clientId: slackApp.clientId, clientSecret: slackApp.clientSecret, remember: false, extra: true }],
      [IpcChannel.SaveSetupProgress, { progress: { ...progressFor(SCIM_AND_AUDIT), userScopes: ['admin, channels:history'] } }],
      [IpcChannel.TestToken, { tokenId: '../../etc/passwd' }],
      [IpcChannel.RevokeLeakedToken, { handle: 'short', dryRun: false }],
      [IpcChannel.InspectLeakedToken, { token: 42 }],
      ['vault:export-all', {}],
    ];
    for (const [channel, payload] of attempts) {
      await expect(app.invoke(TRUSTED_EVENT, channel, payload), channel).rejects.toThrow(new Error(REQUEST_REJECTED));
    }
    expect(app.handlerRuns).toEqual(runsBefore);
    expect(await app.call(IpcChannel.GetSetupState, {})).toMatchObject({ clientId: '', hasClientSecret: false, userScopes: [] });
    const log = readFileSync(app.logPath, 'utf8');
    expect(log).toContain('IPC invalid-payload: vault:test');
    expect(log).toContain('IPC unknown-channel: (unknown)');
    expect(log).not.toContain(slackApp.clientSecret);
  });
});
