// The app's few non-secret preferences: the admin's language choice (null follows the OS) and
// the Slack region. Values read back from disk are checked, so a hand-edited or stale file falls
// back to the defaults instead of reaching the renderer.
import type { Language, SlackRegion } from '../../shared/ipc-contract';
import type { StoreFactory } from '../seams';

export const SETTINGS_STORE_NAME = 'settings';

export type SettingsData = {
  language: Language | null;
  slackRegion: SlackRegion;
};

export const DEFAULT_SETTINGS: SettingsData = { language: null, slackRegion: 'commercial' };

export interface SettingsStore {
  getLanguage(): Language | null;
  setLanguage(language: Language | null): void;
  getSlackRegion(): SlackRegion;
  setSlackRegion(region: SlackRegion): void;
}

function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'ko';
}

function isRegion(value: unknown): value is SlackRegion {
  return value === 'commercial' || value === 'gov';
}

export function createSettingsStore(storeFactory: StoreFactory): SettingsStore {
  const store = storeFactory<SettingsData>(SETTINGS_STORE_NAME, DEFAULT_SETTINGS);
  return {
    getLanguage() {
      const value: unknown = store.get('language');
      return isLanguage(value) ? value : null;
    },
    setLanguage(language) {
      store.set('language', language);
    },
    getSlackRegion() {
      const value: unknown = store.get('slackRegion');
      return isRegion(value) ? value : DEFAULT_SETTINGS.slackRegion;
    },
    setSlackRegion(region) {
      store.set('slackRegion', region);
    },
  };
}
