// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeApi, setupState } from '../test-support/fake-api';
import { renderWithApp } from '../test-support/render';
import { SetupScreen } from './setup-screen';

const SECRET = '0123456789abcdef0123456789abcdef';

function renderCredentials(overrides: Parameters<typeof createFakeApi>[0] = {}, state = {}) {
  const fake = createFakeApi({
    getSetupState: async () =>
      setupState({ step: 'credentials', selectedApis: ['scim'], userScopes: ['admin'], stepStatus: { 'choose-apis': 'done', scopes: 'done' }, ...state }),
    ...overrides,
  });
  return { fake, ...renderWithApp(<SetupScreen />, { api: fake.api }) };
}

describe('step 3: Slack app credentials', () => {
  it('gives every value to paste into Slack, and opens the apps page through main', async () => {
    const { user, fake } = renderCredentials();
    await screen.findByRole('heading', { level: 1, name: 'Create the Slack app' });
    expect(screen.getByRole('textbox', { name: 'Redirect URL' })).toHaveValue('https://localhost');
    expect(screen.getByRole('textbox', { name: 'User Token Scopes to add' })).toHaveValue('admin');
    await user.click(screen.getByRole('button', { name: 'Open the Slack apps page' }));
    expect(fake.api.openExternal).toHaveBeenCalledWith({ url: 'https://api.slack.com/apps' });
  });

  it('hints at the expected shape and does not send a malformed Client ID or secret', async () => {
    const { user, fake } = renderCredentials();
    const id = await screen.findByRole('textbox', { name: 'Client ID' });
    await user.type(id, '12345');
    await user.tab();
    expect(id).toHaveAttribute('aria-invalid', 'true');
    expect(id).toHaveAccessibleDescription(/does not look like a Client ID/);
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(fake.api.saveClientCredentials).not.toHaveBeenCalled();
    expect(id).toHaveFocus();

    await user.clear(id);
    await user.type(id, '1234567890.1234567890123');
    await user.type(screen.getByLabelText('Client Secret'), 'not-a-secret');
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(screen.getByLabelText('Client Secret')).toHaveAccessibleDescription(/should be 32 letters and digits/);
    expect(fake.api.saveClientCredentials).not.toHaveBeenCalled();
  });

  it('hands the secret to main, then forgets it', async () => {
    const { user, fake } = renderCredentials();
    await user.type(await screen.findByRole('textbox', { name: 'Client ID' }), ' 1234567890.1234567890123 ');
    const secret = screen.getByLabelText('Client Secret');
    expect(secret).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Show secret' }));
    expect(secret).toHaveAttribute('type', 'text');
    await user.type(secret, SECRET);
    await user.click(screen.getByRole('checkbox', { name: /Remember this app on this computer/ }));
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(fake.api.saveClientCredentials).toHaveBeenCalledWith({ clientId: '1234567890.1234567890123', clientSecret: SECRET, remember: true });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Slack' })).toBeInTheDocument();
    // Going back shows an empty secret field: the renderer no longer has it.
    await user.click(screen.getByRole('button', { name: /Create the Slack app/ }));
    expect(await screen.findByLabelText('Client Secret')).toHaveValue('');
    expect(screen.getByLabelText('Client Secret')).toHaveAccessibleDescription(/The Client Secret you entered before is kept/);
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('shows main’s refusal and clears the secret field anyway', async () => {
    const saveClientCredentials = vi.fn(async () => ({ ok: false as const, error: { code: 'invalid-client-secret-format' as const } }));
    const { user } = renderCredentials({ saveClientCredentials });
    await user.type(await screen.findByRole('textbox', { name: 'Client ID' }), '1234567890.1234567890123');
    await user.type(screen.getByLabelText('Client Secret'), SECRET);
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This does not look like a Client Secret');
    expect(screen.getByRole('alert')).toHaveTextContent('Error code: invalid-client-secret-format');
    await waitFor(() => expect(screen.getByLabelText('Client Secret')).toHaveValue(''));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Create the Slack app');
  });
});
