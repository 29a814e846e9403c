// Issue 4, acceptance 3: the saved-token list. Revoke (after a plain-words confirmation) makes
// Slack refuse the token and the list says when; a revoke Slack could not carry out keeps the
// token with a Retry that works; Forget removes an entry without revoking it; Reveal shows the
// token briefly, then masks it again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from '../harness/fixtures';
import { openSavedTokenCard, readStoredSecrets, setupToSavedToken, vaultEntryIds } from '../harness/saved-token-flow';

/** What the card shows for a time, formatted as the renderer does (en-US, medium date, short time). */
function shownTime(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (value) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)),
    iso,
  );
}

function storedMeta(dataDir: string, tokenId: string): { status: string; revokedAt: string | null } {
  const file = JSON.parse(readFileSync(join(dataDir, 'vault', 'entries', `${tokenId}.json`), 'utf8')) as { meta: { status: string; revokedAt: string | null } };
  return file.meta;
}

test('Revoke, after a plain-words confirmation: Slack refuses the token and the list shows when it was revoked', async ({ launch, sim, simApp }) => {
  const app = await launch();
  const { page } = app;
  const { token, tokenId } = await setupToSavedToken(app, sim, simApp);
  expect(sim.tokenStatus(token)).toBe('active');

  const card = await openSavedTokenCard(page);
  await expect(card.getByText('Active', { exact: true })).toBeVisible();

  // Cancel changes nothing.
  await card.getByRole('button', { name: 'Revoke', exact: true }).click();
  let dialog = page.getByRole('dialog', { name: 'Revoke this token?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(sim.tokenStatus(token)).toBe('active');

  await card.getByRole('button', { name: 'Revoke', exact: true }).click();
  dialog = page.getByRole('dialog', { name: 'Revoke this token?' });
  await expect(dialog).toContainText(/Every integration that uses this token stops working at once\. This cannot be undone\./);
  await expect(dialog).toContainText(/sign in again/);
  await dialog.getByRole('button', { name: 'Revoke token' }).click();

  await expect(card.getByRole('status').filter({ hasText: 'Revoked and confirmed: Slack now refuses this token.' })).toBeVisible();
  expect(sim.tokenStatus(token)).toBe('revoked');

  const meta = storedMeta(app.dataDir, tokenId);
  expect(meta.status).toBe('revoked');
  expect(meta.revokedAt).not.toBeNull();
  await expect(card.getByText(`Revoked on ${await shownTime(page, meta.revokedAt as string)}`, { exact: true })).toBeVisible();
  // The secret is gone from this computer; what is left cannot be copied or revoked again.
  expect(readStoredSecrets(app, tokenId)).toBeNull();
  await expect(card.getByRole('button', { name: 'Copy token' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Revoke', exact: true })).toHaveCount(0);

  // Still so after reopening the app.
  const reopened = await app.relaunch();
  const reopenedCard = await openSavedTokenCard(reopened.page);
  await expect(reopenedCard.getByText(`Revoked on ${await shownTime(reopened.page, meta.revokedAt as string)}`, { exact: true })).toBeVisible();
  await reopened.close();
});

test('a revoke that fails at Slack keeps the token, marked revoke-failed with Retry; Retry then revokes it', async ({ launch, sim, simApp }) => {
  const app = await launch();
  const { page } = app;
  const { token, tokenId } = await setupToSavedToken(app, sim, simApp);
  const card = await openSavedTokenCard(page);

  sim.setFault('auth.revoke', { kind: 'server-error' });
  await card.getByRole('button', { name: 'Revoke', exact: true }).click();
  await page.getByRole('dialog', { name: 'Revoke this token?' }).getByRole('button', { name: 'Revoke token' }).click();

  const alert = card.getByRole('alert');
  await expect(alert).toContainText('Slack had a problem');
  await expect(alert).toContainText(/wait a minute and try again/);
  await expect(card.getByText('Revoke failed', { exact: true })).toBeVisible();
  expect(sim.tokenStatus(token)).toBe('active');
  expect(storedMeta(app.dataDir, tokenId).status).toBe('revoke-failed');
  expect(readStoredSecrets(app, tokenId)?.token).toBe(token);

  // Retry while Slack still fails: still kept, still saying why.
  const revokeCalls = (): number => sim.requests.filter((request) => request.path === '/api/auth.revoke').length;
  expect(revokeCalls()).toBe(1);
  await alert.getByRole('button', { name: 'Retry', exact: true }).click();
  await expect.poll(revokeCalls).toBe(2);
  await expect(card.getByRole('button', { name: 'Retry', exact: true })).toBeEnabled();
  await expect(card.getByRole('alert')).toContainText('Slack had a problem');
  expect(sim.tokenStatus(token)).toBe('active');

  // The failure is remembered: after reopening the app the card still offers the retry.
  const reopened = await app.relaunch();
  const reopenedCard = await openSavedTokenCard(reopened.page);
  await expect(reopenedCard.getByText('Revoke failed', { exact: true })).toBeVisible();
  await expect(reopenedCard.getByRole('alert')).toContainText('Slack had a problem');

  sim.clearFaults();
  await reopenedCard.getByRole('button', { name: 'Retry revoke' }).click();
  await expect(reopenedCard.getByRole('status').filter({ hasText: 'Revoked and confirmed: Slack now refuses this token.' })).toBeVisible();
  await expect(reopenedCard.getByText(/^Revoked on /)).toBeVisible();
  await expect(reopenedCard.getByRole('alert')).toHaveCount(0);
  expect(sim.tokenStatus(token)).toBe('revoked');
  expect(readStoredSecrets(reopened, tokenId)).toBeNull();
  await reopened.close();
});

test('Reveal shows the token briefly, then masks it; Forget removes the entry without revoking it', async ({ launch, sim, simApp }) => {
  const app = await launch();
  const { page } = app;
  const { token, tokenId } = await setupToSavedToken(app, sim, simApp);
  const card = await openSavedTokenCard(page);
  const masked = `${token.slice(0, 5)}…${token.slice(-4)}`;
  await expect(card.getByRole('heading', { name: masked })).toBeVisible();
  expect(await page.content()).not.toContain(token);

  await card.getByRole('button', { name: 'Reveal' }).click();
  const revealed = card.getByText(token, { exact: true });
  await expect(revealed).toBeVisible();
  await expect(card.getByText(/^Hidden again in \d+ s\. Do not paste it into chats or tickets\.$/)).toBeVisible();
  await expect(card.getByRole('button', { name: 'Hide' })).toBeVisible();
  // The reveal lasts 15 s; it must be gone by 20 s without anyone clicking Hide.
  await expect(revealed).toBeHidden({ timeout: 20_000 });
  expect(await page.content()).not.toContain(token);
  await expect(card.getByRole('button', { name: 'Reveal' })).toBeVisible();

  // Forget: confirmation in plain words, then the entry is gone here but the token still works.
  await card.getByRole('button', { name: 'Forget' }).click();
  const dialog = page.getByRole('dialog', { name: 'Forget this token on this computer?' });
  await expect(dialog).toContainText('It is not revoked: integrations that use it keep working.');
  await dialog.getByRole('button', { name: 'Forget token' }).click();
  await expect(page.getByRole('article')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: "Get your organization's admin token for Slack" })).toBeVisible();
  expect(vaultEntryIds(app.dataDir)).not.toContain(tokenId);
  expect(sim.tokenStatus(token)).toBe('active');
});
