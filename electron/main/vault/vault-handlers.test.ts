import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clipboard, resetFakeElectron, safeStorage } from '../../../test/fakes/electron';
import { IpcChannel, IpcEvent } from '../../shared/ipc-channels';
import { createClipboardGuard } from '../clipboard/clipboard-guard';
import { createRotationScheduler, type RotationScheduler } from '../rotation/rotation-scheduler';
import { createFakeClock, type FakeClock } from './test-support/fake-clock';
import { fakeSafeStorageCipher } from './test-support/fake-cipher';
import { FAKE_IDENTITY, createFakeSlack, type FakeSlack } from './test-support/fake-slack-gateway';
import { saveUserToken as saveStoredUserToken } from './test-support/saved-tokens';
import { createTokenVault, type ManagedTokenVault } from './token-vault';
import { createVaultHandlers, type VaultHandlers } from './vault-handlers';

describe('vault handlers', () => {
  let dataDir: string;
  let clock: FakeClock;
  let slack: FakeSlack;
  let vault: ManagedTokenVault;
  let events: Array<{ channel: string; payload: unknown }>;
  let rotation: RotationScheduler;
  let clientSecrets: Map<string, string>;
  let handlers: VaultHandlers;

  beforeEach(() => {
    resetFakeElectron();
    dataDir = mkdtempSync(join(tmpdir(), 'vault-handlers-'));
    clock = createFakeClock();
    slack = createFakeSlack({ clock });
    events = [];
    clientSecrets = new Map();
    build();
  });
  afterEach(() => {
    rotation.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function build(): void {
    vault = createTokenVault({ dataDir, cipher: fakeSafeStorageCipher(), clock });
    const emit = (channel: string, payload: unknown) => events.push({ channel, payload });
    rotation = createRotationScheduler({ vault, gateway: slack.gateway, clock, emit, getClientSecret: (id) => clientSecrets.get(id) ?? null });
    handlers = createVaultHandlers({ vault, gateway: slack.gateway, clipboardGuard: createClipboardGuard({ clipboard, clock }), rotation, emit, clock });
  }

  const saveUserToken = () => saveStoredUserToken(vault, slack);

  it('lists the saved tokens with the vault status, and never the token itself', async () => {
    const { id, token } = await saveUserToken();
    const list = await handlers[IpcChannel.ListTokens]({});
    expect(list.vault).toEqual({ encryption: 'available', mode: 'encrypted', recoveredCorruptFile: false });
    expect(list.tokens.map((summary) => summary.id)).toEqual([id]);
    expect(JSON.stringify(list)).not.toContain(token);
  });

  it('copies the token to the clipboard and clears it after 60 seconds', async () => {
    const { id, token } = await saveUserToken();
    const result = await handlers[IpcChannel.CopyToken]({ tokenId: id });
    expect(result).toEqual({ ok: true, value: { clearsAfterSeconds: 60 } });
    expect(clipboard.text).toBe(token);
    clock.advance(60_000);
    await vi.waitFor(() => expect(clipboard.text).toBe(''));
  });

  it('reveals the token for a few seconds', async () => {
    const { id, token } = await saveUserToken();
    expect(await handlers[IpcChannel.RevealToken]({ tokenId: id })).toEqual({ ok: true, value: { token, hideAfterSeconds: 15 } });
  });

  it('copy and reveal of an unknown or revoked token answer with a code', async () => {
    expect(await handlers[IpcChannel.CopyToken]({ tokenId: 'unknown-token-id' })).toEqual({ ok: false, error: { code: 'token-not-found' } });
    const { id } = await saveUserToken();
    await vault.markRevoked(id, clock.now());
    expect(await handlers[IpcChannel.RevealToken]({ tokenId: id })).toEqual({ ok: false, error: { code: 'token-revoked' } });
    expect(await handlers[IpcChannel.CopyToken]({ tokenId: id })).toEqual({ ok: false, error: { code: 'token-revoked' } });
  });

  it('revokes, and tells the window the vault changed', async () => {
    const { id, token } = await saveUserToken();
    const result = await handlers[IpcChannel.RevokeToken]({ tokenId: id });
    expect(result).toMatchObject({ ok: true, value: { verified: true, token: { id, status: 'revoked' } } });
    expect(slack.isLive(token)).toBe(false);
    expect(events).toEqual([{ channel: IpcEvent.VaultChanged, payload: { reason: 'revoked' } }]);
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it('a failed revoke is announced too (the entry now shows the failure)', async () => {
    const { id } = await saveUserToken();
    slack.failNext('revoke', { code: 'network' });
    expect(await handlers[IpcChannel.RevokeToken]({ tokenId: id })).toEqual({ ok: false, error: { code: 'network' } });
    expect((await handlers[IpcChannel.ListTokens]({})).tokens[0]).toMatchObject({ status: 'revoke-failed', revokeError: { code: 'network' } });
    expect(events).toHaveLength(1);
  });

  it('revoking an expired rotating token refreshes it first when the client secret is remembered', async () => {
    const minted = slack.mintRotatingToken({ lifetimeSeconds: 60 });
    clientSecrets.set(minted.clientId, minted.clientSecret);
    const saved = await vault.save({
      token: minted.token,
      refreshToken: minted.refreshToken,
      expiresInSeconds: 60,
      identity: FAKE_IDENTITY,
      scopes: ['admin'],
      requestedScopes: ['admin'],
      apis: ['scim'],
      appId: null,
      clientId: minted.clientId,
    });
    clock.advance(120_000);
    const result = await handlers[IpcChannel.RevokeToken]({ tokenId: saved.id });
    expect(result).toMatchObject({ ok: true, value: { verified: true } });
    expect(slack.calls.map((call) => call.method)).toEqual(['refreshToken', 'revoke', 'authTest']);
    expect(vault.readRefreshToken(saved.id)).toBeNull();
  });

  it('forgets a token and announces it', async () => {
    const { id } = await saveUserToken();
    expect(await handlers[IpcChannel.ForgetToken]({ tokenId: id })).toEqual({ ok: true, value: { forgotten: true } });
    expect((await handlers[IpcChannel.ListTokens]({})).tokens).toEqual([]);
    expect(events).toEqual([{ channel: IpcEvent.VaultChanged, payload: { reason: 'forgotten' } }]);
    expect(await handlers[IpcChannel.ForgetToken]({ tokenId: id })).toEqual({ ok: false, error: { code: 'token-not-found' } });
  });

  it('refreshes a rotating token on demand', async () => {
    const minted = slack.mintRotatingToken();
    clientSecrets.set(minted.clientId, minted.clientSecret);
    const saved = await vault.save({
      token: minted.token,
      refreshToken: minted.refreshToken,
      expiresInSeconds: 43_200,
      identity: FAKE_IDENTITY,
      scopes: ['admin'],
      requestedScopes: ['admin'],
      apis: ['scim'],
      appId: null,
      clientId: minted.clientId,
    });
    const result = await handlers[IpcChannel.RefreshToken]({ tokenId: saved.id });
    expect(result).toMatchObject({ ok: true, value: { id: saved.id, status: 'active' } });
    expect(vault.readToken(saved.id)).not.toBe(minted.token);
    expect(events).toEqual([{ channel: IpcEvent.VaultChanged, payload: { reason: 'refreshed' } }]);
    expect(JSON.stringify(result)).not.toContain(vault.readToken(saved.id) ?? 'missing');
  });

  describe('accepting weaker storage', () => {
    it("on Linux's plain-text backend switches to weak-accepted", async () => {
      safeStorage.backend = 'basic_text';
      build();
      expect(await handlers[IpcChannel.AcceptWeakStorage]({ accept: true })).toEqual({
        ok: true,
        value: { encryption: 'basic-text', mode: 'weak-accepted', recoveredCorruptFile: false },
      });
      expect(events).toEqual([{ channel: IpcEvent.VaultChanged, payload: { reason: 'saved' } }]);
    });

    it('with no encryption at all answers encryption-unavailable and stays memory-only', async () => {
      safeStorage.available = false;
      build();
      expect(await handlers[IpcChannel.AcceptWeakStorage]({ accept: true })).toEqual({ ok: false, error: { code: 'encryption-unavailable' } });
      expect(vault.status().mode).toBe('memory-only');
      safeStorage.available = true;
      safeStorage.backend = 'basic_text';
      build();
      expect(vault.status().mode).toBe('memory-only'); // the refused choice was not remembered
    });
  });

  it('turns an unexpected exception into an internal error instead of throwing across IPC', async () => {
    const { id } = await saveUserToken();
    const broken = createVaultHandlers({
      vault: { ...vault, openToken: () => { throw new Error('secret-bearing detail'); } },
      gateway: slack.gateway,
      clipboardGuard: createClipboardGuard({ clipboard, clock }),
      rotation,
      emit: () => {},
      clock,
    });
    expect(await broken[IpcChannel.CopyToken]({ tokenId: id })).toEqual({ ok: false, error: { code: 'internal' } });
  });
});
