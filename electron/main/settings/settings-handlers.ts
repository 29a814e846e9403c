// The app and settings channels: what the renderer needs to know about the app, the language
// and Slack region choices, and opening Slack's help pages in the system browser.
import { IpcChannel, IpcEvent, type AppInfo, type ChannelHandlers, type Language, type VaultStatus } from '../../shared/ipc-contract';
import { resolveSlackEndpoints } from '../../shared/slack-endpoints';
import type { EventSink, OpenExternal } from '../seams';
import { normaliseExternalUrl } from '../security/external-links';
import type { SettingsStore } from './settings-store';

export type SettingsChannel = IpcChannel.GetAppInfo | IpcChannel.SetLanguage | IpcChannel.SetSlackRegion | IpcChannel.OpenExternal;

export interface SettingsHandlerDeps {
  settings: SettingsStore;
  appVersion: string;
  platform: string;
  /** The OS's preferred languages, most preferred first (`app.getPreferredSystemLanguages()`). */
  preferredSystemLanguages: readonly string[];
  vaultStatus(): VaultStatus;
  env: Record<string, string | undefined>;
  /** False in a packaged release build: the simulated Slack origin is then ignored. */
  allowSlackOverride: boolean;
  /** The system browser. The handler checks the allowlist itself before calling it. */
  openExternal: OpenExternal;
  emit: EventSink;
  /** The admin's new choice (null: follow the OS), e.g. to rebuild the menu. */
  onLanguageChanged?(language: Language | null): void;
}

/** Korean when the OS's first preferred language is Korean; English otherwise. */
export function systemLanguageFrom(preferred: readonly string[]): Language {
  return preferred[0]?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** The simulated Slack origin when the development override is active, else null. */
export function simulatedSlackOrigin(deps: Pick<SettingsHandlerDeps, 'env' | 'allowSlackOverride' | 'settings'>): string | null {
  const endpoints = resolveSlackEndpoints({ region: deps.settings.getSlackRegion(), env: deps.env, allowOverride: deps.allowSlackOverride });
  return endpoints.region === 'simulated' ? endpoints.restApiOrigin : null;
}

export function createSettingsHandlers(deps: SettingsHandlerDeps): Pick<ChannelHandlers, SettingsChannel> {
  const systemLanguage = systemLanguageFrom(deps.preferredSystemLanguages);

  return {
    [IpcChannel.GetAppInfo]: (): AppInfo => ({
      version: deps.appVersion,
      platform: deps.platform,
      language: deps.settings.getLanguage(),
      systemLanguage,
      slackRegion: deps.settings.getSlackRegion(),
      simulatedSlackOrigin: simulatedSlackOrigin(deps),
      vault: deps.vaultStatus(),
    }),

    [IpcChannel.SetLanguage]: ({ language }) => {
      try {
        deps.settings.setLanguage(language);
      } catch {
        return { ok: false, error: { code: 'store-failed' } };
      }
      deps.emit(IpcEvent.LanguageChanged, { language: language ?? systemLanguage });
      deps.onLanguageChanged?.(language);
      return { ok: true, value: { language } };
    },

    [IpcChannel.SetSlackRegion]: ({ region }) => {
      try {
        deps.settings.setSlackRegion(region);
      } catch {
        return { ok: false, error: { code: 'store-failed' } };
      }
      return { ok: true, value: { region } };
    },

    [IpcChannel.OpenExternal]: async ({ url }) => {
      const simulated = simulatedSlackOrigin(deps);
      const allowed = normaliseExternalUrl(url, simulated ? [simulated] : []);
      if (allowed === null) return { ok: false, error: { code: 'link-not-allowed' } };
      try {
        await deps.openExternal(allowed);
      } catch {
        return { ok: false, error: { code: 'internal' } };
      }
      return { ok: true, value: { opened: true } };
    },
  };
}
