// Issue 2, acceptance 5 and the README screenshot: the app opens on its first screen against the
// simulated Slack; it speaks Korean on every screen of a full setup without a missing translation
// (and follows the OS language); and the page cannot misuse the IPC bridge.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from '../harness/fixtures';
import { readmeScreenshot } from '../harness/readme-screenshot';
import { signInAndDecide } from '../harness/slack-pages';
import { HANGUL, en, ko, translationProblems } from '../harness/translation-check';

/** PNG signature, then the IHDR width and height. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function expectNoTranslationProblems(page: Page, language: 'en' | 'ko', screen: string): Promise<void> {
  expect(await translationProblems(page, language), `translation problems on ${screen}`).toEqual([]);
}

test('opens on the first screen with the "Simulated Slack" badge; README screenshot', async ({ launch, sim }) => {
  const app = await launch({ viewport: { width: 1100, height: 800 } });
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: en('home.welcomeTitle') })).toBeVisible();
  const badge = page.getByText(en('app.simulatedBadge'), { exact: true });
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAttribute('title', sim.origin);
  await expect(page.getByRole('button', { name: en('home.startSetup') })).toBeVisible();
  await expect(page).toHaveTitle(en('app.name'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  const screenshot = await readmeScreenshot(page, 'first-screen.png');
  expect(pngSize(screenshot)).toEqual({ width: 1100, height: 800 });
});

test('Korean: every screen of a full setup, the saved token and the leaked-token screen, with no missing translation; the choice is remembered; back to English', async ({
  launch,
  sim,
  simApp,
}) => {
  sim.enterprise.discoveryEnabled = true;
  const app = await launch();
  const { page } = app;
  const html = page.locator('html');
  const nav = page.getByRole('navigation');
  await expect(page.getByRole('heading', { level: 1, name: en('home.welcomeTitle') })).toBeVisible();
  await expectNoTranslationProblems(page, 'en', 'first screen (English)');

  await page.getByRole('button', { name: '한국어' }).click();
  await expect(html).toHaveAttribute('lang', 'ko');
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(ko('home.welcomeTitle'));
  await expect(h1).toHaveText(HANGUL);
  await expect(nav).toHaveAccessibleName(ko('nav.label'));
  for (const key of ['nav.home', 'nav.setup', 'nav.leaked']) await expect(nav.getByRole('button', { name: ko(key) })).toBeVisible();
  await expect(page.getByRole('button', { name: '한국어' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveTitle(ko('app.name'));
  await expectNoTranslationProblems(page, 'ko', 'first screen');
  await page.getByRole('button', { name: ko('settings.button'), exact: true }).click();
  await expect(page.getByText(ko('settings.region.legend'))).toBeVisible();
  await expectNoTranslationProblems(page, 'ko', 'settings panel');
  await page.getByRole('button', { name: ko('settings.button'), exact: true }).click();

  // 1. Choose what to connect (all four, so every later screen has the most to say).
  await page.getByRole('button', { name: ko('home.startSetup'), exact: true }).click();
  await expect(h1).toHaveText(ko('setup.steps.choose-apis'));
  await expectNoTranslationProblems(page, 'ko', 'choose-apis (nothing chosen)');
  for (const name of ['SCIM', '감사 로그', 'Discovery', '관리자 API(Admin API)']) await page.getByRole('checkbox', { name, exact: true }).check();
  await expectNoTranslationProblems(page, 'ko', 'choose-apis');
  await page.getByRole('button', { name: ko('common.continue'), exact: true }).click();

  // 2. Scopes, including the extra-scopes messages.
  await expect(h1).toHaveText(ko('setup.steps.scopes'));
  await expectNoTranslationProblems(page, 'ko', 'scopes');
  const extra = page.getByLabel(ko('setup.scopes.extra.label'));
  await extra.fill('made:up, NOT A SCOPE');
  await expect(page.getByText(ko('setup.scopes.extra.fixFirst'))).toBeVisible();
  await expectNoTranslationProblems(page, 'ko', 'scopes (extra scope messages)');
  await extra.fill('');
  await page.getByRole('button', { name: ko('common.continue'), exact: true }).click();

  // 3. Credentials, with a field problem showing.
  await expect(h1).toHaveText(ko('setup.steps.credentials'));
  const clientId = page.getByLabel(ko('setup.credentials.clientId'), { exact: true });
  await clientId.fill('not-a-client-id');
  await clientId.blur();
  await expect(page.getByText(ko('setup.credentials.clientIdProblem.bad-shape'))).toBeVisible();
  await expectNoTranslationProblems(page, 'ko', 'credentials');
  await clientId.fill(simApp.clientId);
  await page.getByLabel(ko('setup.credentials.clientSecret'), { exact: true }).fill(simApp.clientSecret);
  await page.getByRole('button', { name: ko('setup.credentials.save'), exact: true }).click();

  // 4. Sign in, also while the Slack window is open.
  await expect(h1).toHaveText(ko('setup.steps.sign-in'));
  await expectNoTranslationProblems(page, 'ko', 'sign-in');
  const slackWindow = app.signInWindows.next();
  await page.getByRole('button', { name: ko('setup.signIn.open'), exact: true }).click();
  const slack = await slackWindow;
  const [beforeAddress] = ko('setup.signIn.phase.waiting-for-admin').split('{{address}}');
  await expect(page.getByRole('status').filter({ hasText: `${beforeAddress}${sim.origin}` })).toBeVisible();
  await expectNoTranslationProblems(page, 'ko', 'sign-in (Slack window open)');
  await signInAndDecide(slack, { user: sim.users.owner, installOn: 'org', decision: 'allow' });

  // 5. Test, 6. Result.
  await expect(h1).toHaveText(ko('setup.steps.test'));
  await expect(page.getByText(ko('test.summary.ok'))).toBeVisible({ timeout: 20_000 });
  await expectNoTranslationProblems(page, 'ko', 'test');
  await page.getByRole('button', { name: ko('common.continue'), exact: true }).click();
  await expect(h1).toHaveText(ko('setup.steps.result'));
  await page.getByRole('button', { name: ko('token.actions.copy'), exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: HANGUL }).first()).toBeVisible();
  await expectNoTranslationProblems(page, 'ko', 'result');

  // The saved token, its test report and its dialogs.
  await page.getByRole('button', { name: ko('setup.result.toSaved'), exact: true }).click();
  await expect(h1).toHaveText(ko('vault.title'));
  const card = page.getByRole('article');
  await card.getByRole('button', { name: ko('token.actions.test'), exact: true }).click();
  await expect(card.getByText(ko('token.testDoneNotice'))).toBeVisible();
  await expectNoTranslationProblems(page, 'ko', 'saved tokens');
  await card.getByRole('button', { name: ko('token.actions.revoke'), exact: true }).click();
  await expect(page.getByRole('dialog', { name: ko('revokeDialog.title') })).toBeVisible();
  await expectNoTranslationProblems(page, 'ko', 'revoke dialog');
  await page.getByRole('dialog').getByRole('button', { name: ko('common.cancel'), exact: true }).click();
  await card.getByRole('button', { name: ko('token.actions.forget'), exact: true }).click();
  await expect(page.getByRole('dialog', { name: ko('forgetDialog.title') })).toBeVisible();
  await expectNoTranslationProblems(page, 'ko', 'forget dialog');
  await page.getByRole('dialog').getByRole('button', { name: ko('common.cancel'), exact: true }).click();

  // The leaked-token screen, with a refusal showing.
  await nav.getByRole('button', { name: ko('nav.leaked'), exact: true }).click();
  await expect(h1).toHaveText(ko('leaked.title'));
  await page.getByLabel(ko('leaked.field')).fill('xoxc-1234567890-1234567890-abcdef');
  await page.getByRole('button', { name: ko('leaked.check'), exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(ko('errors.browser-session-token.title'));
  await expectNoTranslationProblems(page, 'ko', 'leaked token (refused)');

  // The choice outlives a restart, whatever the OS says.
  const reopened = await app.relaunch();
  const reopenedPage = reopened.page;
  await expect(reopenedPage.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(reopenedPage.getByRole('heading', { level: 1 })).toHaveText(ko('vault.title'));

  // Back to English.
  await reopenedPage.getByRole('button', { name: 'English' }).click();
  await expect(reopenedPage.locator('html')).toHaveAttribute('lang', 'en');
  await expect(reopenedPage.getByRole('heading', { level: 1 })).toHaveText(en('vault.title'));
  await expect(reopenedPage.getByRole('navigation', { name: en('nav.label') }).getByRole('button', { name: en('nav.leaked') })).toBeVisible();
  await expect(reopenedPage).toHaveTitle(en('app.name'));
  await expectNoTranslationProblems(reopenedPage, 'en', 'saved tokens (English again)');
  await reopened.close();
});

test('starts in Korean when the operating system is Korean', async ({ launch }) => {
  const app = await launch({ systemLanguage: 'ko' });
  const { page } = app;
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ko('home.welcomeTitle'));
  await expect(page.getByRole('navigation', { name: ko('nav.label') }).getByRole('button', { name: ko('nav.home'), exact: true })).toBeVisible();
  await expect(page.getByText(ko('app.simulatedBadge'), { exact: true })).toBeVisible();
  await expectNoTranslationProblems(page, 'ko', 'first screen (Korean OS)');

  // Control: the check does catch a raw key, English left behind (text or accessible name), and
  // Korean on an English screen.
  await page.evaluate(
    ([intro, copy]) => {
      const probe = document.createElement('div');
      probe.id = 'translation-probe';
      probe.innerHTML = `<p>setup.steps.scopes</p><p>${intro}</p><label>Client ID</label><button aria-label="${copy}">⎘</button>`;
      document.querySelector('main')?.append(probe);
    },
    [en('vault.intro'), en('token.actions.copy')] as const,
  );
  expect(await translationProblems(page, 'ko')).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ kind: 'raw-key', detail: 'setup.steps.scopes' }),
      expect.objectContaining({ kind: 'english-left', detail: 'vault.intro' }),
      expect.objectContaining({ kind: 'english-left', text: 'Client ID', detail: 'setup.credentials.clientId' }),
      expect.objectContaining({ kind: 'english-left', text: en('token.actions.copy'), detail: 'token.actions.copy' }),
    ]),
  );
  expect(await translationProblems(page, 'en')).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'korean-left', text: ko('home.welcomeTitle') })]));
});

test('the IPC bridge refuses a malformed payload, and calls from a child frame or another origin', async ({ launch, sim }) => {
  const app = await launch();
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  type Outcome = { ok: true } | { error: string };
  const call = (target: Page | ReturnType<Page['mainFrame']>, method: string, payload: unknown): Promise<Outcome> =>
    target.evaluate(
      ([name, request]) => {
        const api = (window as unknown as { orgTokenHelper?: Record<string, (r: unknown) => Promise<unknown>> }).orgTokenHelper;
        if (!api?.[name]) return { error: 'no bridge here' };
        return api[name](request).then(
          (): Outcome => ({ ok: true }),
          (error: unknown): Outcome => ({ error: error instanceof Error ? error.message : String(error) }),
        );
      },
      [method, payload] as const,
    );

  // Control: the app's own page, main frame, well-formed request.
  expect(await call(page, 'getAppInfo', {})).toEqual({ ok: true });
  expect(await call(page, 'testToken', { tokenId: 'x', extra: 1 })).toEqual({ error: 'Request rejected' });
  expect(await call(page, 'testToken', { tokenId: 42 })).toEqual({ error: 'Request rejected' });
  expect(await call(page, 'inspectLeakedToken', 'xoxp-not-an-object')).toEqual({ error: 'Request rejected' });

  // A child frame of the app's page (about:blank, and srcdoc) gets the bridge in this harness, but
  // main refuses it: only the top frame of the app's own origin may call.
  await page.evaluate(() => {
    const blank = document.createElement('iframe');
    document.body.append(blank);
    const srcdoc = document.createElement('iframe');
    srcdoc.srcdoc = '<p>child</p>';
    document.body.append(srcdoc);
  });
  await expect.poll(() => page.frames().length).toBe(3);
  const children = page.frames().filter((frame) => frame !== page.mainFrame());
  for (const child of children) {
    await expect.poll(() => child.url()).toMatch(/^about:(blank|srcdoc)$/);
    expect(await call(child, 'getAppInfo', {})).toEqual({ error: 'Request rejected' });
  }

  // The same window showing another origin (here the simulated Slack) is refused as well.
  await page.goto(`${sim.origin}/`);
  expect(await call(page, 'getAppInfo', {})).toEqual({ error: 'Request rejected' });
});
