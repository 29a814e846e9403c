// Drives the simulated Slack's sign-in and install pages the way an admin would.
import type { Page } from 'playwright-core';
import type { SimUser } from '../sim-slack/index';

export interface SlackConsentChoice {
  user: SimUser;
  /** `org` installs on the whole organization; otherwise a workspace (Slack's default). */
  installOn: 'org' | 'workspace';
  decision: 'allow' | 'cancel';
}

/** Counts what the admin did, to report the number of actions from launch to tested token. */
export interface ActionCounter {
  click(): void;
  type(): void;
  paste(): void;
  select(): void;
}

export async function signInAndDecide(page: Page, choice: SlackConsentChoice, counter?: ActionCounter): Promise<void> {
  const email = page.getByLabel('Email address');
  const target = page.getByLabel('Install on');
  // A second sign-in in the same browser session may skip the form (Slack remembers you).
  await email.or(target).first().waitFor({ state: 'visible' });
  if (await email.isVisible()) {
    await email.fill(choice.user.email);
    counter?.type();
    await page.getByLabel('Password').fill(choice.user.password);
    counter?.type();
    await page.getByRole('button', { name: 'Sign in' }).click();
    counter?.click();
  }
  await target.waitFor({ state: 'visible' });
  if (choice.installOn === 'org') {
    await target.selectOption('org');
    counter?.select();
  }
  await page.getByRole('button', { name: choice.decision === 'allow' ? 'Allow' : 'Cancel' }).click();
  counter?.click();
}
