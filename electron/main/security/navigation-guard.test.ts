import { beforeEach, describe, expect, it } from 'vitest';
import type { WebContents } from 'electron';
import { FakeBrowserWindow, resetFakeElectron } from '../../../test/fakes/electron';
import { lockDownNavigation } from './navigation-guard';

const isApp = (url: string): boolean => url.startsWith('app://bundle/');

function guardedContents() {
  const window = new FakeBrowserWindow();
  void window.loadURL('app://bundle/index.html');
  lockDownNavigation(window.webContents as unknown as WebContents, isApp);
  return window.webContents;
}

describe('lockDownNavigation', () => {
  beforeEach(() => resetFakeElectron());

  it('stops the window navigating to another site', () => {
    const contents = guardedContents();
    expect(contents.simulateWillNavigate('https://slack.com.evil.test/login')).toBe(true);
    expect(contents.getURL()).toBe('app://bundle/index.html');
  });

  it.each(['file:///etc/passwd', 'https://slack.com/', 'javascript:alert(1)', 'app://other/index.html', 'data:text/html,hi'])(
    'stops navigation to %s',
    (url) => {
      expect(guardedContents().simulateWillNavigate(url)).toBe(true);
    },
  );

  it('lets the app move between its own pages', () => {
    const contents = guardedContents();
    expect(contents.simulateWillNavigate('app://bundle/index.html#/vault')).toBe(false);
    expect(contents.getURL()).toBe('app://bundle/index.html#/vault');
  });

  it('stops redirects away from the app', () => {
    const contents = guardedContents();
    expect(contents.simulateWillRedirect('https://evil.test/')).toBe(true);
    expect(contents.simulateWillRedirect('app://bundle/index.html')).toBe(false);
  });

  it('stops frames navigating away from the app', () => {
    const contents = guardedContents();
    expect(contents.simulateWillFrameNavigate('https://evil.test/frame')).toBe(true);
    expect(contents.simulateWillFrameNavigate('https://evil.test/', true)).toBe(true);
    expect(contents.simulateWillFrameNavigate('app://bundle/index.html')).toBe(false);
  });

  it('refuses to attach a <webview>', () => {
    const contents = guardedContents();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    expect(prevented).toBe(true);
  });
});
