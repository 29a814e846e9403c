// Issue 4: without the OS's encryption the app says so plainly and keeps tokens in memory only,
// unless the admin explicitly accepts weaker storage; a damaged store file is set aside.
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHarnessCipher } from '../harness/harness-cipher';
import { expect, test } from '../harness/fixtures';
import { expectTokenTested, runSetupToTest } from '../harness/setup-flow';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function diskContains(dir: string, needle: string): boolean {
  return filesUnder(dir).some((file) => readFileSync(file).includes(needle));
}

test('no encryption on this computer: a plain warning, and the token is kept in memory only', async ({ launch, sim, simApp }) => {
  const app = await launch({ cipher: createHarnessCipher({ available: false }) });
  const { page } = app;
  await expect(page.getByText('Tokens will be forgotten when you close the app')).toBeVisible();

  await runSetupToTest(app, sim, simApp);
  await expectTokenTested(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Copy token' }).click();
  await expect.poll(() => app.clipboard.readText()).toMatch(/^xoxp-/);
  const token = await app.clipboard.readText();
  expect(diskContains(app.dataDir, token)).toBe(false);

  // Reopened, the token is gone from this computer (as the warning said), but still listed.
  const reopened = await app.relaunch();
  await reopened.page.getByRole('button', { name: 'Saved tokens' }).first().click();
  await expect(reopened.page.getByText(`${token.slice(0, 5)}…${token.slice(-4)}`)).toBeVisible();
  expect(diskContains(reopened.dataDir, token)).toBe(false);
});

test('Linux without a keyring: the admin may accept weaker storage, after a plain confirmation', async ({ launch }) => {
  const app = await launch({ cipher: createHarnessCipher({ backend: 'basic_text' }) });
  const { page } = app;
  await expect(page.getByText('Tokens will be forgotten when you close the app')).toBeVisible();
  await page.getByRole('button', { name: 'Store them anyway (less safe)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Store tokens without encryption?' });
  await expect(dialog).toContainText('other programs running under your account could read');
  await dialog.getByRole('button', { name: 'Store them anyway' }).click();
  await expect(page.getByText("As you chose, tokens are stored on this computer without the system's encryption.")).toBeVisible();
});

test('a damaged saved-tokens file is reported and set aside, and the app still works', async ({ launch, sim, simApp }) => {
  const first = await launch();
  await runSetupToTest(first, sim, simApp);
  await expectTokenTested(first.page);
  const entries = join(first.dataDir, 'vault', 'entries');
  const [entry] = readdirSync(entries);
  expect(entry).toBeTruthy();
  // A second, damaged entry next to the good one.
  mkdirSync(entries, { recursive: true });
  writeFileSync(join(entries, 'damaged-entry-0001.json'), '{"id": "damaged-entry-0001", "token": ');

  const app = await first.relaunch();
  await expect(app.page.getByText('The saved-tokens file was damaged')).toBeVisible();
  await app.page.getByRole('button', { name: 'Saved tokens' }).first().click();
  await expect(app.page.getByRole('button', { name: 'Test again' })).toHaveCount(1);
  expect(readdirSync(entries).some((name) => name.includes('.corrupt-'))).toBe(true);
});
