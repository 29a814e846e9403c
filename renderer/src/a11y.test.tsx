// @vitest-environment jsdom
// A first accessibility pass on every screen, in jsdom: structure, names, roles and ARIA.
// Colour contrast needs real layout, so the Chromium end-to-end run checks that.
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import type { SetupState, TokenTestReport } from '../../electron/shared/ipc-contract';
import { App } from './App';
import { appInfo, createFakeApi, encryptedVault, setupState, tokenSummary } from './test-support/fake-api';
import { renderWithApp } from './test-support/render';

async function violations() {
  const results = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const report: TokenTestReport = {
  tokenId: 'tok_0123456789',
  testedAt: '2025-01-02T10:05:00.000Z',
  identity: tokenSummary().identity,
  grantedScopes: ['admin'],
  requestedScopes: ['admin', 'auditlogs:read'],
  missingScopes: ['auditlogs:read'],
  apiChecks: [
    { api: 'scim', status: 'ok' },
    { api: 'audit-logs', status: 'failed', error: { code: 'owner-only', httpStatus: 403 } },
  ],
};

const steps: SetupState[] = [
  setupState(),
  setupState({ step: 'scopes', selectedApis: ['scim', 'audit-logs', 'discovery', 'admin-api'], stepStatus: { 'choose-apis': 'done' } }),
  setupState({ step: 'credentials', selectedApis: ['scim'], userScopes: ['admin'], stepStatus: { 'choose-apis': 'done', scopes: 'done' } }),
  setupState({ step: 'sign-in', hasClientSecret: true, stepStatus: { 'choose-apis': 'done', scopes: 'done', credentials: 'done', 'sign-in': 'failed' } }),
  setupState({ step: 'test', tokenId: 'tok_0123456789', stepStatus: { 'choose-apis': 'done', scopes: 'done', credentials: 'done', 'sign-in': 'done' } }),
  setupState({ step: 'result', selectedApis: ['scim', 'audit-logs', 'discovery', 'admin-api'], tokenId: 'tok_0123456789', stepStatus: { test: 'done' } }),
];

describe('accessibility (axe, jsdom)', () => {
  it.each(steps.map((s) => [s.step, s] as const))('setup step %s has no violations', async (_name, state) => {
    const fake = createFakeApi({
      getSetupState: async () => state,
      listTokens: vi.fn(async () => ({ tokens: [tokenSummary()], vault: encryptedVault })),
      testToken: vi.fn(async () => ({ ok: true as const, value: report })),
    });
    const { user } = renderWithApp(<App initialScreen="setup" />, { api: fake.api });
    await screen.findByRole('navigation', { name: 'Setup steps' });
    if (state.step === 'test') await screen.findByText('The token works, but not for everything. Details below.');
    if (state.step === 'sign-in') {
      await user.click(screen.getByRole('button', { name: 'Use my usual browser instead' }));
    }
    expect(await violations()).toEqual([]);
  });

  it('home with saved tokens, a revoke dialog open, in Korean, has no violations', async () => {
    const fake = createFakeApi({
      listTokens: vi.fn(async () => ({
        tokens: [tokenSummary(), tokenSummary({ id: 'tok_failed_0001', status: 'revoke-failed', revokeError: { code: 'network' }, rotating: true, expiresAt: '2025-01-03T00:00:00.000Z' })],
        vault: encryptedVault,
      })),
    });
    const { user } = renderWithApp(<App />, { api: fake.api, language: 'ko', info: appInfo({ language: 'ko', simulatedSlackOrigin: 'http://127.0.0.1:5123' }) });
    await user.click((await screen.findAllByRole('button', { name: '해지' }))[0] as HTMLElement);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(await violations()).toEqual([]);
  });

  it('the welcome screen with a memory-only vault and the settings open has no violations', async () => {
    const memoryOnly = { encryption: 'basic-text' as const, mode: 'memory-only' as const, recoveredCorruptFile: true };
    const { user } = renderWithApp(<App />, { info: appInfo({ vault: memoryOnly }) });
    await screen.findByRole('button', { name: 'Start setup' });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await violations()).toEqual([]);
  });

  it('the leaked-token screen, before and after a check, has no violations', async () => {
    const { user } = renderWithApp(<App initialScreen="leaked" />);
    expect(await violations()).toEqual([]);
    await user.type(screen.getByLabelText('Slack token'), 'xoxp-1-2-3-abc');
    await user.click(screen.getByRole('button', { name: 'Check token' }));
    await screen.findByRole('checkbox', { name: 'Yes, this is the token I want to revoke.' });
    expect(await violations()).toEqual([]);
  });
});
