// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi, setupState } from '../test-support/fake-api';
import { renderWithApp } from '../test-support/render';
import { SetupScreen } from './setup-screen';

function renderScopes(selectedApis: ('scim' | 'audit-logs' | 'discovery' | 'admin-api')[]) {
  const fake = createFakeApi({
    getSetupState: async () => setupState({ step: 'scopes', selectedApis, stepStatus: { 'choose-apis': 'done' } }),
  });
  return { fake, ...renderWithApp(<SetupScreen />, { api: fake.api }) };
}

const scopeList = () => screen.getByRole('textbox', { name: 'Scope list' });

describe('step 2: scopes', () => {
  it('starts from the presets of the chosen APIs, with admin.teams:read when the grid is empty', async () => {
    renderScopes(['scim', 'admin-api']);
    await screen.findByRole('heading', { level: 1, name: 'Choose the scopes' });
    expect(scopeList()).toHaveValue('admin,admin.teams:read');
    expect(screen.getByText(/Nothing ticked: the app will ask for admin.teams:read only/)).toBeInTheDocument();
  });

  it('recomputes the list from the Admin API grid and the Discovery write option', async () => {
    const { user } = renderScopes(['discovery', 'admin-api']);
    await screen.findByRole('heading', { level: 1, name: 'Choose the scopes' });
    await user.click(screen.getByRole('checkbox', { name: 'admin.users:write' }));
    await user.click(screen.getByRole('checkbox', { name: 'admin.analytics:read' }));
    expect(scopeList()).toHaveValue('admin.analytics:read,admin.users:write,discovery:read');
    await user.click(screen.getByRole('checkbox', { name: /Also allow removing messages and files/ }));
    expect(scopeList()).toHaveValue('admin.analytics:read,admin.users:write,discovery:read,discovery:write');
    // The plain-words description travels with each grid checkbox.
    expect(screen.getByRole('checkbox', { name: 'admin.users:write' })).toHaveAccessibleDescription(/Add and remove people/);
    // Analytics has no write scope at Slack: the grid says so instead of offering a checkbox.
    const row = screen.getByRole('rowheader', { name: /Analytics/ }).closest('tr') as HTMLElement;
    expect(within(row).getAllByRole('checkbox')).toHaveLength(1);
    expect(row).toHaveTextContent('Slack does not offer this.');
  });

  it('warns about unknown extra scopes but still asks for them', async () => {
    const { user, fake } = renderScopes(['scim']);
    await screen.findByRole('heading', { level: 1, name: 'Choose the scopes' });
    await user.type(screen.getByRole('textbox', { name: 'Extra scopes (optional)' }), 'users:read.email, admin.users:read');
    expect(screen.getByText(/Not in this app's list, so please check the spelling: users:read.email\./)).toBeInTheDocument();
    expect(scopeList()).toHaveValue('admin,admin.users:read,users:read.email');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(fake.api.saveSetupProgress).toHaveBeenCalledWith({
      progress: expect.objectContaining({
        step: 'credentials',
        extraScopes: ['users:read.email', 'admin.users:read'],
        userScopes: ['admin', 'admin.users:read', 'users:read.email'],
      }),
    });
  });

  it('refuses extra text that is not a scope, and says why', async () => {
    const { user } = renderScopes(['scim']);
    await screen.findByRole('heading', { level: 1, name: 'Choose the scopes' });
    const field = screen.getByRole('textbox', { name: 'Extra scopes (optional)' });
    await user.type(field, 'Users:Read https://evil');
    expect(screen.getByRole('alert')).toHaveTextContent('These are not scopes and cannot be used: Users:Read, https://evil.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Continue' })).toBeDisabled();
    expect(scopeList()).toHaveValue('admin');
    await user.clear(field);
    expect(screen.getByRole('button', { name: 'Continue' })).toBeEnabled();
  });

  it('copies the list, or selects it for the admin when the clipboard is refused', async () => {
    const { user } = renderScopes(['audit-logs']);
    await screen.findByRole('heading', { level: 1, name: 'Choose the scopes' });
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
    await user.click(screen.getByRole('button', { name: 'Copy Scope list' }));
    expect(await screen.findByText('The text is selected. Press Ctrl+C to copy it.')).toBeInTheDocument();
    expect(scopeList()).toHaveFocus();
  });
});
