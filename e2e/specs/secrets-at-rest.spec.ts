// Issue 4, acceptance 1: after a full setup of a rotating app with "Remember this app", no secret
// (token, client secret, refresh token, OAuth code) is anywhere on disk in readable form, nor in
// the renderer's storage. A planted plaintext secret proves the scan finds what it looks for.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../harness/fixtures';
import { readStoredSecrets, setupToSavedToken } from '../harness/saved-token-flow';
import { filesUnder, scanFolder, scanRendererStorage } from '../harness/secret-scan';

test('no token, client secret, refresh token or OAuth code is readable on disk or in the renderer', async ({ launch, sim }) => {
  const simApp = sim.registerApp({ tokenRotation: true, tokenLifetimeSeconds: 43200 });
  const app = await launch();
  const { token, tokenId } = await setupToSavedToken(app, sim, simApp, { remember: true });
  expect(token).toMatch(/^xoxe\.xoxp-/);

  const caught = app.signInWindows.caughtRedirects;
  expect(caught).toHaveLength(1);
  const code = new URL(caught[0] as string).searchParams.get('code');
  expect(code).toBeTruthy();

  const stored = readStoredSecrets(app, tokenId);
  expect(stored?.token).toBe(token);
  const refreshToken = stored?.refreshToken ?? '';
  expect(refreshToken).toMatch(/^xoxe-/);
  expect(sim.tokenStatus(refreshToken)).toBe('active');

  // Let every queued write land before looking.
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Saved tokens' }).click();
  await expect(app.page.getByRole('article')).toHaveCount(1);

  const secrets = { token, clientSecret: simApp.clientSecret, refreshToken, oauthCode: code as string };
  const files = filesUnder(app.dataDir).map((file) => file.slice(app.dataDir.length + 1));
  // The scan covers the vault entry, the remembered client secret, the settings and whatever the
  // app logged (logs/ is scanned too; a quiet run may have written nothing there).
  expect(files).toEqual(
    expect.arrayContaining([`vault/entries/${tokenId}.json`, expect.stringMatching(/^vault\/client-secrets\/[a-f0-9]{32}\.json$/), 'setup.json']),
  );
  expect(scanFolder(app.dataDir, secrets)).toEqual([]);
  expect(await scanRendererStorage(app.page, secrets)).toEqual([]);
  expect(await app.page.content()).not.toContain(token);

  // Control: the same scans find a secret that really is there, plainly or encoded.
  const planted = { planted: `xoxp-planted-${Date.now()}-0123456789abcdef`, plantedEncoded: `xoxe-1-planted-${Date.now()}-fedcba9876543210` };
  appendFileSync(join(app.dataDir, 'logs', 'main.log'), `\nleaked ${planted.planted}\n`);
  writeFileSync(join(app.dataDir, 'blob.bin'), Buffer.from(`{"xy":"${planted.plantedEncoded}"}`).toString('base64'));
  await app.page.evaluate((value) => sessionStorage.setItem('k', encodeURIComponent(value)), planted.planted);
  expect(scanFolder(app.dataDir, planted)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ where: join('logs', 'main.log'), secret: 'planted', form: 'plain' }),
      expect.objectContaining({ where: 'blob.bin', secret: 'plantedEncoded', form: 'base64@1' }),
    ]),
  );
  expect(await scanRendererStorage(app.page, planted)).toEqual([expect.objectContaining({ where: 'renderer sessionStorage', secret: 'planted' })]);
});
