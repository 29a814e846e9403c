// An in-memory StoreFactory for unit tests: the same name reopens the same data (as reopening
// the app reads the same file), and values go through JSON as they would on disk.
import type { KeyValueStore, StoreFactory } from '../../electron/main/seams';

export interface MemoryStoreFactory {
  factory: StoreFactory;
  /** The raw documents, by store name, as they would be written to disk. */
  documents: Map<string, Record<string, unknown>>;
}

function roundTrip<V>(value: V): V {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as V);
}

export function createMemoryStoreFactory(): MemoryStoreFactory {
  const documents = new Map<string, Record<string, unknown>>();

  const factory: StoreFactory = <T extends Record<string, unknown>>(name: string, defaults: T): KeyValueStore<T> => {
    if (!documents.has(name)) documents.set(name, roundTrip({ ...defaults }));
    const read = (): Record<string, unknown> => documents.get(name) ?? {};
    return {
      path: `memory://${name}.json`,
      get<K extends keyof T>(key: K): T[K] | undefined {
        const document = read();
        const value = Object.hasOwn(document, key as string) ? document[key as string] : defaults[key];
        return roundTrip(value) as T[K] | undefined;
      },
      set<K extends keyof T>(key: K, value: T[K]): void {
        read()[key as string] = roundTrip(value);
      },
      delete(key: keyof T): void {
        delete read()[key as string];
      },
    };
  };

  return { factory, documents };
}
