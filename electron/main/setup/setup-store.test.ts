import { describe, expect, it } from 'vitest';
import type { SetupProgress } from '../../shared/ipc-contract';
import { createMemoryStoreFactory } from '../../../test/fakes/memory-store';
import { SETUP_STORE_NAME, createSetupStore, defaultSetupProgress } from './setup-store';

const PROGRESS: SetupProgress = {
  step: 'sign-in',
  stepStatus: { 'choose-apis': 'done', scopes: 'done', credentials: 'done', 'sign-in': 'current' },
  selectedApis: ['scim', 'audit-logs'],
  adminScopes: [],
  discoveryWrite: false,
  extraScopes: [],
  userScopes: ['admin', 'auditlogs:read'],
  clientId: '1234567890.1234567890123',
  rememberApp: true,
};

describe('setup store', () => {
  it('starts at the first step', () => {
    const store = createSetupStore(createMemoryStoreFactory().factory);
    expect(store.load()).toEqual({ progress: defaultSetupProgress(), tokenId: null });
  });

  it('resumes where the admin left off after the app is reopened', () => {
    const { factory } = createMemoryStoreFactory();
    const first = createSetupStore(factory);
    first.saveProgress(PROGRESS);
    first.saveTokenId('tok_0123456789');
    const reopened = createSetupStore(factory);
    expect(reopened.load()).toEqual({ progress: PROGRESS, tokenId: 'tok_0123456789' });
  });

  it('starts over when the saved document is damaged', () => {
    const { factory, documents } = createMemoryStoreFactory();
    createSetupStore(factory).saveProgress(PROGRESS);
    const document = documents.get(SETUP_STORE_NAME);
    if (!document) throw new Error('no document');
    document['progress'] = { ...PROGRESS, step: 'nonsense' };
    document['tokenId'] = '../../etc/passwd';
    expect(createSetupStore(factory).load()).toEqual({ progress: defaultSetupProgress(), tokenId: null });
  });

  it('reset forgets the progress and the token id', () => {
    const { factory } = createMemoryStoreFactory();
    const store = createSetupStore(factory);
    store.saveProgress(PROGRESS);
    store.saveTokenId('tok_0123456789');
    store.reset();
    expect(createSetupStore(factory).load()).toEqual({ progress: defaultSetupProgress(), tokenId: null });
  });
});
