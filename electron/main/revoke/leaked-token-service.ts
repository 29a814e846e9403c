// A token the admin found somewhere it should not be (a chat, a repository, a ticket) and pasted
// in to kill it. It is never stored, logged or sent back: it lives only in this Map, under a
// random handle the renderer holds instead, until it is revoked, discarded or its time runs out.
//
// Refresh tokens (`xoxe-`): auth.test cannot say whose they are, and Slack's docs do not say
// whether auth.revoke accepts one. We try it and report honestly: if Slack refuses, the code
// `refresh-token-not-revocable` says so; if Slack accepts, the result is `verified: false`,
// because there is no call that checks a refresh token without using it up.
import { randomBytes } from 'node:crypto';
import type { ChannelHandlers, LeakedRevokeResult, LeakedTokenInspection, Result } from '../../shared/ipc-contract';
import { IpcChannel } from '../../shared/ipc-channels';
import { classifyPastedToken, maskToken, type SlackTokenKind } from '../../shared/token-shape';
import type { UserError } from '../../shared/user-error';
import type { Clock, SlackGateway } from '../seams';
import { neverThrow } from './never-throw';
import { isRefusedToken } from './revoke-outcome';

type LeakedChannels = IpcChannel.InspectLeakedToken | IpcChannel.RevokeLeakedToken | IpcChannel.DiscardLeakedToken;

export type LeakedTokenHandlers = Pick<ChannelHandlers, LeakedChannels> & {
  /** Drops every pasted token now (on quit). */
  discardAll(): void;
};

interface Held {
  token: string;
  kind: SlackTokenKind;
  expiresAt: number;
  timer: { cancel(): void };
}

// Enough for an admin working through a handful of leaks; bounds what a misbehaving renderer can pile up.
const MAX_HELD = 20;

export function createLeakedTokenHandlers(deps: { gateway: Pick<SlackGateway, 'authTest' | 'revoke'>; clock: Clock; handleTtlMs?: number }): LeakedTokenHandlers {
  const { gateway, clock } = deps;
  const ttlMs = deps.handleTtlMs ?? 10 * 60_000;
  const held = new Map<string, Held>();

  function drop(handle: string): void {
    const entry = held.get(handle);
    if (!entry) return;
    entry.timer.cancel();
    held.delete(handle);
  }

  function hold(token: string, kind: SlackTokenKind): string {
    while (held.size >= MAX_HELD) {
      const oldest = held.keys().next();
      if (oldest.done) break;
      drop(oldest.value);
    }
    const handle = randomBytes(24).toString('base64url'); // 192 bits
    const timer = clock.setTimeout(() => drop(handle), ttlMs);
    held.set(handle, { token, kind, expiresAt: clock.now() + ttlMs, timer });
    return handle;
  }

  function find(handle: string): Held | null {
    const entry = held.get(handle);
    if (!entry) return null;
    // The timer normally drops it; this also covers a clock that jumped (sleep/resume).
    if (clock.now() >= entry.expiresAt) {
      drop(handle);
      return null;
    }
    return entry;
  }

  async function inspect(text: string): Promise<Result<LeakedTokenInspection>> {
    const checked = classifyPastedToken(text);
    if (!checked.ok) return failure({ code: checked.code });
    const { token, kind } = checked;
    if (kind === 'refresh') {
      return { ok: true, value: { handle: hold(token, kind), kind, maskedToken: maskToken(token), identity: null, scopes: [] } };
    }
    const who = await gateway.authTest(token);
    // Already dead (token_revoked, invalid_auth, expired…): nothing to revoke; say why and keep nothing.
    if (!who.ok) return failure(who.error);
    return {
      ok: true,
      value: { handle: hold(token, kind), kind, maskedToken: maskToken(token), identity: who.value.identity, scopes: [...who.value.scopes] },
    };
  }

  async function revoke(handle: string, dryRun: boolean): Promise<Result<LeakedRevokeResult>> {
    const entry = find(handle);
    if (!entry) return failure({ code: 'leaked-token-expired' });
    const { token, kind } = entry;

    const answer = await gateway.revoke(token, { dryRun });
    if (!answer.ok) {
      if (kind === 'refresh') return failure({ ...answer.error, code: isTransportFailure(answer.error) ? answer.error.code : 'refresh-token-not-revocable' });
      if (dryRun || !isRefusedToken(answer.error)) return failure(answer.error);
    }
    // A dry run revokes nothing, so Slack answers `revoked: false` even for a live token; a dead
    // token is refused outright (invalid_auth / token_revoked). `ok` is therefore the answer.
    if (dryRun) return { ok: true, value: { dryRun: true, wouldRevoke: answer.ok } };

    if (kind === 'refresh') {
      drop(handle);
      return { ok: true, value: { dryRun: false, revoked: true, verified: false, revokedAt: new Date(clock.now()).toISOString() } };
    }

    const check = await gateway.authTest(token);
    if (check.ok) return failure({ code: 'revoke-not-confirmed' }); // the handle stays for Retry
    const verified = isRefusedToken(check.error);
    if (!verified && !(answer.ok && answer.value.revoked)) return failure(check.error);
    drop(handle);
    return { ok: true, value: { dryRun: false, revoked: true, verified, revokedAt: new Date(clock.now()).toISOString() } };
  }

  return {
    [IpcChannel.InspectLeakedToken]: ({ token }) => neverThrow(() => inspect(token)),
    [IpcChannel.RevokeLeakedToken]: ({ handle, dryRun }) => neverThrow(() => revoke(handle, dryRun)),
    [IpcChannel.DiscardLeakedToken]: ({ handle }) => {
      drop(handle);
      return { ok: true, value: { discarded: true } };
    },
    discardAll() {
      for (const handle of [...held.keys()]) drop(handle);
    },
  };
}

/** Transport trouble is worth a retry and keeps its own code; anything else is Slack refusing the refresh token. */
function isTransportFailure(error: UserError): boolean {
  return ['rate-limited', 'slack-server-error', 'unexpected-response', 'timeout', 'network'].includes(error.code);
}

function failure(error: UserError): { ok: false; error: UserError } {
  return { ok: false, error };
}
