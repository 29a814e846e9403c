// Boots the real composition root against the fake `electron` module and checks the wiring a
// user depends on: guards before windows, handlers behind the IPC guard, one secure window.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IpcChannel } from '../shared/ipc-contract';
import type * as FakeElectron from '../../test/fakes/electron';
import type { MainDeps, MainServices } from './ipc/channel-handlers';

const captured: { deps: MainDeps | null; dispose: ReturnType<typeof vi.fn<() => Promise<void>>> } = { deps: null, dispose: vi.fn(() => Promise.resolve()) };

vi.mock('./ipc/channel-handlers', () => ({
  createMainServices: (deps: MainDeps): MainServices => {
    captured.deps = deps;
    const handlers: Record<string, () => Promise<unknown>> = {};
    for (const channel of Object.values(IpcChannel)) handlers[channel] = vi.fn(() => Promise.resolve({ ok: true, value: channel }));
    return { handlers: handlers as unknown as MainServices['handlers'], dispose: captured.dispose };
  },
}));

const addedProcessListeners: Array<['uncaughtException' | 'unhandledRejection', (...args: unknown[]) => void]> = [];

type Fake = typeof FakeElectron;

async function boot(configure: (fake: Fake) => void = () => undefined): Promise<Fake> {
  vi.resetModules();
  captured.deps = null;
  captured.dispose = vi.fn<() => Promise<void>>(() => Promise.resolve());
  const fake = await import('../../test/fakes/electron');
  fake.resetFakeElectron();
  fake.app.setPath('logs', '/tmp/org-token-helper-index-test/logs');
  fake.app.setPath('userData', `/tmp/org-token-helper-index-test/${Math.random().toString(36).slice(2)}`);
  configure(fake);
  const listenersOf = (event: 'uncaughtException' | 'unhandledRejection'): unknown[] =>
    event === 'uncaughtException' ? process.listeners('uncaughtException') : process.listeners('unhandledRejection');
  const before = { uncaughtException: listenersOf('uncaughtException'), unhandledRejection: listenersOf('unhandledRejection') };
  await import('./index');
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    for (const listener of listenersOf(event)) {
      if (!before[event].includes(listener)) addedProcessListeners.push([event, listener as (...args: unknown[]) => void]);
    }
  }
  if (fake.app.quitCalls === 0) await vi.waitFor(() => expect(fake.BrowserWindow.getAllWindows()).toHaveLength(1));
  return fake;
}

function mainWindowOf(fake: Fake) {
  const window = fake.BrowserWindow.getAllWindows()[0];
  if (!window) throw new Error('no main window');
  return window;
}

describe('the composition root', () => {
  afterEach(() => {
    // Remove only the crash handlers this boot added, never the test runner's own.
    for (const [event, listener] of addedProcessListeners.splice(0)) process.removeListener(event, listener);
  });

  it('sandboxes every renderer and registers the app scheme before ready', async () => {
    const fake = await boot();
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.protocol.privilegedSchemes.map((scheme) => scheme.scheme)).toEqual(['app']);
    expect(fake.protocol.isProtocolHandled('app')).toBe(true);
  });

  it('opens one secure window on the app page', async () => {
    const fake = await boot();
    const window = mainWindowOf(fake);
    expect(window.webContents.loadedUrls).toEqual(['app://bundle/index.html']);
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(window.options.webPreferences?.['preload'])).toMatch(/preload[\\/]index\.cjs$/);
    expect(window.webContents.simulateWillNavigate('https://evil.test/')).toBe(true);
  });

  it('denies permissions and sends the CSP header on the app session', async () => {
    const fake = await boot();
    await expect(fake.session.defaultSession.simulatePermissionRequest('media')).resolves.toBe(false);
    const headers = await fake.session.defaultSession.webRequest.simulateHeaders('app://bundle/index.html');
    expect(headers.responseHeaders?.['Content-Security-Policy']?.[0]).toContain("default-src 'none'");
  });

  it('answers the main window’s calls through the guard, and nobody else’s', async () => {
    const fake = await boot();
    const window = mainWindowOf(fake);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(Object.values(IpcChannel).sort());
    const trusted = { sender: window.webContents, senderFrame: { url: 'app://bundle/index.html', parent: null } };
    await expect(fake.ipcMain.simulateInvoke(IpcChannel.ListTokens, trusted, {})).resolves.toEqual({ ok: true, value: IpcChannel.ListTokens });
    const other = new fake.BrowserWindow();
    await expect(fake.ipcMain.simulateInvoke(IpcChannel.ListTokens, { sender: other.webContents, senderFrame: { url: 'app://bundle/index.html', parent: null } }, {})).rejects.toThrow(
      'Request rejected',
    );
  });

  it('passes the services what they need', async () => {
    const fake = await boot();
    const deps = captured.deps;
    expect(deps).not.toBeNull();
    expect(deps?.allowSlackOverride).toBe(true);
    expect(deps?.dataDir).toBe(fake.app.getPath('userData'));
    expect(deps?.preferredSystemLanguages).toEqual(['en-US']);
    deps?.emit('event:vault-changed', { reason: 'saved' });
    expect(mainWindowOf(fake).webContents.sent).toEqual([{ channel: 'event:vault-changed', payload: { reason: 'saved' } }]);
    await deps?.openExternal('https://api.slack.com/apps');
    expect(fake.shell.opened).toEqual(['https://api.slack.com/apps']);
    await expect(deps?.openExternal('https://evil.test/')).rejects.toThrow();
    expect(fake.shell.opened).toHaveLength(1);
  });

  it('treats a packaged build as release: no Slack override', async () => {
    await boot((fake) => {
      fake.app.isPackaged = true;
    });
    expect(captured.deps?.allowSlackOverride).toBe(false);
  });

  it('rebuilds the menu in the new language', async () => {
    const fake = await boot();
    expect(fake.Menu.getApplicationMenu()?.template.map((item) => item.label)).toContain('Edit');
    captured.deps?.onLanguageChanged?.('ko');
    expect(fake.Menu.getApplicationMenu()?.template.map((item) => item.label)).toContain('편집');
  });

  it('guards windows created later, but leaves the sign-in session to the OAuth code', async () => {
    const fake = await boot();
    const stray = new fake.BrowserWindow();
    fake.app.emit('web-contents-created', {}, stray.webContents);
    expect(stray.webContents.simulateWillNavigate('https://evil.test/')).toBe(true);
    const signIn = new fake.BrowserWindow({ webPreferences: { partition: 'oauth-abc' } });
    fake.app.emit('web-contents-created', {}, signIn.webContents);
    expect(signIn.webContents.simulateWillNavigate('https://slack.com/oauth/v2/authorize')).toBe(false);
  });

  it('cleans up before quitting', async () => {
    const fake = await boot();
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    fake.app.emit('before-quit', event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(fake.app.quitCalls).toBe(1));
    expect(captured.dispose).toHaveBeenCalledTimes(1);
    fake.app.emit('before-quit', { preventDefault: () => { throw new Error('should not block twice'); } });
  });

  it('hands over to the running app when launched twice', async () => {
    const fake = await boot((f) => {
      f.app.singleInstanceLock = false;
    });
    expect(fake.app.quitCalls).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(0);
    expect(captured.deps).toBeNull();
  });

  it('brings the window back on a second launch', async () => {
    const fake = await boot();
    const window = mainWindowOf(fake);
    window.minimized = true;
    fake.app.emit('second-instance', {}, [], '/');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });
});
