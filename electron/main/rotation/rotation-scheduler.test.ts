import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetFakeElectron } from '../../../test/fakes/electron';
import { IpcEvent } from '../../shared/ipc-channels';
import { createFakeClock, type FakeClock } from '../vault/test-support/fake-clock';
import { fakeSafeStorageCipher } from '../vault/test-support/fake-cipher';
import { FAKE_IDENTITY, createFakeSlack, type FakeSlack } from '../vault/test-support/fake-slack-gateway';
import { saveRotatingToken } from '../vault/test-support/saved-tokens';
import { createTokenVault, type ManagedTokenVault } from '../vault/token-vault';
import { createRotationScheduler, type RotationScheduler } from './rotation-scheduler';

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('rotation scheduler', () => {
  let dataDir: string;
  let clock: FakeClock;
  let slack: FakeSlack;
  let vault: ManagedTokenVault;
  let events: Array<{ channel: string; payload: unknown }>;
  let clientSecrets: Map<string, string>;
  let scheduler: RotationScheduler;

  beforeEach(() => {
    resetFakeElectron();
    dataDir = mkdtempSync(join(tmpdir(), 'rotation-test-'));
    clock = createFakeClock();
    slack = createFakeSlack({ clock });
    vault = createTokenVault({ dataDir, cipher: fakeSafeStorageCipher(), clock });
    events = [];
    clientSecrets = new Map();
    scheduler = createRotationScheduler({
      vault,
      gateway: slack.gateway,
      clock,
      emit: (channel, payload) => events.push({ channel, payload }),
      getClientSecret: (clientId) => clientSecrets.get(clientId) ?? null,
    });
  });
  afterEach(() => {
    scheduler.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function saveRotating(options: { lifetimeSeconds?: number; rememberSecret?: boolean } = {}) {
    const saved = await saveRotatingToken(vault, slack, options.lifetimeSeconds);
    if (options.rememberSecret !== false) clientSecrets.set(saved.clientId, saved.clientSecret);
    return saved;
  }

  const refreshCalls = () => slack.calls.filter((call) => call.method === 'refreshToken');

  async function advance(ms: number): Promise<void> {
    clock.advance(ms);
    await scheduler.idle();
  }

  it('refreshes five minutes before expiry and stores the new token and refresh token', async () => {
    const saved = await saveRotating();
    scheduler.sync();
    await advance(12 * HOUR - 5 * MINUTE - 1);
    expect(refreshCalls()).toEqual([]);
    await advance(1);
    expect(refreshCalls()).toEqual([{ method: 'refreshToken', refreshToken: saved.refreshToken }]);

    const newToken = vault.readToken(saved.id);
    const newRefresh = vault.readRefreshToken(saved.id);
    expect(newToken).not.toBe(saved.token);
    expect(newToken && slack.isLive(newToken)).toBe(true);
    expect(newRefresh && slack.isLive(newRefresh)).toBe(true);
    expect(slack.isLive(saved.refreshToken)).toBe(false);
    expect(vault.get(saved.id)).toMatchObject({ status: 'active', refreshError: null, expiresAt: new Date(clock.now() + 12 * HOUR).toISOString() });
    expect(events).toContainEqual({ channel: IpcEvent.VaultChanged, payload: { reason: 'refreshed' } });

    // Durable: a fresh vault over the same folder holds the new pair, and no plaintext is on disk.
    const reopened = createTokenVault({ dataDir, cipher: fakeSafeStorageCipher(), clock });
    expect(reopened.readRefreshToken(saved.id)).toBe(newRefresh);
    const files = readdirSync(join(dataDir, 'vault', 'entries')).map((name) => readFileSync(join(dataDir, 'vault', 'entries', name), 'utf8'));
    expect(files.join('')).not.toContain(newRefresh ?? 'missing');
  });

  it('keeps refreshing: two refreshes in a row each use the latest refresh token', async () => {
    const saved = await saveRotating();
    scheduler.sync();
    await advance(12 * HOUR - 5 * MINUTE);
    const afterFirst = vault.readRefreshToken(saved.id);
    await advance(12 * HOUR);
    const calls = refreshCalls();
    expect(calls).toHaveLength(2);
    expect(calls[0]?.refreshToken).toBe(saved.refreshToken);
    expect(calls[1]?.refreshToken).toBe(afterFirst);
    expect(vault.get(saved.id)?.refreshError).toBeNull();
  });

  it('refreshNow twice in a row uses the refresh token the first one stored', async () => {
    const saved = await saveRotating();
    const first = await scheduler.refreshNow(saved.id);
    expect(first.ok).toBe(true);
    const between = vault.readRefreshToken(saved.id);
    const second = await scheduler.refreshNow(saved.id);
    expect(second.ok).toBe(true);
    expect(refreshCalls().map((call) => call.refreshToken)).toEqual([saved.refreshToken, between]);
  });

  it('two refreshNow calls at once share one request, so the second does not spend a dead refresh token', async () => {
    const saved = await saveRotating();
    const [a, b] = await Promise.all([scheduler.refreshNow(saved.id), scheduler.refreshNow(saved.id)]);
    expect(refreshCalls()).toHaveLength(1);
    expect(a).toEqual(b);
    expect(a.ok).toBe(true);
  });

  it('a failed refresh keeps the old token and refresh token, records the error, and retries later', async () => {
    const saved = await saveRotating();
    slack.failNext('refreshToken', { code: 'network' });
    expect(await scheduler.refreshNow(saved.id)).toEqual({ ok: false, error: { code: 'network' } });
    expect(vault.readToken(saved.id)).toBe(saved.token);
    expect(vault.readRefreshToken(saved.id)).toBe(saved.refreshToken);
    expect(vault.get(saved.id)?.refreshError).toEqual({ code: 'network' });
    expect(createTokenVault({ dataDir, cipher: fakeSafeStorageCipher(), clock }).readRefreshToken(saved.id)).toBe(saved.refreshToken);

    await advance(30_000);
    expect(refreshCalls()).toHaveLength(2);
    expect(refreshCalls()[1]?.refreshToken).toBe(saved.refreshToken);
    expect(vault.get(saved.id)?.refreshError).toBeNull();
    expect(vault.readRefreshToken(saved.id)).not.toBe(saved.refreshToken);
  });

  it('backs off, honours Retry-After, and gives up after the last retry', async () => {
    const saved = await saveRotating();
    slack.failNext('refreshToken', { code: 'slack-server-error', httpStatus: 503 });
    slack.failNext('refreshToken', { code: 'rate-limited', retryAfterSeconds: 300 });
    slack.failNext('refreshToken', { code: 'timeout' });
    slack.failNext('refreshToken', { code: 'network' });
    await scheduler.refreshNow(saved.id);
    await advance(30_000); // 1st retry: rate limited, Slack asks for 300 s (more than the 2 min step)
    expect(refreshCalls()).toHaveLength(2);
    await advance(2 * MINUTE);
    expect(refreshCalls()).toHaveLength(2);
    await advance(3 * MINUTE);
    expect(refreshCalls()).toHaveLength(3); // 2nd retry: timeout
    await advance(10 * MINUTE);
    expect(refreshCalls()).toHaveLength(4); // 3rd and last retry: network
    expect(clock.pendingCount()).toBe(0);
    scheduler.sync();
    expect(clock.pendingCount()).toBe(0);
    expect(vault.get(saved.id)?.refreshError).toEqual({ code: 'network' });
    expect(vault.readRefreshToken(saved.id)).toBe(saved.refreshToken);

    // The admin can still ask, and that starts over.
    expect((await scheduler.refreshNow(saved.id)).ok).toBe(true);
  });

  it('a refused refresh token is not retried in the background', async () => {
    const saved = await saveRotating();
    slack.failNext('refreshToken', { code: 'invalid-refresh-token', slackError: 'invalid_refresh_token' });
    await scheduler.refreshNow(saved.id);
    expect(clock.pendingCount()).toBe(0);
    scheduler.sync();
    expect(clock.pendingCount()).toBe(0);
    expect(vault.get(saved.id)?.refreshError).toMatchObject({ code: 'invalid-refresh-token' });
  });

  it('without a remembered client secret it cannot refresh, and says so', async () => {
    const saved = await saveRotating({ rememberSecret: false });
    scheduler.sync();
    await advance(12 * HOUR);
    expect(refreshCalls()).toEqual([]);
    expect(vault.get(saved.id)).toMatchObject({ status: 'expired', refreshError: { code: 'rotation-needs-client-secret' } });
    expect(await scheduler.refreshNow(saved.id)).toEqual({ ok: false, error: { code: 'rotation-needs-client-secret' } });
    expect(clock.pendingCount()).toBe(0);

    // Once the secret is remembered, the next sync refreshes the expired token straight away.
    clientSecrets.set(saved.clientId, saved.clientSecret);
    scheduler.sync();
    await advance(0);
    expect(vault.get(saved.id)).toMatchObject({ status: 'active', refreshError: null });
  });

  it('refreshes at 10% of the remaining lifetime when that is sooner than five minutes', async () => {
    const saved = await saveRotating({ lifetimeSeconds: 600 });
    scheduler.sync();
    await advance(9 * MINUTE - 1);
    expect(refreshCalls()).toEqual([]);
    await advance(1);
    expect(refreshCalls()).toHaveLength(1);
    expect(vault.readToken(saved.id)).not.toBe(saved.token);
  });

  it('an already expired token is refreshed as soon as the app starts', async () => {
    const saved = await saveRotating({ lifetimeSeconds: 600 });
    clock.advance(HOUR);
    scheduler.sync();
    await advance(0);
    expect(refreshCalls()).toHaveLength(1);
    expect(vault.get(saved.id)?.status).toBe('active');
  });

  it('leaves non-rotating and revoked tokens alone', async () => {
    const plain = await vault.save({
      token: slack.mintUserToken(),
      refreshToken: null,
      expiresInSeconds: null,
      identity: FAKE_IDENTITY,
      scopes: [],
      requestedScopes: [],
      apis: [],
      appId: null,
      clientId: null,
    });
    const revoked = await saveRotating();
    await vault.markRevoked(revoked.id, clock.now());
    scheduler.sync();
    expect(clock.pendingCount()).toBe(0);
    expect(await scheduler.refreshNow(plain.id)).toEqual({ ok: false, error: { code: 'token-not-rotating' } });
    expect(await scheduler.refreshNow(revoked.id)).toEqual({ ok: false, error: { code: 'token-revoked' } });
    expect(await scheduler.refreshNow('no-such-token')).toEqual({ ok: false, error: { code: 'token-not-found' } });
  });

  it('a refresh that completes after the token was revoked does not bring it back', async () => {
    const saved = await saveRotating();
    const pending = scheduler.refreshNow(saved.id);
    await vault.markRevoked(saved.id, clock.now());
    expect(await pending).toEqual({ ok: false, error: { code: 'token-revoked' } });
    expect(vault.readToken(saved.id)).toBeNull();
    expect(vault.get(saved.id)?.status).toBe('revoked');
  });

  it('sync drops the plan for a token that was forgotten, and stop cancels everything', async () => {
    const a = await saveRotating();
    await saveRotating();
    scheduler.sync();
    expect(clock.pendingCount()).toBe(2);
    await vault.forget(a.id);
    scheduler.sync();
    expect(clock.pendingCount()).toBe(1);
    scheduler.stop();
    expect(clock.pendingCount()).toBe(0);
    await advance(24 * HOUR);
    expect(refreshCalls()).toEqual([]);
  });
});
