import { describe, expect, it } from 'vitest';
import type { KeyValueStore, StoreFactory } from '../seams';
import { createSettingsStore, SETTINGS_STORE_NAME } from './settings-store';

/** An in-memory StoreFactory that remembers documents by name, like files on disk. */
function memoryStoreFactory(files = new Map<string, Record<string, unknown>>()): StoreFactory {
  return <T extends Record<string, unknown>>(name: string, defaults: T): KeyValueStore<T> => {
    const data = files.get(name) ?? { ...defaults };
    files.set(name, data);
    return {
      get: (key) => data[key as string] as T[typeof key] | undefined,
      set: (key, value) => {
        data[key as string] = value;
      },
      delete: (key) => {
        delete data[key as string];
      },
      path: `/memory/${name}.json`,
    };
  };
}

describe('createSettingsStore', () => {
  it('starts by following the OS language, on commercial Slack', () => {
    const settings = createSettingsStore(memoryStoreFactory());
    expect(settings.getLanguage()).toBeNull();
    expect(settings.getSlackRegion()).toBe('commercial');
  });

  it('remembers choices across restarts', () => {
    const files = new Map<string, Record<string, unknown>>();
    const first = createSettingsStore(memoryStoreFactory(files));
    first.setLanguage('ko');
    first.setSlackRegion('gov');
    const again = createSettingsStore(memoryStoreFactory(files));
    expect(again.getLanguage()).toBe('ko');
    expect(again.getSlackRegion()).toBe('gov');
    expect(files.has(SETTINGS_STORE_NAME)).toBe(true);
  });

  it('goes back to following the OS when the choice is cleared', () => {
    const settings = createSettingsStore(memoryStoreFactory());
    settings.setLanguage('ko');
    settings.setLanguage(null);
    expect(settings.getLanguage()).toBeNull();
  });

  it('ignores values a hand-edited file might hold', () => {
    const files = new Map<string, Record<string, unknown>>([[SETTINGS_STORE_NAME, { language: 'fr', slackRegion: 'mars' }]]);
    const settings = createSettingsStore(memoryStoreFactory(files));
    expect(settings.getLanguage()).toBeNull();
    expect(settings.getSlackRegion()).toBe('commercial');
  });
});
