import { describe, expect, it, vi } from 'vitest';
import { IpcChannel, IpcEvent, type VaultStatus } from '../../shared/ipc-contract';
import { SLACK_ORIGIN_OVERRIDE_ENV } from '../../shared/slack-endpoints';
import { createSettingsHandlers, systemLanguageFrom, type SettingsHandlerDeps } from './settings-handlers';
import type { SettingsStore } from './settings-store';

const vault: VaultStatus = { encryption: 'available', mode: 'encrypted', recoveredCorruptFile: false };

function memorySettings(): SettingsStore {
  let language: 'en' | 'ko' | null = null;
  let region: 'commercial' | 'gov' = 'commercial';
  return {
    getLanguage: () => language,
    setLanguage: (value) => {
      language = value;
    },
    getSlackRegion: () => region,
    setSlackRegion: (value) => {
      region = value;
    },
  };
}

function setup(overrides: Partial<SettingsHandlerDeps> = {}) {
  const settings = memorySettings();
  const emitted: Array<{ channel: string; payload: unknown }> = [];
  const opened: string[] = [];
  const onLanguageChanged = vi.fn();
  const deps: SettingsHandlerDeps = {
    settings,
    appVersion: '1.2.3',
    platform: 'darwin',
    preferredSystemLanguages: ['en-US', 'ko-KR'],
    vaultStatus: () => vault,
    env: {},
    allowSlackOverride: false,
    openExternal: async (url) => {
      opened.push(url);
    },
    emit: (channel, payload) => emitted.push({ channel, payload }),
    onLanguageChanged,
    ...overrides,
  };
  return { handlers: createSettingsHandlers(deps), settings, emitted, opened, onLanguageChanged };
}

describe('systemLanguageFrom', () => {
  it.each([
    [['ko-KR', 'en-US'], 'ko'],
    [['ko'], 'ko'],
    [['KO-kr'], 'ko'],
    [['en-US', 'ko-KR'], 'en'],
    [['ja-JP'], 'en'],
    [[], 'en'],
  ] as const)('%j → %s', (preferred, expected) => {
    expect(systemLanguageFrom(preferred)).toBe(expected);
  });
});

describe('GetAppInfo', () => {
  it('describes the app, the choices and the vault', async () => {
    const { handlers, settings } = setup({ preferredSystemLanguages: ['ko-KR'] });
    settings.setSlackRegion('gov');
    expect(await handlers[IpcChannel.GetAppInfo]({})).toEqual({
      version: '1.2.3',
      platform: 'darwin',
      language: null,
      systemLanguage: 'ko',
      slackRegion: 'gov',
      simulatedSlackOrigin: null,
      vault,
    });
  });

  it('reports the simulated Slack only when the override is allowed', async () => {
    const env = { [SLACK_ORIGIN_OVERRIDE_ENV]: 'http://127.0.0.1:5123' };
    expect((await setup({ env, allowSlackOverride: true }).handlers[IpcChannel.GetAppInfo]({})).simulatedSlackOrigin).toBe('http://127.0.0.1:5123');
    expect((await setup({ env, allowSlackOverride: false }).handlers[IpcChannel.GetAppInfo]({})).simulatedSlackOrigin).toBeNull();
  });
});

describe('SetLanguage', () => {
  it('saves the choice, tells the window and rebuilds the menu', async () => {
    const { handlers, settings, emitted, onLanguageChanged } = setup();
    expect(await handlers[IpcChannel.SetLanguage]({ language: 'ko' })).toEqual({ ok: true, value: { language: 'ko' } });
    expect(settings.getLanguage()).toBe('ko');
    expect(emitted).toEqual([{ channel: IpcEvent.LanguageChanged, payload: { language: 'ko' } }]);
    expect(onLanguageChanged).toHaveBeenCalledWith('ko');
  });

  it('announces the OS language when the admin goes back to following it', async () => {
    const { handlers, emitted, onLanguageChanged } = setup({ preferredSystemLanguages: ['ko-KR'] });
    await handlers[IpcChannel.SetLanguage]({ language: null });
    expect(emitted).toEqual([{ channel: IpcEvent.LanguageChanged, payload: { language: 'ko' } }]);
    expect(onLanguageChanged).toHaveBeenCalledWith(null);
  });

  it('reports a store failure without announcing a change', async () => {
    const failing: SettingsStore = {
      getLanguage: () => null,
      setLanguage: () => {
        throw new Error('EACCES');
      },
      getSlackRegion: () => 'commercial',
      setSlackRegion: () => undefined,
    };
    const { handlers, emitted } = setup({ settings: failing });
    expect(await handlers[IpcChannel.SetLanguage]({ language: 'en' })).toEqual({ ok: false, error: { code: 'store-failed' } });
    expect(emitted).toEqual([]);
  });
});

describe('SetSlackRegion', () => {
  it('saves the region', async () => {
    const { handlers, settings } = setup();
    expect(await handlers[IpcChannel.SetSlackRegion]({ region: 'gov' })).toEqual({ ok: true, value: { region: 'gov' } });
    expect(settings.getSlackRegion()).toBe('gov');
  });
});

describe('OpenExternal', () => {
  it('opens Slack’s help in the system browser', async () => {
    const { handlers, opened } = setup();
    expect(await handlers[IpcChannel.OpenExternal]({ url: 'https://api.slack.com/apps' })).toEqual({ ok: true, value: { opened: true } });
    expect(opened).toEqual(['https://api.slack.com/apps']);
  });

  it.each(['https://evil.test/', 'http://slack.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://slack.com.evil.test/'])(
    'refuses %s with link-not-allowed',
    async (url) => {
      const { handlers, opened } = setup();
      expect(await handlers[IpcChannel.OpenExternal]({ url })).toEqual({ ok: false, error: { code: 'link-not-allowed' } });
      expect(opened).toEqual([]);
    },
  );

  it('opens the simulated Slack only while the override is active', async () => {
    const env = { [SLACK_ORIGIN_OVERRIDE_ENV]: 'http://127.0.0.1:5123' };
    const dev = setup({ env, allowSlackOverride: true });
    expect((await dev.handlers[IpcChannel.OpenExternal]({ url: 'http://127.0.0.1:5123/apps' })).ok).toBe(true);
    const release = setup({ env, allowSlackOverride: false });
    expect(await release.handlers[IpcChannel.OpenExternal]({ url: 'http://127.0.0.1:5123/apps' })).toEqual({ ok: false, error: { code: 'link-not-allowed' } });
  });

  it('reports an internal error when the OS cannot open the link', async () => {
    const { handlers } = setup({ openExternal: () => Promise.reject(new Error('no browser')) });
    expect(await handlers[IpcChannel.OpenExternal]({ url: 'https://slack.com/' })).toEqual({ ok: false, error: { code: 'internal' } });
  });
});
