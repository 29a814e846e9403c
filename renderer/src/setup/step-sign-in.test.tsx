// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { IpcEvent } from '../../../electron/shared/ipc-channels';
import { type Result, type TokenSummary } from '../../../electron/shared/ipc-contract';
import { createFakeApi, setupState, tokenSummary } from '../test-support/fake-api';
import { renderWithApp } from '../test-support/render';
import { SetupScreen } from './setup-screen';

const ready = setupState({
  step: 'sign-in',
  selectedApis: ['scim'],
  userScopes: ['admin'],
  clientId: '1234567890.1234567890123',
  hasClientSecret: true,
  stepStatus: { 'choose-apis': 'done', scopes: 'done', credentials: 'done', 'sign-in': 'current' },
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('step 4: sign in', () => {
  it('says to pick the organization before the window opens, shows progress, then tests the new token', async () => {
    const signIn = deferred<Result<TokenSummary>>();
    const fake = createFakeApi({ getSetupState: async () => ready, startSignIn: vi.fn(() => signIn.promise) });
    const { user } = renderWithApp(<SetupScreen />, { api: fake.api });
    expect(await screen.findByText(/choose your/)).toHaveTextContent(
      'In the Slack window, choose your organization in the menu at the top right (not a workspace), then click Allow.',
    );
    await user.click(screen.getByRole('button', { name: 'Open Slack sign-in' }));
    expect(screen.getByRole('button', { name: 'Open Slack sign-in' })).toBeDisabled();
    act(() => fake.emit(IpcEvent.SignInProgress, { phase: 'waiting-for-admin', address: 'https://slack.com/oauth/v2/authorize' }));
    expect(screen.getByText('Waiting for you in the Slack window (https://slack.com/oauth/v2/authorize).')).toBeInTheDocument();
    await act(async () => signIn.resolve({ ok: true, value: tokenSummary({ id: 'tok_new_123456' }) }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Test the token' })).toBeInTheDocument();
    expect(fake.api.testToken).toHaveBeenCalledWith({ tokenId: 'tok_new_123456' });
    expect(await screen.findByText('Everything works.')).toBeInTheDocument();
  });

  it('explains a failed sign-in and offers the step that fixes it', async () => {
    const fake = createFakeApi({
      getSetupState: async () => ready,
      startSignIn: vi.fn(async () => ({ ok: false as const, error: { code: 'bad-client-secret' as const, slackError: 'bad_client_secret', backTo: 'credentials' as const } })),
    });
    const { user } = renderWithApp(<SetupScreen />, { api: fake.api });
    await user.click(await screen.findByRole('button', { name: 'Open Slack sign-in' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The Client Secret is wrong');
    expect(alert).toHaveTextContent('Slack error code: bad_client_secret');
    expect(fake.api.saveSetupProgress).toHaveBeenLastCalledWith({
      progress: expect.objectContaining({ stepStatus: expect.objectContaining({ 'sign-in': 'failed' }) }),
    });
    await user.click(screen.getByRole('button', { name: 'Go back to: Create the Slack app' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Create the Slack app' })).toBeInTheDocument();
  });

  it('explains a workspace install and offers to sign in again', async () => {
    const startSignIn = vi
      .fn<() => Promise<Result<TokenSummary>>>()
      .mockResolvedValueOnce({ ok: false, error: { code: 'workspace-install', backTo: 'sign-in' } })
      .mockResolvedValueOnce({ ok: true, value: tokenSummary() });
    const fake = createFakeApi({ getSetupState: async () => ready, startSignIn });
    const { user } = renderWithApp(<SetupScreen />, { api: fake.api });
    await user.click(await screen.findByRole('button', { name: 'Open Slack sign-in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Slack says this app was installed on a workspace, not on your organization. Sign in again and choose the organization in the top-right menu.',
    );
    // The message's own button signs in again at once.
    await user.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Test the token' })).toBeInTheDocument();
    expect(startSignIn).toHaveBeenCalledTimes(2);
  });

  it('signs in with the usual browser: sends the pasted address once and clears the field', async () => {
    const fake = createFakeApi({
      getSetupState: async () => ready,
      completeBrowserSignIn: vi.fn(async () => ({ ok: false as const, error: { code: 'pasted-url-no-code' as const } })),
    });
    const { user } = renderWithApp(<SetupScreen />, { api: fake.api });
    await user.click(await screen.findByRole('button', { name: 'Use my usual browser instead' }));
    expect(fake.api.startBrowserSignIn).toHaveBeenCalled();
    const field = screen.getByRole('textbox', { name: /Paste the address of the page you land on/ });
    await user.type(field, 'https://localhost/?state=abc');
    await user.click(screen.getByRole('button', { name: 'Finish sign-in' }));
    expect(fake.api.completeBrowserSignIn).toHaveBeenCalledWith({ pastedUrl: 'https://localhost/?state=abc' });
    expect(field).toHaveValue('');
    expect(await screen.findByRole('alert')).toHaveTextContent('That address has no sign-in code');
  });

  it('shows the rate-limit countdown while Slack makes us wait', async () => {
    const fake = createFakeApi({ getSetupState: async () => ready });
    const { App } = await import('../App');
    renderWithApp(<App initialScreen="setup" />, { api: fake.api });
    await screen.findByRole('button', { name: 'Open Slack sign-in' });
    act(() => fake.emit(IpcEvent.RateLimitCountdown, { operation: 'oauth.v2.access', secondsLeft: 12 }));
    expect(screen.getByText('Slack asked us to wait — retrying in 12 s')).toBeInTheDocument();
  });

  it('sends the admin back to the credentials when main has no client secret', async () => {
    const fake = createFakeApi({ getSetupState: async () => ({ ...ready, hasClientSecret: false }) });
    const { user } = renderWithApp(<SetupScreen />, { api: fake.api });
    expect(await screen.findByRole('alert')).toHaveTextContent('The Client Secret is needed again');
    await user.click(screen.getByRole('button', { name: 'Go back to: Create the Slack app' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Create the Slack app' })).toBeInTheDocument();
    expect(fake.api.startSignIn).not.toHaveBeenCalled();
  });
});
