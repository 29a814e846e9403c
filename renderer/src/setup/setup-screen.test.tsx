// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi, setupState } from '../test-support/fake-api';
import { renderWithApp } from '../test-support/render';
import { SetupScreen } from './setup-screen';

describe('the setup checklist', () => {
  it('shows every step with its state and marks the current one', async () => {
    const fake = createFakeApi({
      getSetupState: async () =>
        setupState({
          step: 'credentials',
          selectedApis: ['scim'],
          userScopes: ['admin'],
          stepStatus: { 'choose-apis': 'done', scopes: 'done', credentials: 'current' },
        }),
    });
    renderWithApp(<SetupScreen />, { api: fake.api });
    const checklist = await screen.findByRole('navigation', { name: 'Setup steps' });
    const items = within(checklist).getAllByRole('listitem');
    expect(items).toHaveLength(6);
    expect(items[0]).toHaveTextContent('Choose what to connectDone');
    expect(items[2]).toHaveAttribute('aria-current', 'step');
    expect(items[2]).toHaveTextContent('Current step');
    expect(items[3]).toHaveTextContent('Sign in to SlackTo do');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Create the Slack app');
    // Steps not reached yet are not buttons.
    expect(within(checklist).queryByRole('button', { name: /Sign in to Slack/ })).toBeNull();
  });

  it('goes back to a done step when it is clicked, and saves where the admin is', async () => {
    const fake = createFakeApi({
      getSetupState: async () =>
        setupState({ step: 'credentials', selectedApis: ['scim'], userScopes: ['admin'], stepStatus: { 'choose-apis': 'done', scopes: 'done' } }),
    });
    const { user } = renderWithApp(<SetupScreen />, { api: fake.api });
    await user.click(await screen.findByRole('button', { name: /Choose what to connect/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Choose what to connect' })).toBeInTheDocument();
    expect(fake.api.saveSetupProgress).toHaveBeenLastCalledWith({ progress: expect.objectContaining({ step: 'choose-apis' }) });
  });

  it('resumes where the admin left off', async () => {
    const fake = createFakeApi({
      getSetupState: async () => setupState({ step: 'scopes', selectedApis: ['audit-logs'], stepStatus: { 'choose-apis': 'done' } }),
    });
    renderWithApp(<SetupScreen />, { api: fake.api });
    expect(await screen.findByRole('heading', { level: 1, name: 'Choose the scopes' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('list', { name: 'Scopes the app will ask for (1)' })).toHaveTextContent('auditlogs:read'));
  });

  it('marks a failed step so the admin sees where to look', async () => {
    const fake = createFakeApi({
      getSetupState: async () => setupState({ step: 'sign-in', hasClientSecret: true, stepStatus: { 'choose-apis': 'done', scopes: 'done', credentials: 'done', 'sign-in': 'failed' } }),
    });
    renderWithApp(<SetupScreen />, { api: fake.api });
    const checklist = await screen.findByRole('navigation', { name: 'Setup steps' });
    expect(within(checklist).getAllByRole('listitem')[3]).toHaveTextContent('Needs attention');
  });
});

describe('step 1: choose what to connect', () => {
  it('keeps Continue disabled, with a reason, until an API is chosen', async () => {
    const fake = createFakeApi();
    const { user } = renderWithApp(<SetupScreen />, { api: fake.api });
    const cont = await screen.findByRole('button', { name: 'Continue' });
    expect(cont).toBeDisabled();
    expect(cont).toHaveAccessibleDescription('Choose at least one to continue.');
    const scim = screen.getByRole('checkbox', { name: 'SCIM' });
    expect(scim).toHaveAccessibleDescription(/An Org Owner must do the sign-in/);
    await user.click(scim);
    expect(cont).toBeEnabled();
    await user.click(screen.getByRole('checkbox', { name: 'Admin API' }));
    await user.click(cont);
    expect(fake.api.saveSetupProgress).toHaveBeenCalledWith({
      progress: expect.objectContaining({ step: 'scopes', selectedApis: ['scim', 'admin-api'], userScopes: ['admin', 'admin.teams:read'] }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Choose the scopes' })).toBeInTheDocument();
  });
});
