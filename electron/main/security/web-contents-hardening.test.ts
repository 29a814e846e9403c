import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { App, WebContents } from 'electron';
import { app, FakeBrowserWindow, resetFakeElectron, session, type FakeWebContents } from '../../../test/fakes/electron';
import { hardenAllWebContents } from './web-contents-hardening';

function created(contents: FakeWebContents): void {
  app.emit('web-contents-created', {}, contents);
}

describe('hardenAllWebContents', () => {
  beforeEach(() => resetFakeElectron());

  function setup() {
    const openAllowedExternal = vi.fn(() => Promise.resolve(true));
    hardenAllWebContents(app as unknown as App, {
      isAppUrl: (url) => url.startsWith('app://bundle/'),
      openAllowedExternal,
      isSignInWindow: (contents) => contents.session !== (session.defaultSession as unknown as WebContents['session']),
    });
    return { openAllowedExternal };
  }

  it('guards any new web contents in the app session', () => {
    const { openAllowedExternal } = setup();
    const window = new FakeBrowserWindow();
    created(window.webContents);
    expect(window.webContents.simulateWillNavigate('https://evil.test/')).toBe(true);
    expect(window.webContents.simulateWillNavigate('app://bundle/index.html')).toBe(false);
    expect(window.webContents.simulateWindowOpen('https://api.slack.com/apps')).toEqual({ action: 'deny' });
    expect(openAllowedExternal).toHaveBeenCalledWith('https://api.slack.com/apps');
  });

  it('refuses <webview> everywhere, including the sign-in window', () => {
    setup();
    const signIn = new FakeBrowserWindow({ webPreferences: { partition: 'sign-in-1' } });
    created(signIn.webContents);
    let prevented = false;
    signIn.webContents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    expect(prevented).toBe(true);
  });

  it('leaves the sign-in window free to show Slack', () => {
    setup();
    const signIn = new FakeBrowserWindow({ webPreferences: { partition: 'sign-in-1' } });
    created(signIn.webContents);
    expect(signIn.webContents.simulateWillNavigate('https://slack.com/oauth/v2/authorize')).toBe(false);
    expect(signIn.webContents.windowOpenHandler).toBeNull();
  });
});
