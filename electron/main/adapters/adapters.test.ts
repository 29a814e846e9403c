import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Clipboard, SafeStorage } from 'electron';
import { app, clipboard, resetFakeElectron, safeStorage, shell } from '../../../test/fakes/electron';
import { createElectronClipboard } from './electron-clipboard';
import * as runtime from './electron-runtime';
import { createSystemBrowserOpener } from './electron-shell';
import { electronStoreFactory } from './electron-store-factory';
import { createSafeStorageCipher } from './safe-storage-cipher';

beforeEach(() => resetFakeElectron());

const fakeSafeStorage = safeStorage as unknown as SafeStorage;

describe('electronStoreFactory', () => {
  beforeEach(() => app.setPath('userData', mkdtempSync(join(tmpdir(), 'store-'))));

  it('persists values in a named JSON file in userData', () => {
    const store = electronStoreFactory('settings', { language: null as string | null, slackRegion: 'commercial' });
    expect(store.get('slackRegion')).toBe('commercial');
    store.set('language', 'ko');
    expect(store.path).toBe(join(app.getPath('userData'), 'settings.json'));
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toMatchObject({ language: 'ko' });
    const reopened = electronStoreFactory('settings', { language: null as string | null, slackRegion: 'commercial' });
    expect(reopened.get('language')).toBe('ko');
    reopened.delete('language');
    expect(electronStoreFactory('settings', { language: null as string | null }).get('language')).toBeNull();
  });

  it('writes owner-only files', () => {
    if (process.platform === 'win32') return;
    const store = electronStoreFactory('vault', { entries: [] as string[] });
    store.set('entries', ['a']);
    expect(statSync(store.path).mode & 0o077).toBe(0);
  });
});

describe('createSafeStorageCipher', () => {
  it('round-trips through safeStorage', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage, 'darwin');
    const sealed = cipher.encryptString('xoxp-secret');
    expect(sealed.toString('utf8')).not.toContain('xoxp-secret');
    expect(cipher.decryptString(sealed)).toBe('xoxp-secret');
    expect(cipher.isEncryptionAvailable()).toBe(true);
  });

  it('reports the Linux backend, so basic_text can be caught', () => {
    safeStorage.backend = 'basic_text';
    expect(createSafeStorageCipher(fakeSafeStorage, 'linux').storageBackend()).toBe('basic_text');
  });

  it('reports "os" elsewhere', () => {
    safeStorage.backend = 'basic_text';
    expect(createSafeStorageCipher(fakeSafeStorage, 'win32').storageBackend()).toBe('os');
    expect(createSafeStorageCipher(fakeSafeStorage, 'darwin').storageBackend()).toBe('os');
  });

  it('reports unavailability', () => {
    safeStorage.available = false;
    const cipher = createSafeStorageCipher(fakeSafeStorage, 'linux');
    expect(cipher.isEncryptionAvailable()).toBe(false);
    expect(() => cipher.encryptString('x')).toThrow();
  });
});

describe('createElectronClipboard', () => {
  it('reads, writes and clears the system clipboard', async () => {
    const access = createElectronClipboard(clipboard as unknown as Clipboard);
    await access.writeText('hello');
    expect(clipboard.text).toBe('hello');
    expect(await access.readText()).toBe('hello');
    access.clear();
    expect(clipboard.text).toBe('');
  });

  it('reads as empty when the system refuses, instead of crashing', async () => {
    const failing = { readText: () => Promise.reject(new Error('denied')), writeText: () => Promise.reject(new Error('denied')), clear: () => undefined };
    const access = createElectronClipboard(failing as unknown as Clipboard);
    expect(await access.readText()).toBe('');
    await expect(access.writeText('x')).rejects.toThrow();
  });
});

describe('createSystemBrowserOpener', () => {
  it('opens the address in the system browser', async () => {
    await createSystemBrowserOpener(shell)('https://api.slack.com/apps');
    expect(shell.opened).toEqual(['https://api.slack.com/apps']);
  });
});

describe('electron-runtime', () => {
  it('provides what the composition root needs', () => {
    for (const name of ['app', 'BrowserWindow', 'dialog', 'ipcMain', 'Menu', 'protocol', 'session'] as const) {
      expect(runtime[name], name).toBeDefined();
    }
  });
});
