// Issue 3, acceptance 1, 6 and 7: from launch to a tested org token through the real handlers
// and the simulated Slack, accessible on every screen, counting what the admin has to do.
import { seriousAxeViolations } from '../harness/axe';
import { expect, test } from '../harness/fixtures';
import { readmeScreenshot } from '../harness/readme-screenshot';
import { acceptScopes, chooseApis, createActionCounter, enterCredentials, expectTokenTested, openSignIn, startSetup } from '../harness/setup-flow';
import { signInAndDecide } from '../harness/slack-pages';

test('SCIM + Audit Logs: sign in, choose the organization, Allow, and end on a tested token', async ({ launch, sim, simApp }, testInfo) => {
  const app = await launch();
  const { page } = app;
  const counter = createActionCounter();
  const axeByScreen: Record<string, unknown[]> = {};
  const checkAxe = async (screen: string): Promise<void> => {
    axeByScreen[screen] = await seriousAxeViolations(page);
  };

  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checkAxe('home');
  await startSetup(page, counter);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose what to connect' })).toBeVisible();
  await checkAxe('choose-apis');
  await chooseApis(page, ['SCIM', 'Audit Logs'], counter);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose the scopes' })).toBeVisible();
  await checkAxe('scopes');
  await acceptScopes(page, counter);
  await expect(page.getByRole('heading', { level: 1, name: 'Create the Slack app' })).toBeVisible();
  await checkAxe('credentials');
  await enterCredentials(page, simApp, counter);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Slack' })).toBeVisible();
  await expect(page.getByText(/choose your organization in the menu at the top right/i)).toBeVisible();
  await checkAxe('sign-in');

  const slackWindow = await openSignIn(app, counter);
  await signInAndDecide(slackWindow, { user: sim.users.owner, installOn: 'org', decision: 'allow' }, counter);

  await expectTokenTested(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Test the token' })).toBeVisible();
  await expect(page.getByText('Acme Corp (simulated)').first()).toBeVisible();
  await expect(page.getByText('E0SIMORG01').first()).toBeVisible();
  await expect(page.getByText('Slack granted every scope that was asked for.')).toBeVisible();
  await checkAxe('test');
  // The README shows this screen: the end of the guided setup.
  await readmeScreenshot(page, 'tested-token.png', { fullPage: true });

  const actions = counter.total();
  console.log(`[setup-happy-path] admin actions from launch to the tested token: ${actions} ${JSON.stringify(counter.breakdown())}`);
  testInfo.annotations.push({ type: 'admin-actions', description: `${actions} ${JSON.stringify(counter.breakdown())}` });

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your token' })).toBeVisible();
  await checkAxe('result');

  // The token is never in the page except masked, nor in the renderer's storage.
  await page.getByRole('button', { name: /^Copy/ }).first().click();
  await expect.poll(() => app.clipboard.readText()).toMatch(/^xoxp-/);
  const token = await app.clipboard.readText();
  const html = await page.content();
  expect(html).not.toContain(token);
  expect(html).toContain(`${token.slice(0, 5)}…${token.slice(-4)}`);
  const storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
  expect(storage).not.toContain(token);
  expect(storage).not.toContain(simApp.clientSecret);

  expect(axeByScreen).toEqual(Object.fromEntries(Object.keys(axeByScreen).map((screen) => [screen, []])));
});
