// A fake `window.orgTokenHelper` for renderer tests: every method is a `vi.fn` with a sensible
// default answer, and `emit` fires the events main would push.
import { vi } from 'vitest';
import type {
  AppInfo,
  EventPayloads,
  SetupState,
  TokenSummary,
  VaultStatus,
} from '../../../electron/shared/ipc-contract';
import { IpcEvent } from '../../../electron/shared/ipc-channels';
import type { OrgTokenHelperApi } from '../../../electron/shared/preload-api';

export const encryptedVault: VaultStatus = { encryption: 'available', mode: 'encrypted', recoveredCorruptFile: false };

export function appInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    version: '0.1.0',
    platform: 'linux',
    language: null,
    systemLanguage: 'en',
    slackRegion: 'commercial',
    simulatedSlackOrigin: null,
    vault: encryptedVault,
    ...overrides,
  };
}

export function setupState(overrides: Partial<SetupState> = {}): SetupState {
  return {
    step: 'choose-apis',
    stepStatus: {},
    selectedApis: [],
    adminScopes: [],
    discoveryWrite: false,
    extraScopes: [],
    userScopes: [],
    clientId: '',
    rememberApp: false,
    hasClientSecret: false,
    tokenId: null,
    ...overrides,
  };
}

export function tokenSummary(overrides: Partial<TokenSummary> = {}): TokenSummary {
  return {
    id: 'tok_0123456789',
    maskedToken: 'xoxp-…9f3a',
    identity: {
      orgName: 'Acme Corp',
      enterpriseId: 'E0123ABCD',
      teamId: null,
      userName: 'owner',
      userId: 'U0OWNER01',
      url: 'https://acme.enterprise.slack.com/',
      isEnterpriseInstall: true,
    },
    scopes: ['admin', 'auditlogs:read'],
    requestedScopes: ['admin', 'auditlogs:read'],
    apis: ['scim', 'audit-logs'],
    appId: 'A0APP1234',
    createdAt: '2025-01-02T10:00:00.000Z',
    lastTest: null,
    rotating: false,
    expiresAt: null,
    status: 'active',
    revokedAt: null,
    revokeError: null,
    inMemoryOnly: false,
    ...overrides,
  };
}

type Listeners = { [E in IpcEvent]: Set<(payload: EventPayloads[E]) => void> };

export interface FakeApi {
  api: OrgTokenHelperApi;
  emit: <E extends IpcEvent>(event: E, payload: EventPayloads[E]) => void;
}

export function createFakeApi(overrides: Partial<OrgTokenHelperApi> = {}): FakeApi {
  const listeners: Listeners = {
    [IpcEvent.SignInProgress]: new Set(),
    [IpcEvent.RateLimitCountdown]: new Set(),
    [IpcEvent.VaultChanged]: new Set(),
    [IpcEvent.LanguageChanged]: new Set(),
  };
  const subscribe =
    <E extends IpcEvent>(event: E) =>
    (listener: (payload: EventPayloads[E]) => void) => {
      listeners[event].add(listener);
      return () => {
        listeners[event].delete(listener);
      };
    };

  let state = setupState();
  const api: OrgTokenHelperApi = {
    getAppInfo: vi.fn(async () => appInfo()),
    setLanguage: vi.fn(async ({ language }) => ({ ok: true as const, value: { language } })),
    setSlackRegion: vi.fn(async ({ region }) => ({ ok: true as const, value: { region } })),
    openExternal: vi.fn(async () => ({ ok: true as const, value: { opened: true as const } })),
    getSetupState: vi.fn(async () => state),
    saveSetupProgress: vi.fn(async ({ progress }) => {
      state = { ...state, ...progress };
      return { ok: true as const, value: state };
    }),
    saveClientCredentials: vi.fn(async ({ clientId, remember }) => {
      state = { ...state, clientId, rememberApp: remember, hasClientSecret: true };
      return { ok: true as const, value: state };
    }),
    startSignIn: vi.fn(async () => ({ ok: true as const, value: tokenSummary() })),
    cancelSignIn: vi.fn(async () => ({ ok: true as const, value: { cancelled: true } })),
    startBrowserSignIn: vi.fn(async () => ({ ok: true as const, value: { opened: true as const } })),
    completeBrowserSignIn: vi.fn(async () => ({ ok: true as const, value: tokenSummary() })),
    resetSetup: vi.fn(async () => {
      state = setupState();
      return state;
    }),
    listTokens: vi.fn(async () => ({ tokens: [], vault: encryptedVault })),
    testToken: vi.fn(async ({ tokenId }) => ({
      ok: true as const,
      value: {
        tokenId,
        testedAt: '2025-01-02T10:05:00.000Z',
        identity: tokenSummary().identity,
        grantedScopes: ['admin'],
        requestedScopes: ['admin'],
        missingScopes: [],
        apiChecks: [{ api: 'scim' as const, status: 'ok' as const }],
      },
    })),
    copyToken: vi.fn(async () => ({ ok: true as const, value: { clearsAfterSeconds: 60 } })),
    revealToken: vi.fn(async () => ({ ok: true as const, value: { token: 'xoxp-1111-2222-3333-abcdef9f3a', hideAfterSeconds: 10 } })),
    revokeToken: vi.fn(async () => ({ ok: true as const, value: { token: tokenSummary({ status: 'revoked' }), verified: true } })),
    forgetToken: vi.fn(async () => ({ ok: true as const, value: { forgotten: true as const } })),
    refreshToken: vi.fn(async () => ({ ok: true as const, value: tokenSummary() })),
    acceptWeakStorage: vi.fn(async () => ({ ok: true as const, value: { ...encryptedVault, mode: 'weak-accepted' as const } })),
    inspectLeakedToken: vi.fn(async () => ({
      ok: true as const,
      value: { handle: 'h_0123456789abcdef', kind: 'user' as const, maskedToken: 'xoxp-…beef', identity: tokenSummary().identity, scopes: ['admin'] },
    })),
    revokeLeakedToken: vi.fn(async ({ dryRun }) =>
      dryRun
        ? { ok: true as const, value: { dryRun: true as const, wouldRevoke: true } }
        : { ok: true as const, value: { dryRun: false as const, revoked: true as const, verified: true, revokedAt: '2025-01-02T10:10:00.000Z' } },
    ),
    discardLeakedToken: vi.fn(async () => ({ ok: true as const, value: { discarded: true as const } })),
    onSignInProgress: subscribe(IpcEvent.SignInProgress),
    onRateLimitCountdown: subscribe(IpcEvent.RateLimitCountdown),
    onVaultChanged: subscribe(IpcEvent.VaultChanged),
    onLanguageChanged: subscribe(IpcEvent.LanguageChanged),
    ...overrides,
  };
  // An overridden getSetupState sets the state the default save handlers build on, as main's does.
  const customGetSetupState = overrides.getSetupState;
  if (customGetSetupState) {
    api.getSetupState = vi.fn(async (request: Record<string, never>) => {
      state = await customGetSetupState(request);
      return state;
    });
  }

  return {
    api,
    emit: (event, payload) => {
      for (const listener of listeners[event]) listener(payload);
    },
  };
}
