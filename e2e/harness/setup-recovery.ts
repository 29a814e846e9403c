// Steps shared by the specs of the setup's error and fallback flows: reaching the sign-in step,
// reading a message as the admin sees it (from the renderer's own catalogues, in English or
// Korean), signing in again, proving the final token works at Slack, and playing the admin's
// usual browser for the "Use my usual browser instead" fallback.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from '@playwright/test';
import type { Browser, Locator, Page } from 'playwright-core';
import type { UserErrorCode } from '../../electron/shared/user-error';
import type { SimApp, SimSlack, SimUser } from '../sim-slack/index';
import type { LaunchedApp } from './launch-app';
import { acceptScopes, chooseApis, enterCredentials, expectTokenTested, openSignIn, startSetup, type ApiCardName } from './setup-flow';
import { signInAndDecide } from './slack-pages';

export type Language = 'en' | 'ko';

const I18N_DIR = resolve(import.meta.dirname, '..', '..', 'renderer', 'src', 'i18n');
const catalogues = new Map<Language, unknown>();

function catalogue(language: Language): unknown {
  let loaded = catalogues.get(language);
  if (loaded === undefined) {
    loaded = JSON.parse(readFileSync(resolve(I18N_DIR, `${language}.json`), 'utf8')) as unknown;
    catalogues.set(language, loaded);
  }
  return loaded;
}

/** A string from the renderer's catalogue (`errors.state-mismatch.title`), placeholders filled in. */
export function text(language: Language, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = catalogue(language);
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') throw new Error(`No ${language} catalogue string at ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * Waits for the error message the admin would read (role alert, the catalogue's title and body)
 * and returns it, so a spec can look for its buttons.
 */
export async function expectUserError(
  page: Page,
  code: UserErrorCode,
  options: { language?: Language; values?: Record<string, string | number>; timeout?: number } = {},
): Promise<Locator> {
  const language = options.language ?? 'en';
  const title = text(language, `errors.${code}.title`, options.values);
  const alert = page.getByRole('alert').filter({ hasText: title });
  await expect(alert).toBeVisible({ timeout: options.timeout ?? 15_000 });
  await expect(alert).toContainText(text(language, `errors.${code}.body`, options.values));
  return alert;
}

export interface ReachSignInOptions {
  apis?: ApiCardName[];
  clientSecret?: string;
  remember?: boolean;
}

/** From the first screen to the sign-in step (English), with the app's credentials entered. */
export async function reachSignInStep(page: Page, simApp: SimApp, options: ReachSignInOptions = {}): Promise<void> {
  await startSetup(page);
  await chooseApis(page, options.apis ?? ['SCIM', 'Audit Logs']);
  await acceptScopes(page);
  await enterCredentials(page, { clientId: simApp.clientId, clientSecret: options.clientSecret ?? simApp.clientSecret, remember: options.remember });
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Slack' })).toBeVisible();
}

/** Opens the app's sign-in window and waits until Slack's first page is on screen in it. */
export async function openSignInWindow(app: LaunchedApp): Promise<Page> {
  const window = await openSignIn(app);
  await window.getByLabel('Email address').or(window.getByLabel('Install on')).first().waitFor({ state: 'visible' });
  return window;
}

/** "Open Slack sign-in" again, sign in, choose the organization and Allow. */
/** Clicks "Sign in again" in an error message and completes the sign-in it opens. */
export async function signInAgainFromMessage(app: LaunchedApp, message: Locator, user: SimUser): Promise<void> {
  const window = app.signInWindows.next();
  await message.getByRole('button', { name: 'Sign in again' }).click();
  await signInAndDecide(await window, { user, installOn: 'org', decision: 'allow' });
}

export async function signInAgain(app: LaunchedApp, user: SimUser): Promise<void> {
  const window = await openSignIn(app);
  await signInAndDecide(window, { user, installOn: 'org', decision: 'allow' });
}

/** The `state` the app put on its authorize request, read from the sign-in window's address. */
export async function appStateOf(window: Page): Promise<string> {
  await window.waitForURL(/\/oauth\/v2\/authorize/);
  const state = new URL(window.url()).searchParams.get('state');
  if (!state) throw new Error('The sign-in window has no state parameter');
  return state;
}

/**
 * Sends the sign-in window to an address, as a redirect from Slack would. The app's capture
 * aborts any https://localhost request, so the navigation itself is expected to fail.
 */
export async function sendWindowTo(window: Page, url: string): Promise<void> {
  await window.goto(url).catch(() => undefined);
}

/**
 * From "Everything works." on the Test step to the result, copies the token like the admin does
 * and returns it, so a spec can ask the simulated Slack whether it is live.
 */
export async function copyFinalToken(app: LaunchedApp): Promise<string> {
  const { page } = app;
  await expectTokenTested(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your token' })).toBeVisible();
  await page.getByRole('button', { name: /^Copy/ }).first().click();
  await expect.poll(() => app.clipboard.readText()).toMatch(/^xoxp-/);
  return app.clipboard.readText();
}

/** Ends on a tested token that Slack says is active and was installed on the whole org. */
export async function expectWorkingOrgToken(app: LaunchedApp, sim: SimSlack): Promise<string> {
  const token = await copyFinalToken(app);
  expect(sim.tokenStatus(token)).toBe('active');
  expect(sim.installs.at(-1)?.isEnterpriseInstall).toBe(true);
  return token;
}

/** How many times the app called a Web API method (the sim logs method and path only). */
export function callsTo(sim: SimSlack, method: string): number {
  return sim.requests.filter((request) => request.path === `/api/${method}`).length;
}

export interface UsualBrowserTab {
  page: Page;
  /** The address the browser tried to open at https://localhost (what the address bar shows). */
  landedOn(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The admin's usual browser: a separate browser profile opening the authorize URL. Nothing
 * listens on https://localhost there, so the redirect fails to load, as in a real browser; a CDP
 * `Fetch` pattern records the address the admin would copy (page.route never sees a request
 * reached through a 302) and refuses the connection.
 */
export async function openInUsualBrowser(browser: Browser, url: string): Promise<UsualBrowserTab> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 760 }, locale: 'en-US' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let record!: (address: string) => void;
  const landed = new Promise<string>((settle) => {
    record = settle;
  });
  cdp.on('Fetch.requestPaused', (event: { requestId: string; request: { url: string } }) => {
    record(event.request.url);
    void cdp.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'ConnectionRefused' }).catch(() => undefined);
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: 'https://localhost*', requestStage: 'Request' }] });
  await page.goto(url);
  return {
    page,
    landedOn: () => landed,
    close: () => context.close().catch(() => undefined),
  };
}
