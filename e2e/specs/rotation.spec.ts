// Issue 4, acceptance 6: a rotating token (10-minute lifetime here) is refreshed in the background
// shortly before it expires (margin: the smaller of 5 minutes and 10% of the lifetime, so at 540 s
// of 600 s); the new refresh token is the one stored, the old one is dead at Slack, the new access
// token works, and the saved-token list shows the new expiry. "Refresh now" does the same on demand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { createManualClock } from '../../electron/main/ipc/test-support/manual-clock';
import { expect, test } from '../harness/fixtures';
import { openSavedTokenCard, readStoredSecrets, setupToSavedToken } from '../harness/saved-token-flow';
import type { SimApp } from '../sim-slack/index';

const LIFETIME_S = 600;
const REFRESH_AT_MS = 540_000;

function storedExpiry(dataDir: string, tokenId: string): string {
  const file = JSON.parse(readFileSync(join(dataDir, 'vault', 'entries', `${tokenId}.json`), 'utf8')) as { meta: { expiresAt: string | null } };
  if (!file.meta.expiresAt) throw new Error('the entry has no expiry');
  return file.meta.expiresAt;
}

function shownTime(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (value) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)),
    iso,
  );
}

function expiresRow(card: Locator): Locator {
  return card.getByRole('term').filter({ hasText: /^Expires$/ }).locator('xpath=following-sibling::dd');
}

/** Uses a refresh token as any client of the app could: oauth.v2.access, grant_type=refresh_token. */
async function useRefreshToken(origin: string, simApp: SimApp, refreshToken: string): Promise<{ ok: boolean; error?: string }> {
  const response = await fetch(`${origin}/api/oauth.v2.access`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${simApp.clientId}:${simApp.clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }).toString(),
  });
  return (await response.json()) as { ok: boolean; error?: string };
}

const refreshCalls = (requests: { path: string }[]): number => requests.filter((request) => request.path === '/api/oauth.v2.access').length;

test('refreshed in the background just before expiry; then on demand with "Refresh now"', async ({ launch, sim }) => {
  const clock = createManualClock();
  const simApp = sim.registerApp({ tokenRotation: true, tokenLifetimeSeconds: LIFETIME_S });
  const app = await launch({ clock });
  const { page } = app;
  const { token: firstToken, tokenId } = await setupToSavedToken(app, sim, simApp, { remember: true });
  expect(firstToken).toMatch(/^xoxe\.xoxp-/);

  const first = readStoredSecrets(app, tokenId);
  const firstRefresh = first?.refreshToken ?? '';
  expect(firstRefresh).toMatch(/^xoxe-/);
  const firstExpiry = storedExpiry(app.dataDir, tokenId);
  expect(Date.parse(firstExpiry) - clock.now()).toBe(LIFETIME_S * 1000);
  // The refresh is planned one minute (10% of 10 minutes) before expiry.
  expect(clock.pendingDueTimes()).toContain(Date.parse(firstExpiry) - 60_000);

  const card = await openSavedTokenCard(page);
  await expect(expiresRow(card)).toHaveText(await shownTime(page, firstExpiry));
  const exchanges = refreshCalls(sim.requests);

  // One second early: nothing happens.
  sim.advanceClock(REFRESH_AT_MS - 1000);
  clock.advance(REFRESH_AT_MS - 1000);
  await page.waitForTimeout(500);
  expect(refreshCalls(sim.requests)).toBe(exchanges);
  expect(readStoredSecrets(app, tokenId)?.refreshToken).toBe(firstRefresh);

  // At 540 s the app refreshes by itself.
  sim.advanceClock(1000);
  clock.advance(1000);
  await expect.poll(() => readStoredSecrets(app, tokenId)?.refreshToken, { timeout: 10_000 }).not.toBe(firstRefresh);
  const second = readStoredSecrets(app, tokenId);
  const secondRefresh = second?.refreshToken ?? '';
  expect(secondRefresh).toMatch(/^xoxe-/);
  expect(second?.token).toMatch(/^xoxe\.xoxp-/);
  expect(second?.token).not.toBe(firstToken);
  expect(sim.tokenStatus(second?.token ?? '')).toBe('active');
  expect(sim.tokenStatus(secondRefresh)).toBe('active');
  expect(await useRefreshToken(sim.origin, simApp, firstRefresh)).toEqual(expect.objectContaining({ ok: false, error: 'invalid_refresh_token' }));

  const secondExpiry = storedExpiry(app.dataDir, tokenId);
  expect(Date.parse(secondExpiry)).toBe(clock.now() + LIFETIME_S * 1000);
  const secondShown = await shownTime(page, secondExpiry);
  expect(secondShown).not.toBe(await shownTime(page, firstExpiry));
  await expect(expiresRow(card)).toHaveText(secondShown);
  await expect(card.getByRole('heading', { name: `xoxe.xoxp-…${(second?.token ?? '').slice(-4)}` })).toBeVisible();
  // And the next refresh is planned from the new expiry.
  expect(clock.pendingDueTimes()).toContain(Date.parse(secondExpiry) - 60_000);

  // "Refresh now", five minutes later.
  sim.advanceClock(300_000);
  clock.advance(300_000);
  await card.getByRole('button', { name: 'Refresh now' }).click();
  await expect.poll(() => readStoredSecrets(app, tokenId)?.refreshToken, { timeout: 10_000 }).not.toBe(secondRefresh);
  const thirdExpiry = storedExpiry(app.dataDir, tokenId);
  await expect(card.getByRole('status').filter({ hasText: `Refreshed. The new token expires on ${await shownTime(page, thirdExpiry)}.` })).toBeVisible();
  await expect(expiresRow(card)).toHaveText(await shownTime(page, thirdExpiry));
  const third = readStoredSecrets(app, tokenId);
  expect(third?.refreshToken).toMatch(/^xoxe-/);
  expect(sim.tokenStatus(third?.token ?? '')).toBe('active');
  expect(await useRefreshToken(sim.origin, simApp, secondRefresh)).toEqual(expect.objectContaining({ ok: false, error: 'invalid_refresh_token' }));
  await expect(card.getByRole('alert')).toHaveCount(0);
});
