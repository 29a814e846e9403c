import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ElectronSignInWindowDeps } from './electron-sign-in-window';
import { createElectronSignInWindowOpener } from './electron-sign-in-window';
import type { SignInWindowHandle } from '../seams';
import type { FakeSession } from '../../../test/fakes/electron';
import { FakeBrowserWindow, resetFakeElectron, session } from '../../../test/fakes/electron';

const AUTHORIZE = 'https://slack.com/oauth/v2/authorize?client_id=1.2&user_scope=admin&redirect_uri=https%3A%2F%2Flocalhost&state=s1';

interface Opened {
  handle: SignInWindowHandle;
  window: FakeBrowserWindow;
  session: FakeSession;
  addresses: string[];
}

function open(overrides: Partial<ElectronSignInWindowDeps> = {}, timeoutMs = 60_000): Opened {
  const deps = {
    BrowserWindow: FakeBrowserWindow,
    session,
    ...overrides,
  } as unknown as ElectronSignInWindowDeps;
  const addresses: string[] = [];
  const handle = createElectronSignInWindowOpener(deps)({
    authorizeUrl: AUTHORIZE,
    redirectUri: 'https://localhost',
    timeoutMs,
    onAddress: (address) => addresses.push(address),
  });
  const window = FakeBrowserWindow.getAllWindows().at(-1);
  if (!window) throw new Error('no window opened');
  return { handle, window, session: window.webContents.session, addresses };
}

async function settledWithin(handle: SignInWindowHandle): Promise<unknown> {
  return Promise.race([handle.outcome, new Promise((resolve) => setTimeout(() => resolve('still open'), 50))]);
}

beforeEach(() => {
  resetFakeElectron();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the sign-in window', () => {
  it("opens Slack's page in a sandboxed window with a fresh in-memory session", () => {
    const { window, session: ses } = open();
    expect(window.webContents.loadedUrls).toEqual([AUTHORIZE]);
    expect(ses.persistent).toBe(false);
    expect(ses.partition).not.toMatch(/^persist:/);
    expect(ses).not.toBe(session.defaultSession);
    expect(window.options).toMatchObject({ width: 520, height: 760, title: 'Sign in to Slack', modal: false, show: true });
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    });
    expect(window.options.webPreferences?.['preload']).toBeUndefined();
  });

  it('uses a different session for every attempt', () => {
    const first = open();
    const second = open();
    expect(first.session).not.toBe(second.session);
  });

  it('sits in front of the main window when one is given', () => {
    const main = new FakeBrowserWindow();
    const { window } = open({ parentWindow: () => main } as unknown as Partial<ElectronSignInWindowDeps>);
    expect(window.options.parent).toBe(main);
  });

  it('refuses a persistent partition name', () => {
    expect(() => open({ createPartitionName: () => 'persist:oauth' })).toThrow();
  });

  it('denies every permission and every popup', async () => {
    const { window, session: ses } = open();
    expect(await ses.simulatePermissionRequest('notifications')).toBe(false);
    expect(await ses.simulatePermissionRequest('media')).toBe(false);
    expect(ses.permissionCheckHandler?.(null, 'clipboard-read', 'https://slack.com')).toBe(false);
    expect(window.webContents.simulateWindowOpen('https://sso.example.com/popup')).toEqual({ action: 'deny' });
  });

  it('catches the redirect before it reaches the network and returns its address', async () => {
    const { handle, window, session: ses } = open();
    const decision = await ses.webRequest.simulateRequest('https://localhost/?code=x&state=y');
    expect(decision).toEqual({ cancel: true });
    expect(await handle.outcome).toEqual({ kind: 'redirect', url: 'https://localhost/?code=x&state=y' });
    expect(window.isDestroyed()).toBe(true);
  });

  it('lets ordinary requests through, and blocks sub-resources aimed at the redirect without settling', async () => {
    const { handle, session: ses } = open();
    expect(await ses.webRequest.simulateRequest('https://localhost:8443/?code=x')).toEqual({});
    expect(await ses.webRequest.simulateRequest('https://localhost/?code=x&state=y', 'xhr')).toEqual({ cancel: true });
    expect(await settledWithin(handle)).toBe('still open');
  });

  it('catches the redirect through will-redirect too', async () => {
    const { handle, window } = open();
    expect(window.webContents.simulateWillRedirect('https://localhost/?code=x&state=y')).toBe(true);
    expect(await handle.outcome).toEqual({ kind: 'redirect', url: 'https://localhost/?code=x&state=y' });
  });

  it('catches the redirect through will-navigate too', async () => {
    const { handle, window } = open();
    expect(window.webContents.simulateWillNavigate('https://localhost/?code=x&state=y')).toBe(true);
    expect(await handle.outcome).toEqual({ kind: 'redirect', url: 'https://localhost/?code=x&state=y' });
  });

  it('does not stop navigation to other pages (SSO providers included)', async () => {
    const { handle, window } = open();
    expect(window.webContents.simulateWillNavigate('https://sso.example.com/login')).toBe(false);
    expect(window.webContents.simulateWillRedirect('https://acme.enterprise.slack.com/')).toBe(false);
    expect(await settledWithin(handle)).toBe('still open');
  });

  it('settles once when both webRequest and will-redirect see the redirect', async () => {
    const { handle, window, session: ses } = open();
    const seen: unknown[] = [];
    void handle.outcome.then((outcome) => seen.push(outcome));
    await ses.webRequest.simulateRequest('https://localhost/?code=first&state=y');
    window.webContents.simulateWillRedirect('https://localhost/?code=second&state=y');
    handle.cancel();
    await handle.outcome;
    await Promise.resolve();
    expect(seen).toEqual([{ kind: 'redirect', url: 'https://localhost/?code=first&state=y' }]);
    expect(ses.clearStorageDataCalls).toHaveLength(1);
  });

  it('stops listening, closes the window and clears the session afterwards', async () => {
    const { handle, window, session: ses } = open();
    await ses.webRequest.simulateRequest('https://localhost/?code=x&state=y');
    await handle.outcome;
    expect(ses.webRequest.beforeRequest).toBeNull();
    expect(window.isDestroyed()).toBe(true);
    expect(ses.clearStorageDataCalls).toHaveLength(1);
    expect(ses.clearCacheCalls).toBe(1);
  });

  it('reports a window closed by the admin', async () => {
    const { handle, window, session: ses } = open();
    window.close();
    expect(await handle.outcome).toEqual({ kind: 'closed' });
    expect(ses.clearStorageDataCalls).toHaveLength(1);
  });

  it('reports cancel() from the app and closes the window', async () => {
    const { handle, window } = open();
    handle.cancel();
    expect(await handle.outcome).toEqual({ kind: 'cancelled' });
    expect(window.isDestroyed()).toBe(true);
  });

  it('gives up after the timeout', async () => {
    vi.useFakeTimers();
    const { handle, window, session: ses } = open({}, 10 * 60_000);
    await vi.advanceTimersByTimeAsync(10 * 60_000 - 1);
    let done = false;
    void handle.outcome.then(() => {
      done = true;
    });
    await Promise.resolve();
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await handle.outcome).toEqual({ kind: 'timeout' });
    expect(window.isDestroyed()).toBe(true);
    expect(ses.clearStorageDataCalls).toHaveLength(1);
  });

  it('reports a sign-in page that failed to load', async () => {
    const { handle, window } = open();
    window.webContents.simulateDidFailLoad(-105, 'ERR_NAME_NOT_RESOLVED', 'https://slack.com/oauth/v2/authorize');
    expect(await handle.outcome).toEqual({ kind: 'load-failed' });
  });

  it('ignores aborted loads, sub-frame failures, and the failed load of the cancelled redirect', async () => {
    const { handle, window } = open();
    window.webContents.simulateDidFailLoad(-3, 'ERR_ABORTED', 'https://slack.com/signin');
    window.webContents.simulateDidFailLoad(-105, 'ERR_NAME_NOT_RESOLVED', 'https://ads.example.com/', false);
    window.webContents.simulateDidFailLoad(-20, 'ERR_BLOCKED_BY_CLIENT', 'https://localhost/?code=x&state=y');
    expect(await settledWithin(handle)).toBe('still open');
  });

  it("recognises Slack's redirect_uri error page from the page text", async () => {
    const { handle, window } = open();
    const contents = window.webContents;
    contents.executeJavaScriptResult = 'Oops, something went wrong.\nredirect_uri did not match any configured URIs. Passed URI: https://localhost:8443';
    contents.simulateDidNavigate('https://slack.com/oauth/v2/authorize');
    contents.simulateDidFinishLoad();
    expect(await handle.outcome).toEqual({ kind: 'slack-error-page', reason: 'redirect-uri-mismatch' });
    expect(contents.executedScripts).toEqual(['document.body ? document.body.innerText : ""']);
  });

  it('keeps waiting on an ordinary Slack page, or when the page text cannot be read', async () => {
    const { handle, window } = open();
    const contents = window.webContents;
    contents.executeJavaScriptResult = 'Sign in to Acme Corp';
    contents.simulateDidNavigate('https://acme.enterprise.slack.com/sign_in');
    contents.simulateDidFinishLoad();
    contents.executeJavaScriptError = new Error('navigated');
    contents.simulateDidFinishLoad();
    expect(await settledWithin(handle)).toBe('still open');
  });

  it('shows the address bar as origin and path only', () => {
    const { window, addresses } = open();
    window.webContents.simulateDidNavigate('https://slack.com/oauth/v2/authorize?client_id=1.2&state=secret-state');
    window.webContents.simulateDidNavigateInPage('https://acme.enterprise.slack.com/sign_in#password');
    expect(addresses).toEqual(['https://slack.com/oauth/v2/authorize', 'https://acme.enterprise.slack.com/sign_in']);
  });

  it('titles the window with the current address (it has no address bar), never the query', () => {
    const { window } = open();
    window.webContents.simulateDidNavigate('https://sso.example.test/login?SAMLRequest=abc');
    expect(window.getTitle()).toBe('https://sso.example.test/login');
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    window.emit('page-title-updated', event, 'Totally Slack');
    expect(event.defaultPrevented).toBe(true);
  });
});
