// From launch to a saved token the test can hold: the guided setup, then "Copy token" on the
// result screen (main writes the clipboard; the test reads it as the admin would paste it).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Locator, Page } from 'playwright-core';
import { storedSecrets } from '../../electron/main/ipc/test-support/secrets-on-disk';
import type { SimApp, SimSlack } from '../sim-slack/index';
import type { LaunchedApp } from './launch-app';
import { expectTokenTested, runSetupToTest, type FullSetupOptions } from './setup-flow';

export interface SavedToken {
  /** The token as copied from the result screen. */
  token: string;
  /** The vault entry's id (its file name under vault/entries). */
  tokenId: string;
}

/** Ids of the vault's entries on disk. */
export function vaultEntryIds(dataDir: string): string[] {
  return readdirSync(join(dataDir, 'vault', 'entries'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length));
}

/** The stored token and refresh token of an entry, decrypted with the app's cipher. */
export function readStoredSecrets(app: LaunchedApp, tokenId: string): { token: string; refreshToken: string | null } | null {
  return storedSecrets(app.dataDir, app.cipher, tokenId);
}

export async function setupToSavedToken(app: LaunchedApp, sim: SimSlack, simApp: SimApp, options: FullSetupOptions = {}): Promise<SavedToken> {
  const { page } = app;
  await runSetupToTest(app, sim, simApp, options);
  await expectTokenTested(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your token' })).toBeVisible();
  await page.getByRole('button', { name: 'Copy token' }).click();
  await expect(page.getByText(/^Copied\. The clipboard will be cleared in \d+ seconds\.$/)).toBeVisible();
  const token = await app.clipboard.readText();
  expect(token).toMatch(/^(xoxp-|xoxe\.xoxp-)/);
  const ids = vaultEntryIds(app.dataDir);
  expect(ids).toHaveLength(1);
  return { token, tokenId: ids[0] as string };
}

/** Opens "Saved tokens" from the navigation and returns the card of the only saved token. */
export async function openSavedTokenCard(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Saved tokens' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saved tokens' })).toBeVisible();
  const card = page.getByRole('article');
  await expect(card).toHaveCount(1);
  return card;
}
