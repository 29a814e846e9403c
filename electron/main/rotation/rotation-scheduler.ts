// Keeps rotating tokens (`xoxe.xoxp-…`, 12-hour lifetime) alive while the app is open: each is
// refreshed a little before it expires, with `oauth.v2.access grant_type=refresh_token`. Slack
// answers with a new refresh token and invalidates the old one, so the new pair is written to
// disk before anything else happens; on any failure the old pair stays as it was.
//
// Refreshing needs the app's client secret. If the admin did not let the app remember it, no
// background refresh is possible: the token's metadata carries `rotation-needs-client-secret`.
import { IpcEvent } from '../../shared/ipc-channels';
import type { Result } from '../../shared/ipc-contract';
import type { UserError, UserErrorCode } from '../../shared/user-error';
import type { Clock, EventSink, SlackGateway } from '../seams';
import { VaultError, type ManagedTokenVault, type VaultTokenSummary } from '../vault/token-vault';

export interface RotationScheduler {
  /** Looks at every saved token and (re)plans its refresh: call at start-up and after the vault changes. */
  sync(): void;
  /** Refreshes now (the Refresh button, or before revoking an expired token). */
  refreshNow(id: string): Promise<Result<VaultTokenSummary>>;
  /** Cancels every planned refresh (on quit). */
  stop(): void;
  /** Resolves once no refresh is running. */
  idle(): Promise<void>;
}

export interface RotationSchedulerDeps {
  vault: Pick<ManagedTokenVault, 'list' | 'get' | 'openRefreshToken' | 'replaceRotatedToken' | 'recordRefreshError'>;
  gateway: Pick<SlackGateway, 'refreshToken'>;
  clock: Clock;
  emit: EventSink;
  getClientSecret: (clientId: string) => string | null;
  /** Refresh this long before expiry, or at 10% of the remaining lifetime if that is shorter. */
  refreshMarginMs?: number;
  /** Waits before each retry after a transient failure; their count is the number of retries. */
  retryDelaysMs?: number[];
}

// Worth trying again later; anything else (a bad secret, a dead refresh token) will not fix itself.
const TRANSIENT: ReadonlySet<UserErrorCode> = new Set(['rate-limited', 'slack-server-error', 'unexpected-response', 'timeout', 'network']);

// Node's timers overflow past about 24.8 days.
const MAX_TIMER_MS = 2 ** 31 - 1;

export function createRotationScheduler(deps: RotationSchedulerDeps): RotationScheduler {
  const { vault, gateway, clock, emit, getClientSecret } = deps;
  const marginMs = deps.refreshMarginMs ?? 5 * 60_000;
  const retryDelays = deps.retryDelaysMs ?? [30_000, 2 * 60_000, 10 * 60_000];

  const timers = new Map<string, { cancel(): void; retry: boolean }>();
  const inFlight = new Map<string, Promise<Result<VaultTokenSummary>>>();
  const failures = new Map<string, number>();
  let stopped = false;

  function cancel(id: string): void {
    timers.get(id)?.cancel();
    timers.delete(id);
  }

  function plan(id: string, atMs: number, retry: boolean): void {
    cancel(id);
    if (stopped) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, atMs - clock.now()));
    const timer = clock.setTimeout(() => {
      timers.delete(id);
      void refresh(id);
    }, delay);
    timers.set(id, { cancel: timer.cancel, retry });
  }

  function dueAt(summary: VaultTokenSummary): number | null {
    if (summary.expiresAt === null) return null;
    const expiresAt = Date.parse(summary.expiresAt);
    const remaining = expiresAt - clock.now();
    if (remaining <= 0) return clock.now();
    return expiresAt - Math.min(marginMs, remaining * 0.1);
  }

  /** Whether this token should be refreshed without anyone asking. */
  function wantsBackgroundRefresh(summary: VaultTokenSummary): boolean {
    if (!summary.rotating || summary.status === 'revoked' || summary.secretState !== 'available') return false;
    const error = summary.refreshError;
    if (!error) return true;
    if (error.code === 'rotation-needs-client-secret') return summary.clientId !== null && getClientSecret(summary.clientId) !== null;
    // After the last retry it waits for the admin (Refresh) or the next start of the app.
    return TRANSIENT.has(error.code) && (failures.get(summary.id) ?? 0) <= retryDelays.length;
  }

  function planNext(id: string): void {
    const summary = vault.get(id);
    if (!summary || !wantsBackgroundRefresh(summary)) {
      cancel(id);
      return;
    }
    const at = dueAt(summary);
    if (at === null) cancel(id);
    else plan(id, at, false);
  }

  async function recordFailure(id: string, error: UserError): Promise<Result<VaultTokenSummary>> {
    await vault.recordRefreshError(id, error);
    emit(IpcEvent.VaultChanged, { reason: 'refreshed' });
    if (TRANSIENT.has(error.code)) {
      const count = (failures.get(id) ?? 0) + 1;
      failures.set(id, count);
      const wait = retryDelays[count - 1];
      if (wait !== undefined) plan(id, clock.now() + Math.max(wait, (error.retryAfterSeconds ?? 0) * 1000), true);
      else cancel(id);
    } else {
      cancel(id);
    }
    return { ok: false, error };
  }

  async function attempt(id: string): Promise<Result<VaultTokenSummary>> {
    const summary = vault.get(id);
    if (!summary) return fail('token-not-found');
    if (!summary.rotating) return fail('token-not-rotating');
    if (summary.status === 'revoked') return fail('token-revoked');

    const refreshToken = vault.openRefreshToken(id);
    if (!refreshToken.ok) return recordFailure(id, refreshToken.error);
    const clientSecret = summary.clientId === null ? null : getClientSecret(summary.clientId);
    if (summary.clientId === null || clientSecret === null) return recordFailure(id, { code: 'rotation-needs-client-secret' });

    const answer = await gateway.refreshToken({ clientId: summary.clientId, clientSecret, refreshToken: refreshToken.value });
    if (!answer.ok) return recordFailure(id, answer.error);

    const { token, refreshToken: nextRefreshToken, expiresInSeconds, scopes } = answer.value;
    let updated: VaultTokenSummary;
    try {
      updated = await vault.replaceRotatedToken(id, {
        token,
        refreshToken: nextRefreshToken,
        expiresAt: expiresInSeconds === null ? null : clock.now() + expiresInSeconds * 1000,
        scopes,
      });
    } catch (error) {
      const code = error instanceof VaultError ? error.code : 'store-failed';
      // Revoked while Slack was answering: the revoke wins, nothing is brought back.
      if (code === 'token-revoked' || code === 'token-not-found') return fail(code);
      return recordFailure(id, { code });
    }
    failures.delete(id);
    emit(IpcEvent.VaultChanged, { reason: 'refreshed' });
    planNext(id);
    return { ok: true, value: updated };
  }

  /** One refresh per token at a time: a second caller shares the first one's answer (and refresh token). */
  function refresh(id: string): Promise<Result<VaultTokenSummary>> {
    const running = inFlight.get(id);
    if (running) return running;
    const run = attempt(id)
      .catch((): Result<VaultTokenSummary> => ({ ok: false, error: { code: 'internal' } }))
      .finally(() => inFlight.delete(id));
    inFlight.set(id, run);
    return run;
  }

  return {
    sync() {
      if (stopped) return;
      const present = new Set<string>();
      for (const summary of vault.list()) {
        present.add(summary.id);
        if (inFlight.has(summary.id) || timers.get(summary.id)?.retry) continue;
        planNext(summary.id);
      }
      for (const id of [...timers.keys()]) if (!present.has(id)) cancel(id);
    },
    refreshNow(id) {
      if (!inFlight.has(id)) {
        // The admin asked: start the retry count afresh.
        failures.delete(id);
        cancel(id);
      }
      return refresh(id);
    },
    stop() {
      stopped = true;
      for (const id of [...timers.keys()]) cancel(id);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
    },
  };
}

function fail(code: UserErrorCode): { ok: false; error: UserError } {
  return { ok: false, error: { code } };
}
