// The admin's moves through the guided setup, as reusable steps for specs. Selectors are the
// accessible names a user sees (English), kept here in one place.
import type { Page } from 'playwright-core';
import type { SimApp, SimSlack, SimUser } from '../sim-slack/index';
import type { LaunchedApp } from './launch-app';
import { signInAndDecide, type ActionCounter } from './slack-pages';

export type ApiCardName = 'SCIM' | 'Audit Logs' | 'Discovery' | 'Admin API';

/** Counts clicks, typed fields, pastes and selections from launch to the tested token. */
export function createActionCounter(): ActionCounter & { total(): number; breakdown(): Record<string, number> } {
  const counts = { click: 0, type: 0, paste: 0, select: 0 };
  return {
    click: () => void (counts.click += 1),
    type: () => void (counts.type += 1),
    paste: () => void (counts.paste += 1),
    select: () => void (counts.select += 1),
    total: () => counts.click + counts.type + counts.paste + counts.select,
    breakdown: () => ({ ...counts }),
  };
}

const noCount: ActionCounter = { click() {}, type() {}, paste() {}, select() {} };

export async function startSetup(page: Page, counter: ActionCounter = noCount): Promise<void> {
  await page.getByRole('button', { name: 'Start setup' }).click();
  counter.click();
}

export async function chooseApis(page: Page, apis: ApiCardName[], counter: ActionCounter = noCount): Promise<void> {
  for (const api of apis) {
    await page.getByRole('checkbox', { name: new RegExp(`^${api}`) }).check();
    counter.click();
  }
  await page.getByRole('button', { name: 'Continue' }).click();
  counter.click();
}

/** Accepts the scopes the presets chose. */
export async function acceptScopes(page: Page, counter: ActionCounter = noCount): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click();
  counter.click();
}

/** Pastes the Client ID and Secret (one paste each, as an admin copies them from Slack). */
export async function enterCredentials(
  page: Page,
  credentials: { clientId: string; clientSecret: string; remember?: boolean },
  counter: ActionCounter = noCount,
): Promise<void> {
  await page.getByLabel('Client ID').fill(credentials.clientId);
  counter.paste();
  await page.getByLabel('Client Secret', { exact: true }).fill(credentials.clientSecret);
  counter.paste();
  if (credentials.remember) {
    await page.getByRole('checkbox', { name: /Remember this app/ }).check();
    counter.click();
  }
  await page.getByRole('button', { name: 'Save and continue' }).click();
  counter.click();
}

/** Clicks "Open Slack sign-in" and returns the sign-in window the app opened. */
export async function openSignIn(app: LaunchedApp, counter: ActionCounter = noCount): Promise<Page> {
  const next = app.signInWindows.next();
  await app.page.getByRole('button', { name: 'Open Slack sign-in' }).click();
  counter.click();
  return next;
}

export interface FullSetupOptions {
  apis?: ApiCardName[];
  user?: SimUser;
  installOn?: 'org' | 'workspace';
  remember?: boolean;
  counter?: ActionCounter;
}

/** From the first screen to the Test step, signing in as the org owner and choosing the org. */
export async function runSetupToTest(app: LaunchedApp, sim: SimSlack, simApp: SimApp, options: FullSetupOptions = {}): Promise<void> {
  const counter = options.counter ?? noCount;
  const { page } = app;
  await startSetup(page, counter);
  await chooseApis(page, options.apis ?? ['SCIM', 'Audit Logs'], counter);
  await acceptScopes(page, counter);
  await enterCredentials(page, { ...simApp, remember: options.remember }, counter);
  const window = await openSignIn(app, counter);
  await signInAndDecide(window, { user: options.user ?? sim.users.owner, installOn: options.installOn ?? 'org', decision: 'allow' }, counter);
}

/** Waits for the Test step to report that everything works. */
export async function expectTokenTested(page: Page): Promise<void> {
  await page.getByText('Everything works.').first().waitFor({ state: 'visible', timeout: 20_000 });
}
