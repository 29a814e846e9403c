import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserWindow, Dialog } from 'electron';
import { dialog, FakeBrowserWindow, resetFakeElectron } from '../../../test/fakes/electron';
import { aboutMessageBox, showAboutDialog } from './about-dialog';
import { menuStrings } from './menu-strings';

const facts = { appName: 'Org Token Helper for Slack', appVersion: '0.1.0', versions: { electron: '45.6.0', chrome: '142.0.1', node: '22.20.0' } };

describe('about dialog', () => {
  beforeEach(() => resetFakeElectron());

  it('shows the name, version and runtime versions', () => {
    const box = aboutMessageBox(facts, menuStrings('en'));
    expect(box.message).toBe('Org Token Helper for Slack');
    expect(box.detail).toBe('Version 0.1.0\nElectron 45.6.0\nChromium 142.0.1\nNode.js 22.20.0');
    expect(box.buttons).toEqual(['OK']);
  });

  it('speaks Korean', () => {
    const box = aboutMessageBox(facts, menuStrings('ko'));
    expect(box.detail).toContain('버전 0.1.0');
    expect(box.buttons).toEqual(['확인']);
  });

  it('opens a message box over the window', async () => {
    const window = new FakeBrowserWindow();
    await showAboutDialog(dialog as unknown as Dialog, window as unknown as BrowserWindow, facts, menuStrings('en'));
    expect(dialog.messageBoxes).toHaveLength(1);
    expect(dialog.messageBoxes[0]).toMatchObject({ message: 'Org Token Helper for Slack' });
  });

  it('works without a window', async () => {
    await showAboutDialog(dialog as unknown as Dialog, null, facts, menuStrings('en'));
    expect(dialog.messageBoxes[0]).toMatchObject({ type: 'info' });
  });
});
