// electron-store is conf plus Electron's userData path; outside Electron the harness uses conf
// directly on the same JSON format, in the run's own data folder.
import Conf from 'conf';
import type { KeyValueStore, StoreFactory } from '../../electron/main/seams';

export function createConfStoreFactory(dataDir: string): StoreFactory {
  return <T extends Record<string, unknown>>(name: string, defaults: T): KeyValueStore<T> => {
    const conf = new Conf<T>({ cwd: dataDir, configName: name, defaults, clearInvalidConfig: false, projectName: 'org-token-helper' });
    return {
      get: (key) => conf.get(key),
      set: (key, value) => conf.set(key, value),
      delete: (key) => conf.delete(key),
      path: conf.path,
    };
  };
}
