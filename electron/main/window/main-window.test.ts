import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { FakeBrowserWindow, resetFakeElectron } from '../../../test/fakes/electron';
import { createMainWindow, createWindowEventSink, restoreAndFocus, type BrowserWindowConstructor, type MainWindowOptions } from './main-window';

function open(overrides: Partial<MainWindowOptions> = {}) {
  const openAllowedExternal = vi.fn(() => Promise.resolve(true));
  const window = createMainWindow({
    BrowserWindow: FakeBrowserWindow as unknown as BrowserWindowConstructor,
    preloadPath: '/app/out/preload/index.cjs',
    rendererUrl: 'app://bundle/index.html',
    isPackaged: true,
    title: 'Org Token Helper for Slack',
    isAppUrl: (url) => url.startsWith('app://bundle/'),
    openAllowedExternal,
    ...overrides,
  }) as unknown as FakeBrowserWindow;
  return { window, openAllowedExternal };
}

describe('createMainWindow', () => {
  beforeEach(() => resetFakeElectron());

  it('opens with the locked-down web preferences and the preload', () => {
    const { window } = open();
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
  });

  it('has a sensible size and title', () => {
    const { window } = open();
    expect(window.options).toMatchObject({ width: 1000, height: 760, title: 'Org Token Helper for Slack' });
    expect(window.options['minWidth']).toBeGreaterThan(0);
    expect(window.options['minHeight']).toBeGreaterThan(0);
  });

  it('stays hidden until the first paint', () => {
    const { window } = open();
    expect(window.options.show).toBe(false);
    expect(window.isVisible()).toBe(false);
    window.simulateReadyToShow();
    expect(window.isVisible()).toBe(true);
  });

  it('loads the app', () => {
    const { window } = open();
    expect(window.webContents.loadedUrls).toEqual(['app://bundle/index.html']);
  });

  it('keeps the window on the app', () => {
    const { window } = open();
    expect(window.webContents.simulateWillNavigate('https://evil.test/')).toBe(true);
    expect(window.webContents.simulateWillNavigate('app://bundle/index.html#/vault')).toBe(false);
  });

  it('refuses new windows, sending links to the allowlist check', () => {
    const { window, openAllowedExternal } = open();
    expect(window.webContents.simulateWindowOpen('https://api.slack.com/apps')).toEqual({ action: 'deny' });
    expect(openAllowedExternal).toHaveBeenCalledWith('https://api.slack.com/apps');
  });

  it('still shows the window when the page fails to load', async () => {
    const onLoadFailed = vi.fn();
    const failing = class extends FakeBrowserWindow {
      override loadURL(): Promise<void> {
        return Promise.reject(new Error('ERR_FILE_NOT_FOUND'));
      }
    };
    const { window } = open({ BrowserWindow: failing as unknown as BrowserWindowConstructor, onLoadFailed });
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalled());
    expect(window.isVisible()).toBe(true);
  });
});

describe('restoreAndFocus', () => {
  beforeEach(() => resetFakeElectron());

  it('restores a minimised window and focuses it', () => {
    const window = new FakeBrowserWindow();
    window.minimized = true;
    restoreAndFocus(window as unknown as BrowserWindow);
    expect(window.minimized).toBe(false);
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
  });

  it('ignores a missing or closed window', () => {
    const window = new FakeBrowserWindow();
    window.destroy();
    expect(() => restoreAndFocus(window as unknown as BrowserWindow)).not.toThrow();
    expect(() => restoreAndFocus(null)).not.toThrow();
  });
});

describe('createWindowEventSink', () => {
  beforeEach(() => resetFakeElectron());

  it('sends events to the window', () => {
    const window = new FakeBrowserWindow();
    createWindowEventSink(() => window as unknown as BrowserWindow)('event:vault-changed', { reason: 'saved' });
    expect(window.webContents.sent).toEqual([{ channel: 'event:vault-changed', payload: { reason: 'saved' } }]);
  });

  it('drops events once the window is gone', () => {
    const window = new FakeBrowserWindow();
    const emit = createWindowEventSink(() => window as unknown as BrowserWindow);
    window.destroy();
    expect(() => emit('event:vault-changed', { reason: 'saved' })).not.toThrow();
    expect(window.webContents.sent).toEqual([]);
    expect(() => createWindowEventSink(() => null)('x', {})).not.toThrow();
  });
});
