// Issue 3: the most common mistake on Slack's install page is leaving a workspace selected
// instead of choosing the organization. The admin is told so in plain words, the useless
// workspace token is revoked at Slack, and signing in again with the organization fixes it.
import { seriousAxeViolations } from '../harness/axe';
import { expect, test } from '../harness/fixtures';
import { callsTo, expectUserError, expectWorkingOrgToken, openSignInWindow, reachSignInStep, signInAgainFromMessage } from '../harness/setup-recovery';
import { signInAndDecide } from '../harness/slack-pages';

test('a workspace install gets the workspace-install message; signing in again with the organization ends on a working token', async ({ launch, sim, simApp }) => {
  const app = await launch();
  const { page } = app;
  await reachSignInStep(page, simApp);

  const slackWindow = await openSignInWindow(app);
  await signInAndDecide(slackWindow, { user: sim.users.owner, installOn: 'workspace', decision: 'allow' });

  const alert = await expectUserError(page, 'workspace-install');
  await expect(alert).toContainText('installed on a workspace, not on your organization');
  // Still on the sign-in step, with nothing to re-enter: the next move is simply signing in again.
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Slack' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open Slack sign-in' })).toBeEnabled();
  await expect(page.getByText('Everything works.')).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Slack side: the install really was workspace-level, and the app revoked that token at once
  // rather than leaving a live credential nobody holds.
  expect(sim.installs.map((install) => install.isEnterpriseInstall)).toEqual([false]);
  await expect.poll(() => callsTo(sim, 'auth.revoke')).toBe(1);

  await signInAgainFromMessage(app, alert, sim.users.owner);

  await expectWorkingOrgToken(app, sim);
  expect(sim.installs.map((install) => install.isEnterpriseInstall)).toEqual([false, true]);
});
