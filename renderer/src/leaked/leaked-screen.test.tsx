// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeApi } from '../test-support/fake-api';
import { renderWithApp } from '../test-support/render';
import { LeakedScreen } from './leaked-screen';

const LEAKED = 'xoxp-9999-8888-7777-deadbeefbeef';

describe('revoke a leaked token', () => {
  it('clears the field as soon as the token is sent, and shows whose it is', async () => {
    const fake = createFakeApi();
    const { user } = renderWithApp(<LeakedScreen />, { api: fake.api });
    const field = screen.getByLabelText('Slack token');
    expect(field).toHaveAttribute('type', 'password');
    await user.type(field, LEAKED);
    await user.click(screen.getByRole('button', { name: 'Check token' }));
    expect(fake.api.inspectLeakedToken).toHaveBeenCalledWith({ token: LEAKED });
    const panel = await screen.findByRole('region', { name: 'Is this the right token?' });
    expect(panel).toHaveTextContent('Acme Corp');
    expect(panel).toHaveTextContent('U0OWNER01');
    expect(panel).toHaveTextContent('xoxp-…beef');
    expect(document.body.innerHTML).not.toContain(LEAKED);
  });

  it('shows why a pasted value is refused and clears it', async () => {
    const fake = createFakeApi({
      inspectLeakedToken: vi.fn(async () => ({ ok: false as const, error: { code: 'browser-session-token' as const } })),
    });
    const { user } = renderWithApp(<LeakedScreen />, { api: fake.api });
    await user.type(screen.getByLabelText('Slack token'), 'xoxc-123-456');
    await user.click(screen.getByRole('button', { name: 'Check token' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This is a browser session value, not a token');
    expect(screen.getByLabelText('Slack token')).toHaveValue('');
  });

  it('runs a dry run, then revokes only after the admin confirms it is the right token', async () => {
    const fake = createFakeApi();
    const { user } = renderWithApp(<LeakedScreen />, { api: fake.api });
    await user.type(screen.getByLabelText('Slack token'), LEAKED);
    await user.click(screen.getByRole('button', { name: 'Check token' }));
    await user.click(await screen.findByRole('button', { name: 'Dry run (check without revoking)' }));
    expect(fake.api.revokeLeakedToken).toHaveBeenCalledWith({ handle: 'h_0123456789abcdef', dryRun: true });
    expect(await screen.findByText('Dry run: Slack would revoke this token. Nothing was changed.')).toBeInTheDocument();

    const revoke = screen.getByRole('button', { name: 'Revoke this token' });
    expect(revoke).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Yes, this is the token I want to revoke.' }));
    await user.click(revoke);
    const dialog = screen.getByRole('dialog', { name: 'Revoke this token now?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke this token' }));
    expect(fake.api.revokeLeakedToken).toHaveBeenLastCalledWith({ handle: 'h_0123456789abcdef', dryRun: false });
    expect(await screen.findByText('Revoked and confirmed: Slack now refuses this token.')).toBeInTheDocument();
  });

  it('tells main to forget the pasted token when the admin leaves', async () => {
    const fake = createFakeApi();
    const { user, unmount } = renderWithApp(<LeakedScreen />, { api: fake.api });
    await user.type(screen.getByLabelText('Slack token'), LEAKED);
    await user.click(screen.getByRole('button', { name: 'Check token' }));
    await screen.findByRole('region', { name: 'Is this the right token?' });
    unmount();
    expect(fake.api.discardLeakedToken).toHaveBeenCalledWith({ handle: 'h_0123456789abcdef' });
  });
});
