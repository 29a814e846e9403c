import { describe, expect, it } from 'vitest';
import { mainWindowWebPreferences } from './web-preferences';

describe('mainWindowWebPreferences', () => {
  const prefs = mainWindowWebPreferences('/app/out/preload/index.cjs', { isPackaged: true });

  it('isolates and sandboxes the page', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('gives the page no Node, in any frame or worker', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and insecure content off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('turns off optional surfaces', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableWebSQL).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.safeDialogs).toBe(true);
  });

  it('offers DevTools only in development', () => {
    expect(prefs.devTools).toBe(false);
    expect(mainWindowWebPreferences('/p', { isPackaged: false }).devTools).toBe(true);
  });
});
