// Issue 3: every way the sign-in can go wrong shows its own message, and the admin goes on in the
// same app session (no restart, nothing re-entered that was not wrong) to "Everything works.".
import { expect, test } from '../harness/fixtures';
import { seriousAxeViolations } from '../harness/axe';
import {
  appStateOf,
  callsTo,
  expectUserError,
  expectWorkingOrgToken,
  openSignInWindow,
  reachSignInStep,
  sendWindowTo,
  signInAgain,
  signInAgainFromMessage,
  text,
} from '../harness/setup-recovery';
import { expectTokenTested, openSignIn } from '../harness/setup-flow';
import { signInAndDecide } from '../harness/slack-pages';
import { authorizeAndGetCode, exchangeCode } from '../sim-slack/test-helpers';

const SIGN_IN_HEADING = { level: 1, name: 'Sign in to Slack' } as const;

test('Cancel on Slack’s page, then closing the window: each message in turn, credentials kept, then a working token', async ({ launch, sim, simApp }) => {
  const app = await launch();
  const { page } = app;
  await reachSignInStep(page, simApp);

  const declined = await openSignIn(app);
  await signInAndDecide(declined, { user: sim.users.owner, installOn: 'org', decision: 'cancel' });
  await expectUserError(page, 'access-denied');
  await expect(page.getByRole('heading', SIGN_IN_HEADING)).toBeVisible();
  expect(callsTo(sim, 'oauth.v2.access')).toBe(0);
  expect(await seriousAxeViolations(page)).toEqual([]);

  const closed = await openSignInWindow(app);
  await closed.close();
  await expectUserError(page, 'sign-in-cancelled');
  await expect(page.getByText(text('en', 'errors.access-denied.title'))).toHaveCount(0);
  await expect(page.getByRole('heading', SIGN_IN_HEADING)).toBeVisible();
  // Nothing lost: the secret is still held (no "needed again"), and the Client ID is still there.
  await expect(page.getByText(text('en', 'errors.missing-client-credentials.title'))).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);

  await signInAgain(app, sim.users.owner);
  await expectWorkingOrgToken(app, sim);
  expect(sim.installs.map((install) => install.isEnterpriseInstall)).toEqual([true]);
});

test('in Korean: Cancel, and a window closed while Slack’s page loads, each get their Korean message; then a working token', async ({ launch, sim, simApp }) => {
  const app = await launch({ systemLanguage: 'ko' });
  const { page } = app;
  const ko = (key: string): string => text('ko', key);

  await page.getByRole('button', { name: ko('home.startSetup') }).click();
  await expect(page.getByRole('heading', { level: 1, name: ko('setup.steps.choose-apis') })).toBeVisible();
  await page.getByRole('checkbox', { name: /^SCIM/ }).check();
  await page.getByRole('checkbox', { name: /^감사 로그/ }).check();
  await page.getByRole('button', { name: ko('common.continue') }).click();
  await expect(page.getByRole('heading', { level: 1, name: ko('setup.steps.scopes') })).toBeVisible();
  await page.getByRole('button', { name: ko('common.continue') }).click();
  await page.getByLabel(ko('setup.credentials.clientId')).fill(simApp.clientId);
  await page.getByLabel(ko('setup.credentials.clientSecret'), { exact: true }).fill(simApp.clientSecret);
  await page.getByRole('button', { name: ko('setup.credentials.save') }).click();
  await expect(page.getByRole('heading', { level: 1, name: ko('setup.steps.sign-in') })).toBeVisible();

  const openButton = page.getByRole('button', { name: ko('setup.signIn.open') });
  const declined = app.signInWindows.next();
  await openButton.click();
  await signInAndDecide(await declined, { user: sim.users.owner, installOn: 'org', decision: 'cancel' });
  await expectUserError(page, 'access-denied', { language: 'ko' });
  expect(await seriousAxeViolations(page)).toEqual([]);

  const closing = app.signInWindows.next();
  await openButton.click();
  await (await closing).close();
  await expectUserError(page, 'sign-in-cancelled', { language: 'ko' });

  const last = app.signInWindows.next();
  await openButton.click();
  await signInAndDecide(await last, { user: sim.users.owner, installOn: 'org', decision: 'allow' });
  await expect(page.getByText(ko('test.summary.ok')).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1, name: ko('setup.steps.test') })).toBeVisible();
  expect(sim.installs.map((install) => install.isEnterpriseInstall)).toEqual([true]);
});

test('a redirect the app did not start (forged state), then a code already used: each message, then signing in again works', async ({ launch, sim, simApp }) => {
  const app = await launch();
  const { page } = app;
  await reachSignInStep(page, simApp);

  const forged = await openSignInWindow(app);
  await sendWindowTo(forged, 'https://localhost/?code=abc&state=forged');
  await expectUserError(page, 'state-mismatch');
  // The forged code never reaches Slack.
  expect(callsTo(sim, 'oauth.v2.access')).toBe(0);
  await expect(page.getByRole('heading', SIGN_IN_HEADING)).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);

  const replayed = await openSignInWindow(app);
  const state = await appStateOf(replayed);
  const userScopes = (new URL(replayed.url()).searchParams.get('user_scope') ?? '').split(',');
  // A code for this very app, already exchanged by someone else before the app gets it.
  const code = await authorizeAndGetCode(sim, { app: simApp, user: sim.users.owner, userScopes, installOn: 'org', redirectUri: 'https://localhost' });
  const firstUse = await exchangeCode(sim, simApp, code, 'https://localhost');
  expect(firstUse.ok).toBe(true);
  await sendWindowTo(replayed, `https://localhost/?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`);

  const alert = await expectUserError(page, 'code-already-used');
  await expect(alert).toContainText('code_already_used');
  await expect(page.getByText(text('en', 'errors.state-mismatch.title'))).toHaveCount(0);
  await expect(page.getByRole('heading', SIGN_IN_HEADING)).toBeVisible();
  expect(callsTo(sim, 'oauth.v2.access')).toBe(2);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The way back: the message's own button, then the sign-in again.
  await signInAgainFromMessage(app, alert, sim.users.owner);
  await expectWorkingOrgToken(app, sim);
});

test('a wrong Client Secret: the bad-client-secret message sends the admin to the credentials step; fixing it works', async ({ launch, sim, simApp }) => {
  const app = await launch();
  const { page } = app;
  const wrongSecret = simApp.clientSecret === '0123456789abcdef0123456789abcdef' ? 'fedcba9876543210fedcba9876543210' : '0123456789abcdef0123456789abcdef';
  await reachSignInStep(page, simApp, { clientSecret: wrongSecret });

  await signInAgain(app, sim.users.owner);
  const alert = await expectUserError(page, 'bad-client-secret');
  await expect(alert).toContainText('bad_client_secret');
  expect(sim.installs).toEqual([]);
  expect(await seriousAxeViolations(page)).toEqual([]);

  await alert.getByRole('button', { name: 'Go back to: Create the Slack app' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create the Slack app' })).toBeVisible();
  await expect(page.getByLabel('Client ID')).toHaveValue(simApp.clientId);
  await page.getByLabel('Client Secret', { exact: true }).fill(simApp.clientSecret);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', SIGN_IN_HEADING)).toBeVisible();

  await signInAgain(app, sim.users.owner);
  await expectWorkingOrgToken(app, sim);
});

test('a short 429 on the code exchange: a visible countdown, then the token without any action', async ({ launch, sim, simApp }) => {
  const app = await launch();
  const { page } = app;
  await reachSignInStep(page, simApp);
  sim.setFault('oauth.v2.access', { kind: 'rate-limit', retryAfterSeconds: 2 }, { times: 1 });

  await signInAgain(app, sim.users.owner);
  // Counts down second by second, in a status region a screen reader announces.
  const countdown = page.getByRole('status').filter({ hasText: /retrying in \d+ s/ });
  await expect(countdown).toHaveText(text('en', 'rateLimit.waiting', { seconds: 2 }));
  await expect(countdown).toHaveText(text('en', 'rateLimit.waiting', { seconds: 1 }));

  await expectTokenTested(page);
  await expect(page.getByText(/retrying in/)).toHaveCount(0);
  expect(callsTo(sim, 'oauth.v2.access')).toBe(2);
  expect(sim.installs.map((install) => install.isEnterpriseInstall)).toEqual([true]);
});

test('a long 429 on the code exchange: the rate-limited message at once (no 2-minute wait), then signing in again works', async ({ launch, sim, simApp }) => {
  const app = await launch();
  const { page } = app;
  await reachSignInStep(page, simApp);
  sim.setFault('oauth.v2.access', { kind: 'rate-limit', retryAfterSeconds: 120 }, { times: 1 });

  const started = Date.now();
  await signInAgain(app, sim.users.owner);
  await expectUserError(page, 'rate-limited', { values: { retryAfterSeconds: 120 } });
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(callsTo(sim, 'oauth.v2.access')).toBe(1);
  expect(await seriousAxeViolations(page)).toEqual([]);

  await signInAgain(app, sim.users.owner);
  await expectTokenTested(page);
  expect(callsTo(sim, 'oauth.v2.access')).toBe(2);
  expect(sim.installs.map((install) => install.isEnterpriseInstall)).toEqual([true]);
});

test('auth.test answering 500, then an HTML page: the Test step explains each, and "Test again" ends on "Everything works."', async ({ launch, sim, simApp }) => {
  const app = await launch();
  const { page } = app;
  await reachSignInStep(page, simApp);
  // Slack's auth.test is down for the whole sign-in: the token must still be saved and tested.
  sim.setFault('auth.test', { kind: 'server-error' });

  await signInAgain(app, sim.users.owner);
  await expect(page.getByRole('heading', { level: 1, name: 'Test the token' })).toBeVisible({ timeout: 15_000 });
  const serverError = await expectUserError(page, 'slack-server-error');
  await expect(serverError).toContainText('HTTP 500');
  await expect(page.getByText('Everything works.')).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);

  sim.clearFaults();
  await page.getByRole('button', { name: 'Test again' }).click();
  await expectTokenTested(page);

  // A proxy or captive portal answering with a web page instead of Slack's JSON.
  sim.setFault('auth.test', { kind: 'html' }, { times: 1 });
  await page.getByRole('button', { name: 'Test again' }).click();
  await expectUserError(page, 'unexpected-response');
  await expect(page.getByText('Everything works.')).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Test again' }).click();
  await expectWorkingOrgToken(app, sim);
});
