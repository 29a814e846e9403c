import { describe, expect, it } from 'vitest';
import { IpcChannel } from '../../shared/ipc-channels';
import { createFakeClock } from '../vault/test-support/fake-clock';
import { FAKE_IDENTITY, createFakeSlack } from '../vault/test-support/fake-slack-gateway';
import { createLeakedTokenHandlers } from './leaked-token-service';

function setup(options: { refreshTokenRevoke?: 'revokes-chain' | 'refused' } = {}) {
  const clock = createFakeClock();
  const slack = createFakeSlack({ clock, ...options });
  const handlers = createLeakedTokenHandlers({ gateway: slack.gateway, clock });
  const inspect = (token: string) => handlers[IpcChannel.InspectLeakedToken]({ token });
  const revoke = (handle: string, dryRun: boolean) => handlers[IpcChannel.RevokeLeakedToken]({ handle, dryRun });
  const discard = (handle: string) => handlers[IpcChannel.DiscardLeakedToken]({ handle });
  return { clock, slack, handlers, inspect, revoke, discard };
}

async function inspectOk(inspect: ReturnType<typeof setup>['inspect'], token: string) {
  const result = await inspect(token);
  if (!result.ok) throw new Error(`inspect failed: ${result.error.code}`);
  return result.value;
}

describe('leaked token: inspect', () => {
  it.each([
    ['xoxc-', 'browser-session-token'],
    ['xoxd-', 'browser-session-token'],
    ['xapp-', 'invalid-token-format'],
    ['xwfp-', 'invalid-token-format'],
    ['nonsense-', 'invalid-token-format'],
  ])('refuses %s values with %s, without calling Slack', async (prefix, code) => {
    const { inspect, slack } = setup();
    expect(await inspect(prefix + '1'.repeat(12) + '-' + 'a'.repeat(24))).toEqual({ ok: false, error: { code } });
    expect(slack.calls).toEqual([]);
  });

  it('shows whose access token it is, without sending the token back', async () => {
    const { inspect, slack } = setup();
    const token = slack.mintUserToken({ scopes: ['admin', 'admin.users:read'] });
    const result = await inspect(`  "${token}"\n`);
    expect(result).toEqual({
      ok: true,
      value: { handle: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/), kind: 'user', maskedToken: `xoxp-…${token.slice(-4)}`, identity: FAKE_IDENTITY, scopes: ['admin', 'admin.users:read'] },
    });
    expect(JSON.stringify(result)).not.toContain(token);
    expect(JSON.stringify(result)).not.toContain(token.slice(5, -4));
  });

  it('every paste gets a different unguessable handle', async () => {
    const { inspect, slack } = setup();
    const token = slack.mintUserToken();
    const first = await inspectOk(inspect, token);
    const second = await inspectOk(inspect, token);
    expect(first.handle).not.toBe(second.handle);
    expect(Buffer.from(first.handle, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('tells the kind of bot and rotating tokens', async () => {
    const { inspect, slack } = setup();
    expect((await inspectOk(inspect, slack.mintUserToken({ bot: true }))).kind).toBe('bot');
    expect((await inspectOk(inspect, slack.mintRotatingToken().token)).kind).toBe('rotating-user');
  });

  it('a refresh token cannot be looked up: no identity, kind refresh, and no Slack call', async () => {
    const { inspect, slack } = setup();
    const { refreshToken } = slack.mintRotatingToken();
    const value = await inspectOk(inspect, refreshToken);
    expect(value).toMatchObject({ kind: 'refresh', identity: null, scopes: [], maskedToken: `xoxe-…${refreshToken.slice(-4)}` });
    expect(slack.calls).toEqual([]);
  });

  it('a token Slack already refuses is reported as such and not held', async () => {
    const { inspect, slack, revoke } = setup();
    const token = slack.mintUserToken();
    await slack.gateway.revoke(token, { dryRun: false });
    expect(await inspect(token)).toEqual({ ok: false, error: { code: 'token-revoked', slackError: 'token_revoked' } });
    expect(await inspect(slack.mintUserToken().slice(0, -3) + 'fff')).toMatchObject({ ok: false, error: { code: 'invalid-auth' } });
    // nothing was kept: no handle exists to revoke with
    expect(await revoke('A'.repeat(32), false)).toEqual({ ok: false, error: { code: 'leaked-token-expired' } });
  });
});

describe('leaked token: revoke', () => {
  it('a dry run says it would revoke and does not revoke', async () => {
    const { inspect, revoke, slack } = setup();
    const token = slack.mintUserToken();
    const { handle } = await inspectOk(inspect, token);
    expect(await revoke(handle, true)).toEqual({ ok: true, value: { dryRun: true, wouldRevoke: true } });
    expect(slack.isLive(token)).toBe(true);
    expect(slack.calls.at(-1)).toMatchObject({ method: 'revoke', dryRun: true });
  });

  it('revokes, verifies with auth.test, and forgets the token: the handle is gone afterwards', async () => {
    const { inspect, revoke, slack, clock } = setup();
    const token = slack.mintUserToken();
    const { handle } = await inspectOk(inspect, token);
    const result = await revoke(handle, false);
    expect(result).toEqual({ ok: true, value: { dryRun: false, revoked: true, verified: true, revokedAt: new Date(clock.now()).toISOString() } });
    expect(slack.isLive(token)).toBe(false);
    expect(slack.calls.slice(-2).map((call) => call.method)).toEqual(['revoke', 'authTest']);
    expect(await revoke(handle, false)).toEqual({ ok: false, error: { code: 'leaked-token-expired' } });
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it('a failed revoke keeps the handle so Retry works', async () => {
    const { inspect, revoke, slack } = setup();
    const token = slack.mintUserToken();
    const { handle } = await inspectOk(inspect, token);
    slack.failNext('revoke', { code: 'network' });
    expect(await revoke(handle, false)).toEqual({ ok: false, error: { code: 'network' } });
    expect(await revoke(handle, false)).toMatchObject({ ok: true, value: { revoked: true, verified: true } });
  });

  it('Slack answering ok while still accepting the token is reported as not confirmed', async () => {
    const { inspect, revoke, slack } = setup();
    const { handle } = await inspectOk(inspect, slack.mintUserToken());
    slack.revokeDoesNothing = true;
    expect(await revoke(handle, false)).toEqual({ ok: false, error: { code: 'revoke-not-confirmed' } });
  });

  it('refresh tokens: Slack refusing auth.revoke is reported honestly', async () => {
    const { inspect, revoke, slack } = setup({ refreshTokenRevoke: 'refused' });
    const { handle } = await inspectOk(inspect, slack.mintRotatingToken().refreshToken);
    expect(await revoke(handle, true)).toEqual({ ok: false, error: { code: 'refresh-token-not-revocable', slackError: 'not_bearer_token' } });
    expect(await revoke(handle, false)).toEqual({ ok: false, error: { code: 'refresh-token-not-revocable', slackError: 'not_bearer_token' } });
  });

  it('refresh tokens: when Slack accepts the revoke it cannot be verified, and says so', async () => {
    const { inspect, revoke, slack } = setup({ refreshTokenRevoke: 'revokes-chain' });
    const { token, refreshToken } = slack.mintRotatingToken();
    const { handle } = await inspectOk(inspect, refreshToken);
    expect(await revoke(handle, false)).toMatchObject({ ok: true, value: { revoked: true, verified: false } });
    expect(slack.isLive(token)).toBe(false);
    expect(await revoke(handle, false)).toEqual({ ok: false, error: { code: 'leaked-token-expired' } });
  });

  it('refresh tokens: a network failure keeps its own code (worth a retry)', async () => {
    const { inspect, revoke, slack } = setup({ refreshTokenRevoke: 'refused' });
    const { handle } = await inspectOk(inspect, slack.mintRotatingToken().refreshToken);
    slack.failNext('revoke', { code: 'timeout' });
    expect(await revoke(handle, false)).toEqual({ ok: false, error: { code: 'timeout' } });
  });
});

describe('leaked token: lifetime of the handle', () => {
  it('expires after ten minutes', async () => {
    const { inspect, revoke, slack, clock } = setup();
    const { handle } = await inspectOk(inspect, slack.mintUserToken());
    clock.advance(10 * 60_000 - 1);
    expect(await revoke(handle, true)).toMatchObject({ ok: true });
    clock.advance(1);
    expect(await revoke(handle, true)).toEqual({ ok: false, error: { code: 'leaked-token-expired' } });
    expect(clock.pendingCount()).toBe(0);
  });

  it('discard drops it at once, and is fine to repeat', async () => {
    const { inspect, revoke, discard, slack } = setup();
    const { handle } = await inspectOk(inspect, slack.mintUserToken());
    expect(await discard(handle)).toEqual({ ok: true, value: { discarded: true } });
    expect(await discard(handle)).toEqual({ ok: true, value: { discarded: true } });
    expect(await revoke(handle, false)).toEqual({ ok: false, error: { code: 'leaked-token-expired' } });
  });

  it('discardAll on quit drops every pasted token', async () => {
    const { inspect, revoke, handlers, slack, clock } = setup();
    const a = await inspectOk(inspect, slack.mintUserToken());
    const b = await inspectOk(inspect, slack.mintUserToken());
    handlers.discardAll();
    expect(await revoke(a.handle, true)).toMatchObject({ ok: false, error: { code: 'leaked-token-expired' } });
    expect(await revoke(b.handle, true)).toMatchObject({ ok: false, error: { code: 'leaked-token-expired' } });
    expect(clock.pendingCount()).toBe(0);
  });

  it('the pasted token never appears in any value returned by any handler', async () => {
    const { inspect, revoke, discard, slack } = setup();
    const token = slack.mintUserToken();
    const answers: unknown[] = [];
    const inspected = await inspectOk(inspect, token);
    answers.push(inspected);
    answers.push(await revoke(inspected.handle, true));
    slack.failNext('revoke', { code: 'network' });
    answers.push(await revoke(inspected.handle, false));
    answers.push(await revoke(inspected.handle, false));
    answers.push(await discard(inspected.handle));
    const text = JSON.stringify(answers);
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(5, 30));
  });

  it('an exception inside becomes an internal error, not a throw', async () => {
    const clock = createFakeClock();
    const handlers = createLeakedTokenHandlers({
      clock,
      gateway: {
        authTest: () => Promise.reject(new Error('boom with details')),
        revoke: () => Promise.reject(new Error('boom')),
      },
    });
    const token = ['xoxp', '1'.repeat(10), '2'.repeat(11), 'abcdef0123456789abcdef'].join('-');
    expect(await handlers[IpcChannel.InspectLeakedToken]({ token })).toEqual({ ok: false, error: { code: 'internal' } });
  });
});
