// Help → About: the app's name and version, plus the Electron and Chromium versions a support
// person would ask for.
import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron';
import { fill, type MenuStrings } from './menu-strings';

export interface AboutFacts {
  appName: string;
  appVersion: string;
  versions: Partial<Record<'electron' | 'chrome' | 'node', string>>;
}

export function aboutMessageBox(facts: AboutFacts, t: MenuStrings): MessageBoxOptions {
  const detail = [
    fill(t.aboutVersion, { version: facts.appVersion }),
    `Electron ${facts.versions.electron ?? '?'}`,
    `Chromium ${facts.versions.chrome ?? '?'}`,
    `Node.js ${facts.versions.node ?? '?'}`,
  ].join('\n');
  return { type: 'info', title: fill(t.about, { app: facts.appName }), message: facts.appName, detail, buttons: [t.ok], defaultId: 0, noLink: true };
}

export async function showAboutDialog(dialog: Pick<Dialog, 'showMessageBox'>, parent: BrowserWindow | null, facts: AboutFacts, t: MenuStrings): Promise<void> {
  const options = aboutMessageBox(facts, t);
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}
