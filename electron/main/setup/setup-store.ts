// Where the guided setup keeps its place between launches. Nothing secret: the client secret
// lives in the vault (or only in memory) and the token in the vault; here is only its id.
import type { SetupProgress } from '../../shared/ipc-contract';
import { setupProgressSchema } from '../../shared/ipc-contract';
import type { StoreFactory } from '../seams';

export const SETUP_STORE_NAME = 'setup';

export function defaultSetupProgress(): SetupProgress {
  return {
    step: 'choose-apis',
    stepStatus: { 'choose-apis': 'current' },
    selectedApis: [],
    adminScopes: [],
    discoveryWrite: false,
    extraScopes: [],
    userScopes: [],
    clientId: '',
    rememberApp: false,
  };
}

// A type alias, not an interface: the store wants an index-signature-compatible record.
type SetupDocument = {
  progress: SetupProgress;
  tokenId: string | null;
};

const TOKEN_ID = /^[A-Za-z0-9_-]{8,64}$/;

export interface SetupSnapshot {
  progress: SetupProgress;
  tokenId: string | null;
}

export interface SetupStore {
  load(): SetupSnapshot;
  saveProgress(progress: SetupProgress): void;
  saveTokenId(tokenId: string | null): void;
  reset(): SetupSnapshot;
}

export function createSetupStore(storeFactory: StoreFactory): SetupStore {
  const store = storeFactory<SetupDocument>(SETUP_STORE_NAME, { progress: defaultSetupProgress(), tokenId: null });

  return {
    load() {
      // A file edited by hand, or written by another version, must not break the start-up.
      const parsed = setupProgressSchema.safeParse(store.get('progress'));
      const tokenId = store.get('tokenId');
      return {
        progress: parsed.success ? parsed.data : defaultSetupProgress(),
        tokenId: typeof tokenId === 'string' && TOKEN_ID.test(tokenId) ? tokenId : null,
      };
    },
    saveProgress(progress) {
      store.set('progress', progress);
    },
    saveTokenId(tokenId) {
      store.set('tokenId', tokenId);
    },
    reset() {
      const fresh = { progress: defaultSetupProgress(), tokenId: null };
      store.set('progress', fresh.progress);
      store.set('tokenId', null);
      return fresh;
    },
  };
}
