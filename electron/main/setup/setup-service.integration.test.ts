// The whole guided sign-in against the simulated Slack: setup service → real gateway
// (@slack/web-api) → simulated OAuth pages and Web API. Only the window is replaced, by a
// browser-like walk through Slack's forms that lands on the redirect the window would catch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimSlack } from '../../../e2e/sim-slack/index';
import type { SimApp, SimSlack, SimUser } from '../../../e2e/sim-slack/index';
import { authorizeViaForms } from '../../../e2e/sim-slack/test-helpers';
import { createMemoryStoreFactory } from '../../../test/fakes/memory-store';
import { IpcChannel } from '../../shared/ipc-channels';
import type { ApiId, SetupProgress } from '../../shared/ipc-contract';
import { SLACK_ORIGIN_OVERRIDE_ENV, resolveSlackEndpoints } from '../../shared/slack-endpoints';
import type { OpenSignInWindow, SlackGateway } from '../seams';
import { createSlackGateway } from '../slack/slack-gateway';
import { createSetupHandlers, createTokenTestHandler } from './setup-service';
import { MemoryVault } from './test-doubles';

let sim: SimSlack;
let app: SimApp;

beforeEach(async () => {
  sim = await startSimSlack();
  app = sim.registerApp();
});

afterEach(async () => {
  await sim.close();
});

/** Signs in as `user` on the page the window was asked to open, choosing `installOn`. */
function windowSigningInAs(user: SimUser, options: { installOn?: string; decision?: 'allow' | 'cancel' } = {}): OpenSignInWindow {
  return (request) => {
    const url = new URL(request.authorizeUrl);
    const outcome = authorizeViaForms(sim, {
      app,
      user,
      userScopes: (url.searchParams.get('user_scope') ?? '').split(','),
      redirectUri: url.searchParams.get('redirect_uri') ?? '',
      state: url.searchParams.get('state') ?? '',
      ...(options.installOn ? { installOn: options.installOn } : {}),
      ...(options.decision ? { decision: options.decision } : {}),
    }).then((result) => {
      if (!result.location) return { kind: 'slack-error-page' as const, reason: 'other' as const };
      return { kind: 'redirect' as const, url: new URL(result.location, sim.origin).toString() };
    });
    return { outcome, cancel: () => {} };
  };
}

/** The system browser: the admin signs in and copies the address Slack sent them to. */
function browserSigningInAs(user: SimUser, copied: string[]): (url: string) => Promise<void> {
  return async (authorizeUrl) => {
    const url = new URL(authorizeUrl);
    const result = await authorizeViaForms(sim, {
      app,
      user,
      userScopes: (url.searchParams.get('user_scope') ?? '').split(','),
      redirectUri: url.searchParams.get('redirect_uri') ?? '',
      state: url.searchParams.get('state') ?? '',
    });
    copied.push(result.location);
  };
}

function setupWith(openSignInWindow: OpenSignInWindow, scopes: string[], apis: ApiId[], openExternal: (url: string) => Promise<void> = async () => {}) {
  const getEndpoints = () => resolveSlackEndpoints({ region: 'commercial', env: { [SLACK_ORIGIN_OVERRIDE_ENV]: sim.origin }, allowOverride: true });
  const revoked: string[] = [];
  const real = createSlackGateway({ getEndpoints });
  const gateway: SlackGateway = {
    ...real,
    revoke: async (token, options) => {
      revoked.push(token);
      return real.revoke(token, options);
    },
  };
  const vault = new MemoryVault();
  const clock = { now: () => Date.now(), setTimeout: () => ({ cancel() {} }) };
  const handlers = createSetupHandlers({
    storeFactory: createMemoryStoreFactory().factory,
    vault,
    gateway,
    openSignInWindow,
    openExternal,
    getEndpoints,
    emit: () => {},
    clock,
  });
  const testHandler = createTokenTestHandler({ vault, gateway, clock, emit: () => {} });
  const progress: SetupProgress = {
    step: 'sign-in',
    stepStatus: {},
    selectedApis: apis,
    adminScopes: scopes.filter((scope) => scope.startsWith('admin.')),
    discoveryWrite: false,
    extraScopes: [],
    userScopes: scopes,
    clientId: '',
    rememberApp: false,
  };
  return {
    vault,
    revoked,
    async signIn() {
      await handlers[IpcChannel.SaveSetupProgress]({ progress });
      const saved = await handlers[IpcChannel.SaveClientCredentials]({ clientId: app.clientId, clientSecret: app.clientSecret, remember: false });
      if (!saved.ok) throw new Error(`credentials refused: ${saved.error.code}`);
      return handlers[IpcChannel.StartSignIn]({});
    },
    test: (tokenId: string) => testHandler({ tokenId }),
    async signInWithBrowser(paste: () => string) {
      await handlers[IpcChannel.SaveSetupProgress]({ progress });
      await handlers[IpcChannel.SaveClientCredentials]({ clientId: app.clientId, clientSecret: app.clientSecret, remember: false });
      const opened = await handlers[IpcChannel.StartBrowserSignIn]({});
      if (!opened.ok) throw new Error(`browser not opened: ${opened.error.code}`);
      return handlers[IpcChannel.CompleteBrowserSignIn]({ pastedUrl: paste() });
    },
  };
}

describe('guided sign-in against the simulated Slack', () => {
  it("an Owner's org install gives a saved token that passes every chosen check", async () => {
    const setup = setupWith(windowSigningInAs(sim.users.owner), ['admin', 'auditlogs:read', 'admin.teams:read'], ['scim', 'audit-logs', 'admin-api']);
    const result = await setup.signIn();
    if (!result.ok) throw new Error(`sign-in failed: ${result.error.code}`);
    expect(result.value.identity).toMatchObject({ userId: sim.users.owner.id, enterpriseId: sim.enterprise.id, isEnterpriseInstall: true });
    expect(sim.installs.at(-1)).toMatchObject({ isEnterpriseInstall: true, userId: sim.users.owner.id });
    expect(sim.tokenStatus(setup.vault.readToken(result.value.id) ?? '')).toBe('active');

    const report = await setup.test(result.value.id);
    expect(report).toMatchObject({
      ok: true,
      value: {
        missingScopes: [],
        apiChecks: [
          { api: 'scim', status: 'ok' },
          { api: 'audit-logs', status: 'ok' },
          { api: 'admin-api', status: 'ok' },
        ],
      },
    });
  });

  it("an Admin's token is saved but Audit Logs says Owners only", async () => {
    const setup = setupWith(windowSigningInAs(sim.users.admin), ['admin', 'auditlogs:read'], ['scim', 'audit-logs']);
    const result = await setup.signIn();
    if (!result.ok) throw new Error(`sign-in failed: ${result.error.code}`);
    const report = await setup.test(result.value.id);
    expect(report).toMatchObject({
      ok: true,
      value: { apiChecks: [{ api: 'scim', status: 'ok' }, { api: 'audit-logs', status: 'failed', error: { code: 'owner-only' } }] },
    });
  });

  it('a workspace install is refused, not saved, and its token revoked', async () => {
    const workspace = sim.workspaces[0];
    if (!workspace) throw new Error('the sim has no workspace');
    const setup = setupWith(windowSigningInAs(sim.users.owner, { installOn: workspace.id }), ['admin'], ['scim']);
    expect(await setup.signIn()).toEqual({ ok: false, error: { code: 'workspace-install', backTo: 'sign-in' } });
    expect(setup.vault.saved).toHaveLength(0);
    expect(setup.revoked).toHaveLength(1);
    expect(sim.tokenStatus(setup.revoked[0] ?? '')).toBe('revoked');
  });

  it('Cancel on Slack is reported as access denied', async () => {
    const setup = setupWith(windowSigningInAs(sim.users.owner, { decision: 'cancel' }), ['admin'], ['scim']);
    expect(await setup.signIn()).toMatchObject({ ok: false, error: { code: 'access-denied' } });
  });

  it('an Admin without the Channel Management role cannot install Admin API scopes', async () => {
    const setup = setupWith(windowSigningInAs(sim.users.adminNoChannelRole), ['admin.teams:read'], ['admin-api']);
    expect(await setup.signIn()).toMatchObject({ ok: false, error: { code: 'not-allowed', slackError: 'not_allowed' } });
  });

  it('the browser fallback finishes with the pasted address', async () => {
    const copied: string[] = [];
    const refuseWindow: OpenSignInWindow = () => {
      throw new Error('not used');
    };
    const setup = setupWith(refuseWindow, ['admin'], ['scim'], browserSigningInAs(sim.users.owner, copied));
    const result = await setup.signInWithBrowser(() => `\n  ${copied[0] ?? ''}  \n`);
    if (!result.ok) throw new Error(`sign-in failed: ${result.error.code}`);
    expect(result.value.identity.isEnterpriseInstall).toBe(true);
    expect(copied[0]).toMatch(/^https:\/\/localhost\/?\?code=/);
  });
});
