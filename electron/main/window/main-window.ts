// The app's one window: hidden until its first paint (no white flash), with the locked-down web
// preferences, navigation confined to the app, and new windows refused.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { EventSink } from '../seams';
import { lockDownNavigation } from '../security/navigation-guard';
import { mainWindowWebPreferences } from '../security/web-preferences';
import { denyNewWindows, type OpenAllowedExternal } from '../security/window-open-handler';

export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export const MAIN_WINDOW_SIZE = { width: 1000, height: 760, minWidth: 720, minHeight: 560 } as const;

export interface MainWindowOptions {
  BrowserWindow: BrowserWindowConstructor;
  preloadPath: string;
  /** `app://bundle/index.html`, or the dev server in development. */
  rendererUrl: string;
  isPackaged: boolean;
  title: string;
  isAppUrl(url: string): boolean;
  openAllowedExternal: OpenAllowedExternal;
  /** Told when the page cannot be loaded (the window still opens, so the admin sees something). */
  onLoadFailed?(): void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new options.BrowserWindow({
    ...MAIN_WINDOW_SIZE,
    show: false,
    title: options.title,
    backgroundColor: '#ffffff',
    webPreferences: mainWindowWebPreferences(options.preloadPath, { isPackaged: options.isPackaged }),
  });
  lockDownNavigation(window.webContents, options.isAppUrl);
  denyNewWindows(window.webContents, options.openAllowedExternal);
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.rendererUrl).catch(() => {
    options.onLoadFailed?.();
    if (!window.isDestroyed()) window.show();
  });
  return window;
}

/** Brings the window to the front, e.g. when the app is launched a second time. */
export function restoreAndFocus(window: Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'> | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** Sends main-process events to the window while it exists; drops them otherwise. */
export function createWindowEventSink(getWindow: () => Pick<BrowserWindow, 'isDestroyed' | 'webContents'> | null): EventSink {
  return (channel, payload) => {
    const window = getWindow();
    if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(channel, payload);
  };
}
