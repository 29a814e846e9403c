// Issue 4, acceptance 4: "Revoke a leaked token". A pasted token shows whose it is, a dry run
// leaves it working, the revoke (after confirmation) is verified at Slack; browser-session values
// and garbage are refused with their own message; and the pasted token is kept nowhere.
import type { Page } from 'playwright-core';
import { expect, test } from '../harness/fixtures';
import { scanFolder, scanRendererStorage } from '../harness/secret-scan';

async function openLeakedScreen(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Revoke a leaked token' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Revoke a leaked token' })).toBeVisible();
}

/** Pastes into the field and clicks Check token; a refused value leaves the field there, empty. */
async function pasteAndCheck(page: Page, value: string, outcome: 'accepted' | 'refused'): Promise<void> {
  const field = page.getByLabel('Slack token');
  await field.fill(value);
  await page.getByRole('button', { name: 'Check token' }).click();
  if (outcome === 'accepted') {
    await expect(page.getByRole('region', { name: 'Is this the right token?' })).toBeVisible();
    await expect(field).toHaveCount(0);
  } else {
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(field).toHaveValue('');
  }
}

test('paste a leaked admin token: see whose it is, dry run, revoke, verified at Slack; nothing kept', async ({ launch, sim }) => {
  const { token } = sim.mintUserToken({ user: sim.users.admin, scopes: ['admin'] });
  const app = await launch();
  const { page } = app;
  await openLeakedScreen(page);

  await pasteAndCheck(page, token, 'accepted');
  const whose = page.getByRole('region', { name: 'Is this the right token?' });
  await expect(whose).toBeVisible();
  await expect(whose).toContainText('User token');
  await expect(whose.getByText(`xoxp-…${token.slice(-4)}`, { exact: true })).toBeVisible();
  await expect(whose.getByRole('definition').filter({ hasText: 'Acme Corp (simulated)' })).toBeVisible();
  await expect(whose.getByRole('definition').filter({ hasText: sim.users.admin.id })).toBeVisible();
  await expect(whose.getByRole('definition').filter({ hasText: 'E0SIMORG01' })).toBeVisible();
  await expect(whose.getByRole('list', { name: 'Scopes' }).getByText('admin', { exact: true })).toBeVisible();

  // Dry run: Slack would revoke it, and it still works.
  await whose.getByRole('button', { name: 'Dry run (check without revoking)' }).click();
  await expect(page.getByText('Dry run: Slack would revoke this token. Nothing was changed.')).toBeVisible();
  expect(sim.tokenStatus(token)).toBe('active');

  // Revoking needs the admin to say it is the right token, then to confirm.
  const revoke = whose.getByRole('button', { name: 'Revoke this token' });
  await expect(revoke).toBeDisabled();
  await whose.getByRole('checkbox', { name: 'Yes, this is the token I want to revoke.' }).check();
  await revoke.click();
  const dialog = page.getByRole('dialog', { name: 'Revoke this token now?' });
  await expect(dialog).toContainText('Everything that uses this token stops working at once');
  await dialog.getByRole('button', { name: 'Revoke this token' }).click();
  await expect(page.getByText('Revoked and confirmed: Slack now refuses this token.')).toBeVisible();
  expect(sim.tokenStatus(token)).toBe('revoked');

  // Pasting the revoked token again: Slack refuses it, so there is nothing left to revoke.
  await page.getByRole('button', { name: 'Check another token' }).click();
  await pasteAndCheck(page, token, 'refused');
  await expect(page.getByRole('alert')).toContainText('This token has been revoked');

  // A browser session value and garbage get their own refusals.
  await pasteAndCheck(page, 'xoxc-1234567890-1234567890-abcdefabcdef', 'refused');
  await expect(page.getByRole('alert')).toContainText('This is a browser session value, not a token');
  await pasteAndCheck(page, 'definitely not a token at all', 'refused');
  await expect(page.getByRole('alert')).toContainText('This is not a Slack token');
  await expect(page.getByLabel('Slack token')).toHaveValue('');

  // The pasted token is nowhere on disk, in the page or in the renderer's storage.
  expect(scanFolder(app.dataDir, { token })).toEqual([]);
  expect(await scanRendererStorage(page, { token })).toEqual([]);
  expect(await page.content()).not.toContain(token);
});

test('a leaked token that is still live is left working when the admin checks it and walks away', async ({ launch, sim }) => {
  const { token } = sim.mintUserToken({ user: sim.users.owner, scopes: ['admin', 'auditlogs:read'] });
  const app = await launch();
  const { page } = app;
  await openLeakedScreen(page);
  await pasteAndCheck(page, token, 'accepted');
  const whose = page.getByRole('region', { name: 'Is this the right token?' });
  await expect(whose.getByRole('list', { name: 'Scopes' }).getByText('auditlogs:read', { exact: true })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Saved tokens' }).click();
  await openLeakedScreen(page);
  await expect(page.getByLabel('Slack token')).toHaveValue('');
  await expect(page.getByRole('region', { name: 'Is this the right token?' })).toHaveCount(0);
  expect(sim.tokenStatus(token)).toBe('active');
  expect(scanFolder(app.dataDir, { token })).toEqual([]);
  expect(await scanRendererStorage(page, { token })).toEqual([]);
});
