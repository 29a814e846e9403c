import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetFakeElectron, safeStorage } from '../../../test/fakes/electron';
import type { TokenTestReport } from '../../shared/ipc-contract';
import type { NewTokenEntry } from '../seams';
import { createFakeClock } from './test-support/fake-clock';
import { fakeSafeStorageCipher } from './test-support/fake-cipher';
import { FAKE_IDENTITY, mintFakeUserToken } from './test-support/fake-slack-gateway';
import { createTokenVault, type VaultLogger } from './token-vault';

const randomHex = (length: number) => Array.from({ length }, () => Math.floor(Math.random() * 16).toString(16)).join('');
const rotatingToken = () => `xoxe.xoxp-1-${randomHex(80)}`;
const refreshToken = () => `xoxe-1-${randomHex(80)}`;
const clientSecret = () => randomHex(32);

function newEntry(overrides: Partial<NewTokenEntry> = {}): NewTokenEntry {
  return {
    token: mintFakeUserToken(),
    refreshToken: null,
    expiresInSeconds: null,
    identity: FAKE_IDENTITY,
    scopes: ['admin', 'auditlogs:read'],
    requestedScopes: ['admin', 'auditlogs:read'],
    apis: ['scim', 'audit-logs'],
    appId: 'A0000TEST',
    clientId: null,
    ...overrides,
  };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) => join(dirent.parentPath, dirent.name));
}

/** Every file under the data folder, as text, for "is this secret on disk?" checks. */
function diskText(dir: string): string {
  return allFiles(dir)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

function entryFile(dataDir: string, id: string): { secret: unknown; meta: Record<string, unknown> } {
  return JSON.parse(readFileSync(join(dataDir, 'vault', 'entries', `${id}.json`), 'utf8')) as { secret: unknown; meta: Record<string, unknown> };
}

describe('token vault', () => {
  let dataDir: string;
  let clock: ReturnType<typeof createFakeClock>;
  let warnings: string[];
  let logger: VaultLogger;

  beforeEach(() => {
    resetFakeElectron();
    dataDir = mkdtempSync(join(tmpdir(), 'vault-test-'));
    clock = createFakeClock();
    warnings = [];
    logger = { warn: (message) => warnings.push(message) };
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const open = () => createTokenVault({ dataDir, cipher: fakeSafeStorageCipher(), clock, logger });

  describe('with working encryption', () => {
    it('keeps only ciphertext on disk and reads the token back after a restart', async () => {
      const vault = open();
      expect(vault.status()).toEqual({ encryption: 'available', mode: 'encrypted', recoveredCorruptFile: false });
      const token = rotatingToken();
      const refresh = refreshToken();
      const secret = clientSecret();
      const saved = await vault.save(newEntry({ token, refreshToken: refresh, expiresInSeconds: 43_200, clientId: '123.456' }));
      await vault.rememberClientSecret('123.456', secret);

      const onDisk = diskText(dataDir);
      for (const plain of [token, refresh, secret]) expect(onDisk).not.toContain(plain);
      const file = entryFile(dataDir, saved.id);
      expect(file.secret).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/), refreshToken: expect.any(String) });
      expect(file.meta['inMemoryOnly']).toBe(false);

      const reopened = open();
      expect(reopened.readToken(saved.id)).toBe(token);
      expect(reopened.readRefreshToken(saved.id)).toBe(refresh);
      expect(reopened.readClientSecret('123.456')).toBe(secret);
      expect(reopened.list()).toEqual([saved]);
      expect(warnings).toEqual([]);
    });

    it('writes files only the current user can read', async () => {
      const vault = open();
      const saved = await vault.save(newEntry());
      if (process.platform !== 'win32') {
        expect(statSync(join(dataDir, 'vault', 'entries', `${saved.id}.json`)).mode & 0o077).toBe(0);
      }
    });

    it('summarizes a token with its metadata and a mask showing the prefix and last four characters only', async () => {
      const vault = open();
      const token = mintFakeUserToken();
      const saved = await vault.save(newEntry({ token }));
      expect(saved).toMatchObject({
        maskedToken: `xoxp-…${token.slice(-4)}`,
        identity: FAKE_IDENTITY,
        scopes: ['admin', 'auditlogs:read'],
        apis: ['scim', 'audit-logs'],
        appId: 'A0000TEST',
        createdAt: new Date(clock.now()).toISOString(),
        lastTest: null,
        rotating: false,
        expiresAt: null,
        status: 'active',
        revokedAt: null,
        revokeError: null,
        inMemoryOnly: false,
        secretState: 'available',
      });
      expect(saved.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
      const rotating = await vault.save(newEntry({ token: rotatingToken(), refreshToken: refreshToken(), expiresInSeconds: 43_200 }));
      expect(rotating.maskedToken).toMatch(/^xoxe\.xoxp-…[0-9a-f]{4}$/);
      expect(rotating.rotating).toBe(true);
      expect(rotating.expiresAt).toBe(new Date(clock.now() + 43_200_000).toISOString());
    });

    it('reports a rotating token past its expiry as expired', async () => {
      const vault = open();
      const saved = await vault.save(newEntry({ token: rotatingToken(), refreshToken: refreshToken(), expiresInSeconds: 60 }));
      clock.advance(61_000);
      expect(vault.get(saved.id)?.status).toBe('expired');
    });

    it('saving the same token again (a re-install) updates the one entry instead of adding another', async () => {
      const vault = open();
      const token = mintFakeUserToken();
      const first = await vault.save(newEntry({ token, scopes: ['admin'] }));
      const second = await vault.save(newEntry({ token, scopes: ['admin', 'auditlogs:read'] }));
      expect(second.id).toBe(first.id);
      expect(vault.list()).toHaveLength(1);
      expect(vault.list()[0]?.scopes).toEqual(['admin', 'auditlogs:read']);
    });

    it('records a test result', async () => {
      const vault = open();
      const saved = await vault.save(newEntry());
      const report: TokenTestReport = {
        tokenId: saved.id,
        testedAt: '2025-01-15T09:05:00.000Z',
        identity: { ...FAKE_IDENTITY, userName: 'renamed' },
        grantedScopes: ['admin'],
        requestedScopes: ['admin', 'auditlogs:read'],
        missingScopes: ['auditlogs:read'],
        apiChecks: [{ api: 'audit-logs', status: 'failed', error: { code: 'owner-only' } }],
      };
      const updated = await vault.recordTest(saved.id, report);
      expect(updated).toMatchObject({ lastTest: { at: report.testedAt, ok: false, errorCode: 'owner-only' }, scopes: ['admin'], identity: { userName: 'renamed' } });
      expect(open().get(saved.id)?.lastTest).toEqual({ at: report.testedAt, ok: false, errorCode: 'owner-only' });
      expect(await vault.recordTest('missing-id-000', report)).toBeNull();
    });

    it('markRevoked removes every secret from memory and disk and keeps the record with its time', async () => {
      const vault = open();
      const token = rotatingToken();
      const refresh = refreshToken();
      const saved = await vault.save(newEntry({ token, refreshToken: refresh, expiresInSeconds: 43_200 }));
      const revokedAt = clock.now() + 5_000;
      const revoked = await vault.markRevoked(saved.id, revokedAt);
      expect(revoked).toMatchObject({ status: 'revoked', revokedAt: new Date(revokedAt).toISOString(), secretState: 'none' });
      expect(vault.readToken(saved.id)).toBeNull();
      expect(vault.openToken(saved.id)).toEqual({ ok: false, error: { code: 'token-revoked' } });
      expect(vault.readRefreshToken(saved.id)).toBeNull();
      expect(entryFile(dataDir, saved.id).secret).toBeNull();
      expect(open().get(saved.id)?.status).toBe('revoked');
      await expect(vault.replaceRotatedToken(saved.id, { token: rotatingToken(), refreshToken: refreshToken(), expiresAt: null })).rejects.toMatchObject({
        code: 'token-revoked',
      });
      expect(vault.readToken(saved.id)).toBeNull();
    });

    it('markRevokeFailed keeps the token usable and records the error', async () => {
      const vault = open();
      const token = mintFakeUserToken();
      const saved = await vault.save(newEntry({ token }));
      const failed = await vault.markRevokeFailed(saved.id, { code: 'rate-limited', retryAfterSeconds: 30 });
      expect(failed).toMatchObject({ status: 'revoke-failed', revokeError: { code: 'rate-limited', retryAfterSeconds: 30 } });
      expect(vault.readToken(saved.id)).toBe(token);
      expect(open().get(saved.id)?.revokeError).toEqual({ code: 'rate-limited', retryAfterSeconds: 30 });
    });

    it('forget removes the entry and its file', async () => {
      const vault = open();
      const saved = await vault.save(newEntry());
      expect(await vault.forget(saved.id)).toBe(true);
      expect(vault.get(saved.id)).toBeNull();
      expect(readdirSync(join(dataDir, 'vault', 'entries'))).toEqual([]);
      expect(open().list()).toEqual([]);
      expect(await vault.forget(saved.id)).toBe(false);
    });

    it('replaceRotatedToken has the new refresh token on disk by the time it resolves', async () => {
      const vault = open();
      const saved = await vault.save(newEntry({ token: rotatingToken(), refreshToken: refreshToken(), expiresInSeconds: 43_200 }));
      const next = { token: rotatingToken(), refreshToken: refreshToken(), expiresAt: clock.now() + 43_200_000 };
      const updated = await vault.replaceRotatedToken(saved.id, next);
      expect(updated.maskedToken).toBe(`xoxe.xoxp-…${next.token.slice(-4)}`);
      const fromDisk = open();
      expect(fromDisk.readToken(saved.id)).toBe(next.token);
      expect(fromDisk.readRefreshToken(saved.id)).toBe(next.refreshToken);
      expect(diskText(dataDir)).not.toContain(next.refreshToken);
    });

    it('forgets a remembered client secret', async () => {
      const vault = open();
      await vault.rememberClientSecret('123.456', clientSecret());
      await vault.forgetClientSecret('123.456');
      expect(vault.readClientSecret('123.456')).toBeNull();
      expect(open().readClientSecret('123.456')).toBeNull();
      expect(readdirSync(join(dataDir, 'vault', 'client-secrets'))).toEqual([]);
    });
  });

  describe('two writes at once', () => {
    it('two concurrent saves both survive', async () => {
      const vault = open();
      const tokens = [mintFakeUserToken(), mintFakeUserToken()];
      const [a, b] = await Promise.all(tokens.map((token) => vault.save(newEntry({ token }))));
      const reopened = open();
      expect(reopened.list().map((summary) => summary.id).sort()).toEqual([a?.id, b?.id].sort());
      expect(reopened.readToken(a?.id ?? '')).toBe(tokens[0]);
      expect(reopened.readToken(b?.id ?? '')).toBe(tokens[1]);
    });

    it('a save racing a refresh of another token loses neither', async () => {
      const vault = open();
      const rotating = await vault.save(newEntry({ token: rotatingToken(), refreshToken: refreshToken(), expiresInSeconds: 43_200 }));
      const next = { token: rotatingToken(), refreshToken: refreshToken(), expiresAt: clock.now() + 43_200_000 };
      const other = mintFakeUserToken();
      const [saved] = await Promise.all([vault.save(newEntry({ token: other })), vault.replaceRotatedToken(rotating.id, next)]);
      const reopened = open();
      expect(reopened.readRefreshToken(rotating.id)).toBe(next.refreshToken);
      expect(reopened.readToken(saved.id)).toBe(other);
    });

    it('concurrent changes to one token all end up in its file', async () => {
      const vault = open();
      const saved = await vault.save(newEntry({ token: rotatingToken(), refreshToken: refreshToken(), expiresInSeconds: 43_200 }));
      const next = { token: rotatingToken(), refreshToken: refreshToken(), expiresAt: clock.now() + 43_200_000 };
      await Promise.all([
        vault.recordTest(saved.id, { tokenId: saved.id, testedAt: '2025-01-15T09:01:00.000Z', identity: null, grantedScopes: ['admin'], requestedScopes: [], missingScopes: [], apiChecks: [] }),
        vault.replaceRotatedToken(saved.id, next),
        vault.markRevokeFailed(saved.id, { code: 'network' }),
      ]);
      const reopened = open().get(saved.id);
      expect(reopened).toMatchObject({ status: 'revoke-failed', lastTest: { ok: true }, maskedToken: `xoxe.xoxp-…${next.token.slice(-4)}` });
      expect(open().readRefreshToken(saved.id)).toBe(next.refreshToken);
    });
  });

  describe('a corrupted store file', () => {
    it('is set aside and reported, and the other entries are kept', async () => {
      const vault = open();
      const keptToken = mintFakeUserToken();
      const kept = await vault.save(newEntry({ token: keptToken }));
      const damaged = await vault.save(newEntry());
      const damagedPath = join(dataDir, 'vault', 'entries', `${damaged.id}.json`);
      writeFileSync(damagedPath, '{"version":1,"id":"' + damaged.id + '","meta":{"masked');

      const reopened = open();
      expect(reopened.status().recoveredCorruptFile).toBe(true);
      expect(reopened.list().map((summary) => summary.id)).toEqual([kept.id]);
      expect(reopened.readToken(kept.id)).toBe(keptToken);
      const names = readdirSync(join(dataDir, 'vault', 'entries'));
      expect(names).toContain(`${kept.id}.json`);
      expect(names.some((name) => name.startsWith(`${damaged.id}.corrupt-`) && name.endsWith('.json'))).toBe(true);
      expect(warnings.some((message) => message.includes('set aside'))).toBe(true);

      // Still fully usable, and the set-aside file is not read again.
      const added = await reopened.save(newEntry());
      const third = open();
      expect(third.status().recoveredCorruptFile).toBe(false);
      expect(third.list().map((summary) => summary.id).sort()).toEqual([kept.id, added.id].sort());
    });

    it('treats JSON that is not a vault entry like a damaged file', async () => {
      const vault = open();
      const saved = await vault.save(newEntry());
      writeFileSync(join(dataDir, 'vault', 'entries', `${saved.id}.json`), JSON.stringify({ hello: 'world' }));
      const other = 'abcdefgh12345678';
      writeFileSync(join(dataDir, 'vault', 'entries', `${other}.json`), '');
      const reopened = open();
      expect(reopened.list()).toEqual([]);
      expect(reopened.status().recoveredCorruptFile).toBe(true);
    });

    it('recovers from a damaged preferences file and a damaged client secret file', async () => {
      const vault = open();
      await vault.rememberClientSecret('111.222', clientSecret());
      const kept = clientSecret();
      await vault.rememberClientSecret('333.444', kept);
      await vault.acceptWeakStorage(true);
      writeFileSync(join(dataDir, 'vault', 'preferences.json'), 'not json');
      const clientDir = join(dataDir, 'vault', 'client-secrets');
      const [firstFile] = readdirSync(clientDir).filter((name) => JSON.parse(readFileSync(join(clientDir, name), 'utf8')).clientId === '111.222');
      writeFileSync(join(clientDir, firstFile ?? 'missing'), '{');
      const reopened = open();
      expect(reopened.status().recoveredCorruptFile).toBe(true);
      expect(reopened.readClientSecret('111.222')).toBeNull();
      expect(reopened.readClientSecret('333.444')).toBe(kept);
    });

    it('a token whose ciphertext cannot be decrypted is reported unreadable; the others still work', async () => {
      const vault = open();
      const goodToken = mintFakeUserToken();
      const good = await vault.save(newEntry({ token: goodToken }));
      const bad = await vault.save(newEntry());
      const path = join(dataDir, 'vault', 'entries', `${bad.id}.json`);
      const file = JSON.parse(readFileSync(path, 'utf8')) as { secret: { token: string } };
      file.secret.token = Buffer.from('garbage that is not ciphertext').toString('base64');
      writeFileSync(path, JSON.stringify(file));

      const reopened = open();
      expect(reopened.status().recoveredCorruptFile).toBe(false);
      expect(reopened.get(bad.id)?.secretState).toBe('unreadable');
      expect(reopened.openToken(bad.id)).toEqual({ ok: false, error: { code: 'token-unreadable' } });
      expect(reopened.readToken(good.id)).toBe(goodToken);
      expect(reopened.get(good.id)?.secretState).toBe('available');
    });

    it('leftover temporary files from an interrupted write are ignored and removed', async () => {
      const vault = open();
      const saved = await vault.save(newEntry());
      writeFileSync(join(dataDir, 'vault', 'entries', `.tmp-${saved.id}.json-abc123`), '{"half":');
      const reopened = open();
      expect(reopened.status().recoveredCorruptFile).toBe(false);
      expect(reopened.list()).toHaveLength(1);
      expect(readdirSync(join(dataDir, 'vault', 'entries'))).toEqual([`${saved.id}.json`]);
    });
  });

  describe('encryption unavailable', () => {
    beforeEach(() => {
      safeStorage.available = false;
    });

    it('keeps secrets in memory only; metadata on disk says so and holds no secret material', async () => {
      const vault = open();
      expect(vault.status()).toEqual({ encryption: 'unavailable', mode: 'memory-only', recoveredCorruptFile: false });
      const token = rotatingToken();
      const refresh = refreshToken();
      const secret = clientSecret();
      const saved = await vault.save(newEntry({ token, refreshToken: refresh, expiresInSeconds: 43_200, clientId: '123.456' }));
      await vault.rememberClientSecret('123.456', secret);
      expect(saved.inMemoryOnly).toBe(true);
      expect(vault.readToken(saved.id)).toBe(token);
      expect(vault.readRefreshToken(saved.id)).toBe(refresh);
      expect(vault.readClientSecret('123.456')).toBe(secret);

      const onDisk = diskText(dataDir);
      for (const plain of [token, refresh, secret]) expect(onDisk).not.toContain(plain);
      expect(entryFile(dataDir, saved.id)).toMatchObject({ secret: null, meta: { inMemoryOnly: true } });
      expect(readdirSync(join(dataDir, 'vault', 'client-secrets'))).toEqual([]);
      expect(safeStorage.encryptCalls).toBe(0);
    });

    it('after a restart the entry is still listed, but its secret is gone and says why', async () => {
      const saved = await open().save(newEntry());
      const reopened = open();
      expect(reopened.get(saved.id)).toMatchObject({ inMemoryOnly: true, secretState: 'lost', status: 'active' });
      expect(reopened.openToken(saved.id)).toEqual({ ok: false, error: { code: 'token-lost-memory-only' } });
    });

    it('accepting weaker storage cannot help: there is no cipher, so it stays memory-only', async () => {
      const vault = open();
      const token = mintFakeUserToken();
      await vault.save(newEntry({ token }));
      expect(await vault.acceptWeakStorage(true)).toEqual({ encryption: 'unavailable', mode: 'memory-only', recoveredCorruptFile: false });
      expect(diskText(dataDir)).not.toContain(token);
    });

    it('tokens saved earlier with encryption are listed but not readable while it is unavailable', async () => {
      safeStorage.available = true;
      const saved = await open().save(newEntry());
      safeStorage.available = false;
      const reopened = open();
      expect(reopened.get(saved.id)?.secretState).toBe('unreadable');
      expect(reopened.openToken(saved.id)).toEqual({ ok: false, error: { code: 'encryption-unavailable' } });
      safeStorage.available = true;
      expect(reopened.readToken(saved.id)).toMatch(/^xoxp-/);
    });
  });

  describe("Linux's plain-text backend (basic_text)", () => {
    beforeEach(() => {
      safeStorage.backend = 'basic_text';
    });

    it('keeps secrets in memory only until the admin accepts weaker storage', async () => {
      const vault = open();
      expect(vault.status()).toEqual({ encryption: 'basic-text', mode: 'memory-only', recoveredCorruptFile: false });
      const token = mintFakeUserToken();
      const saved = await vault.save(newEntry({ token }));
      await vault.rememberClientSecret('123.456', clientSecret());
      expect(saved.inMemoryOnly).toBe(true);
      expect(entryFile(dataDir, saved.id).secret).toBeNull();
      expect(readdirSync(join(dataDir, 'vault', 'client-secrets'))).toEqual([]);
      expect(safeStorage.encryptCalls).toBe(0);
    });

    it('accepting writes the secrets through the cipher, remembers the choice, and withdrawing takes them off the disk', async () => {
      const vault = open();
      const token = mintFakeUserToken();
      const secret = clientSecret();
      const saved = await vault.save(newEntry({ token }));
      await vault.rememberClientSecret('123.456', secret);

      expect(await vault.acceptWeakStorage(true)).toEqual({ encryption: 'basic-text', mode: 'weak-accepted', recoveredCorruptFile: false });
      expect(vault.get(saved.id)?.inMemoryOnly).toBe(false);
      expect(entryFile(dataDir, saved.id).secret).not.toBeNull();
      expect(diskText(dataDir)).not.toContain(token);
      expect(diskText(dataDir)).not.toContain(secret);

      const later = await vault.save(newEntry());
      expect(later.inMemoryOnly).toBe(false);

      const reopened = open();
      expect(reopened.status().mode).toBe('weak-accepted');
      expect(reopened.readToken(saved.id)).toBe(token);
      expect(reopened.readClientSecret('123.456')).toBe(secret);

      expect((await reopened.acceptWeakStorage(false)).mode).toBe('memory-only');
      expect(entryFile(dataDir, saved.id).secret).toBeNull();
      expect(entryFile(dataDir, later.id).secret).toBeNull();
      expect(readdirSync(join(dataDir, 'vault', 'client-secrets'))).toEqual([]);
      expect(reopened.readToken(saved.id)).toBe(token);
      expect(reopened.readClientSecret('123.456')).toBe(secret);
    });
  });

  describe('failures', () => {
    it('a token whose file cannot be written is kept in memory rather than lost', async () => {
      const vault = open();
      const entries = join(dataDir, 'vault', 'entries');
      rmSync(entries, { recursive: true });
      writeFileSync(entries, 'a file where the folder was');
      const token = mintFakeUserToken();
      const saved = await vault.save(newEntry({ token }));
      expect(saved.inMemoryOnly).toBe(true);
      expect(vault.readToken(saved.id)).toBe(token);
      expect(warnings.length).toBeGreaterThan(0);
    });

    it('a refresh that cannot be written reports store-failed but keeps the new token in memory', async () => {
      const vault = open();
      const saved = await vault.save(newEntry({ token: rotatingToken(), refreshToken: refreshToken(), expiresInSeconds: 43_200 }));
      const entries = join(dataDir, 'vault', 'entries');
      rmSync(entries, { recursive: true });
      writeFileSync(entries, 'a file where the folder was');
      const next = { token: rotatingToken(), refreshToken: refreshToken(), expiresAt: null };
      await expect(vault.replaceRotatedToken(saved.id, next)).rejects.toMatchObject({ code: 'store-failed', message: 'Token vault: store-failed' });
      expect(vault.readRefreshToken(saved.id)).toBe(next.refreshToken);
    });

    it('an encryption error while saving keeps the token in memory', async () => {
      const cipher = { ...fakeSafeStorageCipher(), encryptString: () => { throw new Error('keychain locked'); } };
      const vault = createTokenVault({ dataDir, cipher, clock, logger });
      const token = mintFakeUserToken();
      const saved = await vault.save(newEntry({ token }));
      expect(saved.inMemoryOnly).toBe(true);
      expect(vault.readToken(saved.id)).toBe(token);
      expect(diskText(dataDir)).not.toContain(token);
    });

    it('never puts a secret in a log message', async () => {
      const token = mintFakeUserToken();
      const vault = open();
      const saved = await vault.save(newEntry({ token }));
      const path = join(dataDir, 'vault', 'entries', `${saved.id}.json`);
      const file = JSON.parse(readFileSync(path, 'utf8')) as { secret: { token: string } };
      file.secret.token = Buffer.from('garbage').toString('base64');
      writeFileSync(path, JSON.stringify(file));
      writeFileSync(join(dataDir, 'vault', 'entries', 'zzzzzzzzzzzz.json'), `{"token":"${token}"`);
      const reopened = open();
      reopened.readToken(saved.id);
      expect(warnings.length).toBeGreaterThanOrEqual(2);
      expect(warnings.join('\n')).not.toContain(token);
      expect(warnings.join('\n')).not.toContain(token.slice(5));
    });
  });
});

describe('token vault write ordering', () => {
  it('many refreshes in quick succession leave the last one on disk', async () => {
    resetFakeElectron();
    const dataDir = mkdtempSync(join(tmpdir(), 'vault-order-'));
    try {
      const clock = createFakeClock();
      const vault = createTokenVault({ dataDir, cipher: fakeSafeStorageCipher(), clock });
      const saved = await vault.save(newEntry({ token: rotatingToken(), refreshToken: refreshToken(), expiresInSeconds: 43_200 }));
      const pending: Array<Promise<unknown>> = [];
      let last = '';
      for (let i = 0; i < 25; i += 1) {
        last = refreshToken();
        pending.push(vault.replaceRotatedToken(saved.id, { token: rotatingToken(), refreshToken: last, expiresAt: null }));
        // Let the previous write get under way before the next change.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await Promise.all(pending);
      const reopened = createTokenVault({ dataDir, cipher: fakeSafeStorageCipher(), clock });
      expect(reopened.readRefreshToken(saved.id)).toBe(last);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
