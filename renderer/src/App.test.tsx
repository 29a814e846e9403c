// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { appInfo, createFakeApi } from './test-support/fake-api';
import { renderWithApp } from './test-support/render';

describe('the app shell', () => {
  it('has the landmarks, navigation and one h1', async () => {
    const { user } = renderWithApp(<App />);
    expect(screen.getByRole('banner')).toHaveTextContent('Org Token Helper for Slack');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('button', { name: 'Saved tokens' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('main')).toBeInTheDocument();
    await screen.findByRole('heading', { level: 1 });
    await user.click(within(nav).getByRole('button', { name: 'Revoke a leaked token' }));
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Revoke a leaked token');
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
  });

  it('switches to Korean, sets <html lang> and remembers the choice through main', async () => {
    const fake = createFakeApi();
    const { user } = renderWithApp(<App />, { api: fake.api });
    expect(await screen.findByRole('button', { name: 'Start setup' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    await user.click(screen.getByRole('button', { name: '한국어' }));
    expect(fake.api.setLanguage).toHaveBeenCalledWith({ language: 'ko' });
    expect(await screen.findByRole('button', { name: '설정 시작' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: '주 메뉴' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '한국어' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('ko');
  });

  it('follows the system language until the admin chooses', async () => {
    renderWithApp(<App />, { info: appInfo({ language: null, systemLanguage: 'ko' }) });
    expect(await screen.findByRole('heading', { level: 1, name: '조직용 Slack 관리 토큰 발급' })).toBeInTheDocument();
  });

  it('marks a simulated Slack clearly', () => {
    renderWithApp(<App />, { info: appInfo({ simulatedSlackOrigin: 'http://127.0.0.1:5123' }) });
    expect(screen.getByRole('banner')).toHaveTextContent('Simulated Slack');
  });

  it('changes the Slack region from the settings', async () => {
    const fake = createFakeApi();
    const { user } = renderWithApp(<App />, { api: fake.api });
    const settings = screen.getByRole('button', { name: 'Settings' });
    await user.click(settings);
    expect(settings).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('radio', { name: 'GovSlack (slack-gov.com)' }));
    expect(fake.api.setSlackRegion).toHaveBeenCalledWith({ region: 'gov' });
    expect(screen.getByRole('radio', { name: 'GovSlack (slack-gov.com)' })).toBeChecked();
    await user.keyboard('{Escape}');
    expect(settings).toHaveAttribute('aria-expanded', 'false');
    expect(settings).toHaveFocus();
  });

  it('warns when tokens are kept in memory only, and stores them anyway only after a confirmation', async () => {
    const memoryOnly = { encryption: 'unavailable' as const, mode: 'memory-only' as const, recoveredCorruptFile: false };
    const fake = createFakeApi({ listTokens: vi.fn(async () => ({ tokens: [], vault: memoryOnly })) });
    const { user } = renderWithApp(<App />, { api: fake.api, info: appInfo({ vault: memoryOnly }) });
    expect(screen.getByText('Tokens will be forgotten when you close the app')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Store them anyway (less safe)' }));
    const dialog = screen.getByRole('dialog', { name: 'Store tokens without encryption?' });
    await user.click(within(dialog).getByRole('button', { name: 'Store them anyway' }));
    expect(fake.api.acceptWeakStorage).toHaveBeenCalledWith({ accept: true });
    expect(await screen.findByText("As you chose, tokens are stored on this computer without the system's encryption.")).toBeInTheDocument();
  });

  it('tells the admin when a damaged store file was set aside', () => {
    renderWithApp(<App />, { info: appInfo({ vault: { encryption: 'available', mode: 'encrypted', recoveredCorruptFile: true } }) });
    expect(screen.getByText('The saved-tokens file was damaged')).toBeInTheDocument();
  });
});
