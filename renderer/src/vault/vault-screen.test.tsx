// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IpcEvent } from '../../../electron/shared/ipc-channels';
import { type TokenSummary } from '../../../electron/shared/ipc-contract';
import { createFakeApi, encryptedVault, tokenSummary } from '../test-support/fake-api';
import { renderWithApp } from '../test-support/render';
import { VaultScreen, groupByOrganization } from './vault-screen';

const FULL_TOKEN = 'xoxp-1111-2222-3333-abcdef9f3a';

function withTokens(tokens: TokenSummary[], overrides: Parameters<typeof createFakeApi>[0] = {}) {
  let current = tokens;
  const fake = createFakeApi({ listTokens: vi.fn(async () => ({ tokens: current, vault: encryptedVault })), ...overrides });
  return { fake, setTokens: (next: TokenSummary[]) => (current = next) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('home screen', () => {
  it('explains the app and offers to start when nothing is saved', async () => {
    renderWithApp(<VaultScreen />);
    expect(await screen.findByRole('heading', { level: 1, name: "Get your organization's admin token for Slack" })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start setup' })).toBeInTheDocument();
  });

  it('says plainly when the list cannot be loaded, and Try again loads it', async () => {
    const listTokens = vi
      .fn()
      .mockRejectedValueOnce(new Error('Request failed'))
      .mockResolvedValue({ tokens: [tokenSummary()], vault: encryptedVault });
    const fake = createFakeApi({ listTokens });
    const { user } = renderWithApp(<VaultScreen />, { api: fake.api });
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong in the app');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Saved tokens' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lists tokens by organization, showing them only masked', async () => {
    const { fake } = withTokens([
      tokenSummary(),
      tokenSummary({ id: 'tok_other_org1', maskedToken: 'xoxp-…0b0b', identity: { ...tokenSummary().identity, orgName: 'Beta Inc', enterpriseId: 'E0BETA' } }),
    ]);
    renderWithApp(<VaultScreen />, { api: fake.api });
    expect(await screen.findByRole('heading', { level: 2, name: /Acme Corp/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Saved tokens' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: /Beta Inc/ })).toBeInTheDocument();
    const card = screen.getByRole('article', { name: 'xoxp-…9f3a' });
    expect(within(card).getByText('Active')).toBeInTheDocument();
    expect(within(card).getByText('SCIM, Audit Logs')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain(FULL_TOKEN);
  });

  it('reveals a token briefly, then masks it again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { fake } = withTokens([tokenSummary()]);
    const { user } = renderWithApp(<VaultScreen />, { api: fake.api, userEventOptions: { advanceTimers: vi.advanceTimersByTime } });
    await user.click(await screen.findByRole('button', { name: 'Reveal' }));
    expect(await screen.findByText(FULL_TOKEN)).toBeInTheDocument();
    expect(screen.getByText(/Hidden again in 10 s/)).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(4000));
    expect(screen.getByText(/Hidden again in 6 s/)).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(6000));
    expect(screen.queryByText(FULL_TOKEN)).toBeNull();
    expect(screen.getByRole('button', { name: 'Reveal' })).toBeInTheDocument();
  });

  it('copies through main and says when the clipboard will be cleared', async () => {
    const { fake } = withTokens([tokenSummary()]);
    const { user } = renderWithApp(<VaultScreen />, { api: fake.api });
    await user.click(await screen.findByRole('button', { name: 'Copy token' }));
    expect(fake.api.copyToken).toHaveBeenCalledWith({ tokenId: 'tok_0123456789' });
    expect(await screen.findByText('Copied. The clipboard will be cleared in 60 seconds.')).toBeInTheDocument();
  });

  it('asks before revoking, explains the consequences, and confirms the revoke', async () => {
    const { fake, setTokens } = withTokens([tokenSummary()]);
    const { user } = renderWithApp(<VaultScreen />, { api: fake.api });
    const revoke = await screen.findByRole('button', { name: 'Revoke' });
    await user.click(revoke);
    const dialog = screen.getByRole('dialog', { name: 'Revoke this token?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveTextContent('Every integration that uses this token stops working at once.');
    expect(dialog).toHaveTextContent("Slack also ends this app's authorization");
    expect(dialog).toHaveTextContent('Installed apps');
    // Focus starts on the safe choice, stays inside, and Escape closes.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Revoke token' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(revoke).toHaveFocus();
    expect(fake.api.revokeToken).not.toHaveBeenCalled();

    await user.click(revoke);
    await user.click(screen.getByRole('button', { name: 'Revoke token' }));
    expect(fake.api.revokeToken).toHaveBeenCalledWith({ tokenId: 'tok_0123456789' });
    setTokens([tokenSummary({ status: 'revoked', revokedAt: '2025-01-03T09:00:00.000Z' })]);
    act(() => fake.emit(IpcEvent.VaultChanged, { reason: 'revoked' }));
    expect(await screen.findByText('Revoked and confirmed: Slack now refuses this token.')).toBeInTheDocument();
    expect(await screen.findByText(/Revoked on/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copy token' })).toBeNull();
  });

  it('shows a failed revoke with a way to retry', async () => {
    const revokeToken = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: { code: 'network' } })
      .mockResolvedValueOnce({ ok: true, value: { token: tokenSummary({ status: 'revoked' }), verified: true } });
    const { fake } = withTokens([tokenSummary()], { revokeToken });
    const { user } = renderWithApp(<VaultScreen />, { api: fake.api });
    await user.click(await screen.findByRole('button', { name: 'Revoke' }));
    await user.click(screen.getByRole('button', { name: 'Revoke token' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach Slack');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Revoked and confirmed: Slack now refuses this token.')).toBeInTheDocument();
    expect(revokeToken).toHaveBeenCalledTimes(2);
  });

  it('offers Retry revoke on a token whose earlier revoke failed', async () => {
    const { fake } = withTokens([tokenSummary({ status: 'revoke-failed', revokeError: { code: 'revoke-not-confirmed' } })]);
    const { user } = renderWithApp(<VaultScreen />, { api: fake.api });
    expect(await screen.findByText('Revoke failed')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Slack still accepts the token');
    await user.click(screen.getByRole('button', { name: 'Retry revoke' }));
    expect(fake.api.revokeToken).toHaveBeenCalledWith({ tokenId: 'tok_0123456789' });
  });

  it('forgets only after saying the token keeps working', async () => {
    const { fake } = withTokens([tokenSummary()]);
    const { user } = renderWithApp(<VaultScreen />, { api: fake.api });
    await user.click(await screen.findByRole('button', { name: 'Forget' }));
    expect(screen.getByRole('dialog', { name: 'Forget this token on this computer?' })).toHaveTextContent(
      'It is not revoked: integrations that use it keep working.',
    );
    await user.click(screen.getByRole('button', { name: 'Forget token' }));
    expect(fake.api.forgetToken).toHaveBeenCalledWith({ tokenId: 'tok_0123456789' });
  });

  it('offers Refresh now only for expiring tokens', async () => {
    const { fake } = withTokens([tokenSummary({ rotating: true, expiresAt: '2025-01-02T22:00:00.000Z', maskedToken: 'xoxe.xoxp-…1234' })]);
    const { user } = renderWithApp(<VaultScreen />, { api: fake.api });
    await user.click(await screen.findByRole('button', { name: 'Refresh now' }));
    expect(fake.api.refreshToken).toHaveBeenCalledWith({ tokenId: 'tok_0123456789' });
    await waitFor(() => expect(screen.getByText(/Refreshed\. The new token expires on/)).toBeInTheDocument());
  });

  it('tests again and shows the per-API result', async () => {
    const testToken = vi.fn(async () => ({
      ok: true as const,
      value: {
        tokenId: 'tok_0123456789',
        testedAt: '2025-01-02T10:05:00.000Z',
        identity: tokenSummary().identity,
        grantedScopes: ['admin'],
        requestedScopes: ['admin', 'auditlogs:read'],
        missingScopes: ['auditlogs:read'],
        apiChecks: [
          { api: 'scim' as const, status: 'ok' as const },
          { api: 'audit-logs' as const, status: 'skipped' as const, skippedReason: 'missing-scope' as const },
        ],
      },
    }));
    const { fake } = withTokens([tokenSummary()], { testToken });
    const { user } = renderWithApp(<VaultScreen />, { api: fake.api });
    await user.click(await screen.findByRole('button', { name: 'Test again' }));
    expect(await screen.findByText('The token works, but not for everything. Details below.')).toBeInTheDocument();
    expect(screen.getByText('Not tried: the token does not have the auditlogs:read scope this check needs.')).toBeInTheDocument();
    expect(screen.getByText(/Slack did not grant these/)).toBeInTheDocument();
  });
});

describe('groupByOrganization', () => {
  it('groups by enterprise and puts the newest token first', () => {
    const older = tokenSummary({ id: 'tok_older_0001', createdAt: '2024-01-01T00:00:00.000Z' });
    const newer = tokenSummary({ id: 'tok_newer_0001', createdAt: '2025-06-01T00:00:00.000Z' });
    const groups = groupByOrganization([older, newer]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.tokens.map((t) => t.id)).toEqual(['tok_newer_0001', 'tok_older_0001']);
  });
});
