import { describe, expect, it } from 'vitest';
import { IpcChannel, IpcEvent } from '../../shared/ipc-channels';
import { createTokenTestHandler } from './setup-service';
import { FakeGateway, MemoryVault, OWNER_IDENTITY } from './test-doubles';
import { testToken } from './token-tester';

const TOKEN = 'xoxp-1111111111-22222222222-3333333333333-0123456789abcdef0123456789abcdef';
const NOW = Date.UTC(2025, 0, 2, 3, 4, 5);

describe('testToken', () => {
  it('checks who the token belongs to, compares scopes, and probes each chosen API in turn', async () => {
    const gateway = new FakeGateway();
    gateway.authResult = { ok: true, value: { identity: OWNER_IDENTITY, scopes: ['admin', 'auditlogs:read', 'admin.teams:read'] } };
    gateway.probeResults['audit-logs'] = { api: 'audit-logs', status: 'failed', error: { code: 'owner-only', httpStatus: 403 } };
    const report = await testToken({
      gateway,
      token: TOKEN,
      tokenId: 'tok_00000001',
      requestedScopes: ['admin', 'auditlogs:read', 'admin.teams:read', 'discovery:read'],
      apis: ['scim', 'audit-logs', 'admin-api', 'discovery'],
      now: NOW,
    });
    expect(report).toEqual({
      tokenId: 'tok_00000001',
      testedAt: '2025-01-02T03:04:05.000Z',
      identity: OWNER_IDENTITY,
      grantedScopes: ['admin', 'auditlogs:read', 'admin.teams:read'],
      requestedScopes: ['admin', 'auditlogs:read', 'admin.teams:read', 'discovery:read'],
      missingScopes: ['discovery:read'],
      apiChecks: [
        { api: 'scim', status: 'ok' },
        { api: 'audit-logs', status: 'failed', error: { code: 'owner-only', httpStatus: 403 } },
        { api: 'admin-api', status: 'ok' },
        { api: 'discovery', status: 'skipped', skippedReason: 'missing-scope' },
      ],
    });
    expect(gateway.methods()).toEqual(['authTest', 'probe', 'probe', 'probe']);
  });

  it('runs the probes one after another, never two at once', async () => {
    let running = 0;
    let most = 0;
    const gateway = new FakeGateway();
    gateway.authResult = { ok: true, value: { identity: OWNER_IDENTITY, scopes: ['admin', 'auditlogs:read', 'admin.teams:read', 'discovery:read'] } };
    gateway.probe = async (api) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return { api, status: 'ok' };
    };
    await testToken({ gateway, token: TOKEN, tokenId: 'tok_00000001', requestedScopes: [], apis: ['scim', 'audit-logs', 'discovery', 'admin-api'], now: NOW });
    expect(most).toBe(1);
  });

  it('stops after a failed auth.test and says why', async () => {
    const gateway = new FakeGateway();
    gateway.authResult = { ok: false, error: { code: 'token-revoked', slackError: 'token_revoked' } };
    const report = await testToken({ gateway, token: TOKEN, tokenId: 'tok_00000001', requestedScopes: ['admin'], apis: ['scim'], now: NOW });
    expect(report).toMatchObject({ identity: null, error: { code: 'token-revoked' }, apiChecks: [], grantedScopes: [] });
    expect(gateway.methods()).toEqual(['authTest']);
  });
});

describe('the TestToken handler', () => {
  async function savedToken(vault: MemoryVault) {
    return vault.save({
      token: TOKEN,
      refreshToken: null,
      expiresInSeconds: null,
      identity: OWNER_IDENTITY,
      scopes: ['admin'],
      requestedScopes: ['admin'],
      apis: ['scim'],
      appId: 'A0APP',
      clientId: '1234567890.1234567890123',
    });
  }

  it('tests the saved token, records the result and tells the window', async () => {
    const vault = new MemoryVault();
    const gateway = new FakeGateway();
    gateway.authResult = { ok: true, value: { identity: OWNER_IDENTITY, scopes: ['admin'] } };
    const events: Array<[string, unknown]> = [];
    const summary = await savedToken(vault);
    const handler = createTokenTestHandler({ vault, gateway, clock: { now: () => NOW, setTimeout: () => ({ cancel() {} }) }, emit: (channel, payload) => events.push([channel, payload]) });
    const result = await handler({ tokenId: summary.id });
    expect(result).toMatchObject({ ok: true, value: { tokenId: summary.id, apiChecks: [{ api: 'scim', status: 'ok' }], missingScopes: [] } });
    expect(vault.get(summary.id)?.lastTest).toEqual({ at: '2025-01-02T03:04:05.000Z', ok: true });
    expect(events).toEqual([[IpcEvent.VaultChanged, { reason: 'tested' }]]);
    expect(gateway.calls[0]).toEqual({ method: 'authTest', args: TOKEN });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(IpcChannel.TestToken).toBe('vault:test');
  });

  it('reports an unknown token id', async () => {
    const handler = createTokenTestHandler({ vault: new MemoryVault(), gateway: new FakeGateway(), clock: { now: () => NOW, setTimeout: () => ({ cancel() {} }) }, emit: () => {} });
    expect(await handler({ tokenId: 'tok_missing1' })).toEqual({ ok: false, error: { code: 'token-not-found' } });
  });
});
