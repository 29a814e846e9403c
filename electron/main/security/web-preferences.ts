// The main window's renderer is a sandboxed web page with no Node, isolated from the preload,
// and with every optional surface (webview, insecure content, experimental features) off.
import type { WebPreferences } from 'electron';

export function mainWindowWebPreferences(preloadPath: string, options: { isPackaged: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    // DevTools would let anyone at the keyboard read a revealed token out of the page's memory.
    devTools: !options.isPackaged,
  };
}
