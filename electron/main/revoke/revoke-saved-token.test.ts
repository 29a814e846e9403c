import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetFakeElectron } from '../../../test/fakes/electron';
import type { Result } from '../../shared/ipc-contract';
import { createFakeClock } from '../vault/test-support/fake-clock';
import { fakeSafeStorageCipher } from '../vault/test-support/fake-cipher';
import { createFakeSlack, type FakeSlack } from '../vault/test-support/fake-slack-gateway';
import { saveRotatingToken, saveUserToken as saveStoredUserToken } from '../vault/test-support/saved-tokens';
import { createTokenVault, type ManagedTokenVault } from '../vault/token-vault';
import { revokeSavedToken } from './revoke-saved-token';

describe('revokeSavedToken', () => {
  let dataDir: string;
  let clock: ReturnType<typeof createFakeClock>;
  let slack: FakeSlack;
  let vault: ManagedTokenVault;

  beforeEach(() => {
    resetFakeElectron();
    dataDir = mkdtempSync(join(tmpdir(), 'revoke-test-'));
    clock = createFakeClock();
    slack = createFakeSlack({ clock });
    vault = createTokenVault({ dataDir, cipher: fakeSafeStorageCipher(), clock });
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const saveUserToken = () => saveStoredUserToken(vault, slack);

  const revoke = (id: string, refreshFirst?: (id: string) => Promise<Result<unknown>>) =>
    revokeSavedToken({ vault, gateway: slack.gateway, id, clock, ...(refreshFirst ? { refreshFirst } : {}) });

  it('revokes at Slack, checks that Slack refuses the token, then deletes the secret and keeps the record', async () => {
    const { id, token } = await saveUserToken();
    clock.advance(1_000);
    const result = await revoke(id);
    expect(result).toMatchObject({ ok: true, value: { verified: true, token: { id, status: 'revoked', revokedAt: new Date(clock.now()).toISOString() } } });
    expect(slack.isLive(token)).toBe(false);
    expect(slack.calls.map((call) => call.method)).toEqual(['revoke', 'authTest']);
    expect(vault.readToken(id)).toBeNull();
    const file = JSON.parse(readFileSync(join(dataDir, 'vault', 'entries', `${id}.json`), 'utf8')) as { secret: unknown };
    expect(file.secret).toBeNull();
  });

  it('a revoke that fails (rate limited) keeps the token and records the error; Retry then works', async () => {
    const { id, token } = await saveUserToken();
    slack.failNext('revoke', { code: 'rate-limited', retryAfterSeconds: 20, slackError: 'ratelimited' });
    const first = await revoke(id);
    expect(first).toEqual({ ok: false, error: { code: 'rate-limited', retryAfterSeconds: 20, slackError: 'ratelimited' } });
    expect(vault.get(id)).toMatchObject({ status: 'revoke-failed', revokeError: { code: 'rate-limited' } });
    expect(vault.readToken(id)).toBe(token);
    expect(slack.isLive(token)).toBe(true);

    const retry = await revoke(id);
    expect(retry).toMatchObject({ ok: true, value: { verified: true, token: { status: 'revoked', revokeError: null } } });
  });

  it.each([
    [{ code: 'network' as const }],
    [{ code: 'slack-server-error' as const, httpStatus: 500 }],
    [{ code: 'timeout' as const }],
  ])('keeps the token when the revoke call fails with %o', async (error) => {
    const { id, token } = await saveUserToken();
    slack.failNext('revoke', error);
    expect(await revoke(id)).toEqual({ ok: false, error });
    expect(vault.get(id)?.status).toBe('revoke-failed');
    expect(vault.readToken(id)).toBe(token);
  });

  it('Slack says revoked but still accepts the token: revoke-not-confirmed, the token is kept', async () => {
    const { id, token } = await saveUserToken();
    slack.revokeDoesNothing = true;
    expect(await revoke(id)).toEqual({ ok: false, error: { code: 'revoke-not-confirmed' } });
    expect(vault.get(id)).toMatchObject({ status: 'revoke-failed', revokeError: { code: 'revoke-not-confirmed' } });
    expect(vault.readToken(id)).toBe(token);
  });

  it('when the check cannot reach Slack after Slack confirmed the revoke, the token counts as revoked but unverified', async () => {
    const { id } = await saveUserToken();
    slack.failNext('authTest', { code: 'network' });
    expect(await revoke(id)).toMatchObject({ ok: true, value: { verified: false, token: { status: 'revoked' } } });
    expect(vault.readToken(id)).toBeNull();
  });

  it('a token someone already revoked elsewhere is recorded as revoked', async () => {
    const { id, token } = await saveUserToken();
    await slack.gateway.revoke(token, { dryRun: false });
    expect(await revoke(id)).toMatchObject({ ok: true, value: { verified: true, token: { status: 'revoked' } } });
  });

  it('revoking an already revoked entry answers again without calling Slack', async () => {
    const { id } = await saveUserToken();
    await revoke(id);
    const calls = slack.calls.length;
    expect(await revoke(id)).toMatchObject({ ok: true, value: { token: { status: 'revoked' } } });
    expect(slack.calls.length).toBe(calls);
  });

  it('an unknown id answers token-not-found', async () => {
    expect(await revoke('no-such-token')).toEqual({ ok: false, error: { code: 'token-not-found' } });
  });

  it('a token whose secret is lost says so and changes nothing', async () => {
    const { id } = await saveUserToken();
    const broken = { ...vault, openToken: () => ({ ok: false as const, error: { code: 'token-unreadable' as const } }) };
    expect(await revokeSavedToken({ vault: broken, gateway: slack.gateway, id, clock })).toEqual({ ok: false, error: { code: 'token-unreadable' } });
    expect(vault.get(id)?.status).toBe('active');
    expect(slack.calls).toEqual([]);
  });

  describe('rotating tokens', () => {
    const saveRotating = (lifetimeSeconds?: number) => saveRotatingToken(vault, slack, lifetimeSeconds);

    it('revokes the access token and forgets the stored refresh token once Slack refuses it', async () => {
      const { id, token, refreshToken } = await saveRotating();
      expect(await revoke(id)).toMatchObject({ ok: true, value: { verified: true } });
      expect(slack.isLive(token)).toBe(false);
      expect(slack.isLive(refreshToken)).toBe(false); // the simulated chain ends with it
      expect(vault.readRefreshToken(id)).toBeNull();
      const onDisk = readdirSync(join(dataDir, 'vault', 'entries')).map((name) => readFileSync(join(dataDir, 'vault', 'entries', name), 'utf8'));
      expect(onDisk.every((text) => (JSON.parse(text) as { secret: unknown }).secret === null)).toBe(true);
    });

    it('an expired access token is refreshed first, then the fresh one is revoked', async () => {
      const { id } = await saveRotating(60);
      clock.advance(120_000);
      const refreshed: string[] = [];
      const refreshFirst = async (tokenId: string) => {
        refreshed.push(tokenId);
        const next = slack.mintUserToken();
        await vault.replaceRotatedToken(tokenId, { token: next, refreshToken: null, expiresAt: clock.now() + 43_200_000 });
        return { ok: true as const, value: null };
      };
      const result = await revoke(id, refreshFirst);
      expect(refreshed).toEqual([id]);
      expect(result).toMatchObject({ ok: true, value: { verified: true } });
    });

    it('an expired token that cannot be refreshed reports the refresh problem', async () => {
      const { id } = await saveRotating(60);
      clock.advance(120_000);
      const refreshFirst = async () => ({ ok: false as const, error: { code: 'rotation-needs-client-secret' as const } });
      expect(await revoke(id, refreshFirst)).toEqual({ ok: false, error: { code: 'rotation-needs-client-secret' } });
      expect(vault.get(id)?.revokeError).toEqual({ code: 'rotation-needs-client-secret' });
      expect(vault.readRefreshToken(id)).not.toBeNull();
    });
  });
});
