import { describe, expect, it } from 'vitest';
import { IpcChannel, IpcEvent } from '../../shared/ipc-channels';
import type { SetupProgress } from '../../shared/ipc-contract';
import { resolveSlackEndpoints } from '../../shared/slack-endpoints';
import { createMemoryStoreFactory } from '../../../test/fakes/memory-store';
import type { StoreFactory } from '../seams';
import { createSetupHandlers } from './setup-service';
import { FakeGateway, FakeSignInWindows, MemoryVault, OWNER_IDENTITY, orgAccess } from './test-doubles';

const CLIENT_ID = '1234567890.1234567890123';
const SECRET = 'fedcba9876543210fedcba9876543210';
const TOKEN = 'xoxp-1111111111-22222222222-3333333333333-0123456789abcdef0123456789abcdef';
const CODE = '1234567890.1234567890123.c0dec0dec0dec0dec0dec0dec0dec0dec0dec0dec0dec0dec0dec0dec0dec0de';

const PROGRESS: SetupProgress = {
  step: 'sign-in',
  stepStatus: { 'choose-apis': 'done', scopes: 'done', credentials: 'done', 'sign-in': 'current' },
  selectedApis: ['scim', 'audit-logs'],
  adminScopes: [],
  discoveryWrite: false,
  extraScopes: [],
  userScopes: ['admin', 'auditlogs:read'],
  clientId: '',
  rememberApp: false,
};

function harness(options: { storeFactory?: StoreFactory; vault?: MemoryVault } = {}) {
  const storeFactory = options.storeFactory ?? createMemoryStoreFactory().factory;
  const vault = options.vault ?? new MemoryVault();
  const gateway = new FakeGateway();
  gateway.exchangeResult = { ok: true, value: orgAccess(TOKEN) };
  const windows = new FakeSignInWindows();
  const events: Array<{ channel: string; payload: unknown }> = [];
  const opened: string[] = [];
  /** Everything the handlers returned, to check that no secret ever left. */
  const outputs: unknown[] = [];
  const handlers = createSetupHandlers({
    storeFactory,
    vault,
    gateway,
    openSignInWindow: windows.open,
    openExternal: async (url) => {
      opened.push(url);
    },
    getEndpoints: () => resolveSlackEndpoints({ region: 'commercial', env: {}, allowOverride: false }),
    emit: (channel, payload) => events.push({ channel, payload }),
    clock: { now: () => 0, setTimeout: () => ({ cancel() {} }) },
    signInTimeoutMs: 123_000,
  });

  async function call<T>(result: T | Promise<T>): Promise<T> {
    const value = await result;
    outputs.push(value);
    return value;
  }

  return {
    handlers,
    vault,
    gateway,
    windows,
    events,
    opened,
    outputs,
    storeFactory,
    state: () => call(handlers[IpcChannel.GetSetupState]({})),
    saveProgress: (progress: SetupProgress = PROGRESS) => call(handlers[IpcChannel.SaveSetupProgress]({ progress })),
    saveCredentials: (clientId = CLIENT_ID, clientSecret = SECRET, remember = false) => call(handlers[IpcChannel.SaveClientCredentials]({ clientId, clientSecret, remember })),
    startSignIn: () => call(handlers[IpcChannel.StartSignIn]({})),
    cancelSignIn: () => call(handlers[IpcChannel.CancelSignIn]({})),
    startBrowser: () => call(handlers[IpcChannel.StartBrowserSignIn]({})),
    completeBrowser: (pastedUrl: string) => call(handlers[IpcChannel.CompleteBrowserSignIn]({ pastedUrl })),
    reset: () => call(handlers[IpcChannel.ResetSetup]({})),
    phases: () => events.filter((event) => event.channel === IpcEvent.SignInProgress).map((event) => event.payload),
  };
}

async function ready(options: Parameters<typeof harness>[0] = {}) {
  const h = harness(options);
  await h.saveProgress();
  await h.saveCredentials();
  return h;
}

describe('setup state', () => {
  it('starts at the first step with nothing held', async () => {
    const h = harness();
    expect(await h.state()).toMatchObject({ step: 'choose-apis', clientId: '', hasClientSecret: false, tokenId: null });
  });

  it('resumes at the step reached when the app is reopened', async () => {
    const stores = createMemoryStoreFactory();
    const first = harness({ storeFactory: stores.factory });
    await first.saveProgress({ ...PROGRESS, step: 'credentials' });
    const reopened = harness({ storeFactory: stores.factory });
    expect(await reopened.state()).toMatchObject({ step: 'credentials', userScopes: ['admin', 'auditlogs:read'], selectedApis: ['scim', 'audit-logs'] });
  });

  it('resumes with the token of a finished sign-in', async () => {
    const stores = createMemoryStoreFactory();
    const vault = new MemoryVault();
    const first = await ready({ storeFactory: stores.factory, vault });
    const pending = first.startSignIn();
    first.windows.redirectWith({ code: CODE, state: first.windows.state });
    const result = await pending;
    if (!result.ok) throw new Error(result.error.code);
    const reopened = harness({ storeFactory: stores.factory, vault });
    expect(await reopened.state()).toMatchObject({ step: 'test', tokenId: result.value.id, stepStatus: { 'sign-in': 'done', test: 'current' } });
  });

  it('reset starts over and drops the held secret', async () => {
    const h = await ready();
    const state = await h.reset();
    expect(state).toMatchObject({ step: 'choose-apis', clientId: '', hasClientSecret: false, tokenId: null });
    await h.saveProgress({ ...PROGRESS, clientId: CLIENT_ID });
    expect((await h.state()).hasClientSecret).toBe(false);
  });
});

describe('client credentials', () => {
  it('refuses a client id or secret that does not look like one, pointing at the credentials step', async () => {
    const h = harness();
    expect(await h.saveCredentials('not-an-id', SECRET)).toEqual({ ok: false, error: { code: 'invalid-client-id-format', backTo: 'credentials' } });
    expect(await h.saveCredentials(CLIENT_ID, CLIENT_ID)).toEqual({ ok: false, error: { code: 'invalid-client-secret-format', backTo: 'credentials' } });
    expect((await h.state()).hasClientSecret).toBe(false);
  });

  it('keeps the secret in memory only unless asked to remember it', async () => {
    const h = harness();
    const result = await h.saveCredentials(`  ${CLIENT_ID} `, `${SECRET}\n`, false);
    expect(result).toMatchObject({ ok: true, value: { clientId: CLIENT_ID, hasClientSecret: true, rememberApp: false } });
    expect(h.vault.secrets.size).toBe(0);
  });

  it('remembers the secret in the vault, and a reopened app picks it up', async () => {
    const stores = createMemoryStoreFactory();
    const vault = new MemoryVault();
    const first = harness({ storeFactory: stores.factory, vault });
    await first.saveProgress();
    expect(await first.saveCredentials(CLIENT_ID, SECRET, true)).toMatchObject({ ok: true, value: { rememberApp: true } });
    expect(vault.secrets.get(CLIENT_ID)).toBe(SECRET);

    const reopened = harness({ storeFactory: stores.factory, vault });
    expect(await reopened.state()).toMatchObject({ clientId: CLIENT_ID, hasClientSecret: true });
    reopened.gateway.exchangeResult = { ok: true, value: orgAccess(TOKEN) };
    const pending = reopened.startSignIn();
    reopened.windows.redirectWith({ code: CODE, state: reopened.windows.state });
    expect((await pending).ok).toBe(true);
    expect(reopened.gateway.calls[0]).toMatchObject({ method: 'exchangeCode', args: { clientSecret: SECRET } });
  });

  it('forgets a remembered secret when the admin unticks remember', async () => {
    const h = harness();
    await h.saveCredentials(CLIENT_ID, SECRET, true);
    await h.saveCredentials(CLIENT_ID, SECRET, false);
    expect(h.vault.secrets.size).toBe(0);
    expect((await h.state()).hasClientSecret).toBe(true);
  });

  it('carries on with the secret in memory when it cannot be remembered', async () => {
    const h = harness();
    h.vault.rememberFails = true;
    expect(await h.saveCredentials(CLIENT_ID, SECRET, true)).toMatchObject({ ok: true, value: { hasClientSecret: true, rememberApp: false } });
  });
});

describe('sign-in in the app window', () => {
  it('opens Slack with our app, scopes and redirect, then exchanges the code and saves the token', async () => {
    const h = await ready();
    const pending = h.startSignIn();
    const url = new URL(h.windows.last.authorizeUrl);
    expect(url.origin + url.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(url.searchParams.get('user_scope')).toBe('admin,auditlogs:read');
    expect(url.searchParams.get('redirect_uri')).toBe('https://localhost');
    expect(h.windows.state.length).toBeGreaterThanOrEqual(22);
    expect(h.windows.last.redirectUri).toBe('https://localhost');
    expect(h.windows.last.timeoutMs).toBe(123_000);

    h.windows.last.onAddress('https://acme.enterprise.slack.com/sign_in');
    h.windows.redirectWith({ code: CODE, state: h.windows.state });
    const result = await pending;

    expect(result).toMatchObject({ ok: true, value: { identity: OWNER_IDENTITY, requestedScopes: ['admin', 'auditlogs:read'], apis: ['scim', 'audit-logs'] } });
    expect(h.gateway.calls[0]).toEqual({ method: 'exchangeCode', args: { clientId: CLIENT_ID, clientSecret: SECRET, code: CODE, redirectUri: 'https://localhost' } });
    expect(h.vault.saved).toEqual([
      {
        token: TOKEN,
        refreshToken: null,
        expiresInSeconds: null,
        identity: OWNER_IDENTITY,
        scopes: ['admin', 'auditlogs:read'],
        requestedScopes: ['admin', 'auditlogs:read'],
        apis: ['scim', 'audit-logs'],
        appId: 'A0APP',
        clientId: CLIENT_ID,
      },
    ]);
    expect(h.phases()).toEqual([
      { phase: 'opening' },
      { phase: 'waiting-for-admin' },
      { phase: 'waiting-for-admin', address: 'https://acme.enterprise.slack.com/sign_in' },
      { phase: 'exchanging' },
      { phase: 'finished' },
    ]);
    expect(h.events).toContainEqual({ channel: IpcEvent.VaultChanged, payload: { reason: 'saved' } });
    expect(await h.state()).toMatchObject({ tokenId: result.ok ? result.value.id : null, step: 'test' });
  });

  it('builds the identity from the exchange when auth.test fails', async () => {
    const h = await ready();
    h.gateway.authResult = { ok: false, error: { code: 'network' } };
    const pending = h.startSignIn();
    h.windows.redirectWith({ code: CODE, state: h.windows.state });
    expect(await pending).toMatchObject({ ok: true });
    expect(h.vault.saved[0]?.identity).toEqual({ orgName: 'Acme Corp', enterpriseId: 'E0ACME', teamId: 'E0ACME', userName: null, userId: 'U0OWNER', url: null, isEnterpriseInstall: true });
  });

  it('needs credentials and scopes first', async () => {
    const h = harness();
    await h.saveProgress();
    expect(await h.startSignIn()).toEqual({ ok: false, error: { code: 'missing-client-credentials', backTo: 'credentials' } });
    await h.saveCredentials();
    await h.saveProgress({ ...PROGRESS, clientId: CLIENT_ID, userScopes: [] });
    expect(await h.startSignIn()).toEqual({ ok: false, error: { code: 'invalid-scopes', backTo: 'scopes' } });
    expect(h.windows.requests).toHaveLength(0);
  });

  it('refuses a second sign-in while one is open', async () => {
    const h = await ready();
    const first = h.startSignIn();
    expect(await h.startSignIn()).toEqual({ ok: false, error: { code: 'sign-in-in-progress' } });
    expect(await h.startBrowser()).toEqual({ ok: false, error: { code: 'sign-in-in-progress' } });
    expect(h.windows.requests).toHaveLength(1);
    h.windows.finish({ kind: 'closed' });
    await first;
    const second = h.startSignIn();
    expect(h.windows.requests).toHaveLength(2);
    h.windows.finish({ kind: 'closed' });
    await second;
  });

  it('uses a fresh state for every attempt', async () => {
    const h = await ready();
    const first = h.startSignIn();
    const firstState = h.windows.state;
    h.windows.finish({ kind: 'closed' });
    await first;
    const second = h.startSignIn();
    expect(h.windows.state).not.toBe(firstState);
    h.windows.finish({ kind: 'closed' });
    await second;
  });

  it.each([
    [{ kind: 'closed' }, { code: 'sign-in-cancelled', backTo: 'sign-in' }, 'current'],
    [{ kind: 'cancelled' }, { code: 'sign-in-cancelled', backTo: 'sign-in' }, 'current'],
    [{ kind: 'timeout' }, { code: 'sign-in-timeout', backTo: 'sign-in' }, 'failed'],
    [{ kind: 'slack-error-page', reason: 'redirect-uri-mismatch' }, { code: 'redirect-uri-mismatch', backTo: 'credentials' }, 'failed'],
    [{ kind: 'slack-error-page', reason: 'other' }, { code: 'sign-in-page-failed', backTo: 'sign-in' }, 'failed'],
    [{ kind: 'load-failed' }, { code: 'sign-in-page-failed', backTo: 'sign-in' }, 'failed'],
  ] as const)('maps a window outcome %j to %j', async (outcome, error, signInStatus) => {
    const h = await ready();
    const pending = h.startSignIn();
    h.windows.finish(outcome);
    expect(await pending).toEqual({ ok: false, error });
    expect(h.gateway.calls).toHaveLength(0);
    const state = await h.state();
    expect(state.stepStatus['sign-in']).toBe(signInStatus);
    expect(state.stepStatus.credentials).toBe(error.backTo === 'credentials' ? 'failed' : 'done');
    expect(h.phases().at(-1)).toEqual({ phase: 'finished' });
  });

  it('CancelSignIn closes the open window', async () => {
    const h = await ready();
    expect(await h.cancelSignIn()).toEqual({ ok: true, value: { cancelled: false } });
    const pending = h.startSignIn();
    expect(await h.cancelSignIn()).toEqual({ ok: true, value: { cancelled: true } });
    expect(h.windows.cancelled).toBe(1);
    expect(await pending).toEqual({ ok: false, error: { code: 'sign-in-cancelled', backTo: 'sign-in' } });
  });

  it('reports a window that cannot be opened', async () => {
    const h = await ready();
    h.windows.throwOnOpen = true;
    expect(await h.startSignIn()).toEqual({ ok: false, error: { code: 'sign-in-page-failed', backTo: 'sign-in' } });
    // Not stuck "in progress" afterwards.
    h.windows.throwOnOpen = false;
    const again = h.startSignIn();
    expect(h.windows.requests).toHaveLength(1);
    h.windows.finish({ kind: 'closed' });
    await again;
  });

  it('refuses a redirect that carries another state, without exchanging its code', async () => {
    const h = await ready();
    const pending = h.startSignIn();
    h.windows.redirectWith({ code: CODE, state: 'forged-state-from-another-attempt' });
    expect(await pending).toEqual({ ok: false, error: { code: 'state-mismatch', backTo: 'sign-in' } });
    expect(h.gateway.calls).toHaveLength(0);
    expect((await h.state()).stepStatus['sign-in']).toBe('failed');
  });

  it('reports Cancel on Slack as access denied', async () => {
    const h = await ready();
    const pending = h.startSignIn();
    h.windows.redirectWith({ error: 'access_denied', state: h.windows.state });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'access-denied' } });
  });

  it('passes on a used code and a wrong secret with the step that fixes them', async () => {
    const h = await ready();
    h.gateway.exchangeResult = { ok: false, error: { code: 'code-already-used', slackError: 'code_already_used', backTo: 'sign-in' } };
    let pending = h.startSignIn();
    h.windows.redirectWith({ code: CODE, state: h.windows.state });
    expect(await pending).toEqual({ ok: false, error: { code: 'code-already-used', slackError: 'code_already_used', backTo: 'sign-in' } });

    h.gateway.exchangeResult = { ok: false, error: { code: 'bad-client-secret', slackError: 'bad_client_secret', backTo: 'credentials' } };
    pending = h.startSignIn();
    h.windows.redirectWith({ code: CODE, state: h.windows.state });
    expect(await pending).toEqual({ ok: false, error: { code: 'bad-client-secret', slackError: 'bad_client_secret', backTo: 'credentials' } });
    expect((await h.state()).stepStatus).toMatchObject({ credentials: 'failed', 'sign-in': 'failed' });
    expect(h.vault.saved).toHaveLength(0);
  });

  it('refuses a workspace install, does not save its token, and revokes it', async () => {
    const h = await ready();
    h.gateway.exchangeResult = { ok: true, value: orgAccess(TOKEN, { isEnterpriseInstall: false, team: { id: 'T0SALES', name: 'Sales' } }) };
    const pending = h.startSignIn();
    h.windows.redirectWith({ code: CODE, state: h.windows.state });
    expect(await pending).toEqual({ ok: false, error: { code: 'workspace-install', backTo: 'sign-in' } });
    expect(h.vault.saved).toHaveLength(0);
    expect(h.gateway.calls).toContainEqual({ method: 'revoke', args: { token: TOKEN, dryRun: false } });
    expect((await h.state()).tokenId).toBeNull();
  });

  it('reports a token that could not be saved', async () => {
    const h = await ready();
    h.vault.saveFails = true;
    const pending = h.startSignIn();
    h.windows.redirectWith({ code: CODE, state: h.windows.state });
    expect(await pending).toEqual({ ok: false, error: { code: 'store-failed' } });
  });

  it('lets a reset during the sign-in win over the late result', async () => {
    const h = await ready();
    const pending = h.startSignIn();
    await h.reset();
    expect(h.windows.cancelled).toBe(1);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'sign-in-cancelled' } });
    expect(await h.state()).toMatchObject({ step: 'choose-apis', stepStatus: { 'choose-apis': 'current' } });
  });
});

describe('sign-in in the system browser', () => {
  it('opens the authorize address in the browser and finishes with the pasted redirect', async () => {
    const h = await ready();
    expect(await h.startBrowser()).toEqual({ ok: true, value: { opened: true } });
    const url = new URL(h.opened[0] ?? '');
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(url.searchParams.get('redirect_uri')).toBe('https://localhost');
    const state = url.searchParams.get('state') ?? '';
    expect(h.phases()).toEqual([{ phase: 'waiting-for-paste' }]);

    const result = await h.completeBrowser(`  https://localhost/?code=${CODE}&state=${state}\n`);
    expect(result).toMatchObject({ ok: true, value: { identity: OWNER_IDENTITY } });
    expect(h.gateway.calls[0]).toMatchObject({ method: 'exchangeCode', args: { code: CODE, redirectUri: 'https://localhost' } });
    expect(h.phases().slice(1)).toEqual([{ phase: 'exchanging' }, { phase: 'finished' }]);
    // The code was used; a second paste needs a new browser sign-in.
    expect(await h.completeBrowser(`https://localhost/?code=${CODE}&state=${state}`)).toEqual({ ok: false, error: { code: 'no-sign-in-started', backTo: 'sign-in' } });
  });

  it('needs a browser sign-in to have been started', async () => {
    const h = await ready();
    expect(await h.completeBrowser(`https://localhost/?code=${CODE}&state=x`)).toEqual({ ok: false, error: { code: 'no-sign-in-started', backTo: 'sign-in' } });
  });

  it('refuses a wrong state, a foreign host and an address without a code, and lets the admin paste again', async () => {
    const h = await ready();
    await h.startBrowser();
    const state = new URL(h.opened[0] ?? '').searchParams.get('state') ?? '';
    expect(await h.completeBrowser(`https://localhost/?code=${CODE}&state=wrong`)).toMatchObject({ ok: false, error: { code: 'state-mismatch' } });
    expect(await h.completeBrowser(`https://evil.test/?code=${CODE}&state=${state}`)).toMatchObject({ ok: false, error: { code: 'pasted-url-foreign-host' } });
    expect(await h.completeBrowser(`https://localhost/?state=${state}`)).toMatchObject({ ok: false, error: { code: 'pasted-url-no-code' } });
    expect(await h.completeBrowser('hello')).toMatchObject({ ok: false, error: { code: 'pasted-url-invalid' } });
    expect(h.gateway.calls).toHaveLength(0);
    expect(await h.completeBrowser(`https://localhost/?code=${CODE}&state=${state}`)).toMatchObject({ ok: true });
  });

  it('only the newest browser sign-in counts', async () => {
    const h = await ready();
    await h.startBrowser();
    const oldState = new URL(h.opened[0] ?? '').searchParams.get('state') ?? '';
    await h.startBrowser();
    expect(await h.completeBrowser(`https://localhost/?code=${CODE}&state=${oldState}`)).toMatchObject({ ok: false, error: { code: 'state-mismatch' } });
  });

  it('CancelSignIn drops a pending browser sign-in', async () => {
    const h = await ready();
    await h.startBrowser();
    expect(await h.cancelSignIn()).toEqual({ ok: true, value: { cancelled: true } });
    expect(await h.completeBrowser(`https://localhost/?code=${CODE}&state=x`)).toMatchObject({ error: { code: 'no-sign-in-started' } });
  });

  it('refuses a workspace install pasted from the browser too', async () => {
    const h = await ready();
    h.gateway.exchangeResult = { ok: true, value: orgAccess(TOKEN, { isEnterpriseInstall: false }) };
    await h.startBrowser();
    const state = new URL(h.opened[0] ?? '').searchParams.get('state') ?? '';
    expect(await h.completeBrowser(`https://localhost/?code=${CODE}&state=${state}`)).toEqual({ ok: false, error: { code: 'workspace-install', backTo: 'sign-in' } });
    expect(h.vault.saved).toHaveLength(0);
  });
});

describe('secrets', () => {
  it('never returns or emits the client secret, the token or the code', async () => {
    const h = await ready();
    await h.saveCredentials(CLIENT_ID, SECRET, true);
    let pending = h.startSignIn();
    h.windows.last.onAddress('https://slack.com/oauth/v2/authorize');
    h.windows.redirectWith({ code: CODE, state: h.windows.state });
    await pending;

    h.gateway.exchangeResult = { ok: false, error: { code: 'bad-client-secret', slackError: 'bad_client_secret', backTo: 'credentials' } };
    pending = h.startSignIn();
    h.windows.redirectWith({ code: CODE, state: h.windows.state });
    await pending;

    await h.startBrowser();
    const state = new URL(h.opened[0] ?? '').searchParams.get('state') ?? '';
    await h.completeBrowser(`https://localhost/?code=${CODE}&state=wrong`);
    h.gateway.exchangeResult = { ok: true, value: orgAccess(TOKEN) };
    await h.completeBrowser(`https://localhost/?code=${CODE}&state=${state}`);
    await h.state();
    await h.reset();

    const everything = JSON.stringify({ outputs: h.outputs, events: h.events, opened: h.opened });
    for (const secret of [SECRET, TOKEN, CODE]) expect(everything).not.toContain(secret);
    expect(h.outputs.length).toBeGreaterThan(5);
  });
});

describe('a store that cannot write', () => {
  it('reports store-failed instead of throwing, and keeps the progress for this session', async () => {
    const stores = createMemoryStoreFactory();
    let failing = false;
    const flaky: StoreFactory = (name, defaults) => {
      const inner = stores.factory(name, defaults);
      return {
        path: inner.path,
        get: (key) => inner.get(key),
        set: (key, value) => {
          if (failing) throw new Error('EACCES: permission denied, open /home/admin/.config/setup.json');
          inner.set(key, value);
        },
        delete: (key) => inner.delete(key),
      };
    };
    const h = harness({ storeFactory: flaky });
    failing = true;
    expect(await h.saveProgress()).toEqual({ ok: false, error: { code: 'store-failed' } });
    expect((await h.state()).step).toBe('sign-in');
    expect(await h.saveCredentials()).toEqual({ ok: false, error: { code: 'store-failed' } });
    expect((await h.reset()).step).toBe('choose-apis');
  });
});
