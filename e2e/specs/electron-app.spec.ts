// Launches the real packaged-style app in Electron wherever an Electron binary exists.
// Everywhere else it is skipped, and says why.
import { _electron as electron } from 'playwright-core';
import { resolve } from 'node:path';
import { findElectronBinary } from '../harness/electron-binary';
import { expect, test } from '../harness/fixtures';
import { SLACK_ORIGIN_OVERRIDE_ENV } from '../../electron/shared/slack-endpoints';

const binary = findElectronBinary();
// Said once, plainly, in the run's output: the skip itself is easy to overlook.
if (!binary.path) console.log(`[electron-app.spec] SKIPPED: ${binary.reason}`);

test.describe('the real Electron app', () => {
  test.skip(!binary.path, `Skipped: ${binary.reason}`);

  test('opens a secure main window showing the first screen', async ({ sim }) => {
    const app = await electron.launch({
      executablePath: binary.path ?? '',
      args: [resolve(import.meta.dirname, '..', '..')],
      env: { ...process.env, [SLACK_ORIGIN_OVERRIDE_ENV]: sim.origin },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1 }).first()).toBeVisible();
      // Sandboxed, isolated, no Node: the page sees only the preload's narrow API.
      const seen = await window.evaluate(() => ({
        process: typeof (globalThis as { process?: unknown }).process,
        ipcRenderer: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer,
      }));
      expect(seen.process).toBe('undefined');
      expect(seen.ipcRenderer).toBe('undefined');
      // The preload's narrow API is there; Node is not.
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => typeof (window as unknown as { orgTokenHelper?: unknown }).orgTokenHelper)).toBe('object');
    } finally {
      await app.close();
    }
  });
});
