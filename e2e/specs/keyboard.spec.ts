// Issue 3: each screen is keyboard-usable. The admin reaches Slack's sign-in with Tab, Space,
// Enter and typing only, and a dialog closes with Escape.
import type { Page } from 'playwright-core';
import { expect, test } from '../harness/fixtures';
import { expectTokenTested, runSetupToTest } from '../harness/setup-flow';

/** Presses Tab until the focused element's accessible name starts with `name`. */
async function tabTo(page: Page, name: string | RegExp, maxPresses = 40): Promise<void> {
  const matches = (text: string): boolean => (typeof name === 'string' ? text.trim().startsWith(name) : name.test(text.trim()));
  for (let presses = 0; presses < maxPresses; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return '';
      const labelled = element.getAttribute('aria-label');
      if (labelled) return labelled;
      const labels = (element as HTMLInputElement).labels;
      if (labels && labels.length > 0) return [...labels].map((label) => label.innerText).join(' ');
      return element.innerText ?? '';
    });
    if (matches(focused)) return;
  }
  throw new Error(`Tab never reached "${String(name)}"`);
}

test('from launch to Slack sign-in with the keyboard only', async ({ launch, simApp }) => {
  const app = await launch();
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await tabTo(page, 'Start setup');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Choose what to connect' })).toBeVisible();

  await tabTo(page, 'SCIM');
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: /^SCIM/ })).toBeChecked();
  await tabTo(page, 'Continue');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Choose the scopes' })).toBeVisible();

  await tabTo(page, 'Continue');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Create the Slack app' })).toBeVisible();

  await tabTo(page, 'Client ID');
  await page.keyboard.type(simApp.clientId);
  await tabTo(page, 'Client Secret');
  await page.keyboard.type(simApp.clientSecret);
  await tabTo(page, 'Save and continue');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Slack' })).toBeVisible();

  const window = app.signInWindows.next();
  await tabTo(page, 'Open Slack sign-in');
  await page.keyboard.press('Enter');
  await expect((await window).getByLabel('Email address')).toBeVisible();
});

test('a confirmation dialog takes focus and closes with Escape, changing nothing', async ({ launch, sim, simApp }) => {
  const app = await launch();
  const { page } = app;
  await runSetupToTest(app, sim, simApp);
  await expectTokenTested(page);
  await page.getByRole('button', { name: 'Saved tokens' }).first().click();
  await expect(page.getByRole('button', { name: 'Forget' })).toBeVisible();

  await tabTo(page, 'Forget');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Forget this token on this computer?' });
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Forget' })).toBeVisible();
});

test('the leaked-token screen works from the keyboard, and refuses a browser session value', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await tabTo(page, 'Revoke a leaked token');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Revoke a leaked token' })).toBeVisible();
  await tabTo(page, 'Slack token');
  await page.keyboard.type(`xoxc-${'1'.repeat(12)}-${'2'.repeat(12)}`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('This is a browser session value, not a token');
});
