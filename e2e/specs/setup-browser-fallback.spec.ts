// Issue 3: "Use my usual browser instead", for single sign-on that does not work inside an app
// window. The app hands Slack's authorize address to the system browser; the admin signs in
// there, lands on a page that fails to load at https://localhost, copies its address and pastes
// it into the app. Anything else pasted is refused with its own message, and the field keeps
// working.
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from '../harness/axe';
import { expect, test } from '../harness/fixtures';
import type { LaunchedApp } from '../harness/launch-app';
import { callsTo, expectUserError, expectWorkingOrgToken, openInUsualBrowser, reachSignInStep } from '../harness/setup-recovery';
import { signInAndDecide } from '../harness/slack-pages';
import type { SimSlack } from '../sim-slack/index';

const PASTE_LABEL = /^Paste the address of the page you land on/;

/** Clicks "Use my usual browser instead" and returns the address the app gave the system browser. */
async function useUsualBrowser(app: LaunchedApp): Promise<string> {
  const before = app.externalUrls.length;
  await app.page.getByRole('button', { name: 'Use my usual browser instead' }).click();
  await expect.poll(() => app.externalUrls.length).toBe(before + 1);
  const url = app.externalUrls.at(-1) ?? '';
  await expect(app.page.getByLabel(PASTE_LABEL)).toBeVisible();
  await expect(app.page.getByText('Waiting for the address from your browser.')).toBeVisible();
  return url;
}

/** The admin in their usual browser: signs in, picks the organization, Allow; returns the address bar. */
async function signInInUsualBrowser(app: LaunchedApp, sim: SimSlack, authorizeUrl: string): Promise<string> {
  const tab = await openInUsualBrowser(app.browser, authorizeUrl);
  try {
    await signInAndDecide(tab.page, { user: sim.users.owner, installOn: 'org', decision: 'allow' });
    return await tab.landedOn();
  } finally {
    await tab.close();
  }
}

async function paste(page: Page, address: string): Promise<void> {
  const field = page.getByLabel(PASTE_LABEL);
  await field.fill(address);
  await page.getByRole('button', { name: 'Finish sign-in' }).click();
  // The address carries a one-time code: it leaves the field as soon as it is sent (on success
  // the step moves on and the field is gone altogether).
  // A short timeout per read: the field may detach between two looks, and a read of a detached
  // field would otherwise wait for it to come back.
  await expect.poll(() => field.inputValue({ timeout: 500 }).catch(() => '')).toBe('');
}

test('signing in in the usual browser and pasting the address it lands on ends on a working token', async ({ launch, sim, simApp }) => {
  const app = await launch();
  const { page } = app;
  await reachSignInStep(page, simApp);

  const authorizeUrl = await useUsualBrowser(app);
  const opened = new URL(authorizeUrl);
  expect(`${opened.origin}${opened.pathname}`).toBe(`${sim.origin}/oauth/v2/authorize`);
  expect(opened.searchParams.get('client_id')).toBe(simApp.clientId);
  expect(opened.searchParams.get('redirect_uri')).toBe('https://localhost');
  expect(opened.searchParams.get('state')).toBeTruthy();
  expect(authorizeUrl).not.toContain(simApp.clientSecret);
  // No app window this time: the sign-in happens in the system browser only.
  expect(app.signInWindows.count()).toBe(0);
  expect(await seriousAxeViolations(page)).toEqual([]);

  const landedOn = await signInInUsualBrowser(app, sim, authorizeUrl);
  expect(landedOn).toMatch(/^https:\/\/localhost\/?\?code=/);
  expect(new URL(landedOn).searchParams.get('state')).toBe(opened.searchParams.get('state'));
  expect(callsTo(sim, 'oauth.v2.access')).toBe(0);

  await paste(page, landedOn);
  await expectWorkingOrgToken(app, sim);
  expect(callsTo(sim, 'oauth.v2.access')).toBe(1);
});

test('a pasted address with the wrong state, a foreign host or no code is refused with its message; the field still works', async ({ launch, sim, simApp }) => {
  const app = await launch();
  const { page } = app;
  await reachSignInStep(page, simApp);
  const authorizeUrl = await useUsualBrowser(app);
  const rightState = new URL(authorizeUrl).searchParams.get('state') ?? '';
  expect(rightState).not.toBe('');

  await paste(page, 'https://localhost/?code=x&state=not-the-right-one');
  await expectUserError(page, 'state-mismatch');
  expect(await seriousAxeViolations(page)).toEqual([]);

  await paste(page, `https://evil.example/?code=x&state=${rightState}`);
  await expectUserError(page, 'pasted-url-foreign-host');
  await expect(page.getByRole('alert')).toHaveCount(1);
  expect(await seriousAxeViolations(page)).toEqual([]);

  await paste(page, `https://localhost/?state=${rightState}`);
  await expectUserError(page, 'pasted-url-no-code');
  await expect(page.getByRole('alert')).toHaveCount(1);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // None of those reached Slack, and the browser sign-in the app started is still the one it waits for.
  expect(callsTo(sim, 'oauth.v2.access')).toBe(0);
  expect(app.externalUrls).toHaveLength(1);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Slack' })).toBeVisible();

  const landedOn = await signInInUsualBrowser(app, sim, authorizeUrl);
  await paste(page, landedOn);
  await expectWorkingOrgToken(app, sim);
  expect(callsTo(sim, 'oauth.v2.access')).toBe(1);
});
