// Revoking a saved token: auth.revoke, then auth.test to see that Slack really refuses it now,
// and only then are the secrets deleted. Anything short of that leaves the token saved and
// marked `revoke-failed`, so Retry (calling this again) has something to revoke.
//
// Rotating tokens: the access token is revoked. Slack's docs do not say in so many words what
// happens to the rest of the chain; revoking ends the app's authorization, and our simulated
// Slack ends the whole chain. Either way, once Slack refuses the access token the stored refresh
// token is deleted with it, so this app can never mint a new one. An expired access token cannot
// be revoked, so it is refreshed first when the caller can (`refreshFirst`).
import type { Result, RevokeOutcome } from '../../shared/ipc-contract';
import type { UserError } from '../../shared/user-error';
import type { Clock, SlackGateway } from '../seams';
import type { ManagedTokenVault } from '../vault/token-vault';
import { isRefusedToken } from './revoke-outcome';

export interface RevokeSavedTokenDeps {
  vault: Pick<ManagedTokenVault, 'get' | 'openToken' | 'markRevoked' | 'markRevokeFailed'>;
  gateway: Pick<SlackGateway, 'revoke' | 'authTest'>;
  id: string;
  clock: Pick<Clock, 'now'>;
  /** Renews an expired rotating token so there is a live one to revoke (the rotation scheduler's refreshNow). */
  refreshFirst?: (id: string) => Promise<Result<unknown>>;
}

export async function revokeSavedToken(deps: RevokeSavedTokenDeps): Promise<Result<RevokeOutcome>> {
  const { vault, gateway, id, clock } = deps;
  const before = vault.get(id);
  if (!before) return failure({ code: 'token-not-found' });
  if (before.status === 'revoked') return { ok: true, value: { token: before, verified: true } };

  let refreshed = false;
  let refreshError: UserError | null = null;
  async function renew(): Promise<void> {
    if (refreshed || !deps.refreshFirst || !before?.rotating) return;
    refreshed = true;
    const result = await deps.refreshFirst(id);
    if (!result.ok) refreshError = result.error;
  }

  if (before.status === 'expired') await renew();

  let token = vault.openToken(id);
  if (!token.ok) return token;
  let revoke = await gateway.revoke(token.value, { dryRun: false });
  if (!revoke.ok && revoke.error.code === 'token-expired' && !refreshed && deps.refreshFirst && before.rotating) {
    await renew();
    token = vault.openToken(id);
    if (!token.ok) return token;
    revoke = await gateway.revoke(token.value, { dryRun: false });
  }

  if (!revoke.ok && !isRefusedToken(revoke.error)) {
    // An expired token that could not be renewed: the renewal's reason is the one to act on.
    const error = revoke.error.code === 'token-expired' && refreshError ? refreshError : revoke.error;
    return markFailed(error);
  }
  // Slack said revoked, or says the token is already dead: either way, check with auth.test.
  const slackSaidRevoked = revoke.ok && revoke.value.revoked;

  const check = await gateway.authTest(token.value);
  if (!check.ok && isRefusedToken(check.error)) return markRevoked(true);
  if (check.ok) return markFailed({ code: 'revoke-not-confirmed' });
  // auth.test itself failed (network, timeout…): Slack's own "revoked" is taken as the answer.
  if (slackSaidRevoked) return markRevoked(false);
  return markFailed(check.error);

  async function markRevoked(verified: boolean): Promise<Result<RevokeOutcome>> {
    const summary = await vault.markRevoked(id, clock.now());
    if (!summary) return failure({ code: 'token-not-found' });
    return { ok: true, value: { token: summary, verified } };
  }

  async function markFailed(error: UserError): Promise<Result<RevokeOutcome>> {
    await vault.markRevokeFailed(id, error);
    return failure(error);
  }
}

function failure(error: UserError): { ok: false; error: UserError } {
  return { ok: false, error };
}
