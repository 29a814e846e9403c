import { beforeEach, describe, expect, it } from 'vitest';
import type { WebContents } from 'electron';
import { FakeBrowserWindow, resetFakeElectron } from '../../../test/fakes/electron';
import { safeOpenExternal } from './external-links';
import { denyNewWindows } from './window-open-handler';

describe('denyNewWindows', () => {
  beforeEach(() => resetFakeElectron());

  function setup() {
    const opened: string[] = [];
    const window = new FakeBrowserWindow();
    denyNewWindows(window.webContents as unknown as WebContents, (url) =>
      safeOpenExternal(url, async (allowed) => {
        opened.push(allowed);
      }),
    );
    return { contents: window.webContents, opened };
  }

  it('never opens a new app window, even for Slack links', () => {
    const { contents } = setup();
    expect(contents.simulateWindowOpen('https://api.slack.com/apps')).toEqual({ action: 'deny' });
    expect(contents.simulateWindowOpen('https://evil.test/')).toEqual({ action: 'deny' });
  });

  it('sends allowlisted links to the system browser', async () => {
    const { contents, opened } = setup();
    contents.simulateWindowOpen('https://docs.slack.dev/authentication');
    await Promise.resolve();
    expect(opened).toEqual(['https://docs.slack.dev/authentication']);
  });

  it('drops links outside the allowlist', async () => {
    const { contents, opened } = setup();
    contents.simulateWindowOpen('https://slack.com.evil.test/');
    contents.simulateWindowOpen('file:///etc/passwd');
    await Promise.resolve();
    expect(opened).toEqual([]);
  });

  it('still denies when opening the browser fails', () => {
    const window = new FakeBrowserWindow();
    denyNewWindows(window.webContents as unknown as WebContents, () => Promise.reject(new Error('boom')));
    expect(window.webContents.simulateWindowOpen('https://slack.com/')).toEqual({ action: 'deny' });
  });
});
