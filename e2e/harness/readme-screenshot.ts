// Screenshots for the README are taken by the e2e tests. They land in test-results/ on every run,
// and replace the committed copies in docs/screenshots/ only when asked
// (UPDATE_README_SCREENSHOTS=1), so a test run does not leave the work tree modified.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

export async function readmeScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const folder =
    process.env['UPDATE_README_SCREENSHOTS'] === '1' ? join(REPO_ROOT, 'docs', 'screenshots') : join(REPO_ROOT, 'test-results', 'screenshots');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}
