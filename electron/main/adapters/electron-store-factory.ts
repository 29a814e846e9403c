// StoreFactory over electron-store: one JSON file per name in the app's userData folder. Invalid
// files are passed through untouched (clearInvalidConfig: false), because the vault decides what
// to do with a damaged file; the files are owner-only.
import Store from 'electron-store';
import type { KeyValueStore, StoreFactory } from '../seams';

export const electronStoreFactory: StoreFactory = <T extends Record<string, unknown>>(name: string, defaults: T): KeyValueStore<T> => {
  const store = new Store<T>({ name, defaults, clearInvalidConfig: false, configFileMode: 0o600 });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
    path: store.path,
  };
};
